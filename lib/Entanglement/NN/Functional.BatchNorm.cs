using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;

namespace Entanglement.NN;

/// <summary>Fused batch normalisation.</summary>
public static partial class Functional
{
    /// <summary>
    /// Batch normalisation over every axis but the channel axis 1 of x [n, c] or [n, c, …] (as
    /// <c>F.batch_norm</c>). In training it normalises with the batch statistics (biased variance) and updates
    /// the running statistics in place: r ← (1 − momentum)·r + momentum·s, with the unbiased variance for the
    /// running estimate, as PyTorch does. In evaluation it uses the running statistics.
    /// Backward (training), per channel over its m elements, with x̂ = (x − μ)/σ:
    /// dX = γ/(m·σ) · (m·dY − ΣdY − x̂·Σ(dY·x̂)), dγ = Σ(dY·x̂), dβ = ΣdY; in evaluation dX = γ·dY/σ.
    /// </summary>
    public static Tensor BatchNorm(
        Tensor x,
        Tensor runningMean,
        Tensor runningVar,
        Tensor? weight,
        Tensor? bias,
        bool training,
        double momentum = 0.1,
        double eps = 1e-5)
    {
        var (n, c, inner, m) = CheckBatchNorm("BatchNorm", x, runningMean, runningVar, weight, bias, training);

        // Only the per-channel mean and 1/σ are kept for backward: x̂ = (x − μ)/σ is recomputed from x there.
        var y = GC.AllocateUninitializedArray<float>(x.Size);
        var means = new float[c];
        var invStd = new float[c];
        Channels(c, x.Size, ch =>
        {
            var (mean, inv) = ChannelStatistics(x.Data, n, c, ch, inner, runningMean, runningVar, training, momentum, eps);
            means[ch] = mean;
            invStd[ch] = inv;
            var gamma = weight?.Data[ch] ?? 1f;
            var beta = bias?.Data[ch] ?? 0f;

            // y = (x − μ)·(γ/σ) + β.
            BatchNormKernel.Normalize(x.Data, n, c, ch, inner, mean, inv * gamma, beta, y);
        });

        var inputs = AffineInputs(x, weight, bias);
        return Tensor.FromOp(y, x.Shape, "BatchNorm", inputs, g =>
        {
            var gx = x.RequiresGrad ? GC.AllocateUninitializedArray<float>(x.Size) : null;
            var gGamma = new float[c];
            var gBeta = new float[c];
            Channels(c, x.Size, ch =>
            {
                var (sumDy, sumDyCentred) = BatchNormKernel.GradientSums(g, x.Data, n, c, ch, inner, means[ch]);
                var (scale, centred, constant) =
                    ChannelGradient(sumDy, sumDyCentred, invStd[ch], weight, ch, training, m, gGamma, gBeta);
                if (gx is not null)
                {
                    BatchNormKernel.InputGradient(g, x.Data, n, c, ch, inner, means[ch], scale, centred, constant, gx);
                }
            });

            if (gx is not null)
            {
                GradNode.Accumulate(x, gx);
            }

            AccumulateAffine(weight, bias, gGamma, gBeta);
        });
    }

    /// <summary>Checks the shapes of a batch-norm call; returns batch, channels, elements per block and per channel.</summary>
    private static (int N, int C, int Inner, int M) CheckBatchNorm(
        string op, Tensor x, Tensor runningMean, Tensor runningVar, Tensor? weight, Tensor? bias, bool training)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(runningMean);
        ArgumentNullException.ThrowIfNull(runningVar);
        var c = x.Rank >= 2 ? x.Shape[1] : -1;
        if (c < 0 || runningMean.Size != c || runningVar.Size != c || (weight is not null && weight.Size != c) ||
            (bias is not null && bias.Size != c))
        {
            throw new ArgumentException(
                $"{op}: input {x.Shape} with running mean {runningMean.Shape}, running var {runningVar.Shape}, " +
                $"weight {weight?.Shape.ToString() ?? "none"}, bias {bias?.Shape.ToString() ?? "none"}: " +
                "expected [n, c, …] and [c] statistics.");
        }

