using Entanglement.Diagnostics;
using Entanglement.Scenarios;

namespace Entanglement.Tests.Diagnostics;

public sealed class ErrorDecompositionTests
{
    private static VertexOutcomes Wrong(string vertex, int wrong, int n = 10) =>
        OutcomeRecorder.Hard(vertex, [.. Enumerable.Range(0, n).Select(i => i < wrong ? 1 : 0)], new int[n],
            [.. Enumerable.Range(0, n)], new int[n]);

    [Fact]
    public void The_three_parts_sum_to_the_downstream_error()
    {
        var sweep = new OutcomeSweep
        {
            Experiment = "hand",
            Knob = "k",
            KnobValues = [0],
            Updated = "upstream",
            Runs = [SystemRun.Of(0, 1, [Wrong("downstream", 4), Wrong(OutcomeRecorder.Knn, 1), Wrong(OutcomeRecorder.InClass, 3)])],
        };

        var d = ErrorDecomposition.Of(sweep, sweep.Runs[0]);

        Assert.Equal(0.1, d.Information, 12);
        Assert.Equal(0.2, d.Approximation, 12);
        Assert.Equal(0.1, d.Estimation, 12);
        Assert.Equal(d.Downstream, d.Information + d.Approximation + d.Estimation, 12);
        Assert.True(DecompositionReport.Of(sweep).IsComplete);
    }

    [Fact]
    public void Joint_errors_split_the_downstream_error_by_how_many_upstreams_erred()
    {
        // Ids 0-9. u wrong on 0-3, v wrong on 2-5: both 2, 3; one 0, 1, 4, 5; neither 6-9. w wrong on 0, 2, 6.
        var ids = Enumerable.Range(0, 10).ToArray();
        VertexOutcomes On(string name, params int[] wrong) =>
            OutcomeRecorder.Hard(name, [.. ids.Select(i => wrong.Contains(i) ? 1 : 0)], new int[10], ids, new int[10]);

        var j = JointErrors.Of(On("u", 0, 1, 2, 3), On("v", 2, 3, 4, 5), On("w", 0, 2, 6));

        Assert.Equal(0.2, j.Both, 12);
        Assert.Equal(0.4, j.One, 12);
        Assert.Equal(0.5, j.DownstreamErrorWhenBoth, 12);
        Assert.Equal(0.25, j.DownstreamErrorWhenOne, 12);
        Assert.Equal(0.25, j.DownstreamErrorWhenNeither, 12);

        // φ = (p_ab − p_a p_b) / √(p_a(1−p_a) p_b(1−p_b)) = (0.2 − 0.16) / 0.24.
        Assert.Equal(0.04 / 0.24, j.Correlation, 12);

        // An upstream that never errs co-varies with nothing: φ = 0 (a fixed upstream in §4.2 at p = 0).
        Assert.Equal(0.0, JointErrors.Of(On("u"), On("v", 2, 3, 4, 5), On("w", 0)).Correlation);
    }
}
