using Entanglement.Scenarios.HigherOrder;

namespace Entanglement.Plotting;

/// <summary>The "Why" figures of higher-order entanglement (notebook 08): how the upstreams' errors combine per subset.</summary>
public static class HigherOrderWhyCharts
{
    private static readonly string[] Names = ["no upstream errs", "1 upstream errs", "2 upstreams err", "all 3 err"];

    /// <summary>
    /// The retrained downstream's error per subset of improved upstreams, stacked by how many of the three upstreams err
    /// on the example (share × error there, mean over seeds; the stack is the downstream's error).
    /// </summary>
    public static Figure ErrorCombination(HigherOrderWhy why)
    {
        ArgumentNullException.ThrowIfNull(why);
        string[] subsets = [.. why.Combinations.Select(c => c.Subset.ToString())];
        var traces = Names.Select((name, k) => (Trace)new Bar
        {
            Name = name,
            X = Values.Of(subsets),
            Y = Values.Of(why.Combinations.Select(c => c.Contribution[k])),
            Marker = new Marker { Color = Palette.Color(k) },
        });
        return Figure.Of(traces)
            .WithTitle("Where the retrained downstream errs: examples by how many upstreams err on them",
                why.Provenance + (why.UnrecordedSeeds.Count > 0 ? $"; per-example outcomes not recorded for seeds {string.Join(", ", why.UnrecordedSeeds)}" : "") +
                "; each part = share of test examples with k upstream errors × the downstream's error on them")
            .WithXAxis("improved upstreams", AxisType.Category)
            .WithYAxis("downstream error")
            .WithLayout(l => l with { BarMode = BarMode.Stack });
    }

    /// <summary>Per subset: share of examples with k upstream errors and the downstream's error on them (pooled over seeds).</summary>
    public static Table ErrorCombinationTable(HigherOrderWhy why)
    {
        ArgumentNullException.ThrowIfNull(why);
        return Table.From(why.Combinations,
                (new TableColumn("improved"), c => c.Subset.ToString()),
                (new TableColumn("share k=0", "0.000"), c => c.Share[0]),
                (new TableColumn("k=1", "0.000"), c => c.Share[1]),
                (new TableColumn("k=2", "0.000"), c => c.Share[2]),
                (new TableColumn("k=3", "0.000"), c => c.Share[3]),
                (new TableColumn("error | k=0", "0.000"), c => c.ErrorWhere[0]),
                (new TableColumn("| k=1", "0.000"), c => c.ErrorWhere[1]),
                (new TableColumn("| k=2", "0.000"), c => c.ErrorWhere[2]),
                (new TableColumn("| k=3", "0.000"), c => c.ErrorWhere[3]),
                (new TableColumn("downstream", "0.000"), c => c.Downstream))
            .WithCaption($"How the three upstreams' errors combine (k = how many of them err on an example), {why.Provenance}");
    }
}
