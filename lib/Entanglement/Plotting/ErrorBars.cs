using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>Error bars of a trace (plotly.js <c>error_y</c> / <c>error_x</c>).</summary>
public sealed record ErrorBars
{
    /// <summary>How lengths are given; plotly.js's default is percent, so data bars say so.</summary>
    [JsonPropertyName("type")]
    public ErrorType? Type { get; init; }

    /// <summary>Lengths above (or both sides of) each point.</summary>
    [JsonPropertyName("array")]
    public IReadOnlyList<double>? Array { get; init; }

    /// <summary>Lengths below each point, when not symmetric.</summary>
    [JsonPropertyName("arrayminus")]
    public IReadOnlyList<double>? ArrayMinus { get; init; }

    /// <summary>Whether both sides use <see cref="Array"/>.</summary>
    [JsonPropertyName("symmetric")]
    public bool? Symmetric { get; init; }

    /// <summary>The constant or percentage for those types.</summary>
    [JsonPropertyName("value")]
    public double? Value { get; init; }

    /// <summary>Whether the bars are drawn.</summary>
    [JsonPropertyName("visible")]
    public bool? Visible { get; init; }

    /// <summary>CSS colour.</summary>
    [JsonPropertyName("color")]
    public string? Color { get; init; }

    /// <summary>Line thickness in pixels.</summary>
    [JsonPropertyName("thickness")]
    public double? Thickness { get; init; }

    /// <summary>Cap width in pixels.</summary>
    [JsonPropertyName("width")]
    public double? Width { get; init; }

    /// <summary>Symmetric data error bars of the given lengths (one standard deviation, say).</summary>
    public static ErrorBars FromData(IEnumerable<double> lengths)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        return new ErrorBars { Type = ErrorType.Data, Array = [.. lengths], Visible = true };
    }
}
