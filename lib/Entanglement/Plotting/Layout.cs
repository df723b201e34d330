using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>
/// A figure's layout (plotly.js <c>layout</c>). Axes are kept by <see cref="AxisId"/> and written as
/// <c>xaxis</c>, <c>yaxis</c>, <c>xaxis2</c>, <c>yaxis2</c>, ... so any number of subplots and second axes fit.
/// </summary>
[JsonConverter(typeof(LayoutJsonConverter))]
public sealed record Layout
{
    /// <summary>Figure title (and subtitle).</summary>
    public Title? Title { get; init; }

    /// <summary>Cartesian axes by id, written in <see cref="AxisId"/> order.</summary>
    public ImmutableSortedDictionary<AxisId, Axis> Axes { get; init; } = ImmutableSortedDictionary<AxisId, Axis>.Empty;

    /// <summary>Subplot grid.</summary>
    public Grid? Grid { get; init; }

    /// <summary>Legend placement.</summary>
    public Legend? Legend { get; init; }

    /// <summary>Whether the legend is shown.</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>Margins.</summary>
    public Margin? Margin { get; init; }

    /// <summary>Text annotations (subplot titles, notes).</summary>
    public IReadOnlyList<Annotation>? Annotations { get; init; }

    /// <summary>Width in pixels (null: the container's).</summary>
    public int? Width { get; init; }

    /// <summary>Height in pixels.</summary>
    public int? Height { get; init; }

    /// <summary>Layout of bars at one location.</summary>
    public BarMode? BarMode { get; init; }

    /// <summary>Hover behaviour.</summary>
    public HoverMode? HoverMode { get; init; }

    /// <summary>Global font.</summary>
    public Font? Font { get; init; }

    /// <summary>The first x axis, if set.</summary>
    public Axis? XAxis => Axes.GetValueOrDefault(AxisId.X);

    /// <summary>The first y axis, if set.</summary>
    public Axis? YAxis => Axes.GetValueOrDefault(AxisId.Y);

    /// <summary>The second y axis, if set.</summary>
    public Axis? YAxis2 => Axes.GetValueOrDefault(AxisId.Y2);

    /// <summary>This layout with <paramref name="axis"/> as axis <paramref name="id"/>.</summary>
    public Layout WithAxis(AxisId id, Axis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        return this with { Axes = Axes.SetItem(id, axis) };
    }

    /// <summary>This layout with <paramref name="annotation"/> appended.</summary>
    public Layout WithAnnotation(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        return this with { Annotations = [.. Annotations ?? [], annotation] };
    }

    private sealed class LayoutJsonConverter : JsonConverter<Layout>
    {
        public override Layout Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Figures are written to plotly.js JSON, not read back.");

        public override void Write(Utf8JsonWriter writer, Layout value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            Property(writer, "title", value.Title, options);
            foreach (var (id, axis) in value.Axes)
            {
                Property(writer, id.LayoutKey, axis, options);
            }

            Property(writer, "grid", value.Grid, options);
            Property(writer, "legend", value.Legend, options);
            Property(writer, "showlegend", value.ShowLegend, options);
            Property(writer, "margin", value.Margin, options);
            Property(writer, "annotations", value.Annotations, options);
            Property(writer, "width", value.Width, options);
            Property(writer, "height", value.Height, options);
            Property(writer, "barmode", value.BarMode, options);
            Property(writer, "hovermode", value.HoverMode, options);
            Property(writer, "font", value.Font, options);
            writer.WriteEndObject();
        }

        private static void Property<T>(Utf8JsonWriter writer, string name, T? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                return;
            }

            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value, options);
        }
    }
}
