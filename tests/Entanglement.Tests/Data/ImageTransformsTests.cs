using Entanglement.Data;

namespace Entanglement.Tests.Data;

public sealed class ImageTransformsTests
{
    [Fact]
    public void PadTo_centres_the_image_in_zeros()
    {
        var set = new ImageDataset([1, 2, 3, 4], [5], 1, 2, 2);
        var padded = set.PadTo(4, 4);
        byte[] expected = [0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0];
        Assert.Equal(expected, padded.Pixels.ToArray());
        Assert.Equal([5], padded.Labels);
    }

    [Fact]
    public void ToChannels_replicates_the_grey_channel()
    {
        var set = new ImageDataset([1, 2, 9, 8], [0, 1], 1, 1, 2);
        var rgb = set.ToChannels(3);
        byte[] expected = [1, 2, 1, 2, 1, 2, 9, 8, 9, 8, 9, 8];
        Assert.Equal(expected, rgb.Pixels.ToArray());
        Assert.Throws<ArgumentException>(() => rgb.ToChannels(1));
    }

    [Fact]
    public void Subset_keeps_ids_labels_and_targets()
    {
        var set = TestImages.Make([0, 1, 2, 3]).WithLabelsAsTargets();
        var sub = set.Subset([3, 1]);
        Assert.Equal([3, 1], sub.Labels);
        Assert.Equal([3f, 1f], sub.Targets!);
        Assert.Equal([3, 1], sub.Ids);
        Assert.Equal(set.Image(3).ToArray(), sub.Image(0).ToArray());
    }
}
