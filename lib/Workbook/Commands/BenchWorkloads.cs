using System.Diagnostics;
using Entanglement.NN;
using Entanglement.Optim;
using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;

namespace Workbook.Commands;

/// <summary>
/// The workloads of <c>workbook bench</c>, matching the PyTorch peer (tests/Entanglement.Benchmarks/peer/models_torch.py): batch 128, random
/// float32 data, a training step (zero_grad, forward, cross-entropy, backward, Adam) and an inference batch.
/// </summary>
internal static class BenchWorkloads
{
    public const int Batch = 128;

    /// <summary>(peer name, model factory, input shape per example, classes, timed steps).</summary>
    public static IReadOnlyList<(string Name, Func<Rng, Module> Model, int[] Input, int Classes, int Steps)> Models { get; } =
    [
        ("a MLP 1-128-4", rng => new MLP(1, [128], 4, rng), [1], 4, 200),
        ("b LogReg 512-2", rng => new Linear(512, 2, rng), [512], 2, 200),
        ("b LogReg 512-10", rng => new Linear(512, 10, rng), [512], 10, 200),
        ("c SmallConv 3x32x32", rng => new SmallConvNet(3, 10, rng, 32, [256], SmallConvNetVariant.Paper, 32), [3, 32, 32], 10, 10),
        ("f SmallConv 1x28x28", rng => new SmallConvNet(1, 10, rng, 32, [256], SmallConvNetVariant.Paper, 28), [1, 28, 28], 10, 10),
        ("e ResNet18-w16 3x32x32", rng => new ResNet18(10, rng, 16, ResNetStem.Cifar, 3), [3, 32, 32], 10, 10),
        ("f ResNet18-w16 1x28x28", rng => new ResNet18(10, rng, 16, ResNetStem.Cifar, 1), [1, 28, 28], 10, 10),
        ("d ResNet18-w64 3x32x32", rng => new ResNet18(10, rng, 64, ResNetStem.Cifar, 3), [3, 32, 32], 10, 3),
    ];

    /// <summary>Median milliseconds of a training step and of an inference batch.</summary>
    public static (double TrainMs, double InferMs) Time(Func<Rng, Module> factory, int[] input, int classes, int steps)
    {
        var rng = new Rng(seed: 1234);
        var model = factory(rng.Fork("init"));
        var x = Tensor.Randn(rng.Fork("x"), [Batch, .. input]);
        var labels = Enumerable.Range(0, Batch).Select(i => i % classes).ToArray();
        var optimizer = new Adam(model.Parameters(), lr: 1e-3);
        model.Train();
        var train = Median(steps, () =>
        {
            optimizer.ZeroGrad();
            var loss = Functional.CrossEntropy(model.Forward(x), labels);
            loss.Backward();
            optimizer.Step();
        });
        model.Eval();
        var infer = Median(steps, () =>
        {
            using (Autograd.NoGrad())
            {
                model.Forward(x);
            }
        });
        return (train, infer);
    }

    /// <summary>Median milliseconds of an n×n×n SGEMM.</summary>
    public static double TimeSgemm(int n, int steps)
    {
        var rng = new Rng(seed: n);
        var a = Tensor.Randn(rng, n, n).Data;
        var b = Tensor.Randn(rng, n, n).Data;
        var c = new float[n * n];
        return Median(steps, () => Gemm.Sgemm(false, false, n, n, n, a, b, c));
    }

    /// <summary>
    /// Median milliseconds of <paramref name="steps"/> calls, after a warm-up of a few calls and at least half a
    /// second, so that tiered compilation has replaced the first (unoptimised) code of the loops.
    /// </summary>
    public static double Median(int steps, Action step)
    {
        var warmup = Math.Max(1, Math.Min(5, steps / 4));
        var clock0 = Stopwatch.StartNew();
        for (var i = 0; i < warmup || clock0.ElapsedMilliseconds < 500; i++)
        {
            step();
        }

        var times = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            var clock = Stopwatch.StartNew();
            step();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return steps % 2 == 1 ? times[steps / 2] : (times[(steps / 2) - 1] + times[steps / 2]) / 2;
    }
}
