using Entanglement.NN;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Entanglement.Torch;

/// <summary>A downstream model on LibTorch, trained as the native <see cref="FeatureTrainer"/> trains (same shuffles).</summary>
public sealed class TorchFeatureModel : IFeatureModel
{
    private readonly nn.Module<torch.Tensor, torch.Tensor> _net;
    private readonly torch.Device _device;

    internal TorchFeatureModel(DownstreamNetwork network, nn.Module<torch.Tensor, torch.Tensor> net, torch.Device device)
    {
        Network = network;
        _net = net;
        _device = device;
    }

    public DownstreamNetwork Network { get; }

    /// <summary>The LibTorch module.</summary>
    public nn.Module<torch.Tensor, torch.Tensor> Module => _net;

    public TrainingLog Fit(FeatureSet train, TrainingSettings settings, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rng);
        LibTorchThreads.Pin();
        if (train.Count == 0)
        {
            throw new ArgumentException("FeatureTrainer: the training set is empty.", nameof(train));
        }

        using var x = tensor(train.Features, [train.Count, train.Width], device: _device);
        using var y = tensor(train.Labels.Select(l => (long)l).ToArray(), device: _device);
        using var optimizer = optim.Adam(_net.parameters(), lr: settings.LearningRate);
        var schedule = optim.lr_scheduler.MultiStepLR(optimizer, settings.Milestones, gamma: 0.1);
        var losses = new double[settings.Epochs];
        long step = 0;
        _net.train();
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            var order = rng.Fork("shuffle").Fork(epoch).Permutation(train.Count);
            double sum = 0;
            for (var start = 0; start < train.Count; start += settings.BatchSize)
            {
                AmbientCancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var count = Math.Min(settings.BatchSize, train.Count - start);
                var rows = tensor(order.AsSpan(start, count).ToArray().Select(i => (long)i).ToArray(), device: _device);
                var loss = TorchLosses.CrossEntropy(_net.call(x.index_select(0, rows)), y.index_select(0, rows)).mean();
                step++;
                var value = loss.item<float>();
                if (!float.IsFinite(value))
                {
                    throw new NonFiniteException(step, "loss", "value");
                }

                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += (double)value * count;
            }

            schedule.step();
            losses[epoch] = sum / train.Count;
        }

        _net.eval();
        return new TrainingLog(losses);
    }

    public int[] Predict(FeatureSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        LibTorchThreads.Pin();
        _net.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var x = tensor(data.Features, [data.Count, data.Width], device: _device);
        return [.. _net.call(x).argmax(1).cpu().data<long>().Select(v => (int)v)];
    }

    public void Dispose() => _net.Dispose();
}
