using Entanglement.Experiments.Slurm;

namespace Entanglement.Tests.Experiments.Slurm;

public sealed class SlurmSubmissionTests
{
    [Fact]
    public void Parse_reads_the_array_and_merge_job_ids()
    {
        var submission = SlurmSubmission.Parse(
            "submitted array job 4711: tasks 0,2 of 0-2\nsubmitted merge job 4712: results.db and summary.json in /r\n");
        Assert.Equal(4711, submission.ArrayJobId);
        Assert.Equal([0, 2], submission.Tasks);
        Assert.Equal(4712, submission.MergeJobId);
    }

    [Fact]
    public void Parse_accepts_a_merge_job_alone_when_every_task_is_done()
    {
        var submission = SlurmSubmission.Parse("all 3 tasks are done\nsubmitted merge job 9: results.db and summary.json in /r\n");
        Assert.Null(submission.ArrayJobId);
        Assert.Empty(submission.Tasks);
        Assert.Equal(9, submission.MergeJobId);
    }

    [Fact]
    public void Parse_fails_without_a_merge_job() =>
        Assert.Throws<FormatException>(() => SlurmSubmission.Parse("sbatch: error: invalid partition specified: gpu\n"));
}
