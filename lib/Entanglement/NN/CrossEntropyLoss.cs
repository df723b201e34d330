using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>
/// Cross-entropy from logits [n, c] against class indices (as <c>nn.CrossEntropyLoss(weight)</c>): the mean over
/// the batch, or the weighted mean Σw[yᵢ]ℓᵢ / Σw[yᵢ] when class weights are given.
/// </summary>
public sealed class CrossEntropyLoss : ILoss
{
    private readonly float[] _weight;

    /// <summary>Creates the loss, optionally with one weight per class.</summary>
    public CrossEntropyLoss(float[]? weight = null)
    {
        if (weight is not null && weight.Any(w => !float.IsFinite(w) || w < 0))
        {
            throw new ArgumentException("CrossEntropyLoss: class weights must be finite and non-negative.", nameof(weight));
        }

        _weight = weight is null ? [] : (float[])weight.Clone();
    }

    /// <summary>The class weights (empty when none were given).</summary>
    public IReadOnlyList<float> Weight => _weight;

    /// <summary>The loss against integer class indices.</summary>
    public Tensor Forward(Tensor input, int[] target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Functional.CrossEntropy(input, target, _weight);
    }

    /// <summary>The loss against class indices stored as floats in a tensor of shape [n].</summary>
    public Tensor Forward(Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var classes = new int[target.Size];
        for (var i = 0; i < classes.Length; i++)
        {
            var v = target.Data[i];
            classes[i] = v == MathF.Floor(v) && v >= 0 && v < int.MaxValue
                ? (int)v
                : throw new ArgumentException($"CrossEntropyLoss: target {i} is {v}, not a class index.", nameof(target));
        }

        if (target.Rank != 1)
        {
            throw new ArgumentException($"CrossEntropyLoss: target {target.Shape} must be 1-D class indices.", nameof(target));
        }

        return Forward(input, classes);
    }
}
