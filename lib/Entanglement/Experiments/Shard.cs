using System.Globalization;

namespace Entanglement.Experiments;

/// <summary>
/// One of <see cref="Count"/> disjoint parts of a sweep, for job arrays (Slurm, Kubernetes indexed jobs, CI
/// matrices): shard k holds the runs whose index in <see cref="Sweep{TPoint}.Runs()"/> is k modulo n. The index is
/// zero-based, as <c>SLURM_ARRAY_TASK_ID</c> with <c>--array=0-(n-1)</c> and <c>JOB_COMPLETION_INDEX</c>.
/// </summary>
/// <param name="Index">Zero-based shard index k, 0 ≤ k &lt; n.</param>
/// <param name="Count">Number of shards n ≥ 1.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole sweep as one shard.</summary>
    public static Shard All => new(0, 1);

    /// <summary>Whether the run at position <paramref name="runIndex"/> of the sweep belongs to this shard.</summary>
    public bool Includes(int runIndex)
    {
        Validate();
        return runIndex % Count == Index;
    }

    /// <summary>Parses <c>k/n</c>, e.g. <c>0/4</c> … <c>3/4</c>.</summary>
    public static Shard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n < 1 || k >= n)
        {
            throw new FormatException($"Shard '{text}' is not k/n with 0 <= k < n (zero-based, e.g. 0/4 ... 3/4).");
        }

        return new Shard(k, n);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    private void Validate()
    {
        if (Count < 1 || Index < 0 || Index >= Count)
        {
            throw new InvalidOperationException($"Shard {Index}/{Count} is invalid: needs 0 <= k < n.");
        }
    }
}
