using System.Diagnostics;
using System.Globalization;
using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;

namespace Entanglement.Benchmarks;

/// <summary>
/// For every convolution shape of a bench model: the routed kernel (<see cref="Conv2dKernel.Forward"/>,
/// <see cref="Conv2dKernel.Backward"/>) against im2col + SGEMM alone, one call of each in turn per round, so that the
/// drifts of a shared virtual machine (seen here at ±30 % between runs of the same code) fall on both alike. Prints
/// the medians and their ratio (routed / im2col) for the forward pass, the weight gradient and the input gradient.
/// Run with <c>DOTNET_TieredCompilation=0 DOTNET_PROCESSOR_COUNT=1 dotnet
/// artifacts/bin/Entanglement.Benchmarks/release/Entanglement.Benchmarks.dll paths w64-32</c>.
/// </summary>
internal static class ConvPathComparison
{
    private const int Batch = 128;
    private const int Rounds = 7;

    public static void Run(string which)
    {
        var rng = new Rng(seed: 7);
        foreach (var (g, cout, count, inputGrad) in ConvLayerProfile.Layers(which))
        {
            var x = Tensor.Randn(rng, Batch * g.Channels * g.InPlane).Data;
            var w = Tensor.Randn(rng, cout * g.PatchSize).Data;
            var y = new float[Batch * cout * g.OutPlane];
            var dy = Tensor.Randn(rng, y.Length).Data;
            var dx = new float[x.Length];
            var dw = new float[w.Length];
            var forward = Compare(
                () => Conv2dKernel.Forward(x, w, null, Batch, cout, g, y),
                () => Conv2dKernel.ForwardIm2Col(x, w, null, Batch, cout, g, y));
            var weights = Compare(
                () => Conv2dKernel.Backward(x, w, dy, Batch, cout, g, null, dw, null),
                () => Conv2dKernel.BackwardIm2Col(x, w, dy, Batch, cout, g, null, dw, null));
            (double Routed, double Im2Col)? input = !inputGrad ? null : Compare(
                () => Conv2dKernel.Backward(x, w, dy, Batch, cout, g, dx, null, null),
                () => Conv2dKernel.BackwardIm2Col(x, w, dy, Batch, cout, g, dx, null, null));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ConvLayerProfile.Describe(g, cout),-30} x{count}  fwd {Show(forward)}   dw {Show(weights)}   dx {(input is { } i ? Show(i) : "-")}"));
        }
    }

    private static string Show((double Routed, double Im2Col) t) => string.Create(CultureInfo.InvariantCulture,
        $"{t.Routed,6:F1} / {t.Im2Col,6:F1} ms ({t.Routed / t.Im2Col:F2})");

    private static (double Routed, double Im2Col) Compare(Action routed, Action im2col)
    {
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 2 || warmup.ElapsedMilliseconds < 200; i++)
        {
            routed();
            im2col();
        }

        var a = new double[Rounds];
        var b = new double[Rounds];
        for (var i = 0; i < Rounds; i++)
        {
            a[i] = Time(routed);
            b[i] = Time(im2col);
        }

        Array.Sort(a);
        Array.Sort(b);
        return (a[Rounds / 2], b[Rounds / 2]);
    }

    private static double Time(Action step)
    {
        var clock = Stopwatch.StartNew();
        step();
        return clock.Elapsed.TotalMilliseconds;
    }
}
