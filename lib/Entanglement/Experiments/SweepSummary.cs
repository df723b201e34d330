namespace Entanglement.Experiments;

/// <summary>What a call of <see cref="SweepRunner.Run"/> did.</summary>
/// <param name="Total">Runs in the shard.</param>
/// <param name="Skipped">Runs already stored, not run again.</param>
/// <param name="Ran">Runs computed and committed by this call.</param>
public sealed record SweepSummary(int Total, int Skipped, int Ran);
