using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>
/// Writes the enums of the figure model as plotly.js strings: the member's <see cref="JsonPropertyNameAttribute"/>
/// when it has one (<c>"lines+markers"</c>), otherwise its name in lower case.
/// </summary>
internal sealed class PlotlyEnumConverter : JsonConverterFactory
{
    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    /// <inheritdoc/>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var converterType = typeof(EnumConverter<>).MakeGenericType(typeToConvert);
        return (JsonConverter)(Activator.CreateInstance(converterType) ?? throw new InvalidOperationException(
            $"PlotlyEnumConverter: cannot create a converter for {typeToConvert.Name}."));
    }

    private sealed class EnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private readonly Dictionary<T, string> _names = typeof(T)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(
                f => (T)(f.GetValue(null) ?? throw new InvalidOperationException(f.Name)),
                f => f.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                    ?? f.Name.ToLowerInvariant());

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            foreach (var pair in _names)
            {
                if (pair.Value == text)
                {
                    return pair.Key;
                }
            }

            throw new JsonException($"'{text}' is not a plotly.js value of {typeof(T).Name}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(_names.TryGetValue(value, out var name)
                ? name
                : throw new JsonException($"{typeof(T).Name}.{value} has no plotly.js name."));
    }
}
