using Entanglement.Data;
using Entanglement.Tensors;

namespace Entanglement.Tests.Data;

public sealed class DatasetSamplingTests
{
    [Fact]
    public void Stratified_split_takes_round_80_percent_of_each_class()
    {
        var set = TestImages.Make(TestImages.Labels(10, 7, 3));
        var (train, test) = DatasetSampling.StratifiedSplit(set, 0.8, new Rng(seed: 1));
        Assert.Equal(new[] { 8, 6, 2 }, train.ClassCounts().Values);
        Assert.Equal(new[] { 2, 1, 1 }, test.ClassCounts().Values);
        Assert.Equal(Enumerable.Range(0, 20), train.Ids.Concat(test.Ids).Order());
    }

    [Fact]
    public void Balance_downsamples_every_class_to_the_smallest()
    {
        var set = TestImages.Make(TestImages.Labels(9, 4, 6));
        var balanced = DatasetSampling.Balance(set, new Rng(seed: 2));
        Assert.Equal(new[] { 4, 4, 4 }, balanced.ClassCounts().Values);
        Assert.Equal(balanced.Ids, DatasetSampling.Balance(set, new Rng(seed: 2)).Ids);
        Assert.NotEqual(balanced.Ids, DatasetSampling.Balance(set, new Rng(seed: 3)).Ids);
    }

    [Fact]
    public void Subsamples_are_stratified_and_nested_across_p()
    {
        var set = TestImages.Make(TestImages.Labels(50, 30));
        var rng = new Rng(seed: 4);
        var p10 = DatasetSampling.Subsample(set, 0.1, rng);
        var p30 = DatasetSampling.Subsample(set, 0.3, rng);
        var p100 = DatasetSampling.Subsample(set, 1.0, rng);
        Assert.Equal(new[] { 5, 3 }, p10.ClassCounts().Values);
        Assert.Equal(new[] { 15, 9 }, p30.ClassCounts().Values);
        Assert.Equal(80, p100.Count);
        Assert.Subset(p30.Ids.ToHashSet(), p10.Ids.ToHashSet());
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSampling.Subsample(set, 0, rng));
        Assert.Throws<ArgumentException>(() => DatasetSampling.Subsample(set, 0.001, rng));
    }
}
