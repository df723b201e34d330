using Entanglement.NN;
using Entanglement.Optim;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.Engines;

/// <summary>A network trained with a scenario's own loss on the native engine.</summary>
public sealed class NativeNetworkModel(Module module) : INetworkModel
{
    /// <summary>The native module (for code below the seam: cross-checks).</summary>
    public Module Module { get; } = module ?? throw new ArgumentNullException(nameof(module));

    public int ParameterCount => Module.Parameters().Sum(p => p.Shape.Size);

    public float[] Forward(float[] inputs, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(shape);
        Module.Eval();
        using (Autograd.NoGrad())
        {
            return Module.Forward(Tensor.FromArray(inputs, shape)).Data;
        }
    }

    public INetworkTraining Adam(double learningRate, int[] milestones)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        var optimizer = new Adam(Module.Parameters(), lr: learningRate);
        return new Training(Module, optimizer, new MultiStepLR(optimizer, milestones));
    }

    public IReadOnlyDictionary<string, StateArray> StateDict() => StateArray.Of(Module);

    public void LoadStateDict(IReadOnlyDictionary<string, StateArray> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Module.LoadStateDict(state.ToDictionary(e => e.Key, e => Tensor.FromArray(e.Value.Values, e.Value.Shape), StringComparer.Ordinal));
    }

    public void Dispose()
    {
    }

    private sealed class Training(Module module, Adam optimizer, MultiStepLR schedule) : INetworkTraining
    {
        public double Update(float[] inputs, int[] shape, OutputLoss loss)
        {
            ArgumentNullException.ThrowIfNull(inputs);
            ArgumentNullException.ThrowIfNull(shape);
            ArgumentNullException.ThrowIfNull(loss);
            module.Train();
            optimizer.ZeroGrad();
            var y = module.Forward(Tensor.FromArray(inputs, shape));
            var gradient = new float[y.Size];
            var value = loss(y.Data, gradient);
            y.Backward(Tensor.FromArray(gradient, y.Shape.ToArray()));
            optimizer.Step();
            return value;
        }

        public void EndEpoch(int epoch)
        {
            module.ThrowIfNonFinite(epoch);
            schedule.Step();
        }

        public void Dispose()
        {
        }
    }
}
