namespace Entanglement.Systems;

/// <summary>One vertex's test loss over seeds before and after an update (paired by position when seeds match).</summary>
/// <param name="Vertex">The vertex whose loss this is.</param>
/// <param name="Before">ℓ before the update, one value per seed.</param>
/// <param name="After">ℓ after the update (and retraining), one value per seed.</param>
public sealed record LossSamples(string Vertex, IReadOnlyList<double> Before, IReadOnlyList<double> After);
