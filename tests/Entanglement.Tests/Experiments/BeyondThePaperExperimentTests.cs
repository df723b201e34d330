using Entanglement.Experiments;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Fairness;
using Entanglement.Scenarios.HigherOrder;

namespace Entanglement.Tests.Experiments;

/// <summary>The higher-order and fairness experiments run through the store: a second run trains nothing.</summary>
public sealed class BeyondThePaperExperimentTests
{
    [Fact]
    public void Higher_order_smoke_runs_once_through_the_store()
    {
        using var folder = new TempFolder();
        var config = HigherOrderEntanglement.Config.For(Profile.Smoke) with { MaxPerDigit = 30 };
        var options = new ExperimentOptions { StorePath = folder.File("store.db"), Workers = 1 };
        var trained = new List<string>();
        var first = HigherOrderExperiment.Run(config, options with { Progress = new SyncProgress(trained) });
        Assert.Contains(trained, m => m.StartsWith("epoch ", StringComparison.Ordinal));

        var read = new List<string>();
        var second = HigherOrderExperiment.Run(config, options with { Progress = new SyncProgress(read) });
        Assert.DoesNotContain(read, m => m.StartsWith("epoch ", StringComparison.Ordinal));
        Assert.Contains(read, m => m.Contains("2 already in the store", StringComparison.Ordinal));
        Assert.Equal(first.Summary, second.Summary);
        Assert.Equal(8, second.Retrained.Count);

        using var store = ResultsStore.Open(options.StorePath);
        Assert.Equal(2, store.Runs(HigherOrderExperiment.Name).Count);
    }

    [Fact]
    public void Fairness_smoke_runs_once_through_the_store()
    {
        using var folder = new TempFolder();
        var config = FairerUpstream.Config.For(Profile.Smoke) with { MaxPerDigit = 30 };
        var options = new ExperimentOptions { StorePath = folder.File("store.db"), Workers = 1 };
        var trained = new List<string>();
        var first = FairnessExperiment.Run(config, options with { Progress = new SyncProgress(trained) });
        Assert.Contains(trained, m => m.StartsWith("epoch ", StringComparison.Ordinal));

        var read = new List<string>();
        var second = FairnessExperiment.Run(config, options with { Progress = new SyncProgress(read) });
        Assert.DoesNotContain(read, m => m.StartsWith("epoch ", StringComparison.Ordinal));
        Assert.Contains(read, m => m.Contains("4 already in the store", StringComparison.Ordinal));
        Assert.Equal(first.Summary, second.Summary);
        Assert.Equal(config.Lambda, second.EqualisedOdds.KnobValues);

        using var store = ResultsStore.Open(options.StorePath);
        Assert.Equal(4, store.Runs(FairnessExperiment.Name).Count);
    }

    [Fact]
    public void The_catalog_lists_both_after_the_paper()
    {
        var names = ExperimentCatalog.All.Select(e => e.Name).ToList();
        Assert.True(names.IndexOf(HigherOrderExperiment.Name) > names.IndexOf(PseudoLidarExperiment.Name));
        Assert.True(names.IndexOf(FairnessExperiment.Name) > names.IndexOf(HigherOrderExperiment.Name));
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
