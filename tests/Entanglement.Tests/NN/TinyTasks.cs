using Entanglement.NN;
using Entanglement.Optim;
using Entanglement.Tensors;

namespace Entanglement.Tests.NN;

/// <summary>Tiny synthetic image tasks and a minimal training loop for the model tests.</summary>
internal static class TinyTasks
{
    /// <summary>
    /// Single-channel size×size images of a bright bar, horizontal (class 0) or vertical (class 1), at a random
    /// row or column, on Gaussian noise of σ = 0.3.
    /// </summary>
    public static (Tensor Images, int[] Labels) Bars(Rng rng, int count, int size)
    {
        var data = new float[count * size * size];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % 2;
            var line = rng.NextInt(size);
            var offset = i * size * size;
            for (var r = 0; r < size; r++)
            {
                for (var c = 0; c < size; c++)
                {
                    var on = labels[i] == 0 ? r == line : c == line;
                    data[offset + (r * size) + c] = (on ? 1f : 0f) + (0.3f * (float)rng.NextNormal());
                }
            }
        }

        return (Tensor.FromArray(data, count, 1, size, size), labels);
    }

    /// <summary>Trains with Adam and cross-entropy in mini-batches; returns the mean loss of each epoch.</summary>
    public static List<double> Fit(Module model, Tensor images, int[] labels, int epochs, int batch, double lr, Rng rng)
    {
        var adam = new Adam(model.Parameters(), lr);
        var loss = new CrossEntropyLoss();
        var n = labels.Length;
        var perImage = images.Size / n;
        var dims = images.Shape.ToArray();
        var curve = new List<double>();
        model.Train();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var order = rng.Permutation(n);
            double total = 0;
            for (var start = 0; start < n; start += batch)
            {
                var idx = order[start..Math.Min(n, start + batch)];
                var x = new float[idx.Length * perImage];
                for (var j = 0; j < idx.Length; j++)
                {
                    Array.Copy(images.Data, idx[j] * perImage, x, j * perImage, perImage);
                }

                dims[0] = idx.Length;
                adam.ZeroGrad();
                var l = loss.Forward(model.Forward(Tensor.FromArray(x, dims)), idx.Select(k => labels[k]).ToArray());
                l.Backward();
                adam.Step();
                model.ThrowIfNonFinite(adam.StepCount);
                total += l.Item() * idx.Length;
            }

            curve.Add(total / n);
        }

        return curve;
    }

    /// <summary>Fraction of images whose arg-max logit is the label, in evaluation mode.</summary>
    public static double Accuracy(Module model, Tensor images, int[] labels)
    {
        model.Eval();
        using (Autograd.NoGrad())
        {
            var logits = model.Forward(images);
            var c = logits.Shape[1];
            var correct = 0;
            for (var i = 0; i < labels.Length; i++)
            {
                var row = logits.Data.AsSpan(i * c, c);
                correct += row.IndexOf(System.Numerics.Tensors.TensorPrimitives.Max(row)) == labels[i] ? 1 : 0;
            }

            return (double)correct / labels.Length;
        }
    }
}
