using Entanglement.Tensors;

namespace Entanglement.Systems;

/// <summary>What a <see cref="TrainingAlgorithm"/> receives: the vertex's training set as model inputs and targets.</summary>
/// <param name="Vertex">Name of the vertex being trained.</param>
/// <param name="Inputs">
/// One row per example: the vertex's own part of the example concatenated along features with its parents'
/// outputs (computed without autograd, so no gradient reaches the parents).
/// </param>
/// <param name="Targets">The targets <c>y_n</c> of the vertex's training set, row-aligned with <paramref name="Inputs"/>.</param>
/// <param name="Rng">The vertex's own random stream (forked from the system's by vertex name).</param>
public sealed record TrainingInput(string Vertex, Tensor Inputs, Tensor Targets, Rng Rng);
