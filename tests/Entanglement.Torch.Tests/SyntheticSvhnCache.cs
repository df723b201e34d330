namespace Entanglement.Torch.Tests;

/// <summary>Tests that point XDG_CACHE_HOME (process-wide) at a synthetic SVHN cache run one at a time.</summary>
[CollectionDefinition(nameof(SyntheticSvhnCache), DisableParallelization = true)]
public sealed class SyntheticSvhnCache;
