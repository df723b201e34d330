using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>
/// The coordinates of a trace along one axis: numbers, or category labels. Copied on creation, so a figure never
/// changes when the caller's array does.
/// </summary>
[JsonConverter(typeof(ValuesJsonConverter))]
public sealed class Values
{
    private Values(ImmutableArray<double> numbers, ImmutableArray<string> labels)
    {
        Numbers = numbers;
        Labels = labels;
    }

    /// <summary>The numbers (empty for categorical values).</summary>
    public ImmutableArray<double> Numbers { get; }

    /// <summary>The category labels (empty for numeric values).</summary>
    public ImmutableArray<string> Labels { get; }

    /// <summary>Whether these are numbers rather than labels.</summary>
    public bool IsNumeric => Labels.IsEmpty;

    /// <summary>The number of values.</summary>
    public int Count => IsNumeric ? Numbers.Length : Labels.Length;

    /// <summary>Numeric values.</summary>
    public static Values Of(IEnumerable<double> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return new Values([.. numbers], []);
    }

    /// <summary>Integer values (a knob such as a class count), written as numbers.</summary>
    public static Values Of(IEnumerable<int> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return new Values([.. numbers.Select(n => (double)n)], []);
    }

    /// <summary>Category labels.</summary>
    public static Values Of(IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var copy = labels.ToImmutableArray();
        return copy.IsEmpty ? new Values([], []) : new Values([], copy);
    }

    /// <summary>Numeric values from an array.</summary>
    public static implicit operator Values(double[] numbers) => Of(numbers);

    /// <summary>Integer values from an array.</summary>
    public static implicit operator Values(int[] numbers) => Of(numbers);

    /// <summary>Category labels from an array.</summary>
    public static implicit operator Values(string[] labels) => Of(labels);

    /// <summary>Same as the implicit conversion from <c>double[]</c>.</summary>
    public static Values FromDoubleArray(double[] numbers) => Of(numbers);

    /// <summary>Same as the implicit conversion from <c>int[]</c>.</summary>
    public static Values FromInt32Array(int[] numbers) => Of(numbers);

    /// <summary>Same as the implicit conversion from <c>string[]</c>.</summary>
    public static Values FromStringArray(string[] labels) => Of(labels);

    private sealed class ValuesJsonConverter : JsonConverter<Values>
    {
        public override Values Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Figures are written to plotly.js JSON, not read back.");

        public override void Write(Utf8JsonWriter writer, Values value, JsonSerializerOptions options)
        {
            if (value.IsNumeric)
            {
                JsonSerializer.Serialize(writer, value.Numbers, options);
            }
            else
            {
                JsonSerializer.Serialize(writer, value.Labels, options);
            }
        }
    }
}
