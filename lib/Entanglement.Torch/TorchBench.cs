using Entanglement.NN;
using Entanglement.Scenarios;
using Entanglement.Torch.Models;
using static TorchSharp.torch;

namespace Entanglement.Torch;

/// <summary>
/// Timings of the torch engine on the models <c>workbook bench</c> times natively (same shapes, batch sizes, loss and
/// optimiser), so every bench row can show LibTorch's CPU time beside the native engine's and the PyTorch peer's.
/// </summary>
public static class TorchBench
{
    /// <summary>The bench models by the native bench's names: (name prefix, builder).</summary>
    private static readonly (string Prefix, Func<nn.Module<Tensor, Tensor>> Build)[] Models =
    [
        ("a MLP 1-128-4", () => new TorchMlp(1, [128], 4)),
        ("b LogReg 512-2", () => nn.Linear(512, 2)),
        ("b LogReg 512-10", () => nn.Linear(512, 10)),
        ("c SmallConv 3x32x32", () => new TorchSmallConvNet(3, 10, 32, [256], SmallConvNetVariant.Paper)),
        ("f SmallConv 1x28x28", () => new TorchSmallConvNet(1, 10, 32, [256], SmallConvNetVariant.Paper, inputSize: 28)),
        ("e ResNet18-w16 3x32x32", () => new TorchResNet18(10, 16, ResNetStem.Cifar, 3)),
        ("f ResNet18-w16 1x28x28", () => new TorchResNet18(10, 16, ResNetStem.Cifar, 1)),
        ("d ResNet18-w64 3x32x32", () => new TorchResNet18(10, 64, ResNetStem.Cifar, 3)),
    ];

    /// <summary>Whether a LibTorch counterpart of the bench model <paramref name="name"/> exists.</summary>
    public static bool Has(string name) => Models.Any(m => m.Prefix == name);

    /// <summary>
    /// Median ms of a training step (zero_grad, forward, cross-entropy, backward, Adam at 1e-3) at batch
    /// <paramref name="batch"/> and of an inference batch under no_grad, for the bench model <paramref name="name"/>
    /// on <paramref name="input"/>-shaped random examples of <paramref name="classes"/> classes; LibTorch runs
    /// <paramref name="threads"/> intra-op threads, as the native engine and the peer do in the same bench.
    /// </summary>
    public static (double TrainMs, double InferMs) Model(
        string name, int[] input, int classes, int batch, int threads, int steps, Func<int, Action, double> median)
    {
        var build = Models.FirstOrDefault(m => m.Prefix == name).Build
            ?? throw new ArgumentException($"No LibTorch counterpart of the bench model '{name}'.", nameof(name));
        return Time(build, input, classes, batch, batch, threads, steps, median);
    }

    /// <summary>
    /// Median ms of a training step (batch 64, cross-entropy, Adam) and of an eval batch of 256 of the quick upstream
    /// (small conv net, public-code layout, width 32, 1×32×32, 2 outputs) on LibTorch's CPU, timed by <paramref name="median"/>.
    /// </summary>
    public static (double TrainMs, double InferMs) QuickUpstream(int threads, int steps, Func<int, Action, double> median) =>
        Time(() => TorchNets.Build(UpstreamNetwork.SmallConvNetCode(32, []), 1, 2), [1, 32, 32], 2, 64, 256, threads, steps, median);

    private static (double TrainMs, double InferMs) Time(
        Func<nn.Module<Tensor, Tensor>> build, int[] input, int classes, int batch, int inferBatch, int threads, int steps,
        Func<int, Action, double> median)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(median);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        LibTorch.EnsureLoaded();
        set_num_threads(threads);
        manual_seed(1234);
        using var net = build();
        using var x = randn([batch, .. input]);
        using var big = randn([inferBatch, .. input]);
        using var labels = arange(batch, dtype: ScalarType.Int64) % classes;
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
