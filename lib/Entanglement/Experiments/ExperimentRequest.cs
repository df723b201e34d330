using Entanglement.Data;
using Entanglement.Scenarios;

namespace Entanglement.Experiments;

/// <summary>What the CLI asks of an experiment: a profile, optionally another data set or seed count, and the store.</summary>
/// <param name="Profile">The preset to start from.</param>
/// <param name="Dataset">Overrides the preset's data set (the toy illustrations ignore it).</param>
/// <param name="SeedCount">Overrides the preset's seeds with 0…N−1.</param>
/// <param name="Options">Store, shard, progress and cancellation.</param>
public sealed record ExperimentRequest(Profile Profile, DatasetKind? Dataset, int? SeedCount, ExperimentOptions Options)
{
    /// <summary>The preset's seeds, or 0…N−1 when a count was given.</summary>
    public IReadOnlyList<int> Seeds(IReadOnlyList<int> preset) =>
        SeedCount is { } n ? [.. Enumerable.Range(0, n)] : preset;
}
