namespace Entanglement.Systems;

/// <summary>
/// A vertex of the system (paper, Section 2): a model with its parents, training set <c>D_v</c>, training algorithm
/// <c>A_v</c> (which also fixes the hypothesis set), fixed test set and fixed test loss <c>ℓ_v</c>.
/// </summary>
public sealed record Vertex
{
    /// <summary>Unique name of the vertex in its graph.</summary>
    public required string Name { get; init; }

    /// <summary>Names of the parents <c>P_v</c>, in the order their outputs are concatenated to the input.</summary>
    public IReadOnlyList<string> Parents { get; init; } = [];

    /// <summary>The training algorithm <c>A_v</c>.</summary>
    public required TrainingAlgorithm Train { get; init; }

    /// <summary>The training set <c>D_v</c>.</summary>
    public required VertexData TrainingSet { get; init; }

    /// <summary>The fixed test set; an update must keep it.</summary>
    public required VertexData TestSet { get; init; }

    /// <summary>The fixed test loss <c>ℓ_v</c> (lower is better); an update must keep it.</summary>
    public required TestLoss Loss { get; init; }
}
