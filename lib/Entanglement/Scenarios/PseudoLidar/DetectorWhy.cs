using Entanglement.Diagnostics;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// Why one detector's result changed with one swap of the depth estimator (u → u′), from the per-object outcomes of
/// the stored seeds: its flips overall and per range bin, its misses split against the oracle-trained detector, the
/// change in misses split by range bin and by whether the object's depth error rose, and the diagnosis.
/// </summary>
public sealed record DetectorWhy
{
    /// <summary>"Section 5" or "Appendix A".</summary>
    public required string Case { get; init; }

    /// <summary>The detector in words, e.g. "pedestrian detector w".</summary>
    public required string Detector { get; init; }

    /// <summary>The depth source u of this case.</summary>
    public required DepthSource Before { get; init; }

    /// <summary>The depth source u′ of this case.</summary>
    public required DepthSource After { get; init; }

    /// <summary>Seeds whose per-object outcomes were recorded.</summary>
    public required IReadOnlyList<int> RecordedSeeds { get; init; }

    /// <summary>Seeds stored without per-object outcomes (runs from before they were kept): "not recorded".</summary>
    public required IReadOnlyList<int> UnrecordedSeeds { get; init; }

    /// <summary>Flips u → u′ over every counted object (null when nothing was recorded); "right" means found.</summary>
    public FlipStatistics? Flips { get; init; }

    /// <summary>Flips per range bin (<see cref="FlipStatistics.Class"/> = bin index), for the bins every recorded seed has.</summary>
    public IReadOnlyList<FlipStatistics> FlipsByRange { get; init; } = [];

    /// <summary>Misses on u, u′ and the oracle cloud split into the detector's own and the depth's.</summary>
    public IReadOnlyList<MissSplit> Misses { get; init; } = [];

    /// <summary>The change in miss rate by range bin × depth error rose / fell or held.</summary>
    public IReadOnlyList<MissChangeCell> Change { get; init; } = [];

    /// <summary>The root-cause diagnosis (<see cref="LocalizedDiagnoser"/>) with its evidence.</summary>
    public required Diagnosis Diagnosis { get; init; }

    /// <summary>Whether per-object outcomes were recorded for at least one seed.</summary>
    public bool IsRecorded => RecordedSeeds.Count > 0;

    /// <summary>Computes the analyses for the detector <paramref name="vertex"/> (<see cref="ObjectOutcomes"/>) from the seeds.</summary>
    public static DetectorWhy Of(LocalizedUpdate update, string @case, string vertex, DepthSource before, DepthSource after,
        IReadOnlyList<SeedOutcome> seeds, double alpha)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(seeds);
        var recorded = seeds.Where(s => Has(s, vertex, before, after)).ToArray();
        var outcomes = recorded.Select(s => new LocalizedOutcomes(s.Seed,
            Get(s, ObjectOutcomes.Detector(vertex, before)), Get(s, ObjectOutcomes.Detector(vertex, after)),
            Get(s, ObjectOutcomes.Depth(before)), Get(s, ObjectOutcomes.Depth(after)))).ToArray();
        var diagnosis = LocalizedDiagnoser.Diagnose(update with { Outcomes = outcomes, Context = [.. update.Context, .. OracleRows(recorded, vertex, before, after)] }, alpha);
        var why = new DetectorWhy
        {
            Case = @case,
            Detector = update.Downstream,
            Before = before,
            After = after,
            RecordedSeeds = [.. recorded.Select(s => s.Seed)],
            UnrecordedSeeds = [.. seeds.Except(recorded).Select(s => s.Seed)],
            Diagnosis = diagnosis,
        };
        if (recorded.Length == 0)
        {
            return why;
        }

