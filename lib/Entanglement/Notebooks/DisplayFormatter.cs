using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace Entanglement.Notebooks;

/// <summary>Turns a cell's displayed or returned value into a Jupyter mime bundle.</summary>
internal static class DisplayFormatter
{
    private const int MaxItems = 20;

    /// <summary>The mime bundle of <paramref name="value"/>: <c>text/html</c> when it has <c>ToHtml()</c>, and <c>text/plain</c>.</summary>
    public static JsonObject ToBundle(object? value)
    {
        var bundle = new JsonObject();
        if (value is not null && FindToHtml(value.GetType()) is { } toHtml && toHtml.Invoke(value, null) is string html)
        {
            bundle["text/html"] = html;
        }

        bundle["text/plain"] = ToPlainText(value);
        return bundle;
    }

    /// <summary>Plain text of a value: invariant culture for numbers, <c>[a, b, ...]</c> for sequences.</summary>
    public static string ToPlainText(object? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case string text:
                return text;
            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            case IEnumerable sequence when !HasOwnToString(value.GetType()):
                var builder = new StringBuilder("[");
                var count = 0;
                foreach (var item in sequence)
                {
                    if (count > 0)
                    {
                        builder.Append(", ");
                    }

                    if (count == MaxItems)
                    {
                        builder.Append("...");
                        break;
                    }

                    builder.Append(ToPlainText(item));
                    count++;
                }

                return builder.Append(']').ToString();
            default:
                return value.ToString() ?? "";
        }
    }

    private static MethodInfo? FindToHtml(Type type)
    {
        var method = type.GetMethod("ToHtml", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return method?.ReturnType == typeof(string) ? method : null;
    }

    private static bool HasOwnToString(Type type) =>
        type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } declaring
        && declaring != typeof(object)
        && declaring != typeof(ValueType);
}
