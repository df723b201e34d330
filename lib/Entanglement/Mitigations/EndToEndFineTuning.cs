using Entanglement.Data;
using Entanglement.NN;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Mitigations;

/// <summary>
/// End-to-end fine-tuning (the paper's "not a panacea" alternative): the upstream's hand-off and the downstream are
/// composed into one network and trained together on the downstream's cross-entropy, so the downstream's loss
/// reaches the upstream's weights. No new gradient code: the composition is ordinary autograd through both modules.
/// This is the one place of the mitigations below the engine seam: the engine seam trains each model on its own, so
/// the composition needs both models on the native engine; on another engine it reports that it cannot run.
/// </summary>
public static class EndToEndFineTuning
{
    /// <summary>Why the current engine cannot fine-tune end to end, or null when it can.</summary>
    public static string? Unavailable(ITrainingEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return engine is NativeEngine
            ? null
            : $"end-to-end fine-tuning composes the two models' native modules; the {engine.Name} engine trains each model on its own";
    }

    /// <summary>
    /// Fine-tunes <paramref name="upstream"/> and <paramref name="downstream"/> in place on <paramref name="train"/>
    /// (images with the downstream's labels), with the downstream reading the upstream's <paramref name="handOff"/>.
    /// </summary>
    public static void Fit(IImageModel upstream, IFeatureModel downstream, HandOff handOff, ImageDataset train,
        Normalization normalization, TrainingSettings settings, Rng rng, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(downstream);
        if (upstream is not NativeImageModel up || downstream is not NativeFeatureModel down)
        {
            throw new NotSupportedException(
                $"EndToEndFineTuning: needs native models, got {upstream.GetType().Name} and {downstream.GetType().Name}.");
        }

        var embed = handOff == HandOff.Outputs ? up.Module.Forward : up.Network.Embedder(up.Module);
        var composite = new Composite(up.Module, down.Module, embed);
        ImageTrainer.Fit(composite, train, normalization, NativeImageModel.PerExample(ImageLoss.CrossEntropy), settings, rng,
            progress: progress);
        up.Module.Eval();
        down.Module.Eval();
    }

    /// <summary>x ↦ downstream(embed(x)), with both modules registered so their parameters train together.</summary>
    private sealed class Composite : Module
    {
        private readonly Module _downstream;
        private readonly Func<Tensor, Tensor> _embed;

        public Composite(Module upstream, Module downstream, Func<Tensor, Tensor> embed)
        {
            Register("upstream", upstream);
            _downstream = Register("downstream", downstream);
            _embed = embed;
        }

        public override Tensor Forward(Tensor input) => _downstream.Forward(_embed(input));
    }
}
