using Entanglement.Tensors;

namespace Entanglement.Scenarios.Training;

/// <summary>Frozen model outputs (one row of <see cref="Width"/> floats per example) and the examples' labels.</summary>
public sealed record FeatureSet
{
    public FeatureSet(float[] features, int width, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (width <= 0 || features.Length != width * labels.Length)
        {
            throw new ArgumentException(
                $"FeatureSet: {features.Length} values do not form {labels.Length} rows of width {width}.", nameof(features));
        }

        Features = features;
        Width = width;
        Labels = labels;
    }

    public float[] Features { get; }

    public int Width { get; }

    public int[] Labels { get; }

    public int Count => Labels.Length;

    /// <summary>The rows as an [N, Width] tensor (shares nothing with this set).</summary>
    public Tensor ToTensor() => Tensor.FromArray(Features, Count, Width);

    /// <summary>The same rows with other labels (for example a relabelled task on the same images).</summary>
    public FeatureSet WithLabels(int[] labels) => new(Features, Width, labels);

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public FeatureSet Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var features = new float[indices.Count * Width];
        var labels = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Features.AsSpan(indices[i] * Width, Width).CopyTo(features.AsSpan(i * Width, Width));
            labels[i] = Labels[indices[i]];
        }

        return new FeatureSet(features, Width, labels);
    }

    /// <summary>These rows followed by <paramref name="other"/>'s (same width).</summary>
    public FeatureSet Concat(FeatureSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Width != Width)
        {
            throw new ArgumentException($"FeatureSet: cannot append rows of width {other.Width} to rows of width {Width}.", nameof(other));
        }

        return new FeatureSet([.. Features, .. other.Features], Width, [.. Labels, .. other.Labels]);
    }
}
