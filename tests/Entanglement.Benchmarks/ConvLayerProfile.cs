using System.Diagnostics;
using System.Globalization;
using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;

namespace Entanglement.Benchmarks;

/// <summary>
/// Per-layer convolution kernel times of the bench models at batch 128: forward, input gradient and weight gradient
/// of every distinct convolution shape of ResNet-18 (width 16 or 64, CIFAR stem, 3×32×32 or 1×28×28) and of the
/// Appendix-B SmallConv, with the count of such layers per model, milliseconds, process CPU milliseconds and GFLOP/s.
/// Run with <c>dotnet run -c Release --project tests/Entanglement.Benchmarks -- layers w16-32</c> (or w16-28, w64-32,
/// small-32, small-28; add <c>im2col</c> to time the im2col + SGEMM path alone); set <c>DOTNET_PROCESSOR_COUNT=1</c> for single-threaded times,
/// and <c>DOTNET_TieredCompilation=0</c> for steady-state code: the slow layers run only a few times, so helpers without
/// aggressive optimisation (grid fills, closures) would otherwise be timed in their first, unoptimised tier.
/// </summary>
internal static class ConvLayerProfile
{
    private const int Batch = 128;

    public static void Run(string which, bool im2col = false)
    {
        var rng = new Rng(seed: 7);
        double total = 0, totalCpu = 0;
        foreach (var (g, cout, count, inputGrad) in Layers(which))
        {
            var x = Tensor.Randn(rng, Batch * g.Channels * g.InPlane).Data;
            var w = Tensor.Randn(rng, cout * g.PatchSize).Data;
            var y = new float[Batch * cout * g.OutPlane];
            var dy = Tensor.Randn(rng, y.Length).Data;
            var dx = new float[x.Length];
            var dw = new float[w.Length];
            var flops = 2.0 * Batch * cout * g.OutPlane * g.PatchSize;
            var (f, fc) = Time(() =>
            {
                if (im2col)
                {
                    Conv2dKernel.ForwardIm2Col(x, w, null, Batch, cout, g, y);
                }
                else
                {
                    Conv2dKernel.Forward(x, w, null, Batch, cout, g, y);
                }
            });
            var (b, bc) = Time(() =>
            {
                if (im2col)
                {
                    Conv2dKernel.BackwardIm2Col(x, w, dy, Batch, cout, g, null, dw, null);
                }
                else
                {
                    Conv2dKernel.Backward(x, w, dy, Batch, cout, g, null, dw, null);
                }
            });
            var (d, dc) = !inputGrad ? (0, 0) : Time(() =>
            {
                if (im2col)
                {
                    Conv2dKernel.BackwardIm2Col(x, w, dy, Batch, cout, g, dx, null, null);
                }
                else
                {
                    Conv2dKernel.Backward(x, w, dy, Batch, cout, g, dx, null, null);
                }
            });
            b += d;
            bc += dc;
            total += count * (f + b);
            totalCpu += count * (fc + bc);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Describe(g, cout),-30} x{count}  fwd {f,7:F1} ms (cpu {fc,7:F1}, {flops / f / 1e6,5:F1} GF/s)   dw {b - d,7:F1} ms (cpu {bc - dc,7:F1}, {flops / (b - d) / 1e6,5:F1} GF/s)   dx {d,7:F1} ms (cpu {dc,7:F1})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all convolutions of one training step: {total:F0} ms (cpu {totalCpu:F0} ms)"));
    }

    /// <summary>The distinct convolution shapes of a bench model (w16-32, w16-28, w64-32, small-32, small-28), with their count per model and whether their input gradient is needed.</summary>
    public static List<(ConvGeometry G, int Cout, int Count, bool InputGrad)> Layers(string which) => which switch
    {
        "w16-32" => ResNet(16, 3, 32),
        "w16-28" => ResNet(16, 1, 28),
        "w64-32" => ResNet(64, 3, 32),
        "small-32" => [(new ConvGeometry(3, 32, 32, 5, 5, 1, 2), 32, 1, false), (new ConvGeometry(32, 32, 32, 5, 5, 2, 5), 32, 1, true)],
        "small-28" => [(new ConvGeometry(1, 28, 28, 5, 5, 1, 2), 32, 1, false), (new ConvGeometry(32, 28, 28, 5, 5, 2, 5), 32, 1, true)],
        _ => throw new ArgumentException($"unknown layer set '{which}'"),
    };

    private static List<(ConvGeometry G, int Cout, int Count, bool InputGrad)> ResNet(int width, int channels, int size)
    {
        var list = new List<(ConvGeometry, int, int, bool)> { (new ConvGeometry(channels, size, size, 3, 3, 1, 1), width, 1, false) };
        var s = size;
        for (var i = 0; i < 4; i++)
        {
            var planes = width << i;
            if (i == 0)
            {
                list.Add((new ConvGeometry(planes, s, s, 3, 3, 1, 1), planes, 4, true));
                continue;
            }

            var inPlanes = planes / 2;
            list.Add((new ConvGeometry(inPlanes, s, s, 3, 3, 2, 1), planes, 1, true));
            list.Add((new ConvGeometry(inPlanes, s, s, 1, 1, 2, 0), planes, 1, true));
            s = ((s + 2 - 3) / 2) + 1;
            list.Add((new ConvGeometry(planes, s, s, 3, 3, 1, 1), planes, 3, true));
        }

        return list;
    }

    /// <summary>"Cin->Cout HxW kK sS pP".</summary>
    public static string Describe(in ConvGeometry g, int cout) => string.Create(CultureInfo.InvariantCulture,
        $"{g.Channels}->{cout} {g.Height}x{g.Width} k{g.KernelHeight} s{g.Stride} p{g.Padding}");

    private static (double Ms, double CpuMs) Time(Action step)
    {
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 2 || warmup.ElapsedMilliseconds < 300; i++)
        {
            step();
        }

        const int Rounds = 5;
        var times = new double[Rounds];
        var cpu = new double[Rounds];
        var process = Process.GetCurrentProcess();
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
        return (times[Rounds / 2], cpu[Rounds / 2]);
    }
}
