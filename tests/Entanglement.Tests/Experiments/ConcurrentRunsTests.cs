using Entanglement.Experiments;
using Entanglement.Scenarios;

namespace Entanglement.Tests.Experiments;

/// <summary>Training two runs at once shares the CPU, not state: every stored loss is bit-identical to a serial sweep.</summary>
public sealed class ConcurrentRunsTests
{
    [Fact]
    public void A_real_sweep_with_two_workers_stores_exactly_the_losses_of_a_serial_one()
    {
        using var folder = new TempFolder();
        var config = LossFunctionMismatch.Config.For(Profile.Smoke) with { Seeds = [0, 1] };

        var serial = ExperimentRunner.Run(config, new ExperimentOptions { StorePath = folder.File("serial.db"), Workers = 1, Progress = null });
        var parallel = ExperimentRunner.Run(config, new ExperimentOptions { StorePath = folder.File("parallel.db"), Workers = 2, Progress = null });

        Assert.Equal(serial.Upstream, parallel.Upstream);
        Assert.Equal(serial.Downstream, parallel.Downstream);
        Assert.All(serial.Upstream.SelectMany(p => p), v => Assert.True(double.IsFinite(v)));
        using var store = ResultsStore.Open(folder.File("parallel.db"));
        Assert.Equal(config.R.Count * 2, store.Count);
    }
}
