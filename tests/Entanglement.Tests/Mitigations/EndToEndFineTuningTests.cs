using Entanglement.Data;
using Entanglement.Mitigations;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Tests.Mitigations;

/// <summary>
/// End-to-end fine-tuning writes no gradient code of its own (autograd composes the two modules), so instead of a
/// finite-difference check these tests show that the downstream's loss reaches both models' weights.
/// </summary>
public sealed class EndToEndFineTuningTests
{
    [Fact]
    public void The_downstream_loss_reaches_the_upstream_weights_and_lowers_the_training_error()
    {
        Assert.Null(EndToEndFineTuning.Unavailable(new NativeEngine()));
        var rng = new Rng(seed: 1234);
        var data = ScenarioData.Load(DatasetKind.Digits);
        var images = ClassGrouping.OneVsSeven.Apply(ScenarioData.Classes(data.Train, [1, 7], balance: true, rng.Fork("pick"), maxPerClass: 60));
        var engine = new NativeEngine();
        var network = UpstreamNetwork.SmallConvNetCode(width: 2, headHidden: [4]) with { FeatureTap = FeatureTap.LastHidden };
        using var upstream = engine.CreateImageModel(network, data.Train.Channels, outputs: 2, rng.Fork("up"));
        var features = upstream.Features(images, data.Normalization);
        using var downstream = engine.CreateFeatureModel(DownstreamNetwork.Linear(features.Width, 2), rng.Fork("down"));
        downstream.Fit(features, new TrainingSettings { Epochs = 1, LearningRate = 1e-3 }, rng.Fork("fit"));
        var errorBefore = downstream.ZeroOneError(features);
        var upBefore = upstream.StateDict();

        EndToEndFineTuning.Fit(upstream, downstream, HandOff.Features, images, data.Normalization,
            new TrainingSettings { Epochs = 15, BatchSize = 16, LearningRate = 1e-2 }, rng.Fork("e2e"));

        var upAfter = upstream.StateDict();
        Assert.Contains(upBefore.Keys, k => k.Contains("weight", StringComparison.Ordinal)
            && !upBefore[k].Values.SequenceEqual(upAfter[k].Values));
        var errorAfter = downstream.ZeroOneError(upstream.Features(images, data.Normalization));
        Assert.True(errorAfter < errorBefore || errorAfter == 0, $"training error {errorBefore} → {errorAfter}");
    }
}
