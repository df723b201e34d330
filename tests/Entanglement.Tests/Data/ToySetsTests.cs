using Entanglement.Data;
using Entanglement.Tensors;

namespace Entanglement.Tests.Data;

public sealed class ToySetsTests
{
    [Fact]
    public void Hypothesis_space_targets_are_the_inputs_rotated_by_swirl_times_radius()
    {
        var toy = ToySets.HypothesisSpace(200, new Rng(seed: 8));
        for (var i = 0; i < toy.Count; i++)
        {
            double x = toy.Points[2 * i], y = toy.Points[(2 * i) + 1];
            double tx = toy.Targets![2 * i], ty = toy.Targets[(2 * i) + 1];
            Assert.Equal(Math.Sqrt((x * x) + (y * y)), Math.Sqrt((tx * tx) + (ty * ty)), 5);
            var angle = Math.PI * Math.Sqrt((x * x) + (y * y));
            Assert.Equal((x * Math.Cos(angle)) - (y * Math.Sin(angle)), tx, 5);
            Assert.Equal(x > 0 ? 1 : 0, toy.Labels[i]);
        }

        Assert.Equal(toy.Points, ToySets.HypothesisSpace(200, new Rng(seed: 8)).Points);
    }

    [Fact]
    public void Anti_correlated_bands_give_disjoint_errors_that_an_or_rule_cancels()
    {
        var toy = ToySets.AntiCorrelated(500, new Rng(seed: 9));
        for (var i = 0; i < toy.Count; i++)
        {
            var x = toy.Points[2 * i];
            var u = x < -0.6f;
            var v = x >= 0.2f;
            Assert.False(u && v);
            Assert.Equal(toy.Labels[i] == 1, u || v);
            Assert.Equal(toy.Regions![i] == 1 ? 0 : 1, toy.Labels[i]);
        }

        Assert.Throws<ArgumentException>(() => ToySets.AntiCorrelated(10, new Rng(seed: 9), 0.5f, 0.2f));
    }
}
