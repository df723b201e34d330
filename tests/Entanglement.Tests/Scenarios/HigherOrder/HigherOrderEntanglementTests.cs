using Entanglement.Scenarios;
using Entanglement.Scenarios.HigherOrder;

namespace Entanglement.Tests.Scenarios.HigherOrder;

public sealed class HigherOrderEntanglementTests
{
    [Fact]
    public void DealHardest_gives_the_hardest_images_round_robin_to_the_three_upstreams()
    {
        double[] hardness = [0.1, 5, 3, 4, 0.2, 2, 1];
        // q·N = floor(0.75·7) = 5 hardest: 1 (5), 3 (4), 2 (3), 5 (2), 6 (1) → upstreams 0, 1, 2, 0, 1.
        Assert.Equal([-1, 0, 2, 1, -1, 0, 1], HigherOrderEntanglement.DealHardest(hardness, 0.75));
        Assert.All(HigherOrderEntanglement.DealHardest(hardness, 0), o => Assert.Equal(-1, o));
    }

    [Fact]
    public void A_seed_grid_round_trips_through_the_stored_losses()
    {
        var seed = new HigherOrderSeed
        {
            NoisyError = [0.1, 0.2, 0.3],
            CleanError = [0.01, 0.02, 0.03],
            Retrained = [.. Enumerable.Range(0, 8).Select(k => k / 10.0)],
            Vote = [.. Enumerable.Range(0, 8).Select(k => k / 20.0)],
            Linear = [.. Enumerable.Range(0, 8).Select(k => k / 30.0)],
        };
        var back = HigherOrderSeed.FromLosses(seed.ToLosses());
        Assert.Equal(seed.NoisyError, back.NoisyError);
        Assert.Equal(seed.CleanError, back.CleanError);
        Assert.Equal(seed.Retrained, back.Retrained);
        Assert.Equal(seed.Vote, back.Vote);
        Assert.Equal(seed.Linear, back.Linear);
    }

    [Fact]
    public void Verdict_flags_a_subset_whose_upstreams_improve_while_the_downstream_worsens()
    {
        HigherOrderSeed Grid(double jitter) => new()
        {
            NoisyError = [0.2 + jitter, 0.2, 0.2],
            CleanError = [0.05 + jitter, 0.05, 0.05],
            Retrained = [0.02 + jitter, 0.02, 0.02, 0.02, 0.10 + jitter, 0.02, 0.02, 0.02],
            Vote = [.. Enumerable.Repeat(0.02, 8)],
            Linear = [.. Enumerable.Repeat(0.02, 8)],
        };
        var result = new HigherOrderResult
        {
            Config = HigherOrderEntanglement.Config.For(Profile.Smoke) with { Seeds = [0, 1, 2] },
            Seeds = [Grid(0), Grid(0.001), Grid(0.002)],
        };
        Assert.True(result.Verdict(new UpstreamSubset(0b011)).IsSelfDefeating);
        Assert.False(result.Verdict(new UpstreamSubset(0b001)).IsSelfDefeating);
        Assert.Contains("self-defeating (Definition 2.1, significant at 0.05 for the improved upstreams and the retrained downstream): {u1,u2}.",
            result.Summary, StringComparison.Ordinal);
        Assert.Equal([0, 1, 2, 3], result.Nested.KnobValues);
    }
}
