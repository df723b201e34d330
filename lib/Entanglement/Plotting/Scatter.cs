using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>A line or marker trace (plotly.js <c>scatter</c>), also the edges of a shaded band.</summary>
public sealed record Scatter : Trace
{
    /// <summary>An empty scatter trace; set its properties with an object initializer.</summary>
    public Scatter()
        : base("scatter")
    {
    }

    /// <summary>Lines, markers or both.</summary>
    [JsonPropertyName("mode")]
    public ScatterMode? Mode { get; init; }

    /// <summary>x coordinates.</summary>
    [JsonPropertyName("x")]
    public Values? X { get; init; }

    /// <summary>y coordinates.</summary>
    [JsonPropertyName("y")]
    public Values? Y { get; init; }

    /// <summary>Per-point text (available to <see cref="Trace.HoverTemplate"/> as <c>%{text}</c>).</summary>
    [JsonPropertyName("text")]
    public IReadOnlyList<string>? Text { get; init; }

    /// <summary>Per-point hover text.</summary>
    [JsonPropertyName("hovertext")]
    public IReadOnlyList<string>? HoverText { get; init; }

    /// <summary>Line style.</summary>
    [JsonPropertyName("line")]
    public Line? Line { get; init; }

    /// <summary>Marker style.</summary>
    [JsonPropertyName("marker")]
    public Marker? Marker { get; init; }

    /// <summary>Area to fill (<see cref="Plotting.Fill.ToNextY"/> shades down to the previous trace).</summary>
    [JsonPropertyName("fill")]
    public Fill? Fill { get; init; }

    /// <summary>Fill colour (CSS, usually translucent <c>rgba(...)</c>).</summary>
    [JsonPropertyName("fillcolor")]
    public string? FillColor { get; init; }

    /// <summary>Vertical error bars.</summary>
    [JsonPropertyName("error_y")]
    public ErrorBars? ErrorY { get; init; }

    /// <summary>Horizontal error bars.</summary>
    [JsonPropertyName("error_x")]
    public ErrorBars? ErrorX { get; init; }

    /// <summary>A line through (x, y) points.</summary>
    public static Scatter LineOf(Values x, Values y, string? name = null) =>
        Create(x, y, name, ScatterMode.Lines);

    /// <summary>Markers at (x, y) points.</summary>
    public static Scatter MarkersOf(Values x, Values y, string? name = null) =>
        Create(x, y, name, ScatterMode.Markers);

    private static Scatter Create(Values x, Values y, string? name, ScatterMode mode)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"Scatter '{name}': {x.Count} x values but {y.Count} y values.", nameof(y));
        }

        return new Scatter { Name = name, Mode = mode, X = x, Y = y };
    }
}
