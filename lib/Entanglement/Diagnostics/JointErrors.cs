namespace Entanglement.Diagnostics;

/// <summary>
/// How two upstreams' errors combine on one system's test examples, and where the downstream errs: the correlation
/// (φ coefficient) of the two error indicators, and the downstream's error rate on the examples both, exactly one,
/// or neither upstream got wrong (paper §4.2: with anti-correlated errors the downstream learns to cancel errors
/// that co-occur; once one upstream is fixed, the other's errors stand alone).
/// </summary>
/// <param name="Correlation">φ of the two upstreams' error indicators (0 when one never or always errs: nothing co-varies).</param>
/// <param name="Both">Share of examples both upstreams got wrong.</param>
/// <param name="One">Share exactly one got wrong.</param>
/// <param name="DownstreamErrorWhenBoth">Downstream error on examples both got wrong (NaN if none).</param>
/// <param name="DownstreamErrorWhenOne">Downstream error on examples exactly one got wrong.</param>
/// <param name="DownstreamErrorWhenNeither">Downstream error on examples neither got wrong.</param>
public sealed record JointErrors(
    double Correlation, double Both, double One, double DownstreamErrorWhenBoth, double DownstreamErrorWhenOne,
    double DownstreamErrorWhenNeither)
{
    /// <summary>Computes the split on the examples the three vertices share (by id).</summary>
    public static JointErrors Of(VertexOutcomes first, VertexOutcomes second, VertexOutcomes downstream)
    {
        var rows = Rows(first, second, downstream);
        var n = (double)rows.Count;
        double Rate(Func<(int Id, bool A, bool B, bool W), bool> cell)
        {
            var selected = rows.Where(cell).ToArray();
            return selected.Length == 0 ? double.NaN : selected.Count(r => r.W) / (double)selected.Length;
        }

        var both = rows.Count(r => r.A && r.B) / n;
        var pa = rows.Count(r => r.A) / n;
        var pb = rows.Count(r => r.B) / n;
        var denominator = Math.Sqrt(pa * (1 - pa) * pb * (1 - pb));
        return new JointErrors(
            denominator > 0 ? (both - (pa * pb)) / denominator : 0,
            both,
            rows.Count(r => r.A != r.B) / n,
            Rate(r => r.A && r.B),
            Rate(r => r.A != r.B),
            Rate(r => !r.A && !r.B));
    }

    /// <summary>
    /// Of the downstream's negative flips from <paramref name="before"/> to <paramref name="after"/> (right before,
    /// wrong after), the share on examples whose upstream errors cancelled before (both wrong) and no longer do
    /// (exactly one wrong after); NaN when there is no negative flip.
    /// </summary>
    public static double LostCancellationShare(
        (VertexOutcomes First, VertexOutcomes Second, VertexOutcomes Downstream) before,
        (VertexOutcomes First, VertexOutcomes Second, VertexOutcomes Downstream) after)
    {
        var b = Rows(before.First, before.Second, before.Downstream).ToDictionary(r => r.Id);
        var flips = Rows(after.First, after.Second, after.Downstream)
            .Where(r => r.W && b.TryGetValue(r.Id, out var old) && !old.W)
            .ToArray();
        return flips.Length == 0
            ? double.NaN
            : flips.Count(r => b[r.Id].A && b[r.Id].B && r.A != r.B) / (double)flips.Length;
    }

    /// <summary>Error indicators (true = wrong) of the three vertices on their shared examples.</summary>
    private static List<(int Id, bool A, bool B, bool W)> Rows(VertexOutcomes first, VertexOutcomes second, VertexOutcomes downstream)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(downstream);
        static Dictionary<int, bool> Wrong(VertexOutcomes v) =>
            Enumerable.Range(0, v.Count).ToDictionary(i => v.Ids[i], i => !v.IsCorrect(i));
        var a = Wrong(first);
        var b = Wrong(second);
        var rows = new List<(int, bool, bool, bool)>();
        for (var i = 0; i < downstream.Count; i++)
        {
            var id = downstream.Ids[i];
            if (a.TryGetValue(id, out var wa) && b.TryGetValue(id, out var wb))
            {
                rows.Add((id, wa, wb, !downstream.IsCorrect(i)));
            }
        }

        return rows.Count > 0
            ? rows
            : throw new ArgumentException($"JointErrors: '{first.Vertex}', '{second.Vertex}' and '{downstream.Vertex}' share no example.", nameof(downstream));
    }
}
