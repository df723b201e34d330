using System.Globalization;

namespace Entanglement.Systems;

/// <summary>A vertex's test loss before vs after an update over seeds, with Welch's test of the change.</summary>
/// <param name="Samples">The losses compared.</param>
/// <param name="Test">Welch's test of Δ = mean(after) − mean(before).</param>
/// <param name="Alpha">Significance level, e.g. 0.05.</param>
public sealed record LossComparison(LossSamples Samples, WelchTest Test, double Alpha)
{
    /// <summary>The vertex compared.</summary>
    public string Vertex => Samples.Vertex;

    /// <summary>Mean loss after minus mean loss before; negative means lower (better).</summary>
    public double Difference => Test.Difference;

    /// <summary>The mean loss went up.</summary>
    public bool IsWorse => Test.Difference > 0;

    /// <summary>The mean loss went down with p &lt; α.</summary>
    public bool IsSignificantlyBetter => Test.Difference < 0 && Test.PValue < Alpha;

    /// <summary>The mean loss went up with p &lt; α.</summary>
    public bool IsSignificantlyWorse => Test.Difference > 0 && Test.PValue < Alpha;

    /// <summary>Compares the samples with Welch's test at level α (the interval has level 1 − α).</summary>
    public static LossComparison Of(LossSamples samples, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "LossComparison needs 0 < alpha < 1.");
        }

        return new LossComparison(samples, WelchTest.Of(samples.Before, samples.After, 1 - alpha), alpha);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0}: {1:G4} ± {2:G3} -> {3:G4} ± {4:G3} (Δ = {5:+0.####;-0.####;0}, {6:P0} CI [{7:G4}, {8:G4}], p = {9:G3}, n = {10}/{11})",
        Vertex, Test.Before.Mean, Test.Before.StandardDeviation, Test.After.Mean, Test.After.StandardDeviation,
        Difference, Test.ConfidenceLevel, Test.Lower, Test.Upper, Test.PValue, Test.Before.Count, Test.After.Count);
}
