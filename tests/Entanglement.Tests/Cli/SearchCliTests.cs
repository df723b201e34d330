using Entanglement.Experiments.Search;
using Entanglement.Tests.Experiments;

namespace Entanglement.Tests.Cli;

/// <summary><c>workbook search</c>: held-out seeds are a usage error; a smoke search writes a record of every trial.</summary>
public sealed class SearchCliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("0-5")]
    [InlineData("5-9")]
    public void Held_out_seeds_are_a_usage_error(string seeds)
    {
        var path = _folder.File("record.json");
        var (code, _, stderr) = WorkbookProcess.Run(["search", "hypothesis-space-mismatch", "--profile", "smoke", "--seeds", seeds, "--out", path]);
        Assert.Equal(2, code);
        Assert.Contains("seeds 0–4 only", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_smoke_search_records_the_candidate_it_ran_with_its_command()
    {
        var path = _folder.File("record.json");
        var (code, stdout, stderr) = WorkbookProcess.Run(
            ["search", "hypothesis-space-mismatch", "--profile", "smoke", "--seeds", "0", "--candidate", "public-code-depth-1-2", "--out", path]);
        Assert.True(code == 0, stderr);
        var record = SearchRecord.Load(path);
        Assert.Equal(["public-code-depth-1-2"], record.Trials.Select(t => t.Candidate));
        Assert.Equal([0], record.Seeds);
        Assert.Contains("--seeds 0", record.Command, StringComparison.Ordinal);
        Assert.Contains("public-code-depth-1-2: ", stdout, StringComparison.Ordinal);
    }
}