        var n = x.Shape[0];
        var inner = c == 0 || n == 0 ? 0 : x.Size / (n * c);
        var m = n * inner;
        if (training && m < 2)
        {
            throw new ArgumentException(
                $"{op}: input {x.Shape} has {m} value(s) per channel; training needs more than 1.", nameof(x));
        }

        return (n, c, inner, m);
    }

    /// <summary>
    /// Mean and 1/√(σ² + ε) of channel <paramref name="ch"/>: the batch's (updating the running statistics) in
    /// training, the running ones in evaluation.
    /// </summary>
    private static (float Mean, float InvStd) ChannelStatistics(
        float[] x, int n, int c, int ch, int inner, Tensor runningMean, Tensor runningVar, bool training, double momentum,
        double eps)
    {
        var m = n * inner;
        var mean = training ? BatchNormKernel.Sum(x, n, c, ch, inner) / m : runningMean.Data[ch];
        double variance = runningVar.Data[ch];
        if (training)
        {
            variance = BatchNormKernel.CentredSquares(x, n, c, ch, inner, (float)mean) / m;
            var unbiased = variance * m / (m - 1);
            runningMean.Data[ch] = (float)(((1 - momentum) * runningMean.Data[ch]) + (momentum * mean));
            runningVar.Data[ch] = (float)(((1 - momentum) * runningVar.Data[ch]) + (momentum * unbiased));
        }

        return ((float)mean, (float)(1.0 / Math.Sqrt(variance + eps)));
    }

    /// <summary>
    /// Channel <paramref name="ch"/>'s share of the batch-norm backward from ΣdY and Σ(dY·(x − μ)): writes dγ = Σ(dY·x̂)
    /// and dβ = ΣdY, and returns the coefficients of dX = dY·scale + (x − μ)·centred + constant, i.e.
    /// scale·(dY − x̂·mean(dY·x̂) − mean(dY)) with scale = γ/σ (the means vanish in evaluation).
    /// </summary>
    private static (float Scale, float Centred, float Constant) ChannelGradient(
        double sumDy, double sumDyCentred, float inv, Tensor? weight, int ch, bool training, int m, float[] gGamma,
        float[] gBeta)
    {
        var sumDyXhat = sumDyCentred * inv;
        gGamma[ch] = (float)sumDyXhat;
        gBeta[ch] = (float)sumDy;
        var scale = (weight?.Data[ch] ?? 1f) * inv;
        var meanDy = training ? (float)(sumDy / m) : 0f;
        var meanDyXhat = training ? (float)(sumDyXhat / m) : 0f;
        return (scale, -scale * inv * meanDyXhat, -scale * meanDy);
    }

    /// <summary>The op's inputs for autograd: x, then the affine weight and bias when present.</summary>
    private static Tensor[] AffineInputs(Tensor x, Tensor? weight, Tensor? bias) =>
        [x, .. weight is null ? Array.Empty<Tensor>() : [weight], .. bias is null ? Array.Empty<Tensor>() : [bias]];

    /// <summary>Adds dγ and dβ to the affine parameters that exist.</summary>
    private static void AccumulateAffine(Tensor? weight, Tensor? bias, float[] gGamma, float[] gBeta)
    {
        if (weight is not null)
        {
            GradNode.Accumulate(weight, gGamma);
        }

        if (bias is not null)
        {
            GradNode.Accumulate(bias, gBeta);
        }
    }

    /// <summary>Runs <paramref name="body"/> for every channel; in parallel when the tensor is large.</summary>
    private static void Channels(int c, int size, Action<int> body)
    {
        if (size < 1 << 15 || c < 2)
        {
            for (var ch = 0; ch < c; ch++)
            {
                body(ch);
            }

            return;
        }

        Parallel.For(0, c, Device.Cpu.ParallelOptions, body);
    }
}
