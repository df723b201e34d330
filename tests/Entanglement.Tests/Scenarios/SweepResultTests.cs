using Entanglement.Scenarios;

namespace Entanglement.Tests.Scenarios;

public sealed class SweepResultTests
{
    private static readonly SweepShape Shape = new()
    {
        Experiment = "Hand-made",
        Knob = "k",
        KnobDescription = "a knob",
        KnobValues = [0, 1],
        UpstreamModel = "v",
        DownstreamModel = "w",
        UpstreamLoss = "MSE",
        DownstreamLoss = "zero-one error",
        Profile = Profile.Smoke,
        Seeds = [0, 1, 2],
        Settings = "none",
    };

    [Fact]
    public void Upstream_better_and_downstream_worse_is_a_significant_self_defeating_improvement()
    {
        var result = SweepResult.From(Shape, [[2.0, 2.1, 1.9], [1.0, 1.1, 0.9]], [[0.10, 0.11, 0.09], [0.20, 0.21, 0.19]]);
        Assert.True(result.Verdict.IsSelfDefeating);
        Assert.True(result.Verdict.IsSignificant);
        Assert.Contains("significant at 0.05", result.Summary, StringComparison.Ordinal);
        Assert.Equal(2.0, result.UpstreamSummary[0].Mean, 12);
        Assert.Equal(0.1, result.UpstreamSummary[0].StandardDeviation, 12);
    }

    [Fact]
    public void Both_improving_is_not_self_defeating()
    {
        var result = SweepResult.From(Shape, [[2.0, 2.1, 1.9], [1.0, 1.1, 0.9]], [[0.20, 0.21, 0.19], [0.10, 0.11, 0.09]]);
        Assert.False(result.Verdict.IsSelfDefeating);
        Assert.Contains("No self-defeating improvement", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_array_shapes_are_rejected_naming_the_experiment()
    {
        var ex = Assert.Throws<ArgumentException>(() => SweepResult.From(Shape, [[1.0]], [[1.0]]));
        Assert.Contains("Hand-made", ex.Message, StringComparison.Ordinal);
    }
}
