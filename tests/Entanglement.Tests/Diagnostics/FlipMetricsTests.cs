using Entanglement.Diagnostics;
using Entanglement.Tensors;

namespace Entanglement.Tests.Diagnostics;

public sealed class FlipMetricsTests
{
    private static VertexOutcomes Vertex(bool[] right, int[]? ids = null, int[]? classes = null)
    {
        ids ??= [.. Enumerable.Range(0, right.Length)];
        int[] labels = [.. ids.Select(id => id % 2)];
        return VertexOutcomes.Create("v", ids, labels, classes ?? labels,
            [.. labels.Select((l, i) => right[i] ? l : 1 - l)], [.. right.Select(r => r ? 0f : 1f)]);
    }

    // Ten examples by hand: right before/after is (T,T) at 0, 2, 5, 8, 9; (T,F) at 1, 6; (F,T) at 4; (F,F) at 3, 7.
    private static readonly bool[] Before = [true, true, true, false, false, true, true, false, true, true];
    private static readonly bool[] After = [true, false, true, false, true, true, false, false, true, true];

    [Fact]
    public void Hand_counted_flips_give_the_rates_and_compatibility_scores()
    {
        var m = FlipMetrics.Of(Vertex(Before), Vertex(After));

        Assert.Equal(10, m.Count);
        Assert.Equal(0.3, m.ErrorBefore, 12);
        Assert.Equal(0.4, m.ErrorAfter, 12);
        Assert.Equal(0.2, m.NegativeFlipRate, 12);
        Assert.Equal(0.1, m.PositiveFlipRate, 12);
        Assert.Equal(5.0 / 7, m.Btc, 12);  // both right / right before
        Assert.Equal(2.0 / 3, m.Bec, 12);  // both wrong / wrong before
    }

    [Fact]
    public void Examples_are_matched_by_id_whatever_their_order_and_extra_rows_are_ignored()
    {
        int[] order = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
        var after = Vertex([.. order.Select(i => After[i]), false, false], [.. order, 10, 12]);

        Assert.Equal(FlipMetrics.Of(Vertex(Before), Vertex(After)), FlipMetrics.Of(Vertex(Before), after));
    }

    [Fact]
    public void Per_class_metrics_split_the_examples_by_class()
    {
        var perClass = FlipMetrics.PerClass(Vertex(Before), Vertex(After));

        // Class 0 = even ids 0, 2, 4, 6, 8: flips (T,T), (T,T), (F,T), (T,F), (T,T).
        Assert.Equal([0, 1], perClass.Keys);
        Assert.Equal(0.2, perClass[0].NegativeFlipRate, 12);
        Assert.Equal(0.2, perClass[0].PositiveFlipRate, 12);
        Assert.Equal(3.0 / 4, perClass[0].Btc, 12);
        Assert.Equal(0.0, perClass[0].Bec, 12);
    }

    [Fact]
    public void An_empty_denominator_scores_zero_as_BackwardCompatibilityML_does()
    {
        var m = FlipMetrics.Of(Vertex([true, true]), Vertex([true, false]));

        Assert.Equal(0.0, m.Bec);
        Assert.Equal(0.5, m.Btc, 12);
    }

    [Fact]
    public void The_error_change_equals_negative_minus_positive_flips()
    {
        var rng = new Rng(seed: 1234);
        bool[] Draw() => [.. Enumerable.Range(0, 500).Select(_ => rng.NextDouble() < 0.7)];
        var m = FlipMetrics.Of(Vertex(Draw()), Vertex(Draw()));

        Assert.Equal(m.ErrorAfter - m.ErrorBefore, m.NegativeFlipRate - m.PositiveFlipRate, 12);
    }

    [Fact]
    public void Versions_on_different_tasks_are_rejected()
    {
        var relabelled = Vertex(Before) with { Labels = [.. Enumerable.Range(0, 10).Select(i => 1 - (i % 2))] };

        Assert.Throws<ArgumentException>(() => FlipMetrics.Of(Vertex(Before), relabelled));
    }
}
