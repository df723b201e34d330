using Entanglement.Scenarios.Training;

namespace Entanglement.Mitigations;

/// <summary>
/// ZCA whitening (Bell and Sejnowski, 1997; Kessy et al., 2018): x ↦ W(x − μ) with W = U·diag((λ + ε)^−½)·Uᵀ from the
/// eigen-decomposition Σ = U·diag(λ)·Uᵀ of the fitted features' covariance (divided by n). With ε = 0 the fitted rows
/// have exactly the identity as covariance; ε > 0 keeps directions of (near) zero variance, such as dead ReLU units,
/// from being blown up. Of all whitening matrices ZCA stays closest to the original coordinates.
/// </summary>
public sealed class Whitening
{
    private readonly double[] _mean;
    private readonly double[] _matrix;

    private Whitening(double[] mean, double[] matrix, double epsilon)
    {
        _mean = mean;
        _matrix = matrix;
        Epsilon = epsilon;
    }

    /// <summary>Width of the rows it whitens.</summary>
    public int Width => _mean.Length;

    /// <summary>The ε added to every eigenvalue.</summary>
    public double Epsilon { get; }

    /// <summary>Fits μ and W on <paramref name="train"/>; ε = <paramref name="relativeEpsilon"/> × the mean eigenvalue.</summary>
    public static Whitening Fit(FeatureSet train, double relativeEpsilon = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count < 2)
        {
            throw new ArgumentException($"Whitening.Fit: needs at least two rows, got {train.Count}.", nameof(train));
        }

        if (!(relativeEpsilon >= 0) || !double.IsFinite(relativeEpsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeEpsilon), relativeEpsilon, "Whitening.Fit: ε must be finite and ≥ 0.");
        }

        var (n, d) = (train.Count, train.Width);
        var mean = new double[d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                mean[j] += train.Features[(i * d) + j];
            }
        }

        for (var j = 0; j < d; j++)
        {
            mean[j] /= n;
        }

        var covariance = new double[d * d];
        var centred = new double[d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                centred[j] = train.Features[(i * d) + j] - mean[j];
            }

            for (var j = 0; j < d; j++)
            {
                for (var k = j; k < d; k++)
                {
                    covariance[(j * d) + k] += centred[j] * centred[k];
                }
            }
        }

        for (var j = 0; j < d; j++)
        {
            for (var k = j; k < d; k++)
            {
                covariance[(j * d) + k] /= n;
                covariance[(k * d) + j] = covariance[(j * d) + k];
            }
        }

        var (values, vectors) = SymmetricEigen.Decompose(covariance, d);
        var epsilon = relativeEpsilon * Math.Max(values.Average(), 0);
        var matrix = new double[d * d];
        for (var e = 0; e < d; e++)
        {
            var lambda = Math.Max(values[e], 0) + epsilon;
            if (lambda <= 0)
            {
                // A direction with no variance at all (and ε = 0): leave it at zero rather than divide by zero.
                continue;
            }

            var scale = 1 / Math.Sqrt(lambda);
            for (var j = 0; j < d; j++)
            {
                for (var k = 0; k < d; k++)
                {
                    matrix[(j * d) + k] += vectors[(j * d) + e] * scale * vectors[(k * d) + e];
                }
            }
        }

        return new Whitening(mean, matrix, epsilon);
    }

    /// <summary>W(x − μ) for every row (same labels).</summary>
    public FeatureSet Apply(FeatureSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Width != Width)
        {
            throw new ArgumentException($"Whitening.Apply: rows of width {data.Width}, fitted on width {Width}.", nameof(data));
        }

        var d = Width;
        var output = new float[data.Features.Length];
        var centred = new double[d];
        for (var i = 0; i < data.Count; i++)
        {
            for (var j = 0; j < d; j++)
            {
                centred[j] = data.Features[(i * d) + j] - _mean[j];
            }

            for (var j = 0; j < d; j++)
            {
                double sum = 0;
                for (var k = 0; k < d; k++)
                {
                    sum += _matrix[(j * d) + k] * centred[k];
                }

                output[(i * d) + j] = (float)sum;
            }
        }

        return new FeatureSet(output, d, data.Labels);
    }
}
