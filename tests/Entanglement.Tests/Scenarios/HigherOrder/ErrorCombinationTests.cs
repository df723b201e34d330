using Entanglement.Diagnostics;
using Entanglement.Scenarios;
using Entanglement.Scenarios.HigherOrder;

namespace Entanglement.Tests.Scenarios.HigherOrder;

/// <summary>The error combination on six hand-made examples whose upstream errors and majority vote are known.</summary>
public sealed class ErrorCombinationTests
{
    // Labels all 0. Noisy u1 errs on examples 0 and 1, u2 on 1 and 2, u3 on 3; clean upstreams never err.
    private static readonly int[] Labels = [0, 0, 0, 0, 0, 0];
    private static readonly int[][] Noisy = [[1, 1, 0, 0, 0, 0], [0, 1, 1, 0, 0, 0], [0, 0, 0, 1, 0, 0]];
    private static readonly int[][] Clean = [[0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]];

    [Fact]
    public void Shares_errors_and_contributions_match_a_hand_count()
    {
        var combinations = ErrorCombination.Of([(0, Outcomes())]);

        var none = combinations[0];
        Assert.Equal(UpstreamSubset.None, none.Subset);
        Assert.Equal([2 / 6.0, 3 / 6.0, 1 / 6.0, 0], none.Share);
        Assert.Equal(0, none.ErrorWhere[1]);
        Assert.Equal(1, none.ErrorWhere[2]);
        Assert.True(double.IsNaN(none.ErrorWhere[3]));
        Assert.Equal(1 / 6.0, none.Downstream, 12);

        // Improving u2 alone leaves u1 wrong on 0 and 1 and u3 on 3: no example has two errors.
        var u2 = combinations.Single(c => c.Subset == new UpstreamSubset(2));
        Assert.Equal([3 / 6.0, 3 / 6.0, 0, 0], u2.Share);
        Assert.Equal(0, u2.Downstream);
        Assert.Equal([1.0, 0, 0, 0], combinations[^1].Share);
    }

    [Fact]
    public void Seeds_without_outcomes_read_as_not_recorded()
    {
        var why = HigherOrderWhy.Of(Profile.Smoke, [(0, Outcomes()), (1, [])]);

        Assert.Equal([0], why.RecordedSeeds);
        Assert.Equal([1], why.UnrecordedSeeds);
        Assert.Equal(8, why.Combinations.Count);
        Assert.Contains("not recorded for seeds 1", why.Summary, StringComparison.Ordinal);
        Assert.Empty(HigherOrderWhy.Of(Profile.Smoke, [(1, [])]).Combinations);
    }

    /// <summary>The downstream of every subset is the plain majority of its three answers.</summary>
    private static IReadOnlyList<VertexOutcomes> Outcomes()
    {
        int[][] downstream = [.. UpstreamSubset.All.Select(s =>
        {
            var answers = Enumerable.Range(0, 3).Select(i => s.Contains(i) ? Clean[i] : Noisy[i]).ToArray();
            return CellVote.Majority(answers);
        })];
        return ErrorCombination.Record(Noisy, Clean, downstream, Labels, [1, 1, 1, 7, 7, 7]);
    }
}
