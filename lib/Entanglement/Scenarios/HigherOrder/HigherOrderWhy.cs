using System.Globalization;
using System.Text;
using Entanglement.Diagnostics;

namespace Entanglement.Scenarios.HigherOrder;

/// <summary>
/// How the upstreams' errors combine in the retrained downstream, for every subset of improved upstreams, from stored
/// seeds (<see cref="ErrorCombination"/>); seeds stored before per-example outcomes were kept are "not recorded".
/// </summary>
public sealed record HigherOrderWhy
{
    /// <summary>"profile quick, seeds 0, 1, 2, 3".</summary>
    public required string Provenance { get; init; }

    /// <summary>Seeds with per-example outcomes.</summary>
    public required IReadOnlyList<int> RecordedSeeds { get; init; }

    /// <summary>Seeds stored without them.</summary>
    public required IReadOnlyList<int> UnrecordedSeeds { get; init; }

    /// <summary>One combination per subset, <see cref="UpstreamSubset.All"/> order (empty when nothing was recorded).</summary>
    public required IReadOnlyList<ErrorCombination> Combinations { get; init; }

    /// <summary>Builds the analysis from each seed's outcomes (an empty list = not recorded).</summary>
    public static HigherOrderWhy Of(Profile profile, IReadOnlyList<(int Seed, IReadOnlyList<VertexOutcomes> Outcomes)> seeds)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(seeds);
        var recorded = seeds.Where(s => s.Outcomes.Count > 0).ToArray();
        return new HigherOrderWhy
        {
            Provenance = $"profile {profile.Name}, seeds {string.Join(", ", seeds.Select(s => s.Seed))}",
            RecordedSeeds = [.. recorded.Select(s => s.Seed)],
            UnrecordedSeeds = [.. seeds.Where(s => s.Outcomes.Count == 0).Select(s => s.Seed)],
            Combinations = ErrorCombination.Of(recorded),
        };
    }

    /// <summary>The numbers in words: per subset, the share of examples where two or more upstreams err and the downstream's error.</summary>
    public string Summary
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            var sb = new StringBuilder();
            sb.Append(c, $"How the upstreams' errors combine ({Provenance}). ");
            if (UnrecordedSeeds.Count > 0)
            {
                sb.Append(c, $"Per-example outcomes not recorded for seeds {string.Join(", ", UnrecordedSeeds)}. ");
            }

            if (Combinations.Count == 0)
            {
                return sb.Append("Nothing to analyse: no seed recorded per-example outcomes.").ToString();
            }

            sb.Append("Per subset of improved upstreams: share of test examples where 0/1/2/3 of the three upstreams err, and the retrained downstream's error there (pooled over seeds), then its error: ");
            sb.AppendJoin("; ", Combinations.Select(x => string.Create(c,
                $"{x.Subset}: shares {string.Join("/", x.Share.Select(s => s.ToString("0.000", c)))}, error there {string.Join("/", x.ErrorWhere.Select(e => double.IsNaN(e) ? "-" : e.ToString("0.000", c)))}, downstream {x.Downstream:0.000}")));
            var none = Combinations[0];
            var all = Combinations[^1];
            sb.Append(c, $". From none to all three improved, the share of examples where a majority (2 or 3) of the upstreams err goes {none.Share[2] + none.Share[3]:0.000} -> {all.Share[2] + all.Share[3]:0.000}");
            sb.Append(c, $" and the downstream's error {none.Downstream:0.000} -> {all.Downstream:0.000}.");
            return sb.ToString();
        }
    }
}
