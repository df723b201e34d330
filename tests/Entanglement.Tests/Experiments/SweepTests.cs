using Entanglement.Experiments;

namespace Entanglement.Tests.Experiments;

public sealed class SweepTests
{
    private sealed record Point(double R, string Head);

    private static readonly Sweep<Point> Grid = new(
        "loss-function-mismatch", "quick", [new Point(0.1, "mlp"), new Point(0.2, "mlp"), new Point(0.3, "linear")], [0, 1, 2, 3]);

    [Fact]
    public void Runs_are_point_major_with_stable_keys()
    {
        var runs = Grid.Runs();

        Assert.Equal(12, runs.Count);
        Assert.Equal("loss-function-mismatch|quick|{\"R\":0.1,\"Head\":\"mlp\"}|0", runs[0].Key);
        Assert.Equal("loss-function-mismatch|quick|{\"R\":0.3,\"Head\":\"linear\"}|3", runs[^1].Key);
        Assert.Equal(runs.Select(r => r.Key), Grid.Runs().Select(r => r.Key));
        Assert.Equal(12, runs.Select(r => r.Key).Distinct().Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(13)]
    public void Shards_partition_the_runs_evenly(int n)
    {
        var shards = Enumerable.Range(0, n).Select(k => Grid.Runs(new Shard(k, n)).Select(r => r.Key).ToList()).ToList();

        Assert.Equal(Grid.Runs().Select(r => r.Key).Order(), shards.SelectMany(s => s).Order());
        Assert.True(shards.Max(s => s.Count) - shards.Min(s => s.Count) <= 1);
        Assert.Equal(shards[0], Grid.Runs(new Shard(0, n)).Select(r => r.Key));
    }

    [Fact]
    public void Shard_parses_zero_based_k_of_n_and_rejects_the_rest()
    {
        Assert.Equal(new Shard(2, 4), Shard.Parse("2/4"));
        Assert.Equal("2/4", new Shard(2, 4).ToString());
        Assert.Throws<FormatException>(() => Shard.Parse("4/4"));
        Assert.Throws<FormatException>(() => Shard.Parse("-1/4"));
        Assert.Throws<FormatException>(() => Shard.Parse("1/0"));
        Assert.Throws<FormatException>(() => Shard.Parse("1"));
    }

    [Fact]
    public void Duplicate_points_or_seeds_are_rejected() =>
        Assert.Throws<ArgumentException>(() => (Grid with { Seeds = [1, 1] }).Runs());
}
