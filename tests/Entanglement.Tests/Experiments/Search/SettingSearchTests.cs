using Entanglement.Experiments.Search;
using Entanglement.Scenarios;

namespace Entanglement.Tests.Experiments.Search;

/// <summary>The search's plumbing on the smoke profile: every trial recorded, in order; resumable; seeds checked.</summary>
public sealed class SettingSearchTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(SearchSpaces.DataDistribution)]
    [InlineData(SearchSpaces.HypothesisSpace)]
    public void The_record_lists_every_candidate_tried_in_order(string experiment)
    {
        var path = _folder.File(experiment + ".json");
        var record = SettingSearch.Run(Request(experiment, path, [0, 1]));
        var names = SearchSpaces.For(experiment, Profile.Smoke).Select(c => c.Name).ToList();
        Assert.Equal(names, record.Trials.Select(t => t.Candidate));

        var saved = SearchRecord.Load(path);
        Assert.Equal(names, saved.Trials.Select(t => t.Candidate));
        Assert.Equal([0, 1], saved.Seeds);
        Assert.Equal(("smoke", experiment), (saved.Profile, saved.Experiment));
        foreach (var trial in saved.Trials)
        {
            // The summary numbers are the means of the stored per-seed losses at the sweep's endpoints.
            Assert.Equal([0, 1], trial.Seeds);
            Assert.Equal(trial.Upstream[0].Average(), trial.UpstreamBefore, 12);
            Assert.Equal(trial.Downstream[^1].Average(), trial.DownstreamAfter, 12);
            Assert.NotNull(trial.DownstreamP);
            Assert.Contains(trial.Verdict, new[] { SearchVerdict.Significant, SearchVerdict.Trend, SearchVerdict.NoUpstreamImprovement, SearchVerdict.NotWorse });
        }
    }

    [Fact]
    public void A_second_search_appends_only_new_candidates_and_keeps_the_first_trials()
    {
        var path = _folder.File("resume.json");
        var names = SearchSpaces.For(SearchSpaces.HypothesisSpace, Profile.Smoke).Select(c => c.Name).ToList();
        var first = SettingSearch.Run(Request(SearchSpaces.HypothesisSpace, path, [0]) with { Only = [names[1]] });
        Assert.Equal([names[1]], first.Trials.Select(t => t.Candidate));
        Assert.Null(first.Trials[0].DownstreamP);

        var second = SettingSearch.Run(Request(SearchSpaces.HypothesisSpace, path, [0]) with { Only = [names[0], names[1]] });
        Assert.Equal([names[1], names[0]], second.Trials.Select(t => t.Candidate));
        Assert.Equal(first.Trials[0].FinishedUtc, second.Trials[0].FinishedUtc);
    }

    [Fact]
    public void Seeds_outside_0_to_4_are_rejected_before_anything_runs()
    {
        var path = _folder.File("held-out.json");
        Assert.Throws<ArgumentException>(() => SettingSearch.Run(Request(SearchSpaces.DataDistribution, path, [4, 5])));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_record_of_other_seeds_is_not_mixed_into()
    {
        var path = _folder.File("mixed.json");
        var names = SearchSpaces.For(SearchSpaces.HypothesisSpace, Profile.Smoke).Select(c => c.Name).ToList();
        SettingSearch.Run(Request(SearchSpaces.HypothesisSpace, path, [0]) with { Only = [names[0]] });
        Assert.Throws<InvalidOperationException>(() => SettingSearch.Run(Request(SearchSpaces.HypothesisSpace, path, [1]) with { Only = [names[0]] }));
    }

    [Fact]
    public void Unknown_candidates_and_the_paper_profile_are_refused()
    {
        var path = _folder.File("unknown.json");
        Assert.Throws<ArgumentException>(() => SettingSearch.Run(Request(SearchSpaces.HypothesisSpace, path, [0]) with { Only = ["no-such"] }));
        Assert.Throws<ArgumentException>(() => SearchSpaces.For(SearchSpaces.HypothesisSpace, Profile.Paper));
        Assert.Throws<ArgumentException>(() => SearchSpaces.For("loss-function-mismatch", Profile.Smoke));
    }

    [Fact]
    public void Best_prefers_a_significant_verdict_then_the_larger_downstream_worsening()
    {
        var record = new SearchRecord { Experiment = "x", Profile = "quick", Seeds = [0], Command = "c" }
            .With(Trial("trend-big", SearchVerdict.Trend, 0.10, 0.30))
            .With(Trial("significant", SearchVerdict.Significant, 0.10, 0.15))
            .With(Trial("not-worse", SearchVerdict.NotWorse, 0.10, 0.05));
        Assert.Equal("significant", record.Best!.Candidate);
        Assert.Equal("trend-big", (record with { Trials = [record.Trials[0], record.Trials[2]] }).Best!.Candidate);
        Assert.Equal("trend-big", record.BestExcept(["significant"])!.Candidate);
        Assert.Equal(record.Best, record.BestExcept([]));
        Assert.Null(record.BestExcept(record.Trials.Select(t => t.Candidate)));
        var table = SearchTables.Trials(record);
        Assert.Equal(3, table.Rows.Length);
        Assert.Contains("not computed in this run", table.Caption, StringComparison.Ordinal);
    }

    private static SearchRequest Request(string experiment, string path, IReadOnlyList<int> seeds) =>
        new() { Experiment = experiment, Profile = Profile.Smoke, Seeds = seeds, OutPath = path, Command = "test" };

    private static SearchTrial Trial(string name, string verdict, double before, double after) => new()
    {
        Candidate = name,
        Rationale = "r",
        Settings = "s",
        Knob = "p",
        KnobValues = [10, 100],
        Seeds = [0],
        Upstream = [[0.2], [0.1]],
        Downstream = [[before], [after]],
        UpstreamBefore = 0.2,
        UpstreamAfter = 0.1,
        DownstreamBefore = before,
        DownstreamAfter = after,
        Verdict = verdict,
        Seconds = 1,
        FinishedUtc = DateTimeOffset.UnixEpoch,
    };
}
