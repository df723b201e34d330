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
}
