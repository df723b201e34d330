using Entanglement.Experiments;

namespace Entanglement.Tests.Experiments;

public sealed class AmbientProgressTests
{
    [Fact]
    public void A_scope_sets_the_default_progress_of_new_options_and_restores_the_previous_sink()
    {
        var outer = new Recorder();
        var inner = new Recorder();
        Assert.Null(new ExperimentOptions().Progress);
        using (AmbientProgress.Use(outer))
        {
            Assert.Same(outer, new ExperimentOptions().Progress);
            using (AmbientProgress.Use(inner))
            {
                Assert.Same(inner, new ExperimentOptions().Progress);
            }

            Assert.Same(outer, AmbientProgress.Current);
        }

        Assert.Null(AmbientProgress.Current);
    }

    [Fact]
    public async Task Another_call_flow_does_not_see_a_scope_it_did_not_open()
    {
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        IProgress<string>? seenElsewhere = new Recorder();
        var other = Task.Run(() =>
        {
            started.Wait();
            seenElsewhere = AmbientProgress.Current;
            release.Set();
        });
        using (AmbientProgress.Use(new Recorder()))
        {
            started.Set();
            release.Wait();
        }

        await other;
        Assert.Null(seenElsewhere);
    }

    private sealed class Recorder : IProgress<string>
    {
        public void Report(string value)
        {
        }
    }
}
