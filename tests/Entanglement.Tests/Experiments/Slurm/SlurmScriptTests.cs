using System.Diagnostics;
using Entanglement.Experiments.Slurm;

namespace Entanglement.Tests.Experiments.Slurm;

public sealed class SlurmScriptTests
{
    [Theory]
    [InlineData("plain-name_1.0/x:y=z", "plain-name_1.0/x:y=z")]
    [InlineData("", "''")]
    [InlineData("with space", "'with space'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$HOME;rm -rf *", "'$HOME;rm -rf *'")]
    public void Quote_leaves_safe_words_alone_and_single_quotes_the_rest(string value, string expected) =>
        Assert.Equal(expected, SlurmScript.Quote(value));

    [Theory]
    [InlineData("plain")]
    [InlineData("with space")]
    [InlineData("it's \"quoted\" $HOME `date` \\ * ?")]
    [InlineData("")]
    public void A_quoted_word_reaches_a_program_unchanged_through_bash(string value)
    {
        var output = Bash($"printf '%s|' {SlurmScript.Quote(value)} {SlurmScript.Array([value, "b c"])[1..^1]}", null);
        Assert.Equal($"{value}|{value}|b c|", output);
    }

    [Fact]
    public void Every_setting_is_a_shell_variable_at_the_top_before_any_command()
    {
        var job = SlurmJobs.Sample("/data/runs/x y") with
        {
            RunArguments = ["--seeds", "40", "--dataset", "svhn"],
            TaskArguments = ["--workers", "4"],
            Partition = "gpu",
            Gres = "gpu:1",
            Time = "12:00:00",
            SbatchArguments = ["--account=lab"],
            Report = true,
            NotebooksDirectory = "/src/workbook/notebooks",
        };
        var lines = SlurmScript.Render(job).Split('\n');
        Assert.Equal("#!/usr/bin/env bash", lines[0]);
        var settings = lines.TakeWhile(l => !l.StartsWith("signature()", StringComparison.Ordinal))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l != "set -euo pipefail")
            .Select(l => l.Split('#')[0].TrimEnd())
            .ToList();
        Assert.Equal(
            [
                "EXPERIMENT=loss-function-mismatch", "PROFILE=smoke", "SHARDS=3", "RUN_ARGS=(--seeds 40 --dataset svhn)",
                "TASK_ARGS=(--workers 4)",
                "RUN_DIR='/data/runs/x y'", "REPORT=1", "NOTEBOOKS=/src/workbook/notebooks", "PARTITION=gpu", "GRES=gpu:1",
                "TIME=12:00:00", "SBATCH_ARGS=(--account=lab)", "WORKBOOK=(dotnet '/opt/work book/workbook.dll')",
            ],
            settings);
        // Nothing below the settings names a path or a value of this job: it all comes from the variables.
        var body = string.Join('\n', lines.SkipWhile(l => !l.StartsWith("signature()", StringComparison.Ordinal)));
        foreach (var value in new[] { "/data/runs", "loss-function-mismatch", "smoke", "svhn", "gpu", "12:00", "lab", "/opt/", "--workers" })
        {
            Assert.DoesNotContain(value, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_script_passes_bash_syntax_check()
    {
        using var folder = new TempFolder();
        var path = folder.File("slurm.sh");
        File.WriteAllText(path, SlurmScript.Render(SlurmJobs.Sample(folder.Path) with { RunArguments = ["--seeds", "2"] }));
        Assert.Equal("", Bash($"bash -n {SlurmScript.Quote(path)} && echo -n", null));
    }

    [Fact]
    public void A_reserved_run_option_cannot_be_passed_through()
    {
        var job = SlurmJobs.Sample("/runs/x") with { RunArguments = ["--seeds", "3", "--store=/tmp/other.db"] };
        var error = Assert.Throws<ArgumentException>(() => SlurmScript.Render(job));
        Assert.Contains("--store=/tmp/other.db", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "/runs/x")]
    [InlineData(2, "runs/x")]
    public void Shards_below_one_or_a_relative_run_folder_are_rejected(int shards, string runDirectory) =>
        Assert.Throws<ArgumentException>(() => SlurmScript.Render(SlurmJobs.Sample(runDirectory) with { Shards = shards }));

    /// <summary>Runs <paramref name="command"/> in bash and returns its standard output; fails on a non-zero exit.</summary>
    internal static string Bash(string command, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.ArgumentList.Add("bash");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"bash exited with {process.ExitCode}: {error.Result}");
        return output;
    }
}
