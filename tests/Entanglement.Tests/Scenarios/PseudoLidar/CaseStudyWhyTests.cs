using Entanglement.Diagnostics;
using Entanglement.Scenarios.PseudoLidar;
using Entanglement.Tensors;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

/// <summary>The case studies' "Why" on constructed per-object outcomes: its parts add up, and unrecorded seeds say so.</summary>
public sealed class CaseStudyWhyTests
{
    private static readonly PseudoLidarCaseStudy.Config Config = PseudoLidarCaseStudy.Config.For(Entanglement.Scenarios.Profile.Smoke);

    [Fact]
    public void The_change_cells_sum_to_the_change_in_miss_rate_and_the_split_to_the_miss_rate()
    {
        var why = CaseStudyWhy.Of(Config, [Constructed(0), Constructed(1), Constructed(2)]);

        Assert.Equal(3, why.Detectors.Count);
        foreach (var d in why.Detectors)
        {
            var flips = d.Flips ?? throw new InvalidOperationException("no flips");
            Assert.Equal(flips.ErrorAfter.Mean - flips.ErrorBefore.Mean, d.Change.Sum(c => c.Net), 12);
            Assert.Equal(flips.NegativeFlipRate.Mean, d.Change.Sum(c => c.Negative), 12);
            Assert.Equal(1, d.Change.Sum(c => c.Objects), 12);
            Assert.Equal(flips.ErrorBefore.Mean, d.Misses[0].MissRate, 12);
            Assert.Equal(flips.ErrorAfter.Mean, d.Misses[1].MissRate, 12);
            Assert.Equal(0, d.Misses[2].Depth);
            Assert.Equal([0, 1], d.FlipsByRange.Select(f => f.Class ?? -1));
        }

        Assert.Equal(DepthSource.DepthTrained, why.Appendix?.Before);
        Assert.Contains("flips u -> u'", why.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Misses_placed_where_depth_error_rose_are_diagnosed_for_that_detector_only()
    {
        var why = CaseStudyWhy.Of(Config, [.. Enumerable.Range(0, 4).Select(s => Constructed(s))]);

        Assert.Equal(EntanglementType.LossFunctionMismatch, why["pedestrian"].Diagnosis.Type);
        Assert.Equal(EntanglementType.NotDiagnosed, why["car"].Diagnosis.Type);

        // Appendix A swaps u and u′, so its detector's lost objects (even ids) are where the depth error fell.
        Assert.Equal(EntanglementType.NotDiagnosed, why["all-range"].Diagnosis.Type);
        Assert.Contains("do not sit significantly where", why["all-range"].Diagnosis.Reason, StringComparison.Ordinal);
        Assert.Contains(why["pedestrian"].Change, c => c.DepthRose && c.Net > 0.05);
    }

    [Fact]
    public void Seeds_stored_without_per_object_outcomes_read_as_not_recorded()
    {
        var why = CaseStudyWhy.Of(Config, [Constructed(0), SeedOutcomeTests.Sample(1, 0.1)]);

        Assert.All(why.Detectors, d => Assert.Equal([1], d.UnrecordedSeeds));
        Assert.All(why.Detectors, d => Assert.Equal([0], d.RecordedSeeds));
        Assert.Contains("not recorded for seeds 1", why.Text, StringComparison.Ordinal);

        var none = CaseStudyWhy.Of(Config, [SeedOutcomeTests.Sample(1, 0.1)]);
        Assert.All(none.Detectors, d => Assert.Null(d.Flips));
        Assert.All(none.Detectors, d => Assert.Contains("no per-example outcomes were recorded", d.Diagnosis.Reason, StringComparison.Ordinal));
    }

    /// <summary>
    /// 400 objects in range bins 0 and 1; the depth-MAE-trained model raises the depth error on even ids and lowers it on
    /// odd ones. The pedestrian detectors lose 40% of the objects they found on even ids; the car detector loses 20% at random.
    /// The upstream's own losses fall for every seed (depth MAE 1.5 → 1.3 m; disparity MAE 0.3 → 0.25 px for Appendix A).
    /// </summary>
    private static SeedOutcome Constructed(int seed)
    {
        var rng = new Rng(seed).Fork("why");
        int[] ids = [.. Enumerable.Range(0, 400).Select(i => ObjectOutcomes.Id(i / 10, i % 10))];
        int[] bins = [.. ids.Select((_, i) => i % 3 == 0 ? 1 : 0)];
        var error = ids.Select(_ => 1 + rng.NextFloat()).ToArray();
        var objects = new List<VertexOutcomes>
        {
            Depth(DepthSource.DisparityTrained, ids, bins, error),
            Depth(DepthSource.DepthTrained, ids, bins, [.. error.Select((e, i) => i % 2 == 0 ? e + 0.5f : e - 0.5f)]),
        };
        foreach (var vertex in new[] { ObjectOutcomes.CarDetector, ObjectOutcomes.PedestrianDetector, ObjectOutcomes.AppendixDetector })
        {
            var r = rng.Fork(vertex);
            var oracle = ids.Select(_ => r.NextDouble() < 0.9).ToArray();
            var u = oracle.Select(f => f && r.NextDouble() < 0.9).ToArray();
            var lost = u.Select((f, i) => f && (vertex == ObjectOutcomes.CarDetector ? r.NextDouble() < 0.2 : i % 2 == 0 && r.NextDouble() < 0.4)).ToArray();
            var before = vertex == ObjectOutcomes.AppendixDetector ? DepthSource.DepthTrained : DepthSource.DisparityTrained;
            var after = vertex == ObjectOutcomes.AppendixDetector ? DepthSource.DisparityTrained : DepthSource.DepthTrained;
            objects.Add(Detector(ObjectOutcomes.Detector(vertex, DepthSource.Oracle), ids, bins, oracle));
            objects.Add(Detector(ObjectOutcomes.Detector(vertex, before), ids, bins, u));
            objects.Add(Detector(ObjectOutcomes.Detector(vertex, after), ids, bins, [.. u.Select((f, i) => f && !lost[i])]));
        }

        return SeedOutcomeTests.Sample(seed, 0.01 * seed) with { Objects = objects };
    }

    private static VertexOutcomes Depth(DepthSource source, int[] ids, int[] bins, float[] error) =>
        VertexOutcomes.Create(ObjectOutcomes.Depth(source), ids, [.. ids.Select(_ => 1)], bins, [.. ids.Select(_ => 1)], error);

    private static VertexOutcomes Detector(string name, int[] ids, int[] bins, bool[] found) =>
        VertexOutcomes.Create(name, ids, [.. ids.Select(_ => 1)], bins, [.. found.Select(f => f ? 1 : 0)], [.. found.Select(f => f ? 0f : 1f)]);
}
