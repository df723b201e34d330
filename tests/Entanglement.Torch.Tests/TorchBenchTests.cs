namespace Entanglement.Torch.Tests;

/// <summary>The torch engine's column of <c>workbook bench</c>: its models build at the bench's shapes and their steps run.</summary>
public sealed class TorchBenchTests
{
    [Theory]
    [InlineData("a MLP 1-128-4", new[] { 1 }, 4)]
    [InlineData("b LogReg 512-10", new[] { 512 }, 10)]
    [InlineData("f SmallConv 1x28x28", new[] { 1, 28, 28 }, 10)]
    public void A_bench_model_trains_and_infers_once_per_timed_step(string name, int[] input, int classes)
    {
        var calls = new List<int>();
        double Median(int steps, Action step)
        {
            calls.Add(steps);
            for (var i = 0; i < steps; i++)
            {
                step();
            }

            return calls.Count;
        }

        var (train, infer) = TorchBench.Model(name, input, classes, batch: 8, threads: 1, steps: 2, Median);
        Assert.Equal((1.0, 2.0), (train, infer));
        Assert.Equal([2, 2], calls);
    }

    [Fact]
    public void An_unknown_model_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => TorchBench.Model("z Nothing", [1], 2, 8, 1, 1, (_, _) => 0));
        Assert.Contains("z Nothing", error.Message, StringComparison.Ordinal);
        Assert.False(TorchBench.Has("z Nothing"));
        Assert.True(TorchBench.Has("d ResNet18-w64 3x32x32"));
    }
}
