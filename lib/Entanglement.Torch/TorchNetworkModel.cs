using Entanglement.NN;
using Entanglement.Scenarios.Engines;
using TorchSharp;
using static TorchSharp.torch;

namespace Entanglement.Torch;

/// <summary>
/// A network trained with a scenario's own loss on LibTorch: the scenario's <see cref="OutputLoss"/> gets the outputs
/// as a plain array and returns the loss and its gradient, which LibTorch back-propagates through the network; Adam and
/// the learning-rate schedule are LibTorch's (PyTorch's defaults, as the native ones).
/// </summary>
public sealed class TorchNetworkModel : INetworkModel
{
    private readonly nn.Module<torch.Tensor, torch.Tensor> _net;
    private readonly torch.Device _device;

    internal TorchNetworkModel(nn.Module<torch.Tensor, torch.Tensor> net, torch.Device device)
    {
        _net = net;
        _device = device;
    }

    /// <summary>The LibTorch module (for cross-checks).</summary>
    public nn.Module<torch.Tensor, torch.Tensor> Module => _net;

    public int ParameterCount => (int)_net.parameters().Sum(p => p.numel());

    public float[] Forward(float[] inputs, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(shape);
        LibTorchThreads.Pin();
        _net.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return _net.call(ToDevice(inputs, shape)).cpu().contiguous().data<float>().ToArray();
    }

    public INetworkTraining Adam(double learningRate, int[] milestones)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        LibTorchThreads.Pin();
        var optimizer = optim.Adam(_net.parameters(), lr: learningRate);
        return new Training(this, optimizer, optim.lr_scheduler.MultiStepLR(optimizer, milestones, gamma: 0.1));
    }

    public IReadOnlyDictionary<string, StateArray> StateDict() => TorchState.Read(_net);

    public void LoadStateDict(IReadOnlyDictionary<string, StateArray> state) => TorchState.Write(_net, state);

    public void Dispose() => _net.Dispose();

    private torch.Tensor ToDevice(float[] values, int[] shape) => tensor(values, [.. shape.Select(d => (long)d)], device: _device);

    private sealed class Training(TorchNetworkModel model, optim.Optimizer optimizer, optim.lr_scheduler.LRScheduler schedule) : INetworkTraining
    {
        public double Update(float[] inputs, int[] shape, OutputLoss loss)
        {
            ArgumentNullException.ThrowIfNull(inputs);
            ArgumentNullException.ThrowIfNull(shape);
            ArgumentNullException.ThrowIfNull(loss);
            LibTorchThreads.Pin();
            using var scope = NewDisposeScope();
            model._net.train();
            optimizer.zero_grad();
            var y = model._net.call(model.ToDevice(inputs, shape));
            var outputs = y.detach().cpu().contiguous().data<float>().ToArray();
            var gradient = new float[outputs.Length];
            var value = loss(outputs, gradient);
            y.backward([tensor(gradient, y.shape, device: model._device)]);
            optimizer.step();
            return value;
        }

        public void EndEpoch(int epoch)
        {
            using (no_grad())
            {
                foreach (var (name, p) in model._net.named_parameters())
                {
                    if (!p.isfinite().all().item<bool>())
                    {
                        throw new NonFiniteException(epoch, name, "value");
                    }

                    if (p.grad is { } g && !g.isfinite().all().item<bool>())
                    {
                        throw new NonFiniteException(epoch, name, "gradient");
                    }
                }
            }

            schedule.step();
        }

        public void Dispose() => optimizer.Dispose();
    }
}
