using Entanglement.Data;
using Entanglement.Scenarios;
using Entanglement.Tensors;

namespace Entanglement.Tests.Scenarios;

/// <summary>The data-distribution knob p, with and without digits kept whole.</summary>
public sealed class UpstreamSubsetTests
{
    private static readonly ImageDataset Train = Digits(perClass: 40);

    [Fact]
    public void Without_fixed_classes_p_subsamples_every_digit()
    {
        var subset = DataDistributionMismatch.UpstreamSubset(Train, 25, [], new Rng(3));
        Assert.All(Enumerable.Range(0, 10), d => Assert.Equal(10, subset.IndicesOf(d).Length));
    }

    [Fact]
    public void Fixed_classes_are_kept_whole_and_the_rest_is_a_nested_p_percent()
    {
        var small = DataDistributionMismatch.UpstreamSubset(Train, 10, [1, 7], new Rng(3));
        var large = DataDistributionMismatch.UpstreamSubset(Train, 50, [1, 7], new Rng(3));
        foreach (var d in Enumerable.Range(0, 10))
        {
            var whole = d is 1 or 7;
            Assert.Equal(whole ? 40 : 4, small.IndicesOf(d).Length);
            Assert.Equal(whole ? 40 : 20, large.IndicesOf(d).Length);
        }

        // Same images of 1 and 7 at every p, and the p = 10 images of the other digits are among those at p = 50.
        Assert.Equal(Ids(Train, 1, 7), Ids(small, 1, 7));
        Assert.Equal(Ids(Train, 1, 7), Ids(large, 1, 7));
        Assert.Subset(Ids(large, 0, 2, 3, 4, 5, 6, 8, 9), Ids(small, 0, 2, 3, 4, 5, 6, 8, 9));
    }

    private static HashSet<int> Ids(ImageDataset data, params int[] classes) =>
        [.. classes.SelectMany(c => data.IndicesOf(c).Select(i => data.Ids[i]))];

    private static ImageDataset Digits(int perClass)
    {
        var labels = Enumerable.Range(0, 10 * perClass).Select(i => i % 10).ToArray();
        var pixels = labels.SelectMany((l, i) => new byte[] { (byte)l, (byte)(i % 251), 0, 0 }).ToArray();
        return new ImageDataset(pixels, labels, 1, 2, 2);
    }
}
