using Entanglement.Scenarios.Toy;

namespace Entanglement.Tests.Scenarios.Toy;

public sealed class ToyHypothesisSpaceMismatchTests
{
    [Fact]
    public void Richer_upstream_fits_better_yet_the_linear_downstream_gets_worse()
    {
        var sweep = ToyHypothesisSpaceMismatch.Run(new ToyHypothesisSpaceMismatch.Config { Degrees = [1, 5], Seeds = [0, 1, 2] }).Sweep;
        for (var s = 0; s < 3; s++)
        {
            Assert.True(sweep.Upstream[1][s] < sweep.Upstream[0][s] / 10, "degree 5 should fit the fold far better");
            Assert.True(sweep.Downstream[1][s] > sweep.Downstream[0][s] + 0.05, "the linear classifier should lose accuracy");
        }
    }

    [Fact]
    public void Same_seed_same_numbers_other_seed_differs()
    {
        var config = new ToyHypothesisSpaceMismatch.Config { Seeds = [4] };
        var a = ToyHypothesisSpaceMismatch.Run(config).Sweep;
        var b = ToyHypothesisSpaceMismatch.Run(config).Sweep;
        var c = ToyHypothesisSpaceMismatch.Run(config with { Seeds = [5] }).Sweep;
        Assert.Equal(a.Upstream.SelectMany(x => x), b.Upstream.SelectMany(x => x));
        Assert.NotEqual(a.Upstream.SelectMany(x => x), c.Upstream.SelectMany(x => x));
    }
}
