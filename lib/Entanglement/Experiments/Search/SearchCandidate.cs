using Entanglement.Scenarios;

namespace Entanglement.Experiments.Search;

/// <summary>One setting a search tries: a name, what it changes (and why), and how to run it on given seeds.</summary>
/// <param name="Name">Short unique name, e.g. "bottleneck-4".</param>
/// <param name="Rationale">Why this setting might show the paper's mechanism.</param>
/// <param name="Settings">The full settings, as the experiment describes them.</param>
/// <param name="Run">Runs the sweep on the given seeds (in memory, in order).</param>
public sealed record SearchCandidate(
    string Name,
    string Rationale,
    string Settings,
    Func<IReadOnlyList<int>, IProgress<string>?, SweepResult> Run);
