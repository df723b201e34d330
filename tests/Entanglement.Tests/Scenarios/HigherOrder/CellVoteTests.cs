using Entanglement.Scenarios.HigherOrder;

namespace Entanglement.Tests.Scenarios.HigherOrder;

public sealed class CellVoteTests
{
    [Fact]
    public void Majority_takes_two_of_three()
    {
        int[][] answers = [[1, 1, 0, 0], [1, 0, 1, 0], [0, 0, 1, 1]];
        Assert.Equal([1, 0, 1, 0], CellVote.Majority(answers));
    }

    [Fact]
    public void Fit_learns_to_overrule_the_vote_where_the_training_cells_say_so()
    {
        // Cell (1,1,0) holds three examples labelled 0 and one labelled 1: the rule says 0 although the vote says 1.
        int[][] fit = [[1, 1, 1, 1, 0], [1, 1, 1, 1, 0], [0, 0, 0, 0, 0]];
        int[] labels = [0, 0, 0, 1, 0];
        int[][] apply = [[1, 0, 1], [1, 0, 0], [0, 0, 1]];
        // (1,1,0) → 0 (fitted); (0,0,0) → 0 (fitted); (1,0,1) unseen → the vote, 1.
        Assert.Equal([0, 0, 1], CellVote.Fit(fit, labels, apply));
    }

    [Fact]
    public void A_tied_cell_falls_back_to_the_vote()
    {
        int[][] fit = [[1, 1], [1, 1], [0, 0]];
        Assert.Equal([1], CellVote.Fit(fit, [0, 1], [[1], [1], [0]]));
    }

    [Fact]
    public void Error_counts_disagreements()
    {
        Assert.Equal(0.25, CellVote.Error([1, 0, 1, 1], [1, 0, 0, 1]));
        Assert.Throws<ArgumentException>(() => CellVote.Error([1], [1, 0]));
    }
}
