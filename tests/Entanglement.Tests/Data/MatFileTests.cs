using Entanglement.Data;

namespace Entanglement.Tests.Data;

public sealed class MatFileTests
{
    /// <summary>Two 2×3 RGB images, column-major X[r, c, ch, k] = 100·k + 10·ch + 3·c + r; labels 10 (→ 0) and 4.</summary>
    private static MatWriter.Variable[] TinySvhn(bool labelsAsDouble)
    {
        var x = new byte[2 * 3 * 3 * 2];
        for (var k = 0; k < 2; k++)
        {
            for (var ch = 0; ch < 3; ch++)
            {
                for (var c = 0; c < 3; c++)
                {
                    for (var r = 0; r < 2; r++)
                    {
                        x[r + (2 * (c + (3 * (ch + (3 * k)))))] = (byte)((100 * k) + (10 * ch) + (3 * c) + r);
                    }
                }
            }
        }

        return
        [
            MatWriter.UInt8("X", [2, 3, 3, 2], x),
            labelsAsDouble ? MatWriter.Double("y", [2, 1], [10, 4]) : MatWriter.DoubleAsBytes("y", [2, 1], [10, 4]),
        ];
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void Svhn_mat_decodes_column_major_images_and_maps_label_10_to_0(bool compressed, bool labelsAsDouble)
    {
        var folder = TestImages.TempFolder();
        try
        {
            var path = Path.Combine(folder, "tiny.mat");
            File.WriteAllBytes(path, MatWriter.File(compressed, TinySvhn(labelsAsDouble)));
            var vars = MatFile.Read(path);
            Assert.Equal(new[] { 2, 3, 3, 2 }, vars["X"].Dims);
            Assert.Equal("double", vars["y"].ClassName);

            var set = Svhn.FromMat(path);
            Assert.Equal([0, 4], set.Labels);
            Assert.Equal((3, 2, 3), (set.Channels, set.Height, set.Width));
            // Row-major [k, ch, r, c]: image 1, channel 2, row 1, column 2 = 100 + 20 + 6 + 1.
            Assert.Equal(127, set.Image(1)[(2 * 6) + (1 * 3) + 2]);
            Assert.Equal(0, set.Image(0)[0]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Truncated_corrupted_and_unexpected_files_name_the_problem()
    {
        var folder = TestImages.TempFolder();
        try
        {
            var path = Path.Combine(folder, "bad.mat");
            var good = MatWriter.File(true, TinySvhn(true));

            File.WriteAllBytes(path, good[..(good.Length - 20)]);
            var e = Assert.Throws<DataFileException>(() => MatFile.Read(path));
            Assert.Equal(path, e.FilePath);
            Assert.Contains("truncated", e.Message, StringComparison.Ordinal);

            var corrupt = good.ToArray();
            for (var i = 140; i < 150; i++)
            {
                corrupt[i] ^= 0xFF;
            }

            File.WriteAllBytes(path, corrupt);
            Assert.Throws<DataFileException>(() => MatFile.Read(path));

            var uncompressed = MatWriter.File(false, TinySvhn(true));
            File.WriteAllBytes(path, uncompressed[..100]);
            Assert.Contains("truncated", Assert.Throws<DataFileException>(() => MatFile.Read(path)).Message, StringComparison.Ordinal);

            File.WriteAllBytes(path, MatWriter.File(false, MatWriter.UInt8("images", [2, 2], [1, 2, 3, 4])));
            Assert.Contains("expected variables X and y", Assert.Throws<DataFileException>(() => Svhn.FromMat(path)).Message, StringComparison.Ordinal);

            File.WriteAllBytes(path, MatWriter.File(false, new MatWriter.Variable("s", 4, [1, 2], 4, [65, 0, 66, 0])));
            Assert.Contains("only real numeric", Assert.Throws<DataFileException>(() => MatFile.Read(path)).Message, StringComparison.Ordinal);

            var wrongY = TinySvhn(true);
            wrongY[1] = MatWriter.Double("y", [2, 1], [11, 4]);
            File.WriteAllBytes(path, MatWriter.File(true, wrongY));
            Assert.Contains("label 11", Assert.Throws<DataFileException>(() => Svhn.FromMat(path)).Message, StringComparison.Ordinal);

            var notMat = new byte[200];
            File.WriteAllBytes(path, notMat);
            Assert.Contains("not a MATLAB", Assert.Throws<DataFileException>(() => MatFile.Read(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Svhn_part_is_decoded_once_into_a_cache_that_later_loads_read()
    {
        var folder = TestImages.TempFolder();
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "train_32x32.mat"), MatWriter.File(true, TinySvhn(true)));
            File.WriteAllBytes(Path.Combine(folder, "test_32x32.mat"), MatWriter.File(false, TinySvhn(false)));
            var first = Svhn.Load(folder);
            Assert.True(File.Exists(Path.Combine(folder, "train_32x32.bin")));
            File.Delete(Path.Combine(folder, "train_32x32.mat"));
            var second = Svhn.Load(folder);
            Assert.Equal(first.Train.Pixels.ToArray(), second.Train.Pixels.ToArray());
            Assert.Equal(first.Sha256, second.Sha256);
            Assert.Equal([0, 4], second.Test.Labels);
            Assert.Empty(Directory.GetFiles(folder, "*.tmp"));

            File.Delete(Path.Combine(folder, "test_32x32.bin"));
            File.Delete(Path.Combine(folder, "test_32x32.mat"));
            Assert.Contains("download svhn", Assert.Throws<DataFileException>(() => Svhn.Load(folder)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
