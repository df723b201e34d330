using Entanglement.Tensors;

namespace Entanglement.Data;

/// <summary>The paper's two label-noise processes (Sections 4.1.1 and 4.2).</summary>
public static class LabelNoise
{
    /// <summary>
    /// Loss-function-mismatch noise (Section 4.1.1). Per digit, a permutation from <c>rng.Fork(digit)</c>: the first
    /// k = round(<paramref name="cleanFraction"/>·n) images form the clean block, the next r·k the noisy block, in which
    /// every second image (in permutation order, so exactly half, rounded up) has its label swapped with its partner
    /// in <paramref name="swapPairs"/> (default 1↔3 and 7↔9). For one rng, the blocks for a larger r contain those for a
    /// smaller r. Expects digit labels (for example a class-balanced {1,3,7,9} set).
    /// </summary>
    public static LossMismatchSet LossMismatch(ImageDataset dataset, double cleanFraction, int r, Rng rng,
        IReadOnlyList<(int A, int B)>? swapPairs = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegative(r);
        if (!(cleanFraction > 0 && cleanFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(cleanFraction), $"LossMismatch: clean fraction {cleanFraction} must be in (0, 1].");
        }

        DatasetSampling.RequireNonEmpty(dataset, nameof(LossMismatch));
        var pairs = swapPairs ?? [(1, 3), (7, 9)];
        var partner = new Dictionary<int, int>();
        foreach (var (a, b) in pairs)
        {
            if (a == b || !partner.TryAdd(a, b) || !partner.TryAdd(b, a))
            {
                throw new ArgumentException($"LossMismatch: swap pair ({a}, {b}) is invalid or overlaps another.", nameof(swapPairs));
            }
        }

        var chosen = new List<(int Index, bool Noisy, int Label)>();
        var swapped = 0;
        foreach (var label in dataset.Classes())
        {
            var members = dataset.IndicesOf(label);
            var order = rng.Fork(label).Permutation(members.Length);
            var k = (int)Math.Round(cleanFraction * members.Length, MidpointRounding.AwayFromZero);
            if ((long)k * (r + 1) > members.Length)
            {
                throw new ArgumentException(
                    $"LossMismatch: digit {label} has {members.Length} images, fewer than the clean block {k} plus r={r} times it.",
                    nameof(r));
            }

            for (var i = 0; i < k * (r + 1); i++)
            {
                var noisy = i >= k;
                var swap = noisy && (i - k) % 2 == 0 && partner.ContainsKey(label);
                swapped += swap ? 1 : 0;
                chosen.Add((members[order[i]], noisy, swap ? partner[label] : label));
            }
        }

        chosen.Sort((x, y) => x.Index.CompareTo(y.Index));
        var subset = dataset.Subset([.. chosen.Select(c => c.Index)]);
        var train = subset.WithLabels([.. chosen.Select(c => c.Label)]).WithLabelsAsTargets();
        var noisyCount = chosen.Count(c => c.Noisy);
        return new LossMismatchSet(train, subset.Labels, [.. chosen.Select(c => c.Noisy)], chosen.Count - noisyCount, noisyCount, swapped);
    }

    /// <summary>
    /// Anti-correlated noise (Section 4.2): among the images labelled <paramref name="classA"/> or <paramref name="classB"/>
    /// (N of them), swap A↔B for the floor(p/2·N) hardest, hardness descending (ties: lower index first).
    /// </summary>
    /// <param name="dataset">Images with digit labels.</param>
    /// <param name="hardness">One value per image of <paramref name="dataset"/>, e.g. <see cref="LossCurveArea"/>.</param>
    /// <param name="p">The noise level in [0, 1].</param>
    /// <param name="classA">First class (1 in the paper).</param>
    /// <param name="classB">Second class (7 in the paper).</param>
    public static ImageDataset FlipHardest(ImageDataset dataset, IReadOnlyList<double> hardness, double p, int classA = 1, int classB = 7)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(hardness);
        if (hardness.Count != dataset.Count)
        {
            throw new ArgumentException($"FlipHardest: {hardness.Count} hardness values for {dataset.Count} images.", nameof(hardness));
        }

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), $"FlipHardest: p = {p} must be in [0, 1].");
        }

        if (classA == classB)
        {
            throw new ArgumentException("FlipHardest: the two classes must differ.", nameof(classB));
        }

        var candidates = Enumerable.Range(0, dataset.Count)
            .Where(i => dataset.LabelArray[i] == classA || dataset.LabelArray[i] == classB).ToArray();
        if (candidates.Length == 0)
        {
            throw new ArgumentException($"FlipHardest: no image of class {classA} or {classB}.", nameof(dataset));
        }

        var count = (int)Math.Floor(p / 2 * candidates.Length);
        var labels = dataset.LabelArray.ToArray();
        foreach (var i in candidates.OrderByDescending(i => hardness[i]).ThenBy(i => i).Take(count))
        {
            labels[i] = labels[i] == classA ? classB : classA;
        }

        return dataset.WithLabels(labels);
    }
}
