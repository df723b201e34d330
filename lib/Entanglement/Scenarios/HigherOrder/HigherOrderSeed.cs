using System.Globalization;

namespace Entanglement.Scenarios.HigherOrder;

/// <summary>
/// One seed of the higher-order grid: each upstream's test error noisy and clean, and per subset of improved upstreams
/// (<see cref="UpstreamSubset.All"/> order) the downstream's test error retrained, as a fixed vote and as a linear model.
/// </summary>
public sealed record HigherOrderSeed
{
    public required IReadOnlyList<double> NoisyError { get; init; }

    public required IReadOnlyList<double> CleanError { get; init; }

    /// <summary>The retrained cell-majority downstream's error per subset.</summary>
    public required IReadOnlyList<double> Retrained { get; init; }

    /// <summary>The fixed majority vote's error per subset.</summary>
    public required IReadOnlyList<double> Vote { get; init; }

    /// <summary>The retrained linear downstream's error (one-hot answers) per subset.</summary>
    public required IReadOnlyList<double> Linear { get; init; }

    /// <summary>
    /// Per-test-example outcomes (<see cref="ErrorCombination.Record"/>): each upstream noisy and clean, and the
    /// retrained downstream of every subset; empty when not recorded (runs stored before they were kept).
    /// </summary>
    public IReadOnlyList<Diagnostics.VertexOutcomes> Outcomes { get; init; } = [];

    /// <summary>The values by name, as the results store keeps them.</summary>
    public Dictionary<string, double> ToLosses()
    {
        var losses = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < UpstreamSubset.Upstreams; i++)
        {
            losses[Key("noisy", i)] = NoisyError[i];
            losses[Key("clean", i)] = CleanError[i];
        }

        foreach (var s in UpstreamSubset.All.Select((s, k) => (s.Mask, k)))
        {
            losses[Key("w-retrained", s.Mask)] = Retrained[s.k];
            losses[Key("w-vote", s.Mask)] = Vote[s.k];
            losses[Key("w-linear", s.Mask)] = Linear[s.k];
        }

        return losses;
    }

    /// <summary>The inverse of <see cref="ToLosses"/>.</summary>
    public static HigherOrderSeed FromLosses(IReadOnlyDictionary<string, double> losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        double[] Per(string name, IEnumerable<int> keys) => [.. keys.Select(k => losses[Key(name, k)])];
        var upstreams = Enumerable.Range(0, UpstreamSubset.Upstreams).ToArray();
        var masks = UpstreamSubset.All.Select(s => s.Mask).ToArray();
        return new HigherOrderSeed
        {
            NoisyError = Per("noisy", upstreams),
            CleanError = Per("clean", upstreams),
            Retrained = Per("w-retrained", masks),
            Vote = Per("w-vote", masks),
            Linear = Per("w-linear", masks),
        };
    }

    private static string Key(string name, int index) => string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]");
}
