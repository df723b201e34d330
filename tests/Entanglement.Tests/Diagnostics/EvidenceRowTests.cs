using Entanglement.Diagnostics;

namespace Entanglement.Tests.Diagnostics;

public sealed class EvidenceRowTests
{
    [Fact]
    public void Two_seeds_a_side_read_as_mean_sd_difference_and_welch_p()
    {
        var row = EvidenceRow.Of("loss", [1.0, 3.0], [4.0, 6.0]);

        var text = row.Describe();

        Assert.StartsWith("2 ± 1.4142 → 5 ± 1.4142 (Δ +3, p ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("undefined", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_side_and_a_single_seed_say_so_instead_of_NaN()
    {
        var exact = EvidenceRow.WithTest("miss rate where error rose", [], [0.25], double.NaN, "Fisher exact, pooled");

        Assert.Equal("undefined (no values) → 0.25 (one seed) (Δ undefined, p undefined: no counts to test, Fisher exact, pooled)",
            exact.Describe());
    }

    [Fact]
    public void Welch_with_one_seed_a_side_names_the_missing_seeds()
    {
        var text = EvidenceRow.Of("loss", [1.0], [2.0]).Describe();

        Assert.Equal("1 (one seed) → 2 (one seed) (Δ +1, p undefined: Welch's test needs at least two seeds on each side)", text);
    }
}
