using System.Globalization;

namespace Entanglement.Plotting;

/// <summary>The chart colours: plotly.js's default qualitative sequence, so figures look like plotly's own.</summary>
public static class Palette
{
    private static readonly string[] Colors =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    /// <summary>The number of distinct colours before the sequence repeats.</summary>
    public static int Count => Colors.Length;

    /// <summary>The <paramref name="index"/>-th colour (<c>#rrggbb</c>), repeating after <see cref="Count"/>.</summary>
    public static string Color(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Colors[index % Colors.Length];
    }

    /// <summary>A <c>#rrggbb</c> colour with the given opacity, as CSS <c>rgba(r,g,b,a)</c> (band fills).</summary>
    public static string Translucent(string hex, double alpha)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 7 || hex[0] != '#')
        {
            throw new ArgumentException($"'{hex}' is not a #rrggbb colour.", nameof(hex));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(alpha, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(alpha, 1.0);
        var r = int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var g = int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var b = int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"rgba({r},{g},{b},{alpha})");
    }
}
