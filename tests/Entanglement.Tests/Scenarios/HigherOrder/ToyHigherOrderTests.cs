using Entanglement.Scenarios;
using Entanglement.Scenarios.HigherOrder;

namespace Entanglement.Tests.Scenarios.HigherOrder;

public sealed class ToyHigherOrderTests
{
    private static readonly ToyHigherOrder.Config Default = ToyHigherOrder.Config.For(Profile.Quick);

    [Fact]
    public void Closed_form_matches_the_hand_derivation_for_the_default_layout()
    {
        // None or one improved: every error pattern has a cell of its own (0). Two improved: the half of H on the
        // other side from the remaining noisy D_j shares D_j's cell, min(|H|/2, |D_j|) = min(0.05, 0.15). All three:
        // both halves of H fall into the clean points' cells, |H| = 0.1. The fixed vote errs wherever two err: on H.
        double[] retrained = [0, 0, 0, 0, 0.05, 0.05, 0.05, 0.1];
        double[] vote = [0, 0, 0, 0, 0.1, 0.1, 0.1, 0.1];
        foreach (var (subset, k) in UpstreamSubset.All.Select((s, k) => (s, k)))
        {
            var exact = ToyHigherOrder.ClosedForm(Default, subset);
            Assert.Equal(retrained[k], exact.Retrained, 12);
            Assert.Equal(vote[k], exact.Vote, 12);
            Assert.Equal([subset.Contains(0) ? 0.1 : 0.15, subset.Contains(1) ? 0.1 : 0.15, subset.Contains(2) ? 0.1 : 0.15],
                exact.Upstream.Select(e => Math.Round(e, 12)));
        }
    }

    [Fact]
    public void Closed_form_takes_the_smaller_side_when_the_noisy_errors_are_small()
    {
        // |H|/2 = 0.1 > |D_j| = 0.05, so two improved upstreams cost min(0.1, 0.05) = 0.05 and all three |H| = 0.2.
        var config = Default with { Hard = new Interval(0.4, 0.6), NoisyErrors = [new(0, 0.05), new(0.7, 0.75), new(0.8, 0.85)] };
        Assert.Equal(0, ToyHigherOrder.ClosedForm(config, new UpstreamSubset(0b001)).Retrained, 12);
        Assert.Equal(0.05, ToyHigherOrder.ClosedForm(config, new UpstreamSubset(0b011)).Retrained, 12);
        Assert.Equal(0.05, ToyHigherOrder.ClosedForm(config, new UpstreamSubset(0b110)).Retrained, 12);
        Assert.Equal(0.2, ToyHigherOrder.ClosedForm(config, new UpstreamSubset(0b111)).Retrained, 12);
    }

    [Fact]
    public void Simulation_converges_to_the_closed_form_for_every_subset()
    {
        var config = Default with { TrainCount = 20_000, TestCount = 20_000 };
        foreach (var subset in UpstreamSubset.All)
        {
            var exact = ToyHigherOrder.ClosedForm(config, subset);
            var simulated = ToyHigherOrder.Simulate(config, subset, seed: 1234);
            // Binomial sd of an error near 0.1 on 20,000 points is ≈ 0.002; 0.01 is five of them.
            Assert.InRange(simulated.Retrained - exact.Retrained, -0.01, 0.01);
            Assert.InRange(simulated.Vote - exact.Vote, -0.01, 0.01);
            Assert.All(simulated.Upstream.Zip(exact.Upstream), p => Assert.InRange(p.First - p.Second, -0.01, 0.01));
        }
    }

    [Fact]
    public void Run_reports_the_pairs_and_the_triple_as_making_the_downstream_worse()
    {
        var result = ToyHigherOrder.Run(ToyHigherOrder.Config.For(Profile.Smoke));
        Assert.Equal(8, result.Exact.Count);
        Assert.Contains("Improving {u1,u2}, {u1,u3}, {u2,u3}, {u1,u2,u3} makes the retrained downstream worse", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Intervals_outside_the_unit_line_are_rejected()
    {
        var config = Default with { Hard = new Interval(0.9, 1.2) };
        Assert.Throws<ArgumentException>(() => ToyHigherOrder.ClosedForm(config, UpstreamSubset.None));
    }
}
