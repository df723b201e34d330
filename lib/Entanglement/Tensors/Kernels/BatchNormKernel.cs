using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// The per-channel sweeps of batch normalisation over x [n, c, inner] (channel <c>ch</c> is the n blocks
/// ((b·c) + ch)·inner of <c>inner</c> floats). Each sweep reads each block once; sums are float within a block and
/// double across blocks, in block order, so the result does not depend on how channels are spread over threads.
/// </summary>
internal static class BatchNormKernel
{
    /// <summary>Σx of channel <paramref name="ch"/>.</summary>
    public static double Sum(ReadOnlySpan<float> x, int n, int c, int ch, int inner)
    {
        double sum = 0;
        for (var b = 0; b < n; b++)
        {
            sum += TensorPrimitives.Sum(x.Slice(((b * c) + ch) * inner, inner));
        }

        return sum;
    }

    /// <summary>Σ(x − mean)² of channel <paramref name="ch"/>.</summary>
    public static double CentredSquares(ReadOnlySpan<float> x, int n, int c, int ch, int inner, float mean)
    {
        double sum = 0;
        for (var b = 0; b < n; b++)
        {
            sum += CentredSquares(x.Slice(((b * c) + ch) * inner, inner), mean);
        }

        return sum;
    }

    /// <summary>y = (x − mean)·scale + shift over channel <paramref name="ch"/>.</summary>
    public static void Normalize(ReadOnlySpan<float> x, int n, int c, int ch, int inner, float mean, float scale, float shift, Span<float> y)
    {
        for (var b = 0; b < n; b++)
        {
            var off = ((b * c) + ch) * inner;
            Affine(x.Slice(off, inner), mean, scale, shift, default, 0f, y.Slice(off, inner));
        }
    }

    /// <summary>(ΣdY, ΣdY·(x − mean)) of channel <paramref name="ch"/>.</summary>
    public static (double SumDy, double SumDyCentred) GradientSums(
        ReadOnlySpan<float> dy, ReadOnlySpan<float> x, int n, int c, int ch, int inner, float mean)
    {
        double sumDy = 0, sumDyCentred = 0;
        for (var b = 0; b < n; b++)
        {
            var off = ((b * c) + ch) * inner;
            var (s, t) = DySums(dy.Slice(off, inner), x.Slice(off, inner), mean);
            sumDy += s;
            sumDyCentred += t;
        }

        return (sumDy, sumDyCentred);
    }

    /// <summary>dX = dY·dyScale + (x − mean)·centredScale + shift over channel <paramref name="ch"/>.</summary>
    public static void InputGradient(
        ReadOnlySpan<float> dy, ReadOnlySpan<float> x, int n, int c, int ch, int inner, float mean, float dyScale,
        float centredScale, float shift, Span<float> dx)
    {
        for (var b = 0; b < n; b++)
        {
            var off = ((b * c) + ch) * inner;
            Affine(x.Slice(off, inner), mean, centredScale, shift, dy.Slice(off, inner), dyScale, dx.Slice(off, inner));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
#if NET9_0_OR_GREATER
        Vector256.FusedMultiplyAdd(a, b, c);
#else
        (a * b) + c;
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Fma(float a, float b, float c) =>
#if NET9_0_OR_GREATER
        MathF.FusedMultiplyAdd(a, b, c);
#else
        (a * b) + c;
#endif

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float CentredSquares(ReadOnlySpan<float> x, float mean)
    {
        ref var xp = ref MemoryMarshal.GetReference(x);
        var i = 0;
        var sum = 0f;
        if (x.Length >= Vector256<float>.Count)
        {
            var m = Vector256.Create(mean);
            var acc = Vector256<float>.Zero;
            for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var d = Vector256.LoadUnsafe(ref xp, (nuint)i) - m;
                acc = Fma(d, d, acc);
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < x.Length; i++)
        {
            var d = x[i] - mean;
            sum = Fma(d, d, sum);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (float SumDy, float SumDyCentred) DySums(ReadOnlySpan<float> dy, ReadOnlySpan<float> x, float mean)
    {
        ref var xp = ref MemoryMarshal.GetReference(x);
        ref var gp = ref MemoryMarshal.GetReference(dy);
        var i = 0;
        float s = 0f, t = 0f;
        if (x.Length >= Vector256<float>.Count)
        {
            var m = Vector256.Create(mean);
            Vector256<float> accS = Vector256<float>.Zero, accT = Vector256<float>.Zero;
            for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var g = Vector256.LoadUnsafe(ref gp, (nuint)i);
                accS += g;
                accT = Fma(g, Vector256.LoadUnsafe(ref xp, (nuint)i) - m, accT);
            }

            s = Vector256.Sum(accS);
            t = Vector256.Sum(accT);
        }

        for (; i < x.Length; i++)
        {
            s += dy[i];
            t = Fma(dy[i], x[i] - mean, t);
        }

        return (s, t);
    }

    /// <summary>dst = (x − mean)·scale + shift (+ dy·dyScale when <paramref name="dy"/> is not empty).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Affine(
        ReadOnlySpan<float> x, float mean, float scale, float shift, ReadOnlySpan<float> dy, float dyScale, Span<float> dst)
    {
        if (x.IsEmpty)
        {
            return;
        }

        _ = dst[x.Length - 1];
        var withDy = !dy.IsEmpty;
        if (withDy)
        {
            _ = dy[x.Length - 1];
        }

        ref var xp = ref MemoryMarshal.GetReference(x);
        ref var gp = ref MemoryMarshal.GetReference(dy);
        ref var dp = ref MemoryMarshal.GetReference(dst);
        var i = 0;
        if (x.Length >= Vector256<float>.Count)
        {
            Vector256<float> m = Vector256.Create(mean), sc = Vector256.Create(scale), sh = Vector256.Create(shift);
            var ds = Vector256.Create(dyScale);
            for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var v = Fma(Vector256.LoadUnsafe(ref xp, (nuint)i) - m, sc, sh);
                if (withDy)
                {
                    v = Fma(Vector256.LoadUnsafe(ref gp, (nuint)i), ds, v);
                }

                v.StoreUnsafe(ref dp, (nuint)i);
            }
        }

        for (; i < x.Length; i++)
        {
            var v = Fma(x[i] - mean, scale, shift);
            dst[i] = withDy ? Fma(dy[i], dyScale, v) : v;
        }
    }
}
