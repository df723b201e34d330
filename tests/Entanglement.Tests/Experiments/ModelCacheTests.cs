using Entanglement.Experiments;

namespace Entanglement.Tests.Experiments;

public sealed class ModelCacheTests
{
    private sealed record UpstreamConfig(string Model, int Epochs, double R);

    [Fact]
    public void Config_hash_is_sha256_of_the_json()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ConfigHash.OfText("abc"));
        Assert.Equal(ConfigHash.OfText("{\"Model\":\"resnet18\",\"Epochs\":2,\"R\":0.5}"), ConfigHash.Of(new UpstreamConfig("resnet18", 2, 0.5)));
        Assert.NotEqual(ConfigHash.Of(new UpstreamConfig("resnet18", 2, 0.5)), ConfigHash.Of(new UpstreamConfig("resnet18", 3, 0.5)));
    }

    [Fact]
    public void An_entry_is_written_once_and_then_reused()
    {
        using var folder = new TempFolder();
        var cache = new ModelCache(folder.File("cache"));
        var key = ConfigHash.Of(new UpstreamConfig("resnet18", 2, 0.5));
        var writes = 0;

        Assert.False(cache.TryGet(key, out _));
        var first = cache.GetOrCreate(key, path =>
        {
            writes++;
            File.WriteAllBytes(path, [1, 2, 3]);
        });
        var second = cache.GetOrCreate(key, _ => writes++);

        Assert.Equal(1, writes);
        Assert.Equal(first, second);
        Assert.True(cache.TryGet(key, out var found));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(found));
        Assert.Single(Directory.GetFiles(cache.Directory));
    }

    [Fact]
    public void A_failed_write_leaves_no_entry_and_no_temporary_file()
    {
        using var folder = new TempFolder();
        var cache = new ModelCache(folder.File("cache"));

        Assert.Throws<IOException>(() => cache.GetOrCreate("k", path =>
        {
            File.WriteAllBytes(path, [1]);
            throw new IOException("killed while saving");
        }));

        Assert.False(cache.TryGet("k", out _));
        Assert.Empty(Directory.GetFiles(cache.Directory));
        Assert.Throws<ArgumentException>(() => cache.PathFor("../escape"));
    }
}
