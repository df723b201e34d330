using Entanglement.Tensors;

namespace Entanglement.Scenarios.Fairness;

/// <summary>
/// Group reweighting (importance weighting by group, as in Kamiran &amp; Calders, 2012, for the group attribute alone):
/// an example of group g gets weight ∝ n_g^(−λ). λ = 0 is plain empirical risk minimisation, λ = 1 gives every group
/// the same total weight. The weights are realised by resampling a training set of the same size, so any trainer
/// applies them: group g contributes round(N · n_g^(1−λ) / Σ_h n_h^(1−λ)) examples, each of its examples
/// ⌊that / n_g⌋ times plus a seeded random remainder without replacement.
/// </summary>
public static class GroupReweighting
{
    /// <summary>Each group's share of the reweighted training set, by group id (ascending).</summary>
    public static IReadOnlyDictionary<int, double> Shares(IReadOnlyList<int> groups, double lambda)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (!(lambda >= 0 && lambda <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), $"GroupReweighting: λ = {lambda} must be in [0, 1].");
        }

        var counts = groups.GroupBy(g => g).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => (double)g.Count());
        var total = counts.Values.Sum(n => Math.Pow(n, 1 - lambda));
        return counts.ToDictionary(c => c.Key, c => Math.Pow(c.Value, 1 - lambda) / total);
    }

    /// <summary>Indices into the training set (sorted, repeats allowed) that realise the weights for <paramref name="lambda"/>.</summary>
    public static int[] Resample(IReadOnlyList<int> groups, double lambda, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(rng);
        var shares = Shares(groups, lambda);
        var indices = new List<int>(groups.Count);
        foreach (var (group, share) in shares)
        {
            var members = Enumerable.Range(0, groups.Count).Where(i => groups[i] == group).ToArray();
            var target = (int)Math.Round(groups.Count * share, MidpointRounding.AwayFromZero);
            for (var copy = 0; copy < target / members.Length; copy++)
            {
                indices.AddRange(members);
            }

            var order = rng.Fork(group).Permutation(members.Length);
            indices.AddRange(order.Take(target % members.Length).Select(k => members[k]));
        }

        indices.Sort();
        return [.. indices];
    }
}
