using Entanglement.Data;
using Entanglement.Experiments;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using TorchSharp;
using Rng = Entanglement.Tensors.Rng;

namespace Entanglement.Torch.Tests;

/// <summary>
/// LibTorch's numbers depend on its intra-op thread count, so every torch run is pinned to one count: concurrent sweep
/// workers then give the same bits as a run alone, and the count is part of what a stored run records.
/// </summary>
public sealed class ThreadPinningTests
{
    [Fact]
    public void TrainingPinsTheCallingThread()
    {
        var count = -1;
        var thread = new Thread(() =>
        {
            using var model = new TorchEngine("cpu").CreateFeatureModel(DownstreamNetwork.Linear(2, 2), new Rng(1));
            model.Fit(new FeatureSet([0f, 1f, 1f, 0f], 2, [0, 1]), new TrainingSettings { Epochs = 1, BatchSize = 2 }, new Rng(2));
            count = torch.get_num_threads();
        });
        thread.Start();
        thread.Join();
        Assert.Equal(LibTorchThreads.Count, count);
        Assert.Equal(1, LibTorchThreads.Count);
    }

    [Fact]
    public void ConcurrentRunsGiveTheBitsOfARunAlone()
    {
        var data = Synthetic.Images(128, channels: 1, classes: 3, new Rng(4));
        var network = UpstreamNetwork.SmallConvNetCode(4, [6]);
        var settings = TrainingSettings.QuickUpstream(2) with { BatchSize = 32 };
        float[] Train()
        {
            using var model = new TorchEngine("cpu").CreateImageModel(network, 1, 3, new Rng(11));
            model.Fit(data, Normalization.Digits, ImageLoss.CrossEntropy, settings, new Rng(12));
            return model.Outputs(data, Normalization.Digits).Features;
        }

        var alone = Train();
        var concurrent = new float[2][];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => concurrent[i] = Train());
        Assert.Equal(alone, concurrent[0]);
        Assert.Equal(alone, concurrent[1]);
    }

    [Fact]
    public void StoredRunsRecordThePinnedCount()
    {
        var config = ("{\"Seeds\":3}", "abc");
        var native = EngineTag.Apply(config, NativeEngine.Instance);
        var torchRun = EngineTag.Apply(config, new TorchEngine("cpu"));
        Assert.Equal("abc", native.Hash);
        Assert.DoesNotContain("Threads", native.Json, StringComparison.Ordinal);
        Assert.Contains("\"Threads\":1", torchRun.Json, StringComparison.Ordinal);
        Assert.NotEqual(config.Item2, torchRun.Hash);
        Assert.Equal(ConfigHash.OfText("abc|engine=torch|device=cpu|threads=1"), torchRun.Hash);
    }
}
