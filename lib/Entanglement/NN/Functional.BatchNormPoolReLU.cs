using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;

namespace Entanglement.NN;

/// <summary>Batch norm, 2×2 max pool and ReLU fused into one op.</summary>
public static partial class Functional
{
    /// <summary>
    /// ReLU(MaxPool2d(BatchNorm(x), 2)) for x [n, c, H, W], output [n, c, ⌊H/2⌋, ⌊W/2⌋]: the same numbers as the
    /// three ops in turn (<see cref="BatchNorm"/>, <c>MaxPool2d(2)</c>, <c>ReLU</c>, with the same running-statistics
    /// update), without the normalised and pooled intermediate tensors. Backward routes dY to each window's winner
    /// where the output is positive, then applies the batch-norm backward to that sparse gradient.
    /// </summary>
    public static Tensor BatchNormMaxPool2dReLU(
        Tensor x,
        Tensor runningMean,
        Tensor runningVar,
        Tensor? weight,
        Tensor? bias,
        bool training,
        double momentum = 0.1,
        double eps = 1e-5)
    {
        var (n, c, inner, m) = CheckBatchNorm("BatchNormMaxPool2dReLU", x, runningMean, runningVar, weight, bias, training);
        if (x.Rank != 4 || x.Shape[2] < 2 || x.Shape[3] < 2)
        {
            throw new ArgumentException(
                $"BatchNormMaxPool2dReLU: input {x.Shape}: expected [n, c, H, W] with H, W >= 2.", nameof(x));
        }

        int height = x.Shape[2], width = x.Shape[3];
        var outShape = new Shape(n, c, height / 2, width / 2);
        var y = GC.AllocateUninitializedArray<float>(outShape.Size);
        var winner = GC.AllocateUninitializedArray<byte>(outShape.Size);
        var means = new float[c];
        var invStd = new float[c];
        Channels(c, x.Size, ch =>
        {
            var (mean, inv) = ChannelStatistics(x.Data, n, c, ch, inner, runningMean, runningVar, training, momentum, eps);
            means[ch] = mean;
            invStd[ch] = inv;
            var gamma = weight?.Data[ch] ?? 1f;
            var beta = bias?.Data[ch] ?? 0f;
            BatchNormPoolKernel.Forward(x.Data, n, c, ch, height, width, mean, inv * gamma, beta, y, winner);
        });

        var inputs = AffineInputs(x, weight, bias);
        return Tensor.FromOp(y, outShape, "BatchNormMaxPool2dReLU", inputs, g =>
        {
            var gx = x.RequiresGrad ? GC.AllocateUninitializedArray<float>(x.Size) : null;
            var gGamma = new float[c];
            var gBeta = new float[c];
            Channels(c, x.Size, ch =>
            {
                var (sumDy, sumDyCentred) =
                    BatchNormPoolGradientKernel.GradientSums(g, y, winner, x.Data, n, c, ch, height, width, means[ch]);
                var (scale, centred, constant) =
                    ChannelGradient(sumDy, sumDyCentred, invStd[ch], weight, ch, training, m, gGamma, gBeta);
                if (gx is not null)
                {
                    BatchNormPoolGradientKernel.InputGradient(
                        g, y, winner, x.Data, n, c, ch, height, width, means[ch], scale, centred, constant, gx);
                }
            });

            if (gx is not null)
            {
                GradNode.Accumulate(x, gx);
            }

            AccumulateAffine(weight, bias, gGamma, gBeta);
        });
    }
}
