namespace Entanglement.Scenarios;

/// <summary>The test losses of one (knob point, seed) run: ℓ_v of the upstream and ℓ_w of the retrained downstream.</summary>
public sealed record RunLosses(double Upstream, double Downstream);
