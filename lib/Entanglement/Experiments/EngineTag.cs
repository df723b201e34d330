using System.Text.Json.Nodes;
using Entanglement.Scenarios.Engines;

namespace Entanglement.Experiments;

/// <summary>
/// Records the training engine and device with every stored run: both are written into the run's configuration JSON
/// (<c>"Engine"</c>, <c>"Device"</c>). Runs of another engine are other points: the torch engine's hash also covers the
/// engine and device, so its runs never stand in for native ones. The native CPU engine keeps the hash it always had,
/// so stores written before engines existed stay valid (their JSON has no engine: read as native on the CPU). An engine
/// whose numbers depend on its CPU thread count (LibTorch) also records the pinned count (<c>"Threads"</c>) in both.
/// </summary>
public static class EngineTag
{
    /// <summary>The engine a stored configuration JSON names; "native" and "cpu" when it names none (older stores).</summary>
    public static (string Engine, string Device) Read(string configJson)
    {
        ArgumentNullException.ThrowIfNull(configJson);
        var node = JsonNode.Parse(configJson) as JsonObject;
        return (node?["Engine"]?.GetValue<string>() ?? "native", node?["Device"]?.GetValue<string>() ?? "cpu");
    }

    /// <summary>The configuration JSON and point hash of a sweep run on <paramref name="engine"/>.</summary>
    public static (string Json, string Hash) Apply((string Json, string Hash) config, ITrainingEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var node = JsonNode.Parse(config.Json) as JsonObject
            ?? throw new ArgumentException($"A sweep configuration must be a JSON object, not {config.Json}.", nameof(config));
        node["Engine"] = engine.Name;
        node["Device"] = engine.Device;
        var threads = string.Empty;
        if (engine.PinnedThreads is { } count)
        {
            node["Threads"] = count;
            threads = $"|threads={count.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        var isNative = engine.Name == "native" && engine.Device == "cpu";
        var hash = isNative ? config.Hash : ConfigHash.OfText($"{config.Hash}|engine={engine.Name}|device={engine.Device}{threads}");
        return (node.ToJsonString(), hash);
    }
}
