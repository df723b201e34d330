using Entanglement.Scenarios.Fairness;

namespace Entanglement.Tests.Scenarios.Fairness;

public sealed class FairnessGapTests
{
    // Group 0: positives predicted 1,1,1,0 (TPR 3/4), negatives 0,0,0,1 (FPR 1/4).
    // Group 1: positives predicted 1,0 (TPR 1/2), negatives 0,1 (FPR 1/2).
    private static readonly int[] Labels = [1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0];
    private static readonly int[] Predicted = [1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1];
    private static readonly int[] Groups = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];

    [Fact]
    public void Equalised_odds_gap_of_a_binary_classifier_is_the_larger_rate_gap()
    {
        // |TPR₀ − TPR₁| = |3/4 − 1/2| = 1/4, |FPR₀ − FPR₁| = |1/4 − 1/2| = 1/4.
        Assert.Equal(0.25, FairnessGap.EqualisedOdds(Predicted, Labels, Groups, classes: 2), 12);
    }

    [Fact]
    public void Demographic_parity_gap_compares_the_positive_rates()
    {
        // P(ŷ = 1 | g0) = 4/8, P(ŷ = 1 | g1) = 2/4: no gap.
        Assert.Equal(0, FairnessGap.DemographicParity(Predicted, Groups, classes: 2), 12);
        Assert.Equal(1, FairnessGap.DemographicParity([1, 1, 0, 0], [0, 0, 1, 1], classes: 2), 12);
        Assert.Equal(0.5, FairnessGap.DemographicParity([1, 0, 0, 0], [0, 0, 1, 1], classes: 2), 12);
    }

    [Fact]
    public void Equalised_odds_gap_over_three_classes_takes_the_worst_confusion_entry()
    {
        // Class 2 in group 0 is always right, in group 1 predicted 0 half the time: P(ŷ=2|y=2) 1 vs 1/2 → 0.5.
        int[] labels = [0, 1, 2, 2, 0, 1, 2, 2];
        int[] predicted = [0, 1, 2, 2, 0, 1, 2, 0];
        int[] groups = [0, 0, 0, 0, 1, 1, 1, 1];
        Assert.Equal(0.5, FairnessGap.EqualisedOdds(predicted, labels, groups, classes: 3), 12);
        Assert.Equal(0.25, FairnessGap.GroupError(predicted, labels, groups, 1), 12);
        Assert.Equal(0, FairnessGap.GroupError(predicted, labels, groups, 0), 12);
    }

    [Fact]
    public void Mismatched_lengths_and_unknown_groups_are_named()
    {
        Assert.Throws<ArgumentException>(() => FairnessGap.EqualisedOdds([1], [1, 0], [0, 1], 2));
        Assert.Throws<ArgumentException>(() => FairnessGap.EqualisedOdds([1, 0], [1, 0], [0, 2], 2));
    }
}
