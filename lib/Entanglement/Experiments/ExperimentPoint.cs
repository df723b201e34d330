namespace Entanglement.Experiments;

/// <summary>
/// One point of an experiment's sweep as stored: its position, the knob value, and a hash of the full
/// configuration, so that runs of a changed configuration never pass for runs of the old one.
/// </summary>
/// <param name="Index">Position of the point in the sweep.</param>
/// <param name="Value">The knob's value (NaN-free; 0 for experiments whose run covers a whole grid).</param>
/// <param name="Config">Hash of the experiment's configuration (<see cref="ConfigHash"/>).</param>
public sealed record ExperimentPoint(int Index, double Value, string Config);
