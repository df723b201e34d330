using Entanglement.Experiments;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Torch.Tests;

/// <summary>
/// The pseudo-LiDAR case study and the depth trade-off run on the torch engine through the results store: each seed is
/// stored with its engine, device and thread count, under another key than the native engine's run of the same seed.
/// </summary>
public sealed class PseudoLidarTorchRunTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "entanglement-torch-tests", Path.GetRandomFileName());

    public PseudoLidarTorchRunTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SmokeCaseStudyOnTorchIsStoredUnderItsOwnKey()
    {
        var options = new ExperimentOptions { StorePath = Path.Combine(_folder, "store.db"), Workers = 1, Progress = null };
        var config = PseudoLidarCaseStudy.Config.For(Profile.Smoke);
        PseudoLidarCaseStudy.Result torch;
        using (TrainingEngines.Use(new TorchEngine("cpu")))
        {
            torch = PseudoLidarExperiment.Run(config, options);
        }

        var native = PseudoLidarExperiment.Run(config, options);
        Assert.Contains("engine torch (cpu)", torch.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("engine", native.Provenance, StringComparison.Ordinal);
        Assert.All(torch.Table2.Concat(torch.TableS1), r => Assert.InRange(r.Mean, 0, 100));
        Assert.All(torch.DepthByRange, r => Assert.True(double.IsFinite(r.OverallMean) && r.OverallMean > 0));
        AssertStoredPerEngine(options.StorePath, PseudoLidarExperiment.Name, config.Seeds.Count);
    }

    [Fact]
    public void SmokeDepthTradeoffOnTorchIsStoredUnderItsOwnKey()
    {
        var options = new ExperimentOptions { StorePath = Path.Combine(_folder, "store.db"), Workers = 1, Progress = null };
        var config = DepthTradeoff.Config.For(Profile.Smoke);
        DepthTradeoff.Result torch;
        using (TrainingEngines.Use(new TorchEngine("cpu")))
        {
            torch = DepthTradeoffExperiment.Run(config, options);
        }

        var native = DepthTradeoffExperiment.Run(config, options);
        Assert.Equal(native.Parameters, torch.Parameters);
        Assert.Contains("engine torch (cpu)", torch.Summary, StringComparison.Ordinal);
        // Same initial weights, pixels and shuffles: a few epochs apart only by rounding.
        Agreement.Close("depth MAE per weight", [.. torch.Rows.Select(r => (float)r.OverallMean)], [.. native.Rows.Select(r => (float)r.OverallMean)], 1e-3);
        AssertStoredPerEngine(options.StorePath, DepthTradeoffExperiment.Name, config.Seeds.Count);
    }

    private static void AssertStoredPerEngine(string storePath, string scenario, int seeds)
    {
        using var store = ResultsStore.Open(storePath);
        var runs = store.Runs(scenario);
        Assert.Equal(2 * seeds, runs.Count);
        Assert.Equal(2 * seeds, runs.Select(r => r.Key).Distinct().Count());
        var engines = runs.Select(r => EngineTag.Read(r.ConfigJson)).ToArray();
        Assert.Equal(seeds, engines.Count(e => e == ("torch", "cpu")));
        Assert.Equal(seeds, engines.Count(e => e == ("native", "cpu")));
        Assert.All(runs.Where(r => EngineTag.Read(r.ConfigJson).Engine == "torch"),
            r => Assert.Contains($"\"Threads\":{LibTorchThreads.Count}", r.ConfigJson, StringComparison.Ordinal));
    }
}
