namespace Entanglement.Scenarios;

/// <summary>Runs a sweep's (point, seed) pairs in order, in memory (the results store wraps the same runs).</summary>
public static class Sweep
{
    /// <summary>Calls <paramref name="run"/> for every point × seed and assembles the result.</summary>
    public static SweepResult Collect(SweepShape shape, Func<int, int, RunLosses> run, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(run);
        var points = shape.KnobValues.Count;
        var upstream = new double[points][];
        var downstream = new double[points][];
        for (var p = 0; p < points; p++)
        {
            upstream[p] = new double[shape.Seeds.Count];
            downstream[p] = new double[shape.Seeds.Count];
            for (var s = 0; s < shape.Seeds.Count; s++)
            {
                var losses = run(p, shape.Seeds[s]);
                upstream[p][s] = losses.Upstream;
                downstream[p][s] = losses.Downstream;
                progress?.Report($"{shape.Experiment}: {shape.Knob} = {SweepShape.FormatKnob(shape.KnobValues[p])}, seed {shape.Seeds[s]} done");
            }
        }

        return SweepResult.From(shape, upstream, downstream);
    }
}
