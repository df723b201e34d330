namespace Entanglement.Optim;

/// <summary>
/// Multiplies the learning rate by <see cref="Gamma"/> at each milestone epoch (as
/// <c>torch.optim.lr_scheduler.MultiStepLR</c>); call <see cref="Step"/> once per epoch, after the epoch.
/// The paper decays ×0.1 at ½ and ¾ of training.
/// </summary>
public sealed class MultiStepLR
{
    private readonly Optimizer _optimizer;
    private readonly int[] _milestones;

    /// <summary>Creates the schedule; the optimizer's current learning rate is the base rate.</summary>
    public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma = 0.1)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(milestones);
        if (milestones.Any(m => m <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(milestones), "MultiStepLR: milestones must be positive epochs.");
        }

        if (!double.IsFinite(gamma) || gamma <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "MultiStepLR: gamma must be positive.");
        }

        _optimizer = optimizer;
        _milestones = [.. milestones.Order()];
        Gamma = gamma;
        BaseLearningRate = optimizer.LearningRate;
    }

    /// <summary>The factor applied at each milestone.</summary>
    public double Gamma { get; }

    /// <summary>The learning rate at epoch 0.</summary>
    public double BaseLearningRate { get; }

    /// <summary>Number of completed epochs (calls to <see cref="Step"/>).</summary>
    public int Epoch { get; private set; }

    /// <summary>The sorted milestones (a repeated milestone decays twice, as in PyTorch).</summary>
    public IReadOnlyList<int> Milestones => _milestones;

    /// <summary>Ends an epoch: lr = base · γ^(number of milestones ≤ epoch).</summary>
    public void Step()
    {
        Epoch++;
        var passed = _milestones.Count(m => m <= Epoch);
        _optimizer.LearningRate = BaseLearningRate * Math.Pow(Gamma, passed);
    }
}
