using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Entanglement.Tensors.Kernels;

/// <summary>Rearrangements of vector lanes shared by the kernels that read every second float.</summary>
internal static class Lanes
{
    /// <summary>The even and the odd elements of the 16 floats lo ‖ hi, each in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<float> Even, Vector256<float> Odd) EvenOdd(Vector256<float> lo, Vector256<float> hi)
    {
        var order = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
        lo = Vector256.Shuffle(lo, order);
        hi = Vector256.Shuffle(hi, order);
        return (Vector256.Create(lo.GetLower(), hi.GetLower()), Vector256.Create(lo.GetUpper(), hi.GetUpper()));
    }

    /// <summary>The inverse of <see cref="EvenOdd"/>: e0 o0 e1 o1 … e7 o7 as two vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<float> Lo, Vector256<float> Hi) Interleave(Vector256<float> even, Vector256<float> odd)
    {
        var order = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
        return (Vector256.Shuffle(Vector256.Create(even.GetLower(), odd.GetLower()), order),
            Vector256.Shuffle(Vector256.Create(even.GetUpper(), odd.GetUpper()), order));
    }
}
