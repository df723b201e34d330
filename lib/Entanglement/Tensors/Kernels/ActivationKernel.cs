using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Entanglement.Tensors.Kernels;

/// <summary>Vectorised elementwise activation gradients.</summary>
internal static class ActivationKernel
{
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
