using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>A heat map colour scale: a plotly.js named scale (<c>"Viridis"</c>) or explicit (stop, colour) pairs.</summary>
[JsonConverter(typeof(ColorScaleJsonConverter))]
public sealed class ColorScale
{
    private ColorScale(string? name, ImmutableArray<(double Stop, string Color)> stops)
    {
        Name = name;
        Stops = stops;
    }

    /// <summary>The perceptually uniform default used by the workbook.</summary>
    public static ColorScale Viridis { get; } = Named("Viridis");

    /// <summary>Red to blue, for signed quantities such as a loss change.</summary>
    public static ColorScale RdBu { get; } = Named("RdBu");

    /// <summary>The plotly.js scale name, or null for explicit stops.</summary>
    public string? Name { get; }

    /// <summary>The explicit stops (empty for a named scale).</summary>
    public ImmutableArray<(double Stop, string Color)> Stops { get; }

    /// <summary>A plotly.js named scale (Viridis, Cividis, Blues, RdBu, ...).</summary>
    public static ColorScale Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ColorScale(name, []);
    }

    /// <summary>Explicit stops from 0 to 1 in increasing order.</summary>
    public static ColorScale Of(params (double Stop, string Color)[] stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        if (stops.Length < 2 || stops[0].Stop != 0 || stops[^1].Stop != 1)
        {
            throw new ArgumentException("A colour scale needs at least two stops, from 0 to 1.", nameof(stops));
        }

        for (var i = 1; i < stops.Length; i++)
        {
            if (stops[i].Stop < stops[i - 1].Stop)
            {
                throw new ArgumentException("Colour scale stops must increase.", nameof(stops));
            }
        }

        return new ColorScale(null, [.. stops]);
    }

    private sealed class ColorScaleJsonConverter : JsonConverter<ColorScale>
    {
        public override ColorScale Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Figures are written to plotly.js JSON, not read back.");

        public override void Write(Utf8JsonWriter writer, ColorScale value, JsonSerializerOptions options)
        {
            if (value.Name is not null)
            {
                writer.WriteStringValue(value.Name);
                return;
            }

            writer.WriteStartArray();
            foreach (var (stop, color) in value.Stops)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(stop);
                writer.WriteStringValue(color);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }
    }
}
