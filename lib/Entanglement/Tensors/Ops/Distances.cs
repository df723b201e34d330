using Entanglement.Tensors.Kernels;

namespace Entanglement.Tensors.Ops;

/// <summary>Pairwise distances between rows, for nearest-neighbour losses.</summary>
public static class Distances
{
    /// <summary>
    /// D[i, j] = ‖aᵢ − bⱼ‖² for a [n, d] and b [m, d], computed as ‖aᵢ‖² + ‖bⱼ‖² − 2aᵢ·bⱼ and clamped at 0.
    /// dA = 2(rowsum(dD)·a − dD·b), dB = 2(colsum(dD)·b − dDᵀ·a).
    /// </summary>
    public static Tensor PairwiseSquaredDistances(this Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank != 2 || b.Rank != 2 || a.Shape[1] != b.Shape[1])
        {
            throw new ArgumentException($"PairwiseSquaredDistances: expected [n, d] and [m, d], got {a.Shape} and {b.Shape}.");
        }

        int n = a.Shape[0], m = b.Shape[0], d = a.Shape[1];
        var dot = new float[n * m];
        Gemm.Sgemm(false, true, n, m, d, a.Data, b.Data, dot);
        var na = RowNorms(a.Data, n, d);
        var nb = RowNorms(b.Data, m, d);
        var y = new float[n * m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                y[(i * m) + j] = Math.Max(0f, na[i] + nb[j] - (2f * dot[(i * m) + j]));
            }
        }

        return Tensor.FromOp(y, new Shape(n, m), "PairwiseSquaredDistances", [a, b], g =>
        {
            if (a.RequiresGrad)
            {
                var ga = new float[n * d];
                Gemm.Sgemm(false, false, n, d, m, g, b.Data, ga);
                for (var i = 0; i < n; i++)
                {
                    var rowSum = 0f;
                    for (var j = 0; j < m; j++)
                    {
                        rowSum += g[(i * m) + j];
                    }

                    for (var k = 0; k < d; k++)
                    {
                        ga[(i * d) + k] = 2f * ((rowSum * a.Data[(i * d) + k]) - ga[(i * d) + k]);
                    }
                }

                GradNode.Accumulate(a, ga);
            }

            if (b.RequiresGrad)
            {
                var gb = new float[m * d];
                Gemm.Sgemm(true, false, m, d, n, g, a.Data, gb);
                for (var j = 0; j < m; j++)
                {
                    var colSum = 0f;
                    for (var i = 0; i < n; i++)
                    {
                        colSum += g[(i * m) + j];
                    }

                    for (var k = 0; k < d; k++)
                    {
                        gb[(j * d) + k] = 2f * ((colSum * b.Data[(j * d) + k]) - gb[(j * d) + k]);
                    }
                }

                GradNode.Accumulate(b, gb);
            }
        });
    }

    private static float[] RowNorms(float[] x, int rows, int d)
    {
        var r = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            r[i] = System.Numerics.Tensors.TensorPrimitives.Dot(x.AsSpan(i * d, d), x.AsSpan(i * d, d));
        }

        return r;
    }
}
