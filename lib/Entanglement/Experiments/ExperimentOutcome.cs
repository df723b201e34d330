using Entanglement.Scenarios;

namespace Entanglement.Experiments;

/// <summary>An experiment's result as the CLI reports it: its sweeps (each with a Definition 2.1 verdict) and a note.</summary>
/// <param name="Name">The experiment's CLI name.</param>
/// <param name="Sweeps">One or more sweeps; empty when a shard left the store incomplete.</param>
/// <param name="Note">Extra findings in words (for example the anti-correlated grid's diagonal contrast), or null.</param>
public sealed record ExperimentOutcome(string Name, IReadOnlyList<SweepResult> Sweeps, string? Note);
