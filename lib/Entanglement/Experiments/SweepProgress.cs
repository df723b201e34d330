namespace Entanglement.Experiments;

/// <summary>Progress of a sweep, reported after each run it commits (and once at the start).</summary>
/// <param name="Completed">Runs of this shard finished, including those found already stored.</param>
/// <param name="Total">Runs in this shard.</param>
/// <param name="Skipped">Runs found already stored and not run again.</param>
/// <param name="LastKey">Key of the run just committed; null in the first report.</param>
/// <param name="LastLosses">Losses of the run just committed; null in the first report.</param>
public sealed record SweepProgress(
    int Completed, int Total, int Skipped, string? LastKey, IReadOnlyDictionary<string, double>? LastLosses);
