using System.Globalization;

namespace Entanglement.Diagnostics;

/// <summary>
/// The per-example outcomes of one experiment's sweep: systems trained at each knob value (first = the original
/// upstream v, last = the improved v′) and seed, with the roles of their vertices: the updated upstream(s), the
/// retrained downstream, and the downstream's decomposition probes (<see cref="Information"/>, <see cref="InClass"/>).
/// </summary>
public sealed record OutcomeSweep
{
    /// <summary>Experiment title, e.g. "Loss-function mismatch (§4.1.1)".</summary>
    public required string Experiment { get; init; }

    /// <summary>The knob's symbol, e.g. "r".</summary>
    public required string Knob { get; init; }

    /// <summary>Knob values by point index.</summary>
    public required IReadOnlyList<double> KnobValues { get; init; }

    /// <summary>The vertex the update improves (its own loss is the knob's target).</summary>
    public required string Updated { get; init; }

    /// <summary>Other upstreams feeding the downstream, unchanged by the update (e.g. v when u is improved).</summary>
    public IReadOnlyList<string> OtherUpstreams { get; init; } = [];

    public string Downstream { get; init; } = "downstream";

    /// <summary>Probe estimating the best achievable downstream error on the upstream outputs (k-NN, held-out fit).</summary>
    public string Information { get; init; } = "downstream:knn";

    /// <summary>Probe estimating the best error of the downstream's model class (fitted to the test inputs).</summary>
    public string InClass { get; init; } = "downstream:in-class";

    /// <summary>Every run of the sweep with its outcomes.</summary>
    public required IReadOnlyList<SystemRun> Runs { get; init; }

    /// <summary>Profile and seeds, for captions.</summary>
    public string Provenance { get; init; } = "";

    /// <summary>Seeds that have a run at both <paramref name="from"/> and <paramref name="to"/> (ascending).</summary>
    public IReadOnlyList<int> PairedSeeds(int from, int to) =>
        [.. Runs.Where(r => r.PointIndex == from).Select(r => r.Seed).Intersect(Runs.Where(r => r.PointIndex == to).Select(r => r.Seed)).Order()];

    /// <summary>The run at a point and seed.</summary>
    public SystemRun Run(int point, int seed) =>
        Runs.FirstOrDefault(r => r.PointIndex == point && r.Seed == seed)
        ?? throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"{Experiment}: no run at point {point}, seed {seed}."));

    /// <summary>Whether every run has outcomes for <paramref name="vertex"/>.</summary>
    public bool Has(string vertex) => Runs.Count > 0 && Runs.All(r => r.Vertices.ContainsKey(vertex));

    /// <summary>A knob value as tables print it.</summary>
    public string FormatKnob(int point) => KnobValues[point].ToString("0.###", CultureInfo.InvariantCulture);
}
