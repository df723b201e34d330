using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Entanglement.Tensors.Kernels;

/// <summary>Vectorised elementwise activations and their gradients.</summary>
internal static class ActivationKernel
{
    /// <summary>
    /// y = max(x, 0) with the IEEE 754-2019 maximum that <c>TensorPrimitives.Max(x, 0f, y)</c> computes (a NaN stays
    /// itself, −0 becomes +0), bit for bit, in one compare-and-select per vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReLU(ReadOnlySpan<float> x, Span<float> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"ReLU: input of {x.Length} and output of {y.Length} elements.", nameof(y));
        }

        ref var xp = ref MemoryMarshal.GetReference(x);
        ref var yp = ref MemoryMarshal.GetReference(y);
        var i = 0;
        for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var v = Vector256.LoadUnsafe(ref xp, (nuint)i);
            var keep = Vector256.GreaterThan(v, Vector256<float>.Zero) | ~Vector256.Equals(v, v);
            (v & keep).StoreUnsafe(ref yp, (nuint)i);
        }

        for (; i < x.Length; i++)
        {
            y[i] = x[i] > 0f || float.IsNaN(x[i]) ? x[i] : 0f;
        }
    }

    /// <summary>The ReLU backward in place: g ← 0 where y ≤ 0 (a NaN output keeps its gradient).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReLUBackward(ReadOnlySpan<float> y, Span<float> g)
    {
        if (y.Length != g.Length)
        {
            throw new ArgumentException($"ReLUBackward: output of {y.Length} and gradient of {g.Length} elements.", nameof(g));
        }

        ref var yp = ref MemoryMarshal.GetReference(y);
        ref var gp = ref MemoryMarshal.GetReference(g);
        var i = 0;
        for (; i <= y.Length - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var dead = Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref yp, (nuint)i), Vector256<float>.Zero);
            Vector256.AndNot(Vector256.LoadUnsafe(ref gp, (nuint)i), dead).StoreUnsafe(ref gp, (nuint)i);
        }

        for (; i < y.Length; i++)
        {
            if (y[i] <= 0f)
            {
                g[i] = 0f;
            }
        }
    }
}
