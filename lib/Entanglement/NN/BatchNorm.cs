using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>
/// Batch normalisation over channel axis 1 with learnable scale and shift and running statistics; the shared
/// implementation of <see cref="BatchNorm1d"/> and <see cref="BatchNorm2d"/>.
/// </summary>
public abstract class BatchNorm : Module
{
    /// <summary>Registers weight (ones), bias (zeros), running_mean (zeros) and running_var (ones).</summary>
    protected BatchNorm(int numFeatures, double eps, double momentum)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numFeatures);
        if (!(eps > 0) || !double.IsFinite(eps))
        {
            throw new ArgumentOutOfRangeException(nameof(eps), eps, "BatchNorm: eps must be positive.");
        }

        if (!(momentum >= 0 && momentum <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "BatchNorm: momentum must be in [0, 1].");
        }

        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        Weight = RegisterParameter("weight", Tensor.Ones(numFeatures));
        Bias = RegisterParameter("bias", Tensor.Zeros(numFeatures));
        RunningMean = RegisterBuffer("running_mean", Tensor.Zeros(numFeatures));
        RunningVar = RegisterBuffer("running_var", Tensor.Ones(numFeatures));
    }

    /// <summary>Number of channels.</summary>
    public int NumFeatures { get; }

    /// <summary>Added to the variance before the square root.</summary>
    public double Eps { get; }

    /// <summary>Weight of the new batch statistic in the running average.</summary>
    public double Momentum { get; }

    /// <summary>The scale γ [c].</summary>
    public Tensor Weight { get; }

    /// <summary>The shift β [c].</summary>
    public Tensor Bias { get; }

    /// <summary>Running mean [c] (a buffer).</summary>
    public Tensor RunningMean { get; }

    /// <summary>Running unbiased variance [c] (a buffer).</summary>
    public Tensor RunningVar { get; }

    /// <summary>The input ranks this layer accepts.</summary>
    protected abstract IReadOnlyList<int> Ranks { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        CheckInput(input);
        return Functional.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, Training, Momentum, Eps);
    }

    /// <summary>
    /// <c>Forward(input).MaxPool2d(2).ReLU()</c> as one fused op (<see cref="Functional.BatchNormMaxPool2dReLU"/>):
    /// the same numbers and running-statistics update, without the intermediate tensors.
    /// </summary>
    public Tensor ForwardMaxPool2dReLU(Tensor input)
    {
        CheckInput(input);
        return Functional.BatchNormMaxPool2dReLU(input, RunningMean, RunningVar, Weight, Bias, Training, Momentum, Eps);
    }

    private void CheckInput(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Ranks.Contains(input.Rank) || input.Shape[1] != NumFeatures)
        {
            throw new ArgumentException(
                $"{GetType().Name}({NumFeatures}): input {input.Shape}, expected rank {string.Join(" or ", Ranks)} " +
                $"with {NumFeatures} channels on axis 1.",
                nameof(input));
        }
    }
}
