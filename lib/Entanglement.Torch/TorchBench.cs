using Entanglement.Scenarios;
using Entanglement.Torch.Models;
using static TorchSharp.torch;

namespace Entanglement.Torch;

/// <summary>Timings of the torch engine on the models <c>workbook bench</c> times natively (same shapes and batch sizes).</summary>
public static class TorchBench
{
    /// <summary>
    /// Median ms of a training step (batch 64, cross-entropy, Adam) and of an eval batch of 256 of the quick upstream
    /// (small conv net, public-code layout, width 32, 1×32×32, 2 outputs) on LibTorch's CPU, timed by <paramref name="median"/>.
    /// </summary>
    public static (double TrainMs, double InferMs) QuickUpstream(int steps, Func<int, Action, double> median)
    {
        ArgumentNullException.ThrowIfNull(median);
        LibTorch.EnsureLoaded();
        manual_seed(1234);
        using var net = TorchNets.Build(UpstreamNetwork.SmallConvNetCode(32, []), 1, 2);
        using var x = randn(64, 1, 32, 32);
        using var big = randn(256, 1, 32, 32);
        using var labels = arange(64, dtype: ScalarType.Int64) % 2;
        using var optimizer = optim.Adam(net.parameters(), lr: 1e-3);
        net.train();
        var train = median(steps, () =>
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.cross_entropy(net.call(x), labels).backward();
            optimizer.step();
        });
        net.eval();
        var infer = median(steps, () =>
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            net.call(big);
        });
        return (train, infer);
    }
}
