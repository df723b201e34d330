using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Entanglement.Experiments;

/// <summary>Stable hashes of configurations, for cache keys and provenance.</summary>
public static class ConfigHash
{
    /// <summary>Lower-case hex SHA-256 of the value's JSON (System.Text.Json, properties in declaration order).</summary>
    public static string Of<T>(T value) => OfText(JsonSerializer.Serialize(value));

    /// <summary>Public fields too, so value tuples (count ranges and the like) are part of a configuration's JSON.</summary>
    private static readonly JsonSerializerOptions WithFields = new() { WriteIndented = false, IncludeFields = true };

    /// <summary>
    /// A sweep configuration's JSON (stored with every run) and the hash that identifies its points: the hash leaves
    /// out the top-level <c>Seeds</c>, because each run's key carries its own seed, so extending a sweep to more seeds
    /// reuses the runs already stored while any other change of settings makes new points.
    /// </summary>
    public static (string Json, string Hash) OfSweepConfig<T>(T config)
    {
        var json = JsonSerializer.Serialize(config, WithFields);
        var node = JsonNode.Parse(json) as JsonObject
            ?? throw new ArgumentException($"A sweep configuration must serialise to a JSON object, not {json}.", nameof(config));
        node.Remove("Seeds");
        return (json, OfText(node.ToJsonString()));
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text.</summary>
    public static string OfText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }
}
