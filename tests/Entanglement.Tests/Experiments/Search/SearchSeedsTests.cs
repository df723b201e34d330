using Entanglement.Experiments.Search;
using Entanglement.Scenarios;
using Entanglement.Tests.Notebooks;

namespace Entanglement.Tests.Experiments.Search;

/// <summary>A search sees seeds 0–4 only; the quick presets it chose are confirmed on 5–9.</summary>
public sealed class SearchSeedsTests
{
    [Theory]
    [InlineData("0-4", new[] { 0, 1, 2, 3, 4 })]
    [InlineData("0-2", new[] { 0, 1, 2 })]
    [InlineData("3,1, 1", new[] { 1, 3 })]
    [InlineData("4", new[] { 4 })]
    public void Parses_ranges_and_lists_in_order(string text, int[] expected) => Assert.Equal(expected, SearchSeeds.Parse(text));

    [Theory]
    [InlineData("0-5")]
    [InlineData("5-9")]
    [InlineData("2,7")]
    [InlineData("10")]
    public void Rejects_seeds_outside_0_to_4(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => SearchSeeds.Parse(text));
        Assert.Contains("seeds 0–4 only", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4-2")]
    [InlineData("a")]
    [InlineData("-1")]
    public void Rejects_malformed_seed_lists(string text) => Assert.Throws<ArgumentException>(() => SearchSeeds.Parse(text));

    [Fact]
    public void Formats_a_contiguous_run_as_a_range() =>
        Assert.Equal(("0-4", "0,2"), (SearchSeeds.Format([0, 1, 2, 3, 4]), SearchSeeds.Format([0, 2])));

    [Fact]
    public void Quick_presets_use_the_held_out_seeds_only()
    {
        IReadOnlyList<int>[] quick =
        [
            DataDistributionMismatch.Config.For(Profile.Quick).Seeds,
            HypothesisSpaceMismatch.Config.For(Profile.Quick).Seeds,
        ];
        foreach (var seeds in quick)
        {
            Assert.Equal([5, 6, 7, 8, 9], seeds);
            Assert.Empty(seeds.Intersect(SearchSeeds.Search));
        }
    }

    [Fact]
    public void Quick_presets_are_the_chosen_candidates_with_the_held_out_seeds()
    {
        var dd = DataDistributionSearchSpace.Find(DataDistributionSearchSpace.Chosen).Config;
        var ddPreset = DataDistributionMismatch.Config.For(Profile.Quick);
        Assert.Equal(dd, ddPreset with { Seeds = dd.Seeds });
        var hs = HypothesisSpaceSearchSpace.Find(HypothesisSpaceSearchSpace.Chosen).Config;
        var hsPreset = HypothesisSpaceMismatch.Config.For(Profile.Quick);
        Assert.Equal(hs, hsPreset with { Seeds = hs.Seeds });
    }

    [Theory]
    [InlineData(SearchSpaces.DataDistribution)]
    [InlineData(SearchSpaces.HypothesisSpace)]
    public void The_chosen_candidate_is_the_committed_records_best_trial_on_search_seeds(string experiment)
    {
        var record = SearchRecord.Load(Path.Combine(OfficialKernel.Root, SearchRecord.Folder, experiment + ".json"));
        var chosen = experiment == SearchSpaces.DataDistribution ? DataDistributionSearchSpace.Chosen : HypothesisSpaceSearchSpace.Chosen;
        Assert.Equal((experiment, "quick"), (record.Experiment, record.Profile));
        Assert.Empty(record.Seeds.Except(SearchSeeds.Search));
        Assert.Equal(chosen, record.BestExcept(SearchSpaces.OverBudget(experiment).Keys)!.Candidate);
        var names = SearchSpaces.For(experiment, Profile.Quick).Select(c => c.Name).ToList();
        Assert.All(record.Trials, t => Assert.Contains(t.Candidate, names));
    }
}
