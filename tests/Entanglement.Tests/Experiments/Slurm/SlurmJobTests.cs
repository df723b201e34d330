using Entanglement.Experiments.Slurm;

namespace Entanglement.Tests.Experiments.Slurm;

public sealed class SlurmJobTests
{
    [Fact]
    public void SplitRunOptions_gives_device_and_workers_to_the_tasks_only()
    {
        var (run, task) = SlurmJob.SplitRunOptions(["--seeds", "40", "--device", "cuda", "--engine", "torch", "--workers=1", "--dataset", "svhn"]);
        Assert.Equal(["--seeds", "40", "--engine", "torch", "--dataset", "svhn"], run);
        Assert.Equal(["--device", "cuda", "--workers=1"], task);
    }

    [Fact]
    public void Paths_are_inside_the_run_folder()
    {
        var job = SlurmJobs.Sample("/runs/a b");
        Assert.Equal(("/runs/a b/slurm.sh", "/runs/a b/results.db", "/runs/a b/summary.json", "/runs/a b/shards/2.db"),
            (job.ScriptPath, job.StorePath, job.SummaryPath, job.ShardStorePath(2)));
    }

    [Theory]
    [InlineData("--shard", "1/2")]
    [InlineData("--json", "x.json")]
    [InlineData("--profile", "paper")]
    public void Options_the_script_sets_itself_cannot_be_task_options_either(string option, string value) =>
        Assert.Throws<ArgumentException>(() => (SlurmJobs.Sample("/runs/x") with { TaskArguments = [option, value] }).Validate());
}
