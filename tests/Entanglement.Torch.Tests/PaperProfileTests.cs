using Entanglement.Data;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Rng = Entanglement.Tensors.Rng;

namespace Entanglement.Torch.Tests;

/// <summary>
/// The paper profile end to end on the torch engine (CPU), on a tiny slice: the paper's networks (ResNet-18, ImageNet
/// stem, width 64), batch size, optimizer and augmentation on SVHN-shaped synthetic data, for one epoch and one seed.
/// </summary>
[Collection(nameof(SyntheticSvhnCache))]
public sealed class PaperProfileTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("entanglement-svhn-").FullName;
    private readonly string? _previous = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");

    public PaperProfileTests()
    {
        // Svhn.Load reads the decoded cache files (<cache>/entanglement/svhn/*_32x32.bin) when they exist.
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", _cache);
        Directory.CreateDirectory(Svhn.DefaultCacheDirectory);
        foreach (var (part, count, seed) in new[] { (SvhnPart.Train, 120, 1), (SvhnPart.Test, 60, 2) })
        {
            var images = Synthetic.Images(count, channels: 3, classes: 10, new Rng(seed));
            ImageFile.Write(images, Path.ChangeExtension(Path.Combine(Svhn.DefaultCacheDirectory, Svhn.FileName(part)), ".bin"), compress: false);
        }
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", _previous);
        Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public void LossFunctionMismatchRunsOnThePaperNetworkWithTheTorchEngine()
    {
        var paper = LossFunctionMismatch.Config.For(Profile.Paper);
        Assert.Equal(UpstreamNetwork.PaperResNet18, paper.Upstream);
        var slice = paper with
        {
            R = [0, 1],
            UpstreamTraining = paper.UpstreamTraining with { Epochs = 1 },
            DownstreamTraining = paper.DownstreamTraining with { Epochs = 2 },
            Seeds = [0],
        };
        using (TrainingEngines.Use(new TorchEngine("cpu")))
        {
            var losses = LossFunctionMismatch.RunOne(slice, pointIndex: 1, seed: 0);
            Assert.True(double.IsFinite(losses.Upstream) && losses.Upstream > 0, $"upstream MSE {losses.Upstream}");
            Assert.InRange(losses.Downstream, 0, 1);
        }
    }

    [Fact]
    public void AntiCorrelatedErrorsRunsOnThePaperNetworkWithTheTorchEngine()
    {
        var paper = AntiCorrelatedErrors.Config.For(Profile.Paper);
        var slice = paper with
        {
            P = [0, 0.2],
            ReferenceTraining = paper.ReferenceTraining with { Epochs = 1 },
            UpstreamTraining = paper.UpstreamTraining with { Epochs = 1 },
            DownstreamTraining = paper.DownstreamTraining with { Epochs = 2 },
            Seeds = [0],
        };
        using (TrainingEngines.Use(new TorchEngine("cpu")))
        {
            var grid = AntiCorrelatedErrors.RunOne(slice, seed: 0);
            Assert.Equal(2, grid.UError.Length);
            Assert.All(grid.UError.Concat(grid.VError), e => Assert.InRange(e, 0, 1));
            Assert.All(grid.WLinear.Cast<double>(), e => Assert.InRange(e, 0, 1));
        }
    }
}
