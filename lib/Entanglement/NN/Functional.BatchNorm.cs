using Entanglement.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

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
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(runningMean);
        ArgumentNullException.ThrowIfNull(runningVar);
        var c = x.Rank >= 2 ? x.Shape[1] : -1;
        if (c < 0 || runningMean.Size != c || runningVar.Size != c || (weight is not null && weight.Size != c) ||
            (bias is not null && bias.Size != c))
        {
            throw new ArgumentException(
                $"BatchNorm: input {x.Shape} with running mean {runningMean.Shape}, running var {runningVar.Shape}, " +
                $"weight {weight?.Shape.ToString() ?? "none"}, bias {bias?.Shape.ToString() ?? "none"}: " +
                "expected [n, c, …] and [c] statistics.");
        }

        var n = x.Shape[0];
        var inner = c == 0 || n == 0 ? 0 : x.Size / (n * c);
        var m = n * inner;
        if (training && m < 2)
        {
            throw new ArgumentException(
                $"BatchNorm: input {x.Shape} has {m} value(s) per channel; training needs more than 1.", nameof(x));
        }

        var xhat = new float[x.Size];
        var y = new float[x.Size];
        var invStd = new float[c];
        Channels(c, x.Size, ch =>
        {
            // Centre each block into xhat (the scratch), then the variance is the mean of its squares.
            var mean = training ? ChannelSum(x.Data, ch, n, c, inner) / m : runningMean.Data[ch];
            double squares = 0;
            for (var b = 0; b < n; b++)
            {
                var block = xhat.AsSpan(((b * c) + ch) * inner, inner);
                TensorPrimitives.Subtract(x.Data.AsSpan(((b * c) + ch) * inner, inner), (float)mean, block);
                squares += TensorPrimitives.SumOfSquares(block);
            }

            double variance = runningVar.Data[ch];
            if (training)
            {
                variance = squares / m;
                var unbiased = variance * m / (m - 1);
                runningMean.Data[ch] = (float)(((1 - momentum) * runningMean.Data[ch]) + (momentum * mean));
                runningVar.Data[ch] = (float)(((1 - momentum) * runningVar.Data[ch]) + (momentum * unbiased));
            }

            var inv = (float)(1.0 / Math.Sqrt(variance + eps));
            invStd[ch] = inv;
            var gamma = weight?.Data[ch] ?? 1f;
            var beta = bias?.Data[ch] ?? 0f;
            for (var b = 0; b < n; b++)
            {
                var off = ((b * c) + ch) * inner;
                var h = xhat.AsSpan(off, inner);
                TensorPrimitives.Multiply(h, inv, h);
                var dst = y.AsSpan(off, inner);
                TensorPrimitives.Multiply(h, gamma, dst);
                TensorPrimitives.Add(dst, beta, dst);
            }
        });

        Tensor[] inputs = [x, .. weight is null ? Array.Empty<Tensor>() : [weight], .. bias is null ? Array.Empty<Tensor>() : [bias]];
        return Tensor.FromOp(y, x.Shape, "BatchNorm", inputs, g =>
        {
            var gx = x.RequiresGrad ? new float[x.Size] : null;
            var gGamma = new float[c];
            var gBeta = new float[c];
            Channels(c, x.Size, ch =>
            {
                double sumDy = 0, sumDyXhat = 0;
                for (var b = 0; b < n; b++)
                {
                    var off = ((b * c) + ch) * inner;
                    sumDy += TensorPrimitives.Sum(g.AsSpan(off, inner));
                    sumDyXhat += TensorPrimitives.Dot(g.AsSpan(off, inner), xhat.AsSpan(off, inner));
                }

                gGamma[ch] = (float)sumDyXhat;
                gBeta[ch] = (float)sumDy;
                if (gx is null)
                {
                    return;
                }

                var scale = (weight?.Data[ch] ?? 1f) * invStd[ch];
                var meanDy = training ? (float)(sumDy / m) : 0f;
                var meanDyXhat = training ? (float)(sumDyXhat / m) : 0f;
                for (var b = 0; b < n; b++)
                {
                    var off = ((b * c) + ch) * inner;
                    var dst = gx.AsSpan(off, inner);

                    // scale·(dY − x̂·mean(dY·x̂) − mean(dY)).
                    TensorPrimitives.MultiplyAdd(xhat.AsSpan(off, inner), -meanDyXhat, g.AsSpan(off, inner), dst);
                    TensorPrimitives.Add(dst, -meanDy, dst);
                    TensorPrimitives.Multiply(dst, scale, dst);
                }
            });

            if (gx is not null)
            {
                GradNode.Accumulate(x, gx);
            }

            if (weight is not null)
            {
                GradNode.Accumulate(weight, gGamma);
            }

            if (bias is not null)
            {
                GradNode.Accumulate(bias, gBeta);
            }
        });
    }

    /// <summary>Sum of one channel: float sums of each contiguous block, added in double in a fixed order.</summary>
    private static double ChannelSum(float[] data, int ch, int n, int c, int inner)
    {
        double sum = 0;
        for (var b = 0; b < n; b++)
        {
            sum += TensorPrimitives.Sum(data.AsSpan(((b * c) + ch) * inner, inner));
        }

        return sum;
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
