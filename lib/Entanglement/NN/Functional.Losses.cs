using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>Fused, numerically stable losses from logits.</summary>
public static partial class Functional
{
    /// <summary>
    /// Cross-entropy of logits [n, c] against class indices (as <c>F.cross_entropy</c>, mean reduction):
    /// ℓᵢ = −w[yᵢ]·log softmax(zᵢ)[yᵢ], loss = Σℓᵢ / Σw[yᵢ] (w = 1 without class weights, i.e. the mean).
    /// The log-sum-exp is shifted by the row maximum. dZᵢ = dL · w[yᵢ]/Σw · (softmax(zᵢ) − onehot(yᵢ)).
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, ReadOnlySpan<int> target, ReadOnlySpan<float> classWeights = default)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Rank != 2 || logits.Shape[0] != target.Length || logits.Shape[0] == 0)
        {
            throw new ArgumentException(
                $"CrossEntropy: logits {logits.Shape} and {target.Length} targets: expected [n, c] logits, n > 0 targets.");
        }

        int n = logits.Shape[0], c = logits.Shape[1];
        if (!classWeights.IsEmpty && classWeights.Length != c)
        {
            throw new ArgumentException(
                $"CrossEntropy: {classWeights.Length} class weights for logits {logits.Shape} ({c} classes).");
        }

        var z = logits.Data;
        var probs = new float[z.Length];
        var rowWeight = new float[n];
        double total = 0, weightSum = 0;
        for (var i = 0; i < n; i++)
        {
            var t = target[i];
            if ((uint)t >= (uint)c)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(target), t, $"CrossEntropy: target {i} is {t}, outside [0, {c}).");
            }

            var row = z.AsSpan(i * c, c);
            var max = System.Numerics.Tensors.TensorPrimitives.Max(row);
            double sum = 0;
            for (var j = 0; j < c; j++)
            {
                sum += Math.Exp(row[j] - max);
            }

            var logSum = max + Math.Log(sum);
            for (var j = 0; j < c; j++)
            {
                probs[(i * c) + j] = (float)Math.Exp(row[j] - logSum);
            }

            var w = classWeights.IsEmpty ? 1f : classWeights[t];
            rowWeight[i] = w;
            weightSum += w;
            total += w * (logSum - row[t]);
        }

        var targets = target.ToArray();
        var loss = (float)(total / weightSum);
        return Tensor.FromOp([loss], new Shape(), "CrossEntropy", [logits], g =>
        {
            var scale = g[0] / weightSum;
            for (var i = 0; i < n; i++)
            {
                var f = (float)(rowWeight[i] * scale);
                var row = probs.AsSpan(i * c, c);
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, f, row);
                row[targets[i]] -= f;
            }

            GradNode.Accumulate(logits, probs);
        });
    }

    /// <summary>
    /// Binary cross-entropy from logits (as <c>F.binary_cross_entropy_with_logits</c>, mean reduction):
    /// ℓ = max(x, 0) − x·t + log(1 + e^−|x|), stable for any x. dX = dL·(σ(x) − t)/n, dT = dL·(−x)/n.
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        SameShape("BCEWithLogits", input, target);
        var x = input.Data;
        var t = target.Data;
        double total = 0;
        for (var i = 0; i < x.Length; i++)
        {
            total += Math.Max(x[i], 0.0) - ((double)x[i] * t[i]) + Math.Log(1 + Math.Exp(-Math.Abs(x[i])));
        }

        var size = x.Length;
        return Tensor.FromOp([(float)(total / size)], new Shape(), "BCEWithLogits", [input, target], g =>
        {
            var scale = g[0] / size;
            if (input.RequiresGrad)
            {
                var gx = new float[size];
                for (var i = 0; i < size; i++)
                {
                    gx[i] = scale * ((1f / (1f + MathF.Exp(-x[i]))) - t[i]);
                }

                GradNode.Accumulate(input, gx);
            }

            if (target.RequiresGrad)
            {
                var gt = new float[size];
                for (var i = 0; i < size; i++)
                {
                    gt[i] = -scale * x[i];
                }

                GradNode.Accumulate(target, gt);
            }
        });
    }

    /// <summary>Mean squared error, mean((x − t)²), composed from primitive ops.</summary>
    public static Tensor MSE(Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        SameShape("MSELoss", input, target);
        return input.Sub(target).Square().Mean();
    }

    /// <summary>Mean absolute error, mean(|x − t|), composed from primitive ops.</summary>
    public static Tensor L1(Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        SameShape("L1Loss", input, target);
        return input.Sub(target).Abs().Mean();
    }

    private static void SameShape(string op, Tensor input, Tensor target)
    {
        if (input.Shape != target.Shape || input.Size == 0)
        {
            throw new ArgumentException($"{op}: input {input.Shape} and target {target.Shape} must have the same non-empty shape.");
        }
    }
}
