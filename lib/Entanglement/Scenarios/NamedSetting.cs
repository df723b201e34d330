namespace Entanglement.Scenarios;

/// <summary>One candidate setting of an experiment, as a setting search tries it.</summary>
/// <typeparam name="TConfig">The experiment's config type.</typeparam>
/// <param name="Name">Short unique name, e.g. "fixed-1-7".</param>
/// <param name="Rationale">Why the setting might show the paper's mechanism.</param>
/// <param name="Config">The quick-scale config (its seeds are replaced by the search's).</param>
public sealed record NamedSetting<TConfig>(string Name, string Rationale, TConfig Config);
