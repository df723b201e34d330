using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Entanglement.Tensors;

namespace Entanglement.Optim;

/// <summary>
/// Adam (as <c>torch.optim.Adam</c>, not AMSGrad; weight decay as L2 added to the gradient):
/// g ← g + λ·p; m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
/// p ← p − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε).
/// </summary>
public sealed class Adam : Optimizer
{
    private readonly float[][] _m;
    private readonly float[][] _v;
    private readonly long[] _steps;
    private float[] _scratch = [];

    /// <summary>Creates the optimizer with PyTorch's defaults.</summary>
    public Adam(
        IEnumerable<Tensor> parameters,
        double lr = 1e-3,
        double beta1 = 0.9,
        double beta2 = 0.999,
        double eps = 1e-8,
        double weightDecay = 0)
        : base(parameters, lr)
    {
        Beta1 = UnitInterval(beta1, nameof(beta1));
        Beta2 = UnitInterval(beta2, nameof(beta2));
        Eps = NonNegative(eps, nameof(eps));
        WeightDecay = NonNegative(weightDecay, nameof(weightDecay));
        _m = Parameters.Select(p => new float[p.Size]).ToArray();
        _v = Parameters.Select(p => new float[p.Size]).ToArray();
        _steps = new long[Parameters.Count];
    }

    /// <summary>Decay of the first-moment estimate.</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the second-moment estimate.</summary>
    public double Beta2 { get; }

    /// <summary>Added to the denominator for numerical stability.</summary>
    public double Eps { get; }

    /// <summary>L2 penalty λ added to the gradient.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        var t = ++_steps[index];
        var m = _m[index].AsSpan();
        var v = _v[index].AsSpan();
        if (_scratch.Length < parameter.Length)
        {
            _scratch = new float[parameter.Length];
        }

        var tmp = _scratch.AsSpan(0, parameter.Length);
        var g = gradient;
        if (WeightDecay != 0)
        {
            TensorPrimitives.MultiplyAdd(parameter, (float)WeightDecay, gradient, tmp);
            g = tmp;
        }

        // m ← β₁m + (1−β₁)g and v ← β₂v + (1−β₂)g², as m += (1−β₁)(g − m) would round differently.
        TensorPrimitives.Multiply(m, (float)Beta1, m);
        TensorPrimitives.MultiplyAdd(g, (float)(1 - Beta1), m, m);
        TensorPrimitives.Multiply(v, (float)Beta2, v);
        TensorPrimitives.Multiply(g, g, tmp);
        TensorPrimitives.MultiplyAdd(tmp, (float)(1 - Beta2), v, v);

        var biasCorrection1 = 1 - Math.Pow(Beta1, t);
        var biasCorrection2Sqrt = Math.Sqrt(1 - Math.Pow(Beta2, t));
        var stepSize = (float)(LearningRate / biasCorrection1);

        // denom = √v / √(1−β₂ᵗ) + ε; p ← p − stepSize · m / denom.
        TensorPrimitives.Sqrt(v, tmp);
        TensorPrimitives.Multiply(tmp, (float)(1 / biasCorrection2Sqrt), tmp);
        TensorPrimitives.Add(tmp, (float)Eps, tmp);
        TensorPrimitives.Divide(m, tmp, tmp);
        TensorPrimitives.MultiplyAdd(tmp, -stepSize, parameter, parameter);
    }
}
