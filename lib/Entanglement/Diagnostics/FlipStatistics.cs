using Entanglement.Systems;

namespace Entanglement.Diagnostics;

/// <summary>One vertex's flip metrics between two knob points over seeds: mean and sample standard deviation of each.</summary>
/// <param name="Vertex">The vertex compared.</param>
/// <param name="Class">The data-set class the rows are restricted to, or null for every example.</param>
/// <param name="Seeds">The seeds, in the order of <paramref name="PerSeed"/>.</param>
/// <param name="PerSeed">The metrics of each seed.</param>
public sealed record FlipStatistics(string Vertex, int? Class, IReadOnlyList<int> Seeds, IReadOnlyList<FlipMetrics> PerSeed)
{
    public SampleSummary NegativeFlipRate => Summary(m => m.NegativeFlipRate);

    public SampleSummary PositiveFlipRate => Summary(m => m.PositiveFlipRate);

    public SampleSummary Btc => Summary(m => m.Btc);

    public SampleSummary Bec => Summary(m => m.Bec);

    public SampleSummary ErrorBefore => Summary(m => m.ErrorBefore);

    public SampleSummary ErrorAfter => Summary(m => m.ErrorAfter);

    private SampleSummary Summary(Func<FlipMetrics, double> pick) => SampleSummary.Of([.. PerSeed.Select(pick)]);
}
