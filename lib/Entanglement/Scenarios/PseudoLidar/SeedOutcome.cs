namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>Everything one seed of the case study measured.</summary>
public sealed record SeedOutcome(
    int Seed,
    IReadOnlyDictionary<DepthLoss, double[]> DepthMaeByRange,
    IReadOnlyDictionary<DepthLoss, double> DepthMae,
    IReadOnlyDictionary<DepthLoss, double> DisparityMae,
    IReadOnlyDictionary<(DepthSource Source, ObjectKind Kind, BoxView View), double> Section5Ap,
    IReadOnlyDictionary<(DepthSource Source, BoxView View), double> AppendixAp);
