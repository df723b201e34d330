using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Entanglement.Tensors;

namespace Entanglement.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum and weight decay (as <c>torch.optim.SGD</c>, dampening 0,
/// not Nesterov): d = g + λ·p; b ← μ·b + d (b = d on the first step); p ← p − lr·b (b = d without momentum).
/// </summary>
public sealed class SGD : Optimizer
{
    private readonly float[]?[] _momentumBuffers;

    /// <summary>Creates the optimizer over <paramref name="parameters"/>.</summary>
    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double weightDecay = 0)
        : base(parameters, lr)
    {
        Momentum = NonNegative(momentum, nameof(momentum));
        WeightDecay = NonNegative(weightDecay, nameof(weightDecay));
        _momentumBuffers = new float[]?[Parameters.Count];
    }

    /// <summary>Momentum factor μ.</summary>
    public double Momentum { get; }

    /// <summary>L2 penalty λ added to the gradient.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        var lr = (float)LearningRate;
        if (WeightDecay == 0 && Momentum == 0)
        {
            TensorPrimitives.MultiplyAdd(gradient, -lr, parameter, parameter);
            return;
        }

        var d = gradient.ToArray();
        if (WeightDecay != 0)
        {
            TensorPrimitives.MultiplyAdd(parameter, (float)WeightDecay, d, d);
        }

        if (Momentum != 0)
        {
            if (_momentumBuffers[index] is { } b)
            {
                TensorPrimitives.MultiplyAdd(b, (float)Momentum, d, b);
                d = b;
            }
            else
            {
                _momentumBuffers[index] = d;
            }
        }

        TensorPrimitives.MultiplyAdd(d, -lr, parameter, parameter);
    }
}
