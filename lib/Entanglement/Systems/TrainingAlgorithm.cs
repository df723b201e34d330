namespace Entanglement.Systems;

/// <summary>
/// The training algorithm <c>A_v</c> of a vertex (paper, Section 2): selects a model from its hypothesis set given
/// the training set, whose inputs already hold the parents' (frozen) outputs.
/// </summary>
public delegate Predictor TrainingAlgorithm(TrainingInput input);
