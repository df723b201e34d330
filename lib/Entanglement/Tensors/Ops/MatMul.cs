using Entanglement.Tensors.Kernels;

namespace Entanglement.Tensors.Ops;

/// <summary>Matrix product: [m, k]·[k, n], or batched [b, m, k]·[b, k, n] (a 2-D right operand is shared).</summary>
public static class MatMul
{
    /// <summary>a·b. dA = dY·Bᵀ, dB = Aᵀ·dY (summed over the batch when B is shared).</summary>
    public static Tensor Matmul(this Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (batch, m, k, n, sharedB) = Sizes(a.Shape, b.Shape);
        var outShape = a.Rank == 2 ? new Shape(m, n) : new Shape(batch, m, n);
        var y = new float[batch * m * n];
        for (var i = 0; i < batch; i++)
        {
            Gemm.Sgemm(false, false, m, n, k, Slice(a.Data, i, m * k), Slice(b.Data, sharedB ? 0 : i, k * n), Slice(y, i, m * n));
        }

        return Tensor.FromOp(y, outShape, "MatMul", [a, b], g =>
        {
            if (a.RequiresGrad)
            {
                var ga = new float[a.Size];
                for (var i = 0; i < batch; i++)
                {
                    Gemm.Sgemm(false, true, m, k, n, Slice(g, i, m * n), Slice(b.Data, sharedB ? 0 : i, k * n), Slice(ga, i, m * k));
                }

                GradNode.Accumulate(a, ga);
            }

            if (b.RequiresGrad)
            {
                var gb = new float[b.Size];
                for (var i = 0; i < batch; i++)
                {
                    Gemm.Sgemm(true, false, k, n, m, Slice(a.Data, i, m * k), Slice(g, i, m * n), Slice(gb, sharedB ? 0 : i, k * n), accumulate: sharedB);
                }

                GradNode.Accumulate(b, gb);
            }
        });
    }

    private static Memory<float> Slice(float[] data, int index, int length) => data.AsMemory(index * length, length);

    private static (int Batch, int M, int K, int N, bool SharedB) Sizes(Shape a, Shape b)
    {
        var ok = (a.Rank == 2 && b.Rank == 2) || (a.Rank == 3 && (b.Rank == 2 || (b.Rank == 3 && b[0] == a[0])));
        if (!ok || a[-1] != b[-2])
        {
            var why = ok ? $"inner dimensions {a[-1]} != {b[-2]}" : "expected [m, k]·[k, n] or [b, m, k]·[b|, k, n]";
            throw new ArgumentException($"MatMul: {a} x {b}: {why}.");
        }

        return (a.Rank == 3 ? a[0] : 1, a[-2], a[-1], b[-1], b.Rank == 2);
    }
}
