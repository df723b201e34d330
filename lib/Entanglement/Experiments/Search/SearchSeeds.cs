using System.Globalization;

namespace Entanglement.Experiments.Search;

/// <summary>
/// The seed split of a setting search: a search may look at seeds 0–4 only; the chosen setting's preset is then
/// confirmed on seeds 5–9, which no search ever saw.
/// </summary>
public static class SearchSeeds
{
    /// <summary>The seeds a search may use: 0, 1, 2, 3, 4.</summary>
    public static IReadOnlyList<int> Search { get; } = [0, 1, 2, 3, 4];

    /// <summary>The held-out seeds of the confirmation run: 5, 6, 7, 8, 9.</summary>
    public static IReadOnlyList<int> Confirmation { get; } = [5, 6, 7, 8, 9];

    /// <summary>Parses "0-4", "0,2,3" or "1" and checks every seed is a search seed.</summary>
    public static IReadOnlyList<int> Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var seeds = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', 1);
            if (dash > 0)
            {
                var from = ParseOne(part[..dash]);
                var to = ParseOne(part[(dash + 1)..]);
                if (to < from)
                {
                    throw new ArgumentException($"Seed range '{part}' runs backwards.", nameof(text));
                }

                seeds.AddRange(Enumerable.Range(from, to - from + 1));
            }
            else
            {
                seeds.Add(ParseOne(part));
            }
        }

        return Check(seeds);
    }

    /// <summary>The seeds, distinct and in order, if all are search seeds; otherwise an exception naming the others.</summary>
    public static IReadOnlyList<int> Check(IEnumerable<int> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var list = seeds.Distinct().Order().ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A search needs at least one seed.", nameof(seeds));
        }

        var outside = list.Where(s => !Search.Contains(s)).ToList();
        if (outside.Count > 0)
        {
            throw new ArgumentException(
                $"A search may use seeds 0–4 only (5–9 are held out for the confirmation run); got {string.Join(", ", outside)}.",
                nameof(seeds));
        }

        return list;
    }

    /// <summary>"0-4" for a contiguous run, else "0,2,3".</summary>
    public static string Format(IReadOnlyList<int> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        return seeds.Count > 1 && seeds[^1] - seeds[0] == seeds.Count - 1
            ? string.Create(CultureInfo.InvariantCulture, $"{seeds[0]}-{seeds[^1]}")
            : string.Join(",", seeds.Select(s => s.ToString(CultureInfo.InvariantCulture)));
    }

    private static int ParseOne(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new ArgumentException($"'{text}' is not a seed (a whole number ≥ 0).", nameof(text));
}
