using Entanglement.Data;
using Entanglement.Tensors;

namespace Entanglement.Tests.Data;

public sealed class DataLoaderTests
{
    [Fact]
    public void Unshuffled_batches_are_normalised_in_order()
    {
        var set = new ImageDataset([0, 255, 51, 102, 0, 0, 255, 255, 0, 51, 0, 0], [0, 1, 2], 1, 2, 2).WithLabelsAsTargets();
        var norm = new Normalization([0.5f], [0.25f]);
        var batches = new DataLoader(set, batchSize: 2, norm).ToList();
        Assert.Equal(2, batches.Count);
        Assert.Equal([2, 1, 2, 2], batches[0].Images.Shape.Dims);
        Assert.Equal([0, 1], batches[0].Labels);
        Assert.Equal([2], batches[1].Labels);
        Assert.Equal([2], batches[1].Indices);
        Assert.Equal(-2f, batches[0].Images.Data[0], 5);
        Assert.Equal(2f, batches[0].Images.Data[1], 5);
        Assert.Equal((0.2f - 0.5f) / 0.25f, batches[0].Images.Data[2], 5);
        Assert.Equal([1, 1], batches[1].Targets!.Shape.Dims);
        Assert.Equal(2f, batches[1].Targets!.Data[0]);
    }

    [Fact]
    public void Shuffling_is_seeded_differs_between_epochs_and_covers_every_image()
    {
        var set = TestImages.Make(TestImages.Labels(5, 5));
        var a = new DataLoader(set, 3, Normalization.None, shuffle: true, rng: new Rng(seed: 7));
        var b = new DataLoader(set, 3, Normalization.None, shuffle: true, rng: new Rng(seed: 7));
        var a1 = a.SelectMany(x => x.Indices).ToArray();
        var a2 = a.SelectMany(x => x.Indices).ToArray();
        Assert.Equal(a1, b.SelectMany(x => x.Indices).ToArray());
        Assert.NotEqual(a1, a2);
        Assert.Equal(Enumerable.Range(0, 10), a1.Order());
        Assert.Equal(4, a.BatchCount);
        Assert.Equal(3, new DataLoader(set, 3, Normalization.None, shuffle: true, rng: new Rng(seed: 7), dropLast: true).Count());
    }

    [Fact]
    public void Shuffle_without_rng_is_rejected()
    {
        var set = TestImages.Make([0, 1]);
        Assert.Throws<ArgumentException>(() => new DataLoader(set, 1, Normalization.None, shuffle: true));
        Assert.Throws<ArgumentException>(() => new DataLoader(set, 1, Normalization.None, augmentation: Augmentation.Standard));
    }

    [Fact]
    public void Random_crop_shifts_the_image_within_the_padding_and_fills_zeros()
    {
        // A single bright pixel at (2, 2) of a 5x5 image moves by at most 1 pixel with CropPadding 1.
        var pixels = new byte[25];
        pixels[12] = 255;
        var set = new ImageDataset(pixels, [0], 1, 5, 5);
        var loader = new DataLoader(set, 1, Normalization.None, rng: new Rng(seed: 3), augmentation: new Augmentation { CropPadding = 1 });
        var seen = new HashSet<int>();
        for (var epoch = 0; epoch < 60; epoch++)
        {
            var image = loader.Single().Images.Data;
            Assert.Equal(1f, image.Sum(), 5);
            var at = Array.IndexOf(image, 1f);
            Assert.InRange(Math.Abs((at / 5) - 2), 0, 1);
            Assert.InRange(Math.Abs((at % 5) - 2), 0, 1);
            seen.Add(at);
        }

        Assert.Equal(9, seen.Count);
    }

    [Fact]
    public void Horizontal_flip_mirrors_rows_and_crop_padding_zero_is_identity()
    {
        var set = new ImageDataset([0, 51, 102], [0], 1, 1, 3);
        var loader = new DataLoader(set, 1, Normalization.None, rng: new Rng(seed: 1),
            augmentation: new Augmentation { CropPadding = 0, HorizontalFlip = true });
        var outcomes = Enumerable.Range(0, 40).Select(_ => string.Join(",", loader.Single().Images.Data.Select(v => MathF.Round(v * 5)))).ToHashSet();
        Assert.Equal(new HashSet<string> { "0,1,2", "2,1,0" }, outcomes);
    }

    [Fact]
    public void ToTensor_returns_every_image_in_order()
    {
        var set = TestImages.Make([0, 1, 2], channels: 3, height: 2, width: 2);
        var all = DataLoader.ToTensor(set, Normalization.Svhn);
        Assert.Equal([3, 3, 2, 2], all.Shape.Dims);
        Assert.Equal((set.Image(2)[4] / 255f - 0.4438f) / 0.2010f, all.Data[(2 * 12) + 4], 5);
    }
}
