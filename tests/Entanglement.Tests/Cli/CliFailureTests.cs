using Entanglement.Experiments;
using Entanglement.Tensors;
using Entanglement.Tests.Experiments;

namespace Entanglement.Tests.Cli;

/// <summary>
/// Every expected failure of the CLI prints one line on standard error, saying what is wrong and what to do, and
/// exits with its documented code (1 failed work, 2 usage error); no stack trace unless <c>--verbose</c>.
/// </summary>
public sealed class CliFailureTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Svhn_before_downloading_says_to_download_it()
    {
        var (code, line) = Fail(
            ["run", "loss-function-mismatch", "--profile", "smoke", "--dataset", "svhn", "--store", Store()],
            new Dictionary<string, string> { ["XDG_CACHE_HOME"] = _folder.File("cache") });
        Assert.Equal(1, code);
        Assert.Contains("SVHN file not found", line, StringComparison.Ordinal);
        Assert.Contains("workbook data download svhn", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_notebook_names_the_file_and_the_problem()
    {
        var notebook = _folder.File("broken.ipynb");
        File.WriteAllText(notebook, """{ "cells": [ { "cell_type": "code", "source": [ "1 + """);
        var (code, line) = Fail(["notebook", "run", notebook, "--output", _folder.File("out")]);
        Assert.Equal(1, code);
        Assert.Contains("broken.ipynb: not valid JSON", line, StringComparison.Ordinal);
        Assert.Contains("fix the file", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_of_random_bytes_is_reported_as_not_a_store()
    {
        var path = _folder.File("random.db");
        var rng = new Rng(seed: 19);
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 8192).Select(_ => (byte)rng.NextInt(256))]);
        var (code, line) = Fail(["results", "show", "--store", path]);
        Assert.Equal(1, code);
        Assert.Contains("random.db' is not a SQLite database or is corrupt", line, StringComparison.Ordinal);
        Assert.Contains("pass --store with a valid store", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_store_is_reported_as_corrupt()
    {
        var path = _folder.File("truncated.db");
        using (var store = ResultsStore.Open(path))
        {
            var sweep = new Sweep<int>("simulated", "test", [.. Enumerable.Range(0, 40)], [0, 1, 2]);
            new SweepRunner(store).Run(sweep, run => new RunOutcome(new Dictionary<string, double> { ["loss"] = run.Point }));
        }

        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 16384, $"the store is only {bytes.Length} bytes");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var (code, line) = Fail(["results", "show", "--store", path]);
        Assert.Equal(1, code);
        Assert.Contains("truncated.db' is not a SQLite database or is corrupt", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_store_says_how_to_create_one()
    {
        var (code, line) = Fail(["results", "show", "--store", _folder.File("missing.db")]);
        Assert.Equal(1, code);
        Assert.Contains("missing.db' does not exist", line, StringComparison.Ordinal);
        Assert.Contains("workbook run", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--profile fast", "--profile: Unknown profile 'fast'; expected one of: smoke, quick, paper.")]
    [InlineData("--seeds -3", "--seeds must be a positive whole number")]
    [InlineData("--seeds 0", "--seeds must be a positive whole number")]
    [InlineData("--shard 5/3", "--shard: Shard '5/3' is not k/n with 0 <= k < n")]
    [InlineData("--workers 0", "--workers must be a positive whole number")]
    [InlineData("--dataset mnist", "--dataset: unknown data set 'mnist'; expected one of: digits, svhn.")]
    public void A_bad_option_value_is_a_usage_error_naming_the_option(string option, string expected)
    {
        var (code, line) = Fail(["run", "loss-function-mismatch", .. option.Split(' '), "--store", Store()]);
        Assert.Equal(2, code);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.EndsWith("(see `workbook run --help`)", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Store()), "a usage error must not start any work");
    }

    [Fact]
    public void An_unknown_experiment_lists_the_known_ones()
    {
        var (code, line) = Fail(["run", "nope", "--store", Store()]);
        Assert.Equal(2, code);
        Assert.Contains("Unknown experiment 'nope'; expected one of: toy-hypothesis-space", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report --plotly nothere.js", 2, "--plotly: expected 'offline', 'cdn' or an existing plotly.min.js")]
    [InlineData("report --profile fast", 2, "--profile: Unknown profile 'fast'")]
    [InlineData("notebook run nothere.ipynb", 1, "No notebook or folder at 'nothere.ipynb'; check the path")]
    [InlineData("data download mnist", 2, "Argument 'mnist' not recognized. Must be one of: 'svhn'")]
    [InlineData("frobnicate", 2, "Unrecognized command or argument 'frobnicate'")]
    public void Other_commands_fail_in_one_line_too(string command, int exitCode, string expected)
    {
        var (code, line) = Fail([.. command.Split(' '), .. command.StartsWith("report", StringComparison.Ordinal)
            ? new[] { "--out", _folder.File("reports") } : []]);
        Assert.Equal(exitCode, code);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_adds_the_stack_trace_after_the_line()
    {
        var (code, _, stderr) = WorkbookProcess.Run(["results", "show", "--store", _folder.File("missing.db"), "--verbose"]);
        Assert.Equal(1, code);
        var lines = WorkbookProcess.Lines(stderr);
        Assert.StartsWith("workbook: Results store", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("at Entanglement.Experiments.ResultsStore", StringComparison.Ordinal));
    }

    private string Store() => _folder.File("store.db");

    private static (int Code, string Line) Fail(string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (code, _, stderr) = WorkbookProcess.Run(arguments, environment);
        var lines = WorkbookProcess.Lines(stderr);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got {lines.Length}:\n{stderr}");
        Assert.StartsWith("workbook: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", lines[0], StringComparison.Ordinal);
        return (code, lines[0]);
    }
}
