using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>A model whose penultimate representation (the input of its last layer) can be read out.</summary>
public interface IFeatureExtractor
{
    /// <summary>The model's features for <paramref name="input"/>: the forward pass without the last layer.</summary>
    Tensor Features(Tensor input);
}
