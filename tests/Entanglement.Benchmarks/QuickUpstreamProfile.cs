using System.Diagnostics;
using System.Globalization;
using Entanglement.NN;
using Entanglement.Optim;
using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Benchmarks;

/// <summary>
/// Per-op timings of the quick profile's upstream (SmallConvNet PublicCode, 1×32×32, width 32, batch 64): each
/// op's forward and forward + backward in isolation, then whole training steps and eval batches. Run with
/// <c>dotnet run -c Release --project tests/Entanglement.Benchmarks -- profile</c>.
/// </summary>
internal static class QuickUpstreamProfile
{
    private const int Batch = 64;
    private const int Rounds = 15;

    public static void Run()
    {
        var rng = new Rng(seed: 1234);
        var x = Tensor.Randn(rng.Fork("x"), Batch, 1, 32, 32);
        var w1 = Leaf(Tensor.Randn(rng.Fork("w1"), 32, 1, 5, 5));
        var w2 = Leaf(Tensor.Randn(rng.Fork("w2"), 32, 32, 5, 5));
        var gamma = Leaf(Tensor.Ones(32));
        var beta = Leaf(Tensor.Zeros(32));
        var a1 = Leaf(Tensor.Randn(rng.Fork("a1"), Batch, 32, 32, 32));
        var p1 = Leaf(Tensor.Randn(rng.Fork("p1"), Batch, 32, 16, 16));
        var a2 = Leaf(Tensor.Randn(rng.Fork("a2"), Batch, 32, 8, 8));
        var meanRun = Tensor.Zeros(32);
        var varRun = Tensor.Ones(32);

        var geometry = new Tensors.Kernels.ConvGeometry(1, 32, 32, 2, 2, 2, 0);
        var pooled = new float[a1.Size / 4];
        var winners = new int[pooled.Length];
        Report("maxpool1 kernel, no allocation", Time(() => Tensors.Kernels.Pool2dKernel.MaxForward(a1.Data, 64 * 32, geometry, pooled, winners)));
        var ramp = Enumerable.Range(0, a1.Size).Select(i => (float)i).ToArray();
        Report("maxpool1 kernel, increasing data", Time(() => Tensors.Kernels.Pool2dKernel.MaxForward(ramp, 64 * 32, geometry, pooled, winners)));
        var g1 = new Tensors.Kernels.ConvGeometry(1, 32, 32, 5, 5, 1, 2);
        var y1 = new float[a1.Size];
        Report("conv1 direct kernel, no allocation", Time(() => Tensors.Kernels.DirectConvKernel.Forward(x.Data, w1.Data, null, Batch, 32, g1, y1)));
        Report("conv1 direct dW, no allocation", Time(() => Tensors.Kernels.DirectConvKernel.WeightGradient(x.Data, a1.Data, Batch, 32, g1, new float[800], null)));
        var g2 = new Tensors.Kernels.ConvGeometry(32, 16, 16, 5, 5, 2, 2);
        var col = new float[g2.PatchSize * Batch * g2.OutPlane];
        Report("conv2 im2col x64, no allocation", Time(() =>
        {
            for (var n = 0; n < Batch; n++)
            {
                Tensors.Kernels.Im2Col.Pack(p1.Data.AsSpan(n * 8192, 8192), g2, col, Batch * g2.OutPlane, n * g2.OutPlane);
            }
        }));
        var yg = new float[32 * Batch * g2.OutPlane];
        Report("conv2 GEMM 32x4096x800", Time(() => Tensors.Kernels.Gemm.Sgemm(false, false, 32, Batch * g2.OutPlane, 800, w2.Data, col, yg)));
        var dwg = new float[32 * 800];
        Report("conv2 dW GEMM 32x800x4096 (B^T)", Time(() => Tensors.Kernels.Gemm.Sgemm(false, true, 32, 800, Batch * g2.OutPlane, yg, col, dwg)));
        Report("conv2 dcol GEMM 800x4096x32 (A^T)", Time(() => Tensors.Kernels.Gemm.Sgemm(true, false, 800, Batch * g2.OutPlane, 32, w2.Data, yg, col)));
        var dx2 = new float[p1.Size];
        Report("conv2 col2im x64", Time(() =>
        {
            for (var n = 0; n < Batch; n++)
            {
                Tensors.Kernels.Im2Col.Unpack(col, Batch * g2.OutPlane, n * g2.OutPlane, g2, dx2.AsSpan(n * 8192, 8192));
            }
        }));
        Report("calibration: TensorPrimitives.Sum 2M", Time(() => System.Numerics.Tensors.TensorPrimitives.Sum(a1.Data)));
        Report("calibration: scalar max 2M", Time(() =>
        {
            var best = float.NegativeInfinity;
            foreach (var v in a1.Data)
            {
                if (v > best)
                {
                    best = v;
                }
            }

            GC.KeepAlive(best);
        }));
        Report("allocate 8 MB", Time(() => GC.KeepAlive(GC.AllocateUninitializedArray<float>(a1.Size))));
        Report("allocate 8 MB + touch", Time(() => Array.Fill(GC.AllocateUninitializedArray<float>(a1.Size), 1f)));
        Op("conv1 1->32 5x5 p2", () => x.Conv2d(w1, null, 1, 2));
        Op("bn1 [64,32,32,32]", () => Functional.BatchNorm(a1, meanRun, varRun, gamma, beta, training: true));
        Op("maxpool1 2x2", () => a1.MaxPool2d(2));
        Op("bn1+maxpool+relu fused", () => Functional.BatchNormMaxPool2dReLU(a1, meanRun, varRun, gamma, beta, training: true));
        Op("relu [64,32,16,16]", () => p1.ReLU());
        Op("conv2 32->32 5x5 s2 p2", () => p1.Conv2d(w2, null, 2, 2));
        Op("bn2 [64,32,8,8]", () => Functional.BatchNorm(a2, meanRun, varRun, gamma, beta, training: true));
        Op("maxpool2 2x2", () => a2.MaxPool2d(2));

        var model = new SmallConvNet(1, 2, rng.Fork("init"), 32, [], SmallConvNetVariant.PublicCode, 32);
        var labels = Enumerable.Range(0, Batch).Select(i => i % 2).ToArray();
        var optimizer = new Adam(model.Parameters(), lr: 1e-3);
        model.Train();
        Report("train step (fwd+bwd+Adam)", Time(() =>
        {
            optimizer.ZeroGrad();
            Functional.CrossEntropy(model.Forward(x), labels).Backward();
            optimizer.Step();
        }));
        Report("  forward only (train mode)", Time(() => model.Forward(x)));
        model.Eval();
        var big = Tensor.Randn(rng.Fork("eval"), 256, 1, 32, 32);
        Report("eval batch 256 (no grad)", Time(() =>
        {
            using (Autograd.NoGrad())
            {
                model.Forward(big);
            }
        }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gen0/1/2 GCs so far: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
    }

    private static Tensor Leaf(Tensor t)
    {
        t.RequiresGrad = true;
        return t;
    }

    private static void Op(string name, Func<Tensor> forward)
    {
        double fwd;
        using (Autograd.NoGrad())
        {
            fwd = Time(() => forward());
        }

        var both = Time(() =>
        {
            var y = forward();
            y.Backward(Tensor.Ones(y.Shape.ToArray()));
        });
        Report(name, fwd, both - fwd);
    }

    private static void Report(string name, double ms, double? backward = null) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-32} {ms,8:F2} ms{(backward is { } b ? $"   backward {b,8:F2} ms" : string.Empty)}"));

    private static double Time(Action step)
    {
        // Warm up for at least half a second, so that tiered compilation has settled on optimised code.
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 3 || warmup.ElapsedMilliseconds < 500; i++)
        {
            step();
        }

        var times = new double[Rounds];
        var cpu = new double[Rounds];
        var process = Process.GetCurrentProcess();
        var gcs = GC.CollectionCount(2);
        for (var i = 0; i < Rounds; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            step();
            times[i] = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
        }

        Array.Sort(times);
        Array.Sort(cpu);
        Console.Write(string.Create(CultureInfo.InvariantCulture,
            $"[cpu {cpu[Rounds / 2],7:F1} ms, gen2 {(GC.CollectionCount(2) - gcs) / (double)Rounds:F1}/op] "));
        return times[Rounds / 2];
    }
}
