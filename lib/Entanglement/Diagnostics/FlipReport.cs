namespace Entanglement.Diagnostics;

/// <summary>
/// Flip metrics of every vertex of a sweep (the updated upstream, the other upstreams, the retrained downstream) from
/// the original system (knob point <see cref="From"/>) to the updated one (<see cref="To"/>), over the paired seeds,
/// for all examples and per data-set class.
/// </summary>
public sealed record FlipReport(int From, int To, IReadOnlyList<FlipStatistics> Overall, IReadOnlyList<FlipStatistics> PerClass)
{
    /// <summary>Flips between the first and last knob values (or the points given).</summary>
    public static FlipReport Of(OutcomeSweep sweep, int? from = null, int? to = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var a = from ?? 0;
        var b = to ?? (sweep.KnobValues.Count - 1);
        var seeds = sweep.PairedSeeds(a, b);
        if (seeds.Count == 0)
        {
            throw new ArgumentException($"{sweep.Experiment}: no seed has runs at both knob points {a} and {b}.", nameof(sweep));
        }

        var overall = new List<FlipStatistics>();
        var perClass = new List<FlipStatistics>();
        foreach (var vertex in new[] { sweep.Updated }.Concat(sweep.OtherUpstreams).Append(sweep.Downstream))
        {
            var pairs = seeds.Select(s => (Before: sweep.Run(a, s)[vertex], After: sweep.Run(b, s)[vertex])).ToArray();
            overall.Add(new FlipStatistics(vertex, null, seeds, [.. pairs.Select(p => FlipMetrics.Of(p.Before, p.After))]));
            var byClass = pairs.Select(p => FlipMetrics.PerClass(p.Before, p.After)).ToArray();
            foreach (var c in byClass.SelectMany(d => d.Keys).Distinct().Order())
            {
                if (byClass.All(d => d.ContainsKey(c)))
                {
                    perClass.Add(new FlipStatistics(vertex, c, seeds, [.. byClass.Select(d => d[c])]));
                }
            }
        }

        return new FlipReport(a, b, overall, perClass);
    }
}
