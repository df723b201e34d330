using Entanglement.Optim;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.PseudoLidar;
using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

/// <summary>
/// The pseudo-LiDAR networks behind the engine seam: the detector's network is what its settings describe, training
/// through <see cref="INetworkModel"/> with an <see cref="OutputLoss"/> gives exactly (bit for bit) the numbers of the
/// same training written directly in the native graph, and asking for the torch engine without it says what is missing.
/// </summary>
public sealed class PseudoLidarEngineTests
{
    [Fact]
    public void Detector_network_follows_its_settings()
    {
        var settings = DetectorPresets.Car with { Channels = 6, Layers = 3, OutputStride = 2 };
        var network = BevDetector.Network(settings);
        Assert.Equal(new ConvStackNetwork { InChannels = BevGrid.Channels, Channels = 6, Layers = 3, FirstStride = 2, Outputs = 9 }, network);
        var module = network.Build(new Rng(1));
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias", "6.weight", "6.bias"], module.NamedParameters().Select(p => p.Name));
        using var model = NativeEngine.Instance.CreateNetworkModel(network, new Rng(1));
        var g = settings.Grid;
        var y = model.Forward(new float[BevGrid.Channels * g.Rows * g.Cols], [1, BevGrid.Channels, g.Rows, g.Cols]);
        Assert.Equal(9 * settings.HeadGrid.Rows * settings.HeadGrid.Cols, y.Length);
        Assert.Equal(module.Parameters().Sum(p => p.Shape.Size), model.ParameterCount);
    }

    [Fact]
    public void Training_through_the_seam_is_bit_identical_to_the_native_graph()
    {
        var settings = DetectorPresets.Pedestrian with { Channels = 4, Layers = 2, OutputStride = 2 };
        var config = PseudoLidarCaseStudy.Config.For(Profile.Smoke);
        var targets = Enumerable.Range(0, 2).Select(i => DetectionTargets.Build(PseudoLidarCaseStudy.Scene(config, 4, i), settings)).ToArray();
        var g = settings.Grid;
        var head = settings.HeadGrid;
        int[] shape = [2, BevGrid.Channels, g.Rows, g.Cols];
        var rng = new Rng(8);
        var x = Enumerable.Range(0, 2 * BevGrid.Channels * g.Rows * g.Cols).Select(_ => (float)rng.NextNormal()).ToArray();
        Tensor Loss(Tensor y) => DetectionTargets.Loss(y, targets, head.Rows * head.Cols, settings.NegativeWeight);

        // Directly in the native graph: forward, loss, backward, Adam (what BevDetector did before the seam).
        var direct = BevDetector.Network(settings).Build(new Rng(3));
        var adam = new Adam(direct.Parameters(), lr: 1e-2);
        var directLosses = new List<double>();
        for (var step = 0; step < 3; step++)
        {
            adam.ZeroGrad();
            var loss = Loss(direct.Forward(Tensor.FromArray(x, shape)));
            loss.Backward();
            adam.Step();
            directLosses.Add(loss.Item());
        }

        using var model = (NativeNetworkModel)NativeEngine.Instance.CreateNetworkModel(BevDetector.Network(settings), new Rng(3));
        using var training = model.Adam(1e-2, [10]);
        var seamLosses = Enumerable.Range(0, 3)
            .Select(_ => training.Update(x, shape, OutputLosses.Native(Loss, 2, 9, head.Rows, head.Cols))).ToList();
        Assert.Equal(directLosses, seamLosses);
        var directParameters = direct.NamedParameters().ToDictionary(p => p.Name, p => p.Tensor.Data);
        foreach (var (name, parameter) in model.Module.NamedParameters())
        {
            Assert.Equal(directParameters[name], parameter.Data);
        }
    }

    [Fact]
    public void Output_loss_returns_the_loss_and_its_gradient()
    {
        // Σ (y − 1)²: gradient 2 (y − 1), independent of autograd.
        var loss = OutputLosses.Native(y => ((y - 1f) * (y - 1f)).Sum(), 2, 2);
        var gradient = new float[4];
        var value = loss([0f, 1f, 2f, 3f], gradient);
        Assert.Equal(1 + 0 + 1 + 4, value, 6);
        Assert.Equal([-2f, 0f, 2f, 4f], gradient);
    }

    [Fact]
    public void Asking_for_the_torch_engine_without_it_names_what_is_missing()
    {
        // This test project does not reference Entanglement.Torch (nor LibTorch), like a program using only the library.
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "Entanglement.Torch.dll")));
        var error = Assert.Throws<InvalidOperationException>(() => TrainingEngines.Create("torch", "cpu"));
        Assert.Contains("Entanglement.Torch", error.Message, StringComparison.Ordinal);
        Assert.Contains("LibTorch", error.Message, StringComparison.Ordinal);
    }
}
