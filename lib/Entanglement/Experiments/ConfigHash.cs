using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Entanglement.Experiments;

/// <summary>Stable hashes of configurations, for cache keys and provenance.</summary>
public static class ConfigHash
{
    /// <summary>Lower-case hex SHA-256 of the value's JSON (System.Text.Json, properties in declaration order).</summary>
    public static string Of<T>(T value) => OfText(JsonSerializer.Serialize(value));

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text.</summary>
    public static string OfText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }
}
