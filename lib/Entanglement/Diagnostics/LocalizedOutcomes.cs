namespace Entanglement.Diagnostics;

/// <summary>
/// One seed's per-example outcomes around an update, for <see cref="LocalizedDiagnoser"/>: the retrained downstream
/// before and after (right or wrong per example) and the upstream's per-example error before and after
/// (<see cref="VertexOutcomes.Losses"/>, matched by example id; e.g. a depth estimator's error on each object's pixels).
/// </summary>
public sealed record LocalizedOutcomes(
    int Seed, VertexOutcomes DownstreamBefore, VertexOutcomes DownstreamAfter, VertexOutcomes UpstreamBefore, VertexOutcomes UpstreamAfter)
{
    /// <summary>
    /// The examples present in all four records, with whether the downstream got each wrong before and after and
    /// whether the upstream's error on it rose (strictly) with the update.
    /// </summary>
    public IReadOnlyList<(int Id, int Class, bool WrongBefore, bool WrongAfter, bool UpstreamRose)> Rows()
    {
        var after = Index(DownstreamAfter);
        var upBefore = Index(UpstreamBefore);
        var upAfter = Index(UpstreamAfter);
        var rows = new List<(int, int, bool, bool, bool)>();
        for (var i = 0; i < DownstreamBefore.Count; i++)
        {
            var id = DownstreamBefore.Ids[i];
            if (after.TryGetValue(id, out var j) && upBefore.TryGetValue(id, out var ub) && upAfter.TryGetValue(id, out var ua))
            {
                rows.Add((id, DownstreamBefore.Classes[i], !DownstreamBefore.IsCorrect(i), !DownstreamAfter.IsCorrect(j),
                    UpstreamAfter.Losses[ua] > UpstreamBefore.Losses[ub]));
            }
        }

        return rows;
    }

    private static Dictionary<int, int> Index(VertexOutcomes outcomes)
    {
        var index = new Dictionary<int, int>(outcomes.Count);
        for (var i = 0; i < outcomes.Count; i++)
        {
            index[outcomes.Ids[i]] = i;
        }

        return index;
    }
}
