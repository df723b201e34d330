using Entanglement.Diagnostics;

namespace Entanglement.Scenarios.HigherOrder;

/// <summary>
/// How the three upstreams' errors combine under the retrained downstream, for one subset of improved upstreams:
/// the share of test examples on which k = 0, 1, 2, 3 of the upstreams it reads are wrong, and the downstream's error
/// on them, over seeds. <see cref="Contribution"/>[k] = mean over seeds of share_k × error_k, so the contributions sum to
/// the downstream's mean error: a vote fails where two or three err, and an improvement that moves examples from k ≤ 1
/// to k ≥ 2 can raise the downstream's error although each upstream got better.
/// </summary>
/// <param name="Subset">The improved upstreams.</param>
/// <param name="Seeds">Seeds with recorded outcomes.</param>
/// <param name="Share">Mean share of test examples with k upstream errors, k = 0…3.</param>
/// <param name="ErrorWhere">The downstream's error on those examples, pooled over seeds (NaN where there are none).</param>
/// <param name="Contribution">Mean over seeds of share_k × error_k.</param>
public sealed record ErrorCombination(UpstreamSubset Subset, IReadOnlyList<int> Seeds, double[] Share, double[] ErrorWhere, double[] Contribution)
{
    /// <summary>The downstream's mean test error, Σ_k <see cref="Contribution"/>[k].</summary>
    public double Downstream => Contribution.Sum();

    /// <summary>Vertex name of upstream i (0-based) noisy or clean, e.g. <c>u2[clean]</c>.</summary>
    public static string UpstreamVertex(int index, bool clean) => $"u{index + 1}[{(clean ? "clean" : "noisy")}]";

    /// <summary>Vertex name of the retrained downstream over a subset, e.g. <c>w[{u1,u3}]</c>.</summary>
    public static string DownstreamVertex(UpstreamSubset subset) => $"w[{subset}]";

    /// <summary>The per-example outcomes one seed keeps: example id = index in the test set, class = the digit.</summary>
    public static IReadOnlyList<VertexOutcomes> Record(
        IReadOnlyList<int[]> noisy, IReadOnlyList<int[]> clean, IReadOnlyList<int[]> downstream, int[] labels, int[] digits)
    {
        ArgumentNullException.ThrowIfNull(noisy);
        ArgumentNullException.ThrowIfNull(clean);
        ArgumentNullException.ThrowIfNull(downstream);
        int[] ids = [.. Enumerable.Range(0, labels.Length)];
        VertexOutcomes Vertex(string name, int[] predictions) =>
            VertexOutcomes.Create(name, ids, labels, digits, predictions, [.. predictions.Select((p, i) => p == labels[i] ? 0f : 1f)]);
        var outcomes = new List<VertexOutcomes>();
        for (var i = 0; i < UpstreamSubset.Upstreams; i++)
        {
            outcomes.Add(Vertex(UpstreamVertex(i, clean: false), noisy[i]));
            outcomes.Add(Vertex(UpstreamVertex(i, clean: true), clean[i]));
        }

        outcomes.AddRange(UpstreamSubset.All.Select((s, k) => Vertex(DownstreamVertex(s), downstream[k])));
        return outcomes;
    }

    /// <summary>The combination for every subset (<see cref="UpstreamSubset.All"/> order) from the seeds that recorded outcomes.</summary>
    public static IReadOnlyList<ErrorCombination> Of(IReadOnlyList<(int Seed, IReadOnlyList<VertexOutcomes> Outcomes)> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0)
        {
            return [];
        }

        return [.. UpstreamSubset.All.Select(subset =>
        {
            var share = new double[UpstreamSubset.Upstreams + 1];
            var contribution = new double[share.Length];
            var wrong = new long[share.Length];
            var count = new long[share.Length];
            foreach (var (_, outcomes) in seeds)
            {
                var byName = outcomes.ToDictionary(o => o.Vertex, StringComparer.Ordinal);
                var w = byName[DownstreamVertex(subset)];
                var ups = Enumerable.Range(0, UpstreamSubset.Upstreams).Select(i => byName[UpstreamVertex(i, subset.Contains(i))]).ToArray();
                var seedCount = new long[share.Length];
                var seedWrong = new long[share.Length];
                for (var r = 0; r < w.Count; r++)
                {
                    var k = ups.Count(u => !u.IsCorrect(r));
                    seedCount[k]++;
                    seedWrong[k] += w.IsCorrect(r) ? 0 : 1;
                }

                for (var k = 0; k < share.Length; k++)
                {
                    share[k] += seedCount[k] / (double)w.Count / seeds.Count;
                    contribution[k] += seedWrong[k] / (double)w.Count / seeds.Count;
                    wrong[k] += seedWrong[k];
                    count[k] += seedCount[k];
                }
            }

            double[] where = [.. wrong.Select((x, k) => count[k] == 0 ? double.NaN : x / (double)count[k])];
            return new ErrorCombination(subset, [.. seeds.Select(s => s.Seed)], share, where, contribution);
        })];
    }
}
