using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>
/// Identifies a cartesian axis: written <c>"x"</c>, <c>"y2"</c> in a trace's <c>xaxis</c>/<c>yaxis</c> and an axis's
/// <c>anchor</c>/<c>overlaying</c>, and keyed <c>xaxis</c>, <c>yaxis2</c> in the layout.
/// </summary>
[JsonConverter(typeof(AxisIdJsonConverter))]
public readonly record struct AxisId : IComparable<AxisId>
{
    private AxisId(char dimension, int index)
    {
        Dimension = dimension;
        Index = index;
    }

    /// <summary>The first x axis.</summary>
    public static AxisId X { get; } = new('x', 1);

    /// <summary>The first y axis.</summary>
    public static AxisId Y { get; } = new('y', 1);

    /// <summary>The second x axis.</summary>
    public static AxisId X2 { get; } = new('x', 2);

    /// <summary>The second y axis (a right-hand axis, or the second subplot's).</summary>
    public static AxisId Y2 { get; } = new('y', 2);

    /// <summary><c>'x'</c> or <c>'y'</c>.</summary>
    public char Dimension { get; }

    /// <summary>One-based axis number.</summary>
    public int Index { get; }

    /// <summary>The reference used by traces and anchors: <c>"x"</c>, <c>"y2"</c>.</summary>
    public string Ref => Index == 1
        ? Dimension.ToString()
        : string.Create(CultureInfo.InvariantCulture, $"{Dimension}{Index}");

    /// <summary>The key of the axis in the layout: <c>"xaxis"</c>, <c>"yaxis2"</c>.</summary>
    public string LayoutKey => Index == 1
        ? $"{Dimension}axis"
        : string.Create(CultureInfo.InvariantCulture, $"{Dimension}axis{Index}");

    /// <summary>The x axis numbered <paramref name="index"/> (one-based).</summary>
    public static AxisId OfX(int index) => new('x', CheckIndex(index));

    /// <summary>The y axis numbered <paramref name="index"/> (one-based).</summary>
    public static AxisId OfY(int index) => new('y', CheckIndex(index));

    /// <summary>Orders axes by number, then x before y, as plotly.js lists them.</summary>
    public int CompareTo(AxisId other) =>
        Index != other.Index ? Index.CompareTo(other.Index) : Dimension.CompareTo(other.Dimension);

    /// <inheritdoc/>
    public override string ToString() => Ref;

    /// <summary>Less than, by <see cref="CompareTo"/>.</summary>
    public static bool operator <(AxisId left, AxisId right) => left.CompareTo(right) < 0;

    /// <summary>Greater than, by <see cref="CompareTo"/>.</summary>
    public static bool operator >(AxisId left, AxisId right) => left.CompareTo(right) > 0;

    /// <summary>Less than or equal, by <see cref="CompareTo"/>.</summary>
    public static bool operator <=(AxisId left, AxisId right) => left.CompareTo(right) <= 0;

    /// <summary>Greater than or equal, by <see cref="CompareTo"/>.</summary>
    public static bool operator >=(AxisId left, AxisId right) => left.CompareTo(right) >= 0;

    private static int CheckIndex(int index) => index >= 1
        ? index
        : throw new ArgumentOutOfRangeException(nameof(index), index, "Axis numbers start at 1.");

    private sealed class AxisIdJsonConverter : JsonConverter<AxisId>
    {
        public override AxisId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? string.Empty;
            if (text.Length < 1 || (text[0] != 'x' && text[0] != 'y'))
            {
                throw new JsonException($"'{text}' is not a plotly.js axis reference.");
            }

            var index = text.Length == 1 ? 1 : int.Parse(text.AsSpan(1), CultureInfo.InvariantCulture);
            return new AxisId(text[0], CheckIndex(index));
        }

        public override void Write(Utf8JsonWriter writer, AxisId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Ref);
    }
}
