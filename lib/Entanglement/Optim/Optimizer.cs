using Entanglement.Tensors;

namespace Entanglement.Optim;

/// <summary>
/// Base of the optimizers (as <c>torch.optim.Optimizer</c>): owns the list of parameters it updates, clears their
/// gradients, and validates its hyper-parameters.
/// </summary>
public abstract class Optimizer
{
    private double _learningRate;

    /// <summary>Takes the parameters (each must require grad) and the initial learning rate.</summary>
    protected Optimizer(IEnumerable<Tensor> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException($"{GetType().Name}: got an empty parameter list.", nameof(parameters));
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null || !list[i].RequiresGrad || !list[i].IsLeaf)
            {
                throw new ArgumentException(
                    $"{GetType().Name}: parameter {i} is not a leaf tensor that requires grad.", nameof(parameters));
            }
        }

        if (list.Distinct(ReferenceEqualityComparer.Instance).Count() != list.Count)
        {
            throw new ArgumentException($"{GetType().Name}: a parameter appears twice.", nameof(parameters));
        }

        Parameters = list;
        LearningRate = learningRate;
    }

    /// <summary>The parameters this optimizer updates, in order.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The current learning rate (a schedule such as <see cref="MultiStepLR"/> sets it).</summary>
    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = NonNegative(value, nameof(LearningRate));
    }

    /// <summary>Number of <see cref="Step"/> calls so far.</summary>
    public long StepCount { get; private set; }

    /// <summary>Drops every parameter's gradient (as <c>zero_grad(set_to_none=True)</c>).</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters)
        {
            p.Grad = null;
        }
    }

    /// <summary>Updates every parameter that has a gradient; parameters without one are left alone.</summary>
    public void Step()
    {
        StepCount++;
        for (var i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            if (p.Grad is { } g)
            {
                Update(i, p.Data, g.Data);
            }
        }
    }

    /// <summary>Updates parameter <paramref name="index"/> in place from its gradient.</summary>
    protected abstract void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient);

    /// <summary>Checks that a hyper-parameter is finite and ≥ 0.</summary>
    protected double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{GetType().Name}: {name} must be finite and >= 0.");

    /// <summary>Checks that a hyper-parameter lies in [0, 1).</summary>
    protected double UnitInterval(double value, string name) =>
        value >= 0 && value < 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{GetType().Name}: {name} must be in [0, 1).");
}
