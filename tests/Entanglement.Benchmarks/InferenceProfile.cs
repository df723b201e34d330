using System.Diagnostics;
using System.Globalization;
using Entanglement.NN;
using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;

namespace Entanglement.Benchmarks;

/// <summary>
/// Where one small inference call of <c>workbook bench</c>'s linear models goes (batch 128, eval, no grad): the whole
/// <c>Forward</c>, then its parts in isolation (the GEMM, its packing of A and B, the micro-kernel sweep, the output
/// allocation, the graph bookkeeping). Microseconds of this thread's CPU time per call (clock_gettime of
/// CLOCK_THREAD_CPUTIME_ID), the best of many short rounds, so that time slices lost to other processes on a shared
/// machine do not count. Run with
/// <c>DOTNET_PROCESSOR_COUNT=1 dotnet run -c Release --project tests/Entanglement.Benchmarks -- infer</c>.
/// </summary>
internal static class InferenceProfile
{
    private const int Batch = 128;

    public static void Run()
    {
        Console.WriteLine($"threads {Device.Cpu.Threads}, vector NR {GemmMicroKernel.Columns}");
        Linear("LogReg 512-2", 512, 2);
        Linear("LogReg 512-10", 512, 10);
        Mlp();
        Console.WriteLine("narrow C, 128 rows, k = 512: Sgemm vs packed path");
        foreach (var n in new[] { 1, 2, 4, 8, 12, 16, 24, 32 })
        {
            var rng = new Rng(seed: 1);
            var x = Tensor.Randn(rng, Batch, 512).Data;
            var w = Tensor.Randn(rng, n, 512).Data;
            var y = new float[Batch * n];
            Report($"  n = {n}: Sgemm", Time(() => Gemm.Sgemm(false, true, Batch, n, 512, x, w, y)));
            Report($"  n = {n}: Packed", Time(() => Gemm.Packed(false, true, Batch, n, 512, x, w, y, accumulate: false)));
        }
    }

    private static void Linear(string name, int inF, int outF)
    {
        var rng = new Rng(seed: 1234);
        var model = new Linear(inF, outF, rng.Fork("init"));
        model.Eval();
        var x = Tensor.Randn(rng.Fork("x"), Batch, inF);
        Console.WriteLine($"{name}:");
        Report("Forward (no grad)", Time(() =>
        {
            using (Autograd.NoGrad())
            {
                model.Forward(x);
            }
        }));
        Parts(x.Data, model.Weight.Data, Batch, outF, inF);
    }

    private static void Mlp()
    {
        var rng = new Rng(seed: 1234);
        var model = new MLP(1, [128], 4, rng.Fork("init"));
        model.Eval();
        var x = Tensor.Randn(rng.Fork("x"), Batch, 1);
        Console.WriteLine("MLP 1-128-4:");
        Report("Forward (no grad)", Time(() =>
        {
            using (Autograd.NoGrad())
            {
                model.Forward(x);
            }
        }));
        var layers = model.Parameters().ToArray();
        var hidden = new float[Batch * 128];
        var hiddenTensor = Tensor.Randn(rng.Fork("h"), Batch, 128);
        var relu = new float[Batch * 128];
        Report("  TensorPrimitives.Max(h, 0) into a buffer", Time(() => System.Numerics.Tensors.TensorPrimitives.Max(hiddenTensor.Data, 0f, relu)));
        Report("  GC.AllocateUninitializedArray 64 KB", Time(() => GC.AllocateUninitializedArray<float>(Batch * 128)));
        Report("  new float[] 64 KB", Time(() => _ = new float[Batch * 128]));
        var gcs = GC.CollectionCount(0);
        Report("ReLU op 128x128", Time(() =>
        {
            using (Autograd.NoGrad())
            {
                Tensors.Ops.Unary.ReLU(hiddenTensor);
            }
        }));
        Console.WriteLine($"  gen0 GCs during the ReLU timing: {GC.CollectionCount(0) - gcs}");
        Console.WriteLine(" layer 1 (1 -> 128):");
        Parts(x.Data, layers[0].Data, Batch, 128, 1);
        Console.WriteLine(" layer 2 (128 -> 4):");
        Parts(hidden, layers[2].Data, Batch, 4, 128);
    }

    /// <summary>The pieces of y = x·Wᵀ + b as Functional.Linear runs them today.</summary>
    private static void Parts(float[] x, float[] w, int m, int n, int k)
    {
        var y = new float[m * n];
        Report("  Gemm.Sgemm (x, Wᵀ)", Time(() => Gemm.Sgemm(false, true, m, n, k, x, w, y, accumulate: true)));
        Report("  Gemm.Packed (x, Wᵀ)", Time(() => Gemm.Packed(false, true, m, n, k, x, w, y, accumulate: true)));
        var mr = GemmMicroKernel.Rows;
        var nr = GemmMicroKernel.Columns;
        var padded = (m + mr - 1) / mr * mr;
        var aPack = new float[padded * k];
        Report("  pack A (all of x)", Time(() =>
        {
            for (var p0 = 0; p0 < k; p0 += 256)
            {
                var kc = Math.Min(256, k - p0);
                GemmPacking.PackA(x, false, m, k, 0, m, p0, kc, aPack.AsSpan(p0 * padded, padded * kc));
            }
        }));
        var width = (n + nr - 1) / nr * nr;
        var bPack = new float[width * 256];
        Report("  pack B (Wᵀ)", Time(() =>
        {
            for (var p0 = 0; p0 < k; p0 += 256)
            {
                GemmPacking.PackB(w, true, n, k, 0, n, p0, Math.Min(256, k - p0), bPack);
            }
        }));
        var edge = new float[mr * nr];
        Report($"  micro-kernel sweep ({padded / mr}x{width / nr} tiles)", Time(() =>
        {
            for (var p0 = 0; p0 < k; p0 += 256)
            {
                var kc = Math.Min(256, k - p0);
                for (var s = 0; s < padded / mr; s++)
                {
                    for (var js = 0; js < width / nr; js++)
                    {
                        GemmMicroKernel.Run(kc, aPack.AsSpan((p0 * padded) + (s * mr * kc)), bPack.AsSpan(js * nr * kc), edge, nr, true);
                    }
                }
            }
        }));
        Report("  new float[m·n] + bias copy", Time(() =>
        {
            var fresh = new float[m * n];
            for (var i = 0; i < m; i++)
            {
                w.AsSpan(0, n).CopyTo(fresh.AsSpan(i * n, n));
            }
        }));
    }

    private static void Report(string name, double us) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-44} {us,9:F2} us"));

    /// <summary>Best of 41 rounds of the mean CPU µs per call over about 1 ms of calls, after half a second of warm-up.</summary>
    private static double Time(Action call)
    {
        var warmup = Stopwatch.StartNew();
        var calls = 0;
        while (warmup.ElapsedMilliseconds < 500)
        {
            call();
            calls++;
        }

        var perRound = Math.Max(5, calls / 500);
        var best = double.MaxValue;
        for (var r = 0; r < 41; r++)
        {
            var started = ThreadCpuMicroseconds();
            for (var i = 0; i < perRound; i++)
            {
                call();
            }

            best = Math.Min(best, (ThreadCpuMicroseconds() - started) / perRound);
        }

        return best;
    }

    private static double ThreadCpuMicroseconds()
    {
        const int threadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID on Linux
        return ClockGetTime(threadCpuClock, out var t) == 0 ? (t.Seconds * 1e6) + (t.Nanoseconds / 1e3) : double.NaN;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
