using Entanglement.Diagnostics;
using Entanglement.Tensors;

namespace Entanglement.Tests.Diagnostics;

/// <summary>
/// Constructed cases where the cause is known by design: 300 objects per seed, the upstream's per-object error rises
/// on half of them; the downstream found 80% before. Loss-function mismatch is named only when the upstream's own
/// loss fell, the downstream got worse, and its new misses sit on the objects whose error rose.
/// </summary>
public sealed class LocalizedDiagnoserTests
{
    private static readonly int[] Seeds = [0, 1, 2, 3];

    private enum Misses
    {
        WhereErrorRose,
        WhereErrorFell,
        None,
    }

    [Fact]
    public void New_misses_where_the_upstream_error_rose_are_diagnosed_as_loss_function_mismatch()
    {
        var diagnosis = LocalizedDiagnoser.Diagnose(Update(Misses.WhereErrorRose, improves: true));

        Assert.Equal(EntanglementType.LossFunctionMismatch, diagnosis.Type);
        Assert.True(diagnosis.IsSelfDefeating);
        Assert.All(diagnosis.Evidence.Take(5), r => Assert.True(r.Supports));
        Assert.True(diagnosis.Evidence[4].Test.After.Mean > diagnosis.Evidence[4].Test.Before.Mean);
    }

    [Fact]
    public void New_misses_where_the_upstream_error_fell_are_not_diagnosed()
    {
        var diagnosis = LocalizedDiagnoser.Diagnose(Update(Misses.WhereErrorFell, improves: true));

        Assert.Equal(EntanglementType.NotDiagnosed, diagnosis.Type);
        Assert.True(diagnosis.IsSelfDefeating);
        Assert.Contains("do not sit significantly where", diagnosis.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnosis.Evidence, r => r.Supports);
    }

    [Fact]
    public void An_upstream_that_did_not_improve_is_not_diagnosed()
    {
        var diagnosis = LocalizedDiagnoser.Diagnose(Update(Misses.WhereErrorRose, improves: false));

        Assert.Equal(EntanglementType.NotDiagnosed, diagnosis.Type);
        Assert.False(diagnosis.IsSelfDefeating);
        Assert.Contains("own loss did not fall", diagnosis.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_downstream_that_did_not_get_worse_is_not_diagnosed()
    {
        var diagnosis = LocalizedDiagnoser.Diagnose(Update(Misses.None, improves: true));

        Assert.Equal(EntanglementType.NotDiagnosed, diagnosis.Type);
        Assert.Contains("did not get significantly worse", diagnosis.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Runs_without_outcomes_are_not_diagnosed_and_say_so()
    {
        var diagnosis = LocalizedDiagnoser.Diagnose(Update(Misses.WhereErrorRose, improves: true) with { Outcomes = [] });

        Assert.Equal(EntanglementType.NotDiagnosed, diagnosis.Type);
        Assert.Contains("no per-example outcomes were recorded", diagnosis.Reason, StringComparison.Ordinal);
    }

    private static LocalizedOutcomes Seed(int seed, Misses misses, int n = 300)
    {
        var rng = new Rng(seed).Fork("localized");
        int[] ids = [.. Enumerable.Range(0, n).Select(i => 1000 + (7 * i))];
        var classes = ids.Select(_ => rng.NextInt(3)).ToArray();
        var errorBefore = ids.Select(_ => 1 + rng.NextFloat()).ToArray();
        var rose = ids.Select((_, i) => i % 2 == 0).ToArray();
        var errorAfter = errorBefore.Select((e, i) => rose[i] ? e + 0.5f : e - 0.5f).ToArray();
        var foundBefore = ids.Select(_ => rng.NextDouble() < 0.8).ToArray();
        var foundAfter = foundBefore.Select((f, i) => f && !(misses switch
        {
            Misses.WhereErrorRose => rose[i] && rng.NextDouble() < 0.4,
            Misses.WhereErrorFell => !rose[i] && rng.NextDouble() < 0.4,
            _ => false,
        })).ToArray();
        VertexOutcomes Detector(string name, bool[] found) =>
            VertexOutcomes.Create(name, ids, [.. ids.Select(_ => 1)], classes, [.. found.Select(f => f ? 1 : 0)], [.. found.Select(f => f ? 0f : 1f)]);
        VertexOutcomes Depth(string name, float[] error) => VertexOutcomes.Create(name, ids, [.. ids.Select(_ => 0)], classes, [.. ids.Select(_ => 0)], error);
        return new LocalizedOutcomes(seed, Detector("w[u]", foundBefore), Detector("w[u']", foundAfter), Depth("depth[u]", errorBefore), Depth("depth[u']", errorAfter));
    }

    private static LocalizedUpdate Update(Misses misses, bool improves) => new()
    {
        Experiment = "constructed",
        Upstream = "u → u′",
        UpstreamLoss = "loss",
        Downstream = "w",
        Seeds = Seeds,
        UpstreamBefore = [.. Seeds.Select(s => 1.0 + (0.01 * s))],
        UpstreamAfter = [.. Seeds.Select(s => (improves ? 0.8 : 1.1) + (0.012 * s))],
        Outcomes = [.. Seeds.Select(s => Seed(s, misses))],
    };
}
