using Entanglement.Data;

namespace Entanglement.Tests.Data;

public sealed class ImageFileTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Write_then_read_round_trips_pixels_labels_and_shape(bool compress)
    {
        var folder = TestImages.TempFolder();
        try
        {
            var set = TestImages.Make([3, 1, 4, 1, 5], channels: 3, height: 2, width: 5);
            var path = Path.Combine(folder, "set.bin");
            var sha = ImageFile.Write(set, path, compress);
            var back = ImageFile.Read(path, out var readSha);
            Assert.Equal(sha, readSha);
            Assert.Equal(64, sha.Length);
            Assert.Equal(set.Labels, back.Labels);
            Assert.Equal(set.Pixels.ToArray(), back.Pixels.ToArray());
            Assert.Equal((3, 2, 5), (back.Channels, back.Height, back.Width));
            Assert.Single(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Bad_magic_short_header_and_flipped_payload_byte_are_reported()
    {
        var folder = TestImages.TempFolder();
        try
        {
            var path = Path.Combine(folder, "set.bin");
            ImageFile.Write(TestImages.Make([0, 1]), path, compress: false);
            var bytes = File.ReadAllBytes(path);

            File.WriteAllBytes(path, bytes[..40]);
            Assert.Contains("truncated", Assert.Throws<DataFileException>(() => ImageFile.Read(path)).Message, StringComparison.Ordinal);

            var flipped = bytes.ToArray();
            flipped[^1] ^= 1;
            File.WriteAllBytes(path, flipped);
            Assert.Contains("SHA-256", Assert.Throws<DataFileException>(() => ImageFile.Read(path)).Message, StringComparison.Ordinal);

            var magic = bytes.ToArray();
            magic[0] = (byte)'X';
            File.WriteAllBytes(path, magic);
            Assert.Contains("magic", Assert.Throws<DataFileException>(() => ImageFile.Read(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
