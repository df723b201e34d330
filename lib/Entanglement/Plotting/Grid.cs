using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>A subplot grid (plotly.js <c>layout.grid</c>); traces pick their cell with their axes.</summary>
public sealed record Grid
{
    /// <summary>Number of rows.</summary>
    [JsonPropertyName("rows")]
    public int? Rows { get; init; }

    /// <summary>Number of columns.</summary>
    [JsonPropertyName("columns")]
    public int? Columns { get; init; }

    /// <summary>Whether cells share axes.</summary>
    [JsonPropertyName("pattern")]
    public GridPattern? Pattern { get; init; }

    /// <summary>Horizontal gap between cells, as a fraction of a cell.</summary>
    [JsonPropertyName("xgap")]
    public double? XGap { get; init; }

    /// <summary>Vertical gap between cells, as a fraction of a cell.</summary>
    [JsonPropertyName("ygap")]
    public double? YGap { get; init; }
}
