using Entanglement.Data;
using Entanglement.NN;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;
using Entanglement.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Entanglement.Torch;

/// <summary>
/// An upstream model on LibTorch, trained with the native trainer's algorithm: the same <see cref="DataLoader"/> (order
/// and augmentation from the same <see cref="Rng"/>), Adam, the learning rate × 0.1 at the milestones, per-example losses.
/// </summary>
public sealed class TorchImageModel : IImageModel
{
    private readonly TorchImageNet _net;
    private readonly torch.Device _device;

    internal TorchImageModel(UpstreamNetwork network, TorchImageNet net, torch.Device device)
    {
        Network = network;
        _net = net;
        _device = device;
    }

    public UpstreamNetwork Network { get; }

    /// <summary>The LibTorch module (for cross-checks and checkpoints).</summary>
    public TorchImageNet Module => _net;

    public TrainingLog Fit(ImageDataset train, Normalization normalization, ImageLoss loss, TrainingSettings settings, Rng rng,
        LossCurveArea? difficulty = null, Action<int>? onEpochEnd = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rng);
        LibTorchThreads.Pin();
        var loader = new DataLoader(train, settings.BatchSize, normalization, shuffle: true, rng: rng.Fork("loader"),
            augmentation: settings.Augmentation);
        using var optimizer = optim.Adam(_net.parameters(), lr: settings.LearningRate);
        var schedule = optim.lr_scheduler.MultiStepLR(optimizer, settings.Milestones, gamma: 0.1);
        var epochLosses = new double[settings.Epochs];
        long step = 0;
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            _net.train();
            double sum = 0;
            foreach (var batch in loader)
            {
                AmbientCancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                using var x = ToDevice(batch.Images);
                var perExample = TorchLosses.PerExample(loss, _net.call(x), batch.Labels, _device);
                var mean = perExample.mean();
                step++;
                var values = perExample.detach().cpu().data<float>().ToArray();
                if (!float.IsFinite(mean.item<float>()))
                {
                    throw new NonFiniteException(step, "loss", "value");
                }

                optimizer.zero_grad();
                mean.backward();
                optimizer.step();
                difficulty?.Add(batch.Indices, values);
                foreach (var value in values)
                {
                    sum += value;
                }
            }

            ThrowIfNonFiniteParameters(step);
            schedule.step();
            epochLosses[epoch] = sum / train.Count;
            _net.eval();
            progress?.Report(FormattableString.Invariant($"epoch {epoch + 1}/{settings.Epochs}, training loss {epochLosses[epoch]:F4}"));
            onEpochEnd?.Invoke(epoch);
        }

        _net.eval();
        return new TrainingLog(epochLosses);
    }

    public FeatureSet Outputs(ImageDataset images, Normalization normalization) => Map(_net.call, images, normalization);

    public FeatureSet Features(ImageDataset images, Normalization normalization) => Network.FeatureTap switch
    {
        FeatureTap.LastHidden => Map(_net.LastHidden, images, normalization),
        _ => Map(_net.Features, images, normalization),
    };

    public IReadOnlyDictionary<string, StateArray> StateDict() => TorchState.Read(_net);

    public void LoadStateDict(IReadOnlyDictionary<string, StateArray> state) => TorchState.Write(_net, state);

    public void Dispose() => _net.Dispose();

    private FeatureSet Map(Func<torch.Tensor, torch.Tensor> map, ImageDataset images, Normalization normalization, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(images);
        LibTorchThreads.Pin();
        _net.eval();
        var values = new List<float>();
        var width = 0;
        using (no_grad())
        {
            foreach (var batch in new DataLoader(images, batchSize, normalization))
            {
                AmbientCancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var y = map(ToDevice(batch.Images)).cpu().contiguous();
                width = (int)(y.numel() / batch.Count);
                values.AddRange(y.data<float>());
            }
        }

        return new FeatureSet([.. values], width, [.. images.Labels]);
    }

    private torch.Tensor ToDevice(Tensors.Tensor images) =>
        tensor(images.Data, [.. images.Shape.ToArray().Select(d => (long)d)], device: _device);

    private void ThrowIfNonFiniteParameters(long step)
    {
        using var noGrad = no_grad();
        foreach (var (name, p) in _net.named_parameters())
        {
            if (!p.isfinite().all().item<bool>())
            {
                throw new NonFiniteException(step, name, "parameter");
            }
        }
    }
}
