namespace Entanglement.Scenarios.HigherOrder;

/// <summary>A subset of the three upstream models (bit i set = upstream u_{i+1} is improved).</summary>
/// <param name="Mask">Bits 0–2, one per upstream.</param>
public readonly record struct UpstreamSubset(int Mask)
{
    /// <summary>How many upstreams the higher-order scenarios have.</summary>
    public const int Upstreams = 3;

    /// <summary>All 8 subsets: none, the singles, the pairs, then all three (by size, then by mask).</summary>
    public static IReadOnlyList<UpstreamSubset> All { get; } =
        [.. Enumerable.Range(0, 1 << Upstreams).OrderBy(m => int.PopCount(m)).ThenBy(m => m).Select(m => new UpstreamSubset(m))];

    /// <summary>No upstream improved (the baseline every subset is compared with).</summary>
    public static UpstreamSubset None => new(0);

    /// <summary>Number of improved upstreams.</summary>
    public int Count => int.PopCount(Mask);

    /// <summary>Whether upstream <paramref name="index"/> (0-based) is improved.</summary>
    public bool Contains(int index) => (Mask & (1 << index)) != 0;

    /// <summary>"none", "{u1}", "{u1,u3}", "{u1,u2,u3}".</summary>
    public override string ToString() => Mask == 0
        ? "none"
        : "{" + string.Join(",", Enumerable.Range(0, Upstreams).Where(Contains).Select(i => FormattableString.Invariant($"u{i + 1}"))) + "}";
}
