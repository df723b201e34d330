namespace Entanglement.Data;

/// <summary>
/// Per-example hardness for the anti-correlated noise (Section 4.2): the area under each training example's loss curve,
/// accumulated as the sum of its per-epoch losses during a reference training run (unit spacing between epochs).
/// </summary>
public sealed class LossCurveArea
{
    private readonly double[] _area;

    /// <summary>Creates the accumulator for a data set of <paramref name="count"/> images.</summary>
    public LossCurveArea(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _area = new double[count];
    }

    /// <summary>Area so far, per image.</summary>
    public IReadOnlyList<double> Area => Array.AsReadOnly(_area);

    /// <summary>Adds the losses of one batch (<see cref="Batch.Indices"/> and the matching per-example losses).</summary>
    public void Add(IReadOnlyList<int> indices, IReadOnlyList<float> losses)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(losses);
        if (indices.Count != losses.Count)
        {
            throw new ArgumentException($"LossCurveArea: {indices.Count} indices for {losses.Count} losses.", nameof(losses));
        }

        for (var i = 0; i < indices.Count; i++)
        {
            _area[indices[i]] += losses[i];
        }
    }
}