        var seedIds = why.RecordedSeeds;
        var pairs = outcomes.Select(o => (o.DownstreamBefore, o.DownstreamAfter)).ToArray();
        var byBin = pairs.Select(p => FlipMetrics.PerClass(p.DownstreamBefore, p.DownstreamAfter)).ToArray();
        var bins = byBin.SelectMany(d => d.Keys).Distinct().Order().Where(b => byBin.All(d => d.ContainsKey(b)));
        return why with
        {
            Flips = new FlipStatistics(vertex, null, seedIds, [.. pairs.Select(p => FlipMetrics.Of(p.DownstreamBefore, p.DownstreamAfter))]),
            FlipsByRange = [.. bins.Select(b => new FlipStatistics(vertex, b, seedIds, [.. byBin.Select(d => d[b])]))],
            Misses = [.. new[] { (before, "u"), (after, "u'"), (DepthSource.Oracle, "y") }.Select(t => Split(recorded, vertex, t.Item1, t.Item2))],
            Change = ChangeCells(outcomes),
        };
    }

    private static bool Has(SeedOutcome seed, string vertex, DepthSource before, DepthSource after) =>
        new[] { ObjectOutcomes.Detector(vertex, before), ObjectOutcomes.Detector(vertex, after), ObjectOutcomes.Depth(before), ObjectOutcomes.Depth(after) }
            .All(name => seed.Objects.Any(o => o.Vertex == name));

    private static VertexOutcomes Get(SeedOutcome seed, string name) => seed.Objects.First(o => o.Vertex == name);

    private static MissSplit Split(SeedOutcome[] seeds, string vertex, DepthSource source, string label)
    {
        var parts = seeds.Select(s => Shares(s, vertex, source)).Where(p => p.HasValue).Select(p => p.GetValueOrDefault()).ToArray();
        return parts.Length == 0
            ? new MissSplit(source, label, double.NaN, double.NaN)
            : new MissSplit(source, label, parts.Average(p => p.Detector), parts.Average(p => p.Depth));
    }

    /// <summary>(missed here and with the oracle, missed here but found with the oracle) as shares of the counted objects.</summary>
    private static (double Detector, double Depth)? Shares(SeedOutcome seed, string vertex, DepthSource source)
    {
        var oracle = seed.Objects.FirstOrDefault(o => o.Vertex == ObjectOutcomes.Detector(vertex, DepthSource.Oracle));
        var here = seed.Objects.FirstOrDefault(o => o.Vertex == ObjectOutcomes.Detector(vertex, source));
        if (oracle is null || here is null || here.Count == 0)
        {
            return null;
        }

        var foundByOracle = Enumerable.Range(0, oracle.Count).ToDictionary(i => oracle.Ids[i], oracle.IsCorrect);
        int own = 0, depth = 0;
        for (var i = 0; i < here.Count; i++)
        {
            if (!here.IsCorrect(i))
            {
                if (foundByOracle.TryGetValue(here.Ids[i], out var found) && found)
                {
                    depth++;
                }
                else
                {
                    own++;
                }
            }
        }

        return (own / (double)here.Count, depth / (double)here.Count);
    }

    private static IEnumerable<EvidenceRow> OracleRows(SeedOutcome[] seeds, string vertex, DepthSource before, DepthSource after)
    {
        var b = seeds.Select(s => Shares(s, vertex, before)).ToArray();
        var a = seeds.Select(s => Shares(s, vertex, after)).ToArray();
        if (seeds.Length == 0 || b.Any(x => x is null) || a.Any(x => x is null))
        {
            yield break;
        }

        yield return EvidenceRow.Of("misses the oracle-trained detector makes too (the detector's own), share of objects",
            [.. b.Select(x => x.GetValueOrDefault().Detector)], [.. a.Select(x => x.GetValueOrDefault().Detector)]);
        yield return EvidenceRow.Of("misses of objects the oracle-trained detector finds (the depth's), share of objects",
            [.. b.Select(x => x.GetValueOrDefault().Depth)], [.. a.Select(x => x.GetValueOrDefault().Depth)]);
    }

    private static MissChangeCell[] ChangeCells(LocalizedOutcomes[] outcomes)
    {
        var rows = outcomes.Select(o => o.Rows()).Where(r => r.Count > 0).ToArray();
        var cells = new List<MissChangeCell>();
        for (var bin = 0; bin < DepthErrorByRange.BinLabels.Count; bin++)
        {
            foreach (var rose in new[] { true, false })
            {
                double Mean(Func<(int Id, int Class, bool WrongBefore, bool WrongAfter, bool UpstreamRose), bool> pick) =>
                    rows.Average(r => r.Count(x => x.Class == bin && x.UpstreamRose == rose && pick(x)) / (double)r.Count);
                var objects = Mean(_ => true);
                if (objects > 0)
                {
                    cells.Add(new MissChangeCell(bin, rose, Mean(x => !x.WrongBefore && x.WrongAfter), Mean(x => x.WrongBefore && !x.WrongAfter), objects));
                }
            }
        }

        return [.. cells];
    }
}
