using System.Diagnostics;
using Entanglement.Experiments;
using Entanglement.Experiments.Slurm;

namespace Entanglement.Tests.Experiments.Slurm;

/// <summary>
/// <c>workbook slurm … --submit</c> on a real one-node Slurm cluster: the smoke sweeps of two experiments as arrays of
/// three tasks plus a merge job each end in merged stores equal, run for run and value for value, to one process running
/// the same sweeps, and in the same JSON summary; submitting again after a failed task runs only that task.
/// </summary>
public sealed class SlurmClusterTests
{
    private static readonly string[] Experiments = ["loss-function-mismatch", "data-distribution-mismatch"];
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    [SlurmFact]
    public void Smoke_sweeps_as_job_arrays_of_three_merge_into_the_stores_of_a_single_process_run()
    {
        var clock = Stopwatch.StartNew();
        using var folder = new TempFolder();
        using var cluster = LocalSlurmCluster.Start(folder.File("cluster"));
        var jobs = new Dictionary<string, (SlurmJob Job, SlurmSubmission Submission)>();
        foreach (var experiment in Experiments)
        {
            var runDirectory = Path.Combine(folder.Path, "runs with space", experiment);
            var output = WorkbookCli.Run(cluster.Environment, Limit, "slurm", experiment, "--profile", "smoke", "--shards", "3",
                "--partition", LocalSlurmCluster.Partition, "--run-dir", runDirectory, "--submit");
            var submission = SlurmSubmission.Parse(output);
            Assert.Equal([0, 1, 2], submission.Tasks);
            jobs[experiment] = (SlurmJobs.Sample(runDirectory) with { Experiment = experiment }, submission);
        }

        // The same sweeps in one process, while the cluster works.
        var single = folder.File("single.db");
        foreach (var experiment in Experiments)
        {
            WorkbookCli.Run(new Dictionary<string, string>(), Limit, "run", experiment, "--profile", "smoke", "--store", single,
                "--json", folder.File($"{experiment}.json"));
        }

        foreach (var (experiment, (job, submission)) in jobs)
        {
            var state = WaitForEnd(cluster, submission.MergeJobId, clock);
            Assert.True(state == "COMPLETED", $"{experiment}: merge job {submission.MergeJobId} ended {state}\n{JobLogs(job)}\n{cluster.Logs()}");
            AssertSameRuns(single, job, experiment);
            Assert.Equal(File.ReadAllText(folder.File($"{experiment}.json")), File.ReadAllText(job.SummaryPath));
        }

        // Task 1 of the first experiment failed (no done marker, its store lost): submitting again runs only that task,
        // and the merge accepts its re-computed runs as duplicates of the merged ones.
        var (first, _) = jobs[Experiments[0]];
        File.Delete(Path.Combine(first.RunDirectory, "shards", "1.done"));
        File.Delete(first.ShardStorePath(1));
        var again = SlurmSubmission.Parse(WorkbookCli.Run(cluster.Environment, Limit, "slurm", Experiments[0], "--profile", "smoke",
            "--shards", "3", "--partition", LocalSlurmCluster.Partition, "--run-dir", first.RunDirectory, "--submit"));
        Assert.Equal([1], again.Tasks);
        Assert.Equal("COMPLETED", WaitForEnd(cluster, again.MergeJobId, clock));
        AssertSameRuns(single, first, Experiments[0]);
        Assert.Contains("0 added", File.ReadAllText(Path.Combine(first.RunDirectory, "logs", $"merge-{again.MergeJobId}.out")), StringComparison.Ordinal);
    }

    private static string WaitForEnd(LocalSlurmCluster cluster, long jobId, Stopwatch clock)
    {
        while (cluster.JobState(jobId) is "PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING")
        {
            Assert.True(clock.Elapsed < Limit, $"job {jobId} did not end within {Limit.TotalMinutes} min\n{cluster.Logs()}");
            Thread.Sleep(500);
        }

        return cluster.JobState(jobId);
    }

    private static void AssertSameRuns(string singlePath, SlurmJob job, string experiment)
    {
        using var single = ResultsStore.OpenReadOnly(singlePath);
        using var merged = ResultsStore.OpenReadOnly(job.StorePath);
        var expected = single.Runs().Where(r => r.Scenario == experiment).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var actual = merged.Runs().OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(r => r.Key), actual.Select(r => r.Key));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal((e.Scenario, e.Profile, e.PointIndex, e.PointJson, e.Seed, e.ConfigJson, e.DatasetHash),
                (a.Scenario, a.Profile, a.PointIndex, a.PointJson, a.Seed, a.ConfigJson, a.DatasetHash));
            Assert.Equal(e.Losses.OrderBy(l => l.Key, StringComparer.Ordinal), a.Losses.OrderBy(l => l.Key, StringComparer.Ordinal));
        }

        // Every merged run came from a shard: the summary step only read the merged store.
        var fromShards = Enumerable.Range(0, 3).SelectMany(k =>
        {
            using var shard = ResultsStore.OpenReadOnly(job.ShardStorePath(k));
            return shard.Runs().Select(r => r.Key).ToList();
        });
        Assert.Equal(actual.Select(r => r.Key), fromShards.Order(StringComparer.Ordinal));
    }

    private static string JobLogs(SlurmJob job)
    {
        var logs = Path.Combine(job.RunDirectory, "logs");
        return Directory.Exists(logs)
            ? string.Join('\n', Directory.EnumerateFiles(logs).Order().Select(f => $"== {Path.GetFileName(f)}\n{File.ReadAllText(f)}"))
            : $"(no {logs})";
    }
}
