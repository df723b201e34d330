using Entanglement.Data;

namespace Entanglement.Tests.Data;

public sealed class ClassGroupingTests
{
    private static readonly ImageDataset Digits = TestImages.Make([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 7]);

    [Fact]
    public void Five_vs_five_relabels_every_digit_to_its_group()
    {
        var set = ClassGrouping.FiveVsFive.Apply(Digits);
        Assert.Equal([0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 0, 0], set.Labels);
    }

    [Fact]
    public void Paper_tasks_keep_only_their_digits()
    {
        Assert.Equal([0, 1, 0, 1], ClassGrouping.OneVsSeven.Apply(Digits).Labels);
        Assert.Equal([1, 7, 1, 7], ClassGrouping.OneVsSeven.Apply(Digits).Ids.Select(i => Digits.Labels[i]));
        Assert.Equal([0, 0, 1, 0, 1], ClassGrouping.OneSixVsSeven.Apply(Digits).Labels);
        Assert.Equal([0, 1, 1, 0, 1], ClassGrouping.OneVsSixSeven.Apply(Digits).Labels);
        Assert.Equal([0, 1, 0, 0, 0], ClassGrouping.OneSevenVsSix.Apply(Digits).Labels);
        Assert.Equal([0, 1, 2, 3, 0, 2], ClassGrouping.Each(1, 3, 7, 9).Apply(Digits).Labels);
    }

    [Fact]
    public void Select_keeps_digit_labels_and_regression_targets_are_the_digit_values()
    {
        var set = ClassGrouping.Select(Digits, 1, 3, 7, 9).WithLabelsAsTargets();
        Assert.Equal([1, 3, 7, 9, 1, 7], set.Labels);
        Assert.Equal([1f, 3f, 7f, 9f, 1f, 7f], set.Targets!);
    }

    [Fact]
    public void Empty_class_subset_and_overlapping_groups_are_rejected()
    {
        var onlyLow = TestImages.Make([0, 1, 2]);
        var e = Assert.Throws<ArgumentException>(() => ClassGrouping.OneVsSeven.Apply(onlyLow));
        Assert.Contains("no image of class(es) 7", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ClassGrouping("bad", [1, 2], [2, 3]));
        Assert.Throws<ArgumentException>(() => new ClassGrouping("bad", [1], []));
    }
}
