using Entanglement.Data;

namespace Entanglement.Tests.Data;

public sealed class EmbeddedDigitsTests
{
    [Fact]
    public void Embedded_digits_hold_ten_thousand_28x28_images_of_ten_classes()
    {
        var digits = EmbeddedDigits.Load();
        Assert.Equal(10_000, digits.Count);
        Assert.Equal((1, 28, 28), (digits.Channels, digits.Height, digits.Width));
        Assert.Equal(Enumerable.Range(0, 10), digits.Classes());
        Assert.Equal(0, digits.Image(0)[0]);
        Assert.Contains(digits.Image(0).ToArray(), b => b > 200);
    }

    [Fact]
    public void Fixed_split_has_the_documented_per_digit_counts()
    {
        var split = EmbeddedDigits.LoadSplit();
        Assert.Equal(8_000, split.Train.Count);
        Assert.Equal(2_000, split.Test.Count);
        int[] expected = [801, 902, 793, 826, 784, 690, 811, 856, 755, 782];
        Assert.Equal(expected, split.Train.ClassCounts().Values);
        Assert.Equal((1, 32, 32), (split.Train.Channels, split.Train.Height, split.Train.Width));
        Assert.Empty(split.Train.Ids.Intersect(split.Test.Ids));
        Assert.Same(Normalization.Digits, split.Normalization);
    }

    [Fact]
    public void Fixed_split_is_the_same_on_every_load()
    {
        var a = EmbeddedDigits.LoadSplit();
        var b = EmbeddedDigits.LoadSplit();
        Assert.Equal(a.Test.Ids, b.Test.Ids);
        Assert.Equal(a.Train.Pixels.ToArray(), b.Train.Pixels.ToArray());
    }

    [Fact]
    public void Missing_digits_file_names_the_file()
    {
        var e = Assert.Throws<DataFileException>(() => EmbeddedDigits.Load("/nonexistent/digits.bin"));
        Assert.Contains("/nonexistent/digits.bin", e.Message, StringComparison.Ordinal);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_or_corrupted_digits_file_is_rejected()
    {
        var folder = TestImages.TempFolder();
        try
        {
            var bytes = File.ReadAllBytes(EmbeddedDigits.Locate());
            var truncated = Path.Combine(folder, "truncated.bin");
            File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
            Assert.Contains("truncated", Assert.Throws<DataFileException>(() => EmbeddedDigits.Load(truncated)).Message, StringComparison.Ordinal);

            var corrupt = Path.Combine(folder, "corrupt.bin");
            bytes[bytes.Length / 2] ^= 0x5A;
            File.WriteAllBytes(corrupt, bytes);
            var e = Assert.Throws<DataFileException>(() => EmbeddedDigits.Load(corrupt));
            Assert.Equal(corrupt, e.FilePath);
            Assert.Contains("corrupt", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
