using Entanglement.Data;
using Entanglement.Tensors;

namespace Entanglement.Tests.Data;

public sealed class LabelNoiseTests
{
    private static ImageDataset Digits1379(int perClass) =>
        TestImages.Make([.. new[] { 1, 3, 7, 9 }.SelectMany(d => Enumerable.Repeat(d, perClass))]);

    [Fact]
    public void Loss_mismatch_blocks_have_the_right_sizes_and_swap_half_of_the_noisy_block()
    {
        var set = LabelNoise.LossMismatch(Digits1379(100), cleanFraction: 0.05, r: 3, new Rng(seed: 5));
        Assert.Equal(20, set.CleanCount);
        Assert.Equal(60, set.NoisyCount);
        Assert.Equal(32, set.SwappedCount);
        var labels = set.Train.Labels;
        for (var i = 0; i < set.Train.Count; i++)
        {
            var clean = set.CleanLabels[i];
            if (!set.IsNoisy[i])
            {
                Assert.Equal(clean, labels[i]);
            }
            else
            {
                Assert.Contains((clean, labels[i]), new[] { (1, 1), (3, 3), (7, 7), (9, 9), (1, 3), (3, 1), (7, 9), (9, 7) });
            }

            Assert.Equal(labels[i], set.Train.Targets![i]);
        }
    }

    [Fact]
    public void Loss_mismatch_is_nested_across_r_with_a_fixed_clean_block()
    {
        var source = Digits1379(100);
        var r1 = LabelNoise.LossMismatch(source, 0.1, 1, new Rng(seed: 6));
        var r3 = LabelNoise.LossMismatch(source, 0.1, 3, new Rng(seed: 6));
        var clean1 = r1.Train.Ids.Where((_, i) => !r1.IsNoisy[i]).ToHashSet();
        var clean3 = r3.Train.Ids.Where((_, i) => !r3.IsNoisy[i]).ToHashSet();
        Assert.Equal(clean1, clean3);
        var noisy3 = r3.Train.Ids.Select((id, i) => (id, r3.Train.Labels[i])).ToHashSet();
        Assert.Subset(noisy3, r1.Train.Ids.Select((id, i) => (id, r1.Train.Labels[i])).ToHashSet());
        Assert.Equal(40, r1.CleanCount);
        Assert.Throws<ArgumentException>(() => LabelNoise.LossMismatch(source, 0.1, 10, new Rng(seed: 6)));
    }

    [Fact]
    public void FlipHardest_swaps_the_hardest_floor_p_over_2_of_the_ones_and_sevens()
    {
        var set = TestImages.Make([1, 7, 6, 1, 7, 1]);
        double[] hardness = [0.5, 3.0, 99.0, 2.0, 0.1, 2.0];
        Assert.Equal([1, 7, 6, 1, 7, 1], LabelNoise.FlipHardest(set, hardness, 0).Labels);
        // N17 = 5: p = 1 flips floor(2.5) = 2: index 1 (3.0), then index 3 (2.0, lower index wins the tie with 5).
        Assert.Equal([1, 1, 6, 7, 7, 1], LabelNoise.FlipHardest(set, hardness, 1).Labels);
        Assert.Equal([1, 1, 6, 1, 7, 1], LabelNoise.FlipHardest(set, hardness, 0.5).Labels);
        Assert.Throws<ArgumentException>(() => LabelNoise.FlipHardest(set, [1.0], 1));
        Assert.Throws<ArgumentException>(() => LabelNoise.FlipHardest(TestImages.Make([0, 2]), [1.0, 2.0], 1));
    }

    [Fact]
    public void Loss_curve_area_sums_each_examples_losses()
    {
        var area = new LossCurveArea(3);
        area.Add([0, 2], [0.5f, 1f]);
        area.Add([2, 1], [0.25f, 2f]);
        Assert.Equal([0.5, 2.0, 1.25], area.Area);
    }
}
