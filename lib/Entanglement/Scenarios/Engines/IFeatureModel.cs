using Entanglement.Tensors;
using Entanglement.Scenarios.Training;

namespace Entanglement.Scenarios.Engines;

/// <summary>A downstream model on frozen feature rows, held by an engine (paper, Appendix B: Adam lr 0.01).</summary>
public interface IFeatureModel : IDisposable
{
    /// <summary>The network this model instantiates.</summary>
    DownstreamNetwork Network { get; }

    /// <summary>Trains with cross-entropy on <paramref name="train"/>; leaves the model in eval mode.</summary>
    TrainingLog Fit(FeatureSet train, TrainingSettings settings, Rng rng);

    /// <summary>The arg-max prediction for every row.</summary>
    int[] Predict(FeatureSet data);
}
