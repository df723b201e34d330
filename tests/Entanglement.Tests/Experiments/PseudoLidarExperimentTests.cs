using Entanglement.Experiments;
using Entanglement.Scenarios;
using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Experiments;

public sealed class PseudoLidarExperimentTests
{
    [Fact]
    public void Runs_each_seed_once_through_the_store_and_matches_the_scenario()
    {
        using var folder = new TempFolder();
        var config = PseudoLidarCaseStudy.Config.For(Profile.Smoke) with { TrainScenes = 2, TestScenes = 1 };
        var options = new ExperimentOptions { StorePath = folder.File("store.db") };
        var trained = new List<string>();
        var first = PseudoLidarExperiment.Run(config, options with { Progress = new SyncProgress(trained) });
        Assert.Contains(trained, m => m.StartsWith("seed 0: u trained", StringComparison.Ordinal));

        // The scenario reports each training step synchronously; a stored seed is not trained again.
        var read = new List<string>();
        var second = PseudoLidarExperiment.Run(config, options with { Progress = new SyncProgress(read) });
        Assert.DoesNotContain(read, m => m.StartsWith("seed ", StringComparison.Ordinal));

        var direct = PseudoLidarCaseStudy.Run(config);
        foreach (var result in new[] { first, second })
        {
            Assert.Equal(direct.Summary, result.Summary);
            Assert.Equal(direct.DepthByRange[1].BinMean, result.DepthByRange[1].BinMean);
            Assert.Equal(direct.Table2.Select(r => r.Mean), result.Table2.Select(r => r.Mean));
        }

        using var store = ResultsStore.Open(options.StorePath);
        Assert.Single(store.Runs(PseudoLidarExperiment.Name));
    }

    [Fact]
    public void The_catalog_lists_the_case_studies_after_the_four_experiments()
    {
        var entry = ExperimentCatalog.Find("pseudo-lidar");
        Assert.Equal("anti-correlated-errors", ExperimentCatalog.All[ExperimentCatalog.All.ToList().IndexOf(entry) - 1].Name);
        Assert.Contains("§5", entry.Title, StringComparison.Ordinal);
    }

    private sealed class SyncProgress(List<string> messages) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (messages)
            {
                messages.Add(value);
            }
        }
    }
}
