using System.Globalization;
using Entanglement.Experiments;

namespace Workbook.Commands;

/// <summary>Parses <c>--shard k/n</c> (1-based k, as job arrays number tasks) into a <see cref="Shard"/>.</summary>
internal static class ShardOption
{
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && k >= 1 && k <= n)
        {
            return new Shard(k - 1, n);
        }

        throw new ArgumentException($"--shard '{text}': expected k/n with 1 ≤ k ≤ n, e.g. 2/4.");
    }
}
