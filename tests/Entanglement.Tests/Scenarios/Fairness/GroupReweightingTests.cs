using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Fairness;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Tests.Scenarios.Fairness;

public sealed class GroupReweightingTests
{
    [Fact]
    public void Shares_go_from_the_group_sizes_to_equal_totals()
    {
        int[] groups = [.. Enumerable.Repeat(0, 90), .. Enumerable.Repeat(1, 10)];
        Assert.Equal(0.9, GroupReweighting.Shares(groups, 0)[0], 12);
        Assert.Equal(0.5, GroupReweighting.Shares(groups, 1)[1], 12);
        // λ = 1/2: √90 : √10 = 3 : 1.
        Assert.Equal(0.25, GroupReweighting.Shares(groups, 0.5)[1], 12);
    }

    [Fact]
    public void Resample_keeps_the_size_and_realises_the_shares()
    {
        int[] groups = [.. Enumerable.Repeat(0, 90), .. Enumerable.Repeat(1, 10)];
        Assert.Equal(Enumerable.Range(0, 100), GroupReweighting.Resample(groups, 0, new Rng(1234)));
        var balanced = GroupReweighting.Resample(groups, 1, new Rng(1234));
        Assert.Equal(100, balanced.Length);
        Assert.Equal(50, balanced.Count(i => groups[i] == 1));
        // Every minority example five times; 50 distinct majority examples once.
        Assert.All(Enumerable.Range(90, 10), i => Assert.Equal(5, balanced.Count(j => j == i)));
        Assert.Equal(50, balanced.Where(i => groups[i] == 0).Distinct().Count());
        Assert.Equal(balanced, GroupReweighting.Resample(groups, 1, new Rng(1234)));
    }

    [Fact]
    public void Reweighting_narrows_a_linear_models_equalised_odds_gap_on_a_constructed_case()
    {
        // Group 0 (90 %) is labelled by x₁ > 0, group 1 (10 %) by x₂ > 0: one linear boundary cannot serve both.
        // Plain training fits group 0 and leaves group 1 near chance; equal group weights split the difference.
        var rng = new Rng(1234);
        const int n = 1000;
        var x = new float[n * 2];
        var labels = new int[n];
        var groups = new int[n];
        for (var i = 0; i < n; i++)
        {
            x[2 * i] = rng.Uniform(-1, 1);
            x[(2 * i) + 1] = rng.Uniform(-1, 1);
            groups[i] = i % 10 == 0 ? 1 : 0;
            labels[i] = x[(2 * i) + groups[i]] > 0 ? 1 : 0;
        }

        var data = new FeatureSet(x, 2, labels);
        double Gap(double lambda)
        {
            var train = data.Subset(GroupReweighting.Resample(groups, lambda, new Rng(1234).Fork("resample")));
            using var model = TrainingEngines.Current.CreateFeatureModel(DownstreamNetwork.Linear(2, 2), new Rng(1234).Fork("init"));
            model.Fit(train, new TrainingSettings { Epochs = 40, BatchSize = 50, LearningRate = 0.05 }, new Rng(1234).Fork("train"));
            return FairnessGap.EqualisedOdds(model.Predict(data), labels, groups, classes: 2);
        }

        var plain = Gap(0);
        var reweighted = Gap(1);
        Assert.True(plain > 0.3, $"plain training's gap {plain} should be large");
        Assert.True(reweighted < plain - 0.15, $"reweighting should narrow the gap: {plain} → {reweighted}");
    }
}
