using Entanglement.Experiments;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Training;
using Entanglement.Tests.Experiments;

namespace Entanglement.Tests.Scenarios.Training;

/// <summary>
/// A host's token in scope stops a sweep that was started with no token (as a notebook cell's
/// <c>ExperimentRunner.Run(config)</c>) inside its training, on both workers, and nothing partial is stored.
/// </summary>
public sealed class AmbientCancellationTests
{
    [Fact]
    public void The_token_in_scope_stops_both_workers_mid_training_and_stores_nothing()
    {
        using var folder = new TempFolder();
        using var host = new CancellationTokenSource();
        var config = LossFunctionMismatch.Config.For(Profile.Smoke) with { Seeds = [0, 1] };
        var epochsAfterCancel = 0;
        var progress = new InlineProgress(message =>
        {
            if (!message.Contains("epoch", StringComparison.Ordinal))
            {
                return;
            }

            if (host.IsCancellationRequested)
            {
                Interlocked.Increment(ref epochsAfterCancel);
            }

            // The first finished epoch anywhere cancels: every run is then mid-training.
            host.Cancel();
        });

        using (AmbientCancellation.Use(host.Token))
        {
            Assert.Equal(host.Token, AmbientCancellation.Current);
            var options = new ExperimentOptions { StorePath = folder.File("store.db"), Workers = 2, Progress = progress };
            Assert.ThrowsAny<OperationCanceledException>(() => ExperimentRunner.Run(config, options));
        }

        Assert.Equal(CancellationToken.None, AmbientCancellation.Current);
        using var store = ResultsStore.Open(folder.File("store.db"));
        Assert.Equal(0, store.Count);

        // At most the other worker's epoch in flight ends after the cancel; no run trains on to its next epoch.
        Assert.InRange(epochsAfterCancel, 0, 1);
    }

    [Fact]
    public void Scopes_nest_and_restore_the_outer_token()
    {
        using var outer = new CancellationTokenSource();
        using var inner = new CancellationTokenSource();
        using (AmbientCancellation.Use(outer.Token))
        {
            using (AmbientCancellation.Use(inner.Token))
            {
                inner.Cancel();
                Assert.Throws<OperationCanceledException>(AmbientCancellation.ThrowIfCancellationRequested);
            }

            Assert.Equal(outer.Token, AmbientCancellation.Current);
            AmbientCancellation.ThrowIfCancellationRequested();
        }
    }

    private sealed class InlineProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
