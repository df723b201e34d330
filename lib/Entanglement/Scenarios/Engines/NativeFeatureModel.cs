using Entanglement.NN;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.Engines;

/// <summary>A downstream model on the native engine, trained by <see cref="FeatureTrainer"/>.</summary>
public sealed class NativeFeatureModel(DownstreamNetwork network, Module module) : IFeatureModel
{
    public DownstreamNetwork Network { get; } = network ?? throw new ArgumentNullException(nameof(network));

    /// <summary>The native module.</summary>
    public Module Module { get; } = module ?? throw new ArgumentNullException(nameof(module));

    public TrainingLog Fit(FeatureSet train, TrainingSettings settings, Rng rng) => FeatureTrainer.Fit(Module, train, settings, rng);

    public int[] Predict(FeatureSet data) => FeatureTrainer.Predict(Module, data);

    public void Dispose()
    {
    }
}
