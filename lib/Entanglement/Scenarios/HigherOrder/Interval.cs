using System.Globalization;

namespace Entanglement.Scenarios.HigherOrder;

/// <summary>A half-open interval [Start, End) of the toy's unit input line.</summary>
public readonly record struct Interval(double Start, double End)
{
    /// <summary>Its length (its probability under x ~ U[0, 1)).</summary>
    public double Length => End - Start;

    /// <summary>Whether <paramref name="x"/> lies in [Start, End).</summary>
    public bool Contains(double x) => x >= Start && x < End;

    /// <summary>"[0.45, 0.55)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Start:0.###}, {End:0.###})");
}
