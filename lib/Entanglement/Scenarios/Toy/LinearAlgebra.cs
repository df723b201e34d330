namespace Entanglement.Scenarios.Toy;

/// <summary>Small dense double-precision solvers for the toy illustrations (closed-form training).</summary>
internal static class LinearAlgebra
{
    /// <summary>Solves A·x = b (A n×n, row-major) by Gaussian elimination with partial pivoting.</summary>
    public static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(m[pivot, col]) < 1e-12)
            {
                throw new InvalidOperationException($"Solve: the {n}×{n} system is singular at column {col}.");
            }

            if (pivot != col)
            {
                for (var q = 0; q < n; q++)
                {
                    (m[col, q], m[pivot, q]) = (m[pivot, q], m[col, q]);
                }

                (x[col], x[pivot]) = (x[pivot], x[col]);
            }

            for (var r = col + 1; r < n; r++)
            {
                var f = m[r, col] / m[col, col];
                for (var q = col; q < n; q++)
                {
                    m[r, q] -= f * m[col, q];
                }

                x[r] -= f * x[col];
            }
        }

        for (var r = n - 1; r >= 0; r--)
        {
            var s = x[r];
            for (var q = r + 1; q < n; q++)
            {
                s -= m[r, q] * x[q];
            }

            x[r] = s / m[r, r];
        }

        return x;
    }

    /// <summary>Least squares: the coefficients (features × outputs) minimising ‖F·B − T‖², with a tiny ridge for stability.</summary>
    public static double[][] LeastSquares(double[][] features, double[][] targets)
    {
        var p = features[0].Length;
        var outputs = targets[0].Length;
        var gram = new double[p, p];
        for (var i = 0; i < features.Length; i++)
        {
            for (var a = 0; a < p; a++)
            {
                for (var b = 0; b < p; b++)
                {
                    gram[a, b] += features[i][a] * features[i][b];
                }
            }
        }

        for (var a = 0; a < p; a++)
        {
            gram[a, a] += 1e-9 * features.Length;
        }

        var coefficients = new double[outputs][];
        for (var o = 0; o < outputs; o++)
        {
            var rhs = new double[p];
            for (var i = 0; i < features.Length; i++)
            {
                for (var a = 0; a < p; a++)
                {
                    rhs[a] += features[i][a] * targets[i][o];
                }
            }

            coefficients[o] = Solve(gram, rhs);
        }

        return coefficients;
    }

    /// <summary>Logistic regression with bias by Newton's method (a tiny L2 term keeps separable data finite).</summary>
    public static double[] LogisticRegression(double[][] inputs, bool[] labels, int iterations = 50, double l2 = 1e-3)
    {
        var p = inputs[0].Length + 1;
        var w = new double[p];
        for (var it = 0; it < iterations; it++)
        {
            var hessian = new double[p, p];
            var gradient = new double[p];
            for (var i = 0; i < inputs.Length; i++)
            {
                var z = WithBias(inputs[i]);
                var prob = 1.0 / (1.0 + Math.Exp(-Dot(w, z)));
                var y = labels[i] ? 1.0 : 0.0;
                for (var a = 0; a < p; a++)
                {
                    gradient[a] += (prob - y) * z[a];
                    for (var b = 0; b < p; b++)
                    {
                        hessian[a, b] += prob * (1 - prob) * z[a] * z[b];
                    }
                }
            }

            for (var a = 0; a < p; a++)
            {
                gradient[a] += l2 * w[a];
                hessian[a, a] += l2;
            }

            var step = Solve(hessian, gradient);
            for (var a = 0; a < p; a++)
            {
                w[a] -= step[a];
            }
        }

        return w;
    }

    /// <summary>The logistic model's hard prediction (score &gt; 0).</summary>
    public static bool Predict(double[] weights, double[] input) => Dot(weights, WithBias(input)) > 0;

    private static double[] WithBias(double[] x)
    {
        var z = new double[x.Length + 1];
        z[0] = 1;
        x.CopyTo(z, 1);
        return z;
    }

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
