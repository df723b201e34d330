using Entanglement.Experiments.Slurm;

namespace Entanglement.Tests.Experiments.Slurm;

/// <summary>
/// The script's submit, task and merge modes against a stand-in <c>sbatch</c> (records its arguments, prints job ids)
/// and a stand-in workbook CLI (records its arguments), in a run folder whose name needs quoting.
/// </summary>
public sealed class SlurmSubmitterTests
{
    [Fact]
    public void Submit_sends_an_array_of_every_shard_then_a_merge_job_after_it()
    {
        using var fake = new FakeSlurm();
        var (submission, _) = SlurmSubmitter.Submit(SlurmSubmitter.Write(fake.Job), fake.Environment);

        Assert.Equal(101, submission.ArrayJobId);
        Assert.Equal([0, 1, 2], submission.Tasks);
        Assert.Equal(102, submission.MergeJobId);
        var calls = fake.SbatchCalls();
        Assert.Equal(2, calls.Count);
        Assert.Contains("--array=0,1,2", calls[0]);
        Assert.Contains("--gres=gpu:1", calls[0]);
        Assert.Contains("--partition=debug queue", calls[0]);
        Assert.Contains($"--output={fake.Job.RunDirectory}/logs/task-%A_%a.out", calls[0]);
        Assert.Equal([fake.Job.ScriptPath, "task"], calls[0][^2..]);
        Assert.Contains("--dependency=afterok:101", calls[1]);
        Assert.Contains("--kill-on-invalid-dep=yes", calls[1]);
        Assert.DoesNotContain("--gres=gpu:1", calls[1]);
        Assert.Contains("--partition=debug queue", calls[1]);
        Assert.Equal([fake.Job.ScriptPath, "merge"], calls[1][^2..]);
        Assert.True(Directory.Exists(Path.Combine(fake.Job.RunDirectory, "logs")));
    }

    [Fact]
    public void A_task_runs_its_shard_into_its_own_store_and_a_resubmit_skips_finished_tasks()
    {
        using var fake = new FakeSlurm();
        var script = SlurmSubmitter.Write(fake.Job);
        fake.RunScript(script, "task", arrayTask: 1);

        Assert.Equal(
            [["run", "loss-function-mismatch", "--profile", "smoke", "--seeds", "2", "--workers", "1", "--shard", "1/3", "--store", fake.Job.ShardStorePath(1)]],
            fake.WorkbookCalls());
        var (submission, _) = SlurmSubmitter.Submit(script, fake.Environment);
        Assert.Equal([0, 2], submission.Tasks);
        Assert.Contains("--array=0,2", fake.SbatchCalls()[0]);

        fake.RunScript(script, "task", arrayTask: 0);
        fake.RunScript(script, "task", arrayTask: 2);
        var (allDone, output) = SlurmSubmitter.Submit(script, fake.Environment);
        Assert.Contains("all 3 tasks are done", output, StringComparison.Ordinal);
        Assert.Null(allDone.ArrayJobId);
        var merge = fake.SbatchCalls()[^1];
        Assert.DoesNotContain(merge, a => a.StartsWith("--dependency", StringComparison.Ordinal));
        Assert.Equal("merge", merge[^1]);
    }

    [Fact]
    public void Changed_settings_make_a_finished_task_run_again()
    {
        using var fake = new FakeSlurm();
        fake.RunScript(SlurmSubmitter.Write(fake.Job), "task", arrayTask: 0);
        var script = SlurmSubmitter.Write(fake.Job with { RunArguments = ["--seeds", "5"] });

        var (submission, _) = SlurmSubmitter.Submit(script, fake.Environment);
        Assert.Equal([0, 1, 2], submission.Tasks);
    }

    [Fact]
    public void The_merge_job_merges_every_shard_then_reads_the_merged_store_for_the_summary()
    {
        using var fake = new FakeSlurm();
        fake.RunScript(SlurmSubmitter.Write(fake.Job), "merge", arrayTask: null);

        var store = fake.Job.StorePath;
        Assert.Equal(
            [
                ["results", "merge", store, fake.Job.ShardStorePath(0), fake.Job.ShardStorePath(1), fake.Job.ShardStorePath(2)],
                ["run", "loss-function-mismatch", "--profile", "smoke", "--seeds", "2", "--store", store, "--json", fake.Job.SummaryPath],
            ],
            fake.WorkbookCalls());
    }

    [Fact]
    public void The_merge_job_also_writes_the_report_when_asked()
    {
        using var fake = new FakeSlurm();
        var job = fake.Job with { Report = true, NotebooksDirectory = "/src/note books" };
        fake.RunScript(SlurmSubmitter.Write(job), "merge", arrayTask: null);

        var report = fake.WorkbookCalls()[^1];
        Assert.Equal(
            ["report", "--profile", "smoke", "--notebooks", "/src/note books", "--out", Path.Combine(job.RunDirectory, "reports"),
                "WORKBOOK_STORE=" + job.StorePath],
            report);
    }

    [Fact]
    public void A_failing_sbatch_fails_the_submission_with_its_message()
    {
        using var fake = new FakeSlurm(sbatchError: "sbatch: error: invalid partition specified: debug queue");
        var error = Assert.Throws<InvalidOperationException>(() => SlurmSubmitter.Submit(SlurmSubmitter.Write(fake.Job), fake.Environment));
        Assert.Contains("invalid partition specified", error.Message, StringComparison.Ordinal);
    }
}
