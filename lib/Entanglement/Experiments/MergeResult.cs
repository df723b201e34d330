namespace Entanglement.Experiments;

/// <summary>What <see cref="ResultsStore.Merge"/> did.</summary>
/// <param name="Added">Runs copied into the store.</param>
/// <param name="Duplicates">Runs already present with the same losses (skipped).</param>
/// <param name="Conflicts">Keys already present with different losses (the existing run is kept).</param>
public sealed record MergeResult(int Added, int Duplicates, IReadOnlyList<string> Conflicts);
