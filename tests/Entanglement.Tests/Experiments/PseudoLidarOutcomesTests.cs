using Entanglement.Experiments;
using Entanglement.Scenarios;
using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Experiments;

/// <summary>A stored case-study seed keeps its per-object outcomes, and the "Why" reads them back without training.</summary>
public sealed class PseudoLidarOutcomesTests
{
    [Fact]
    public void A_stored_seed_keeps_per_object_outcomes_that_agree_with_its_AP()
    {
        using var folder = new TempFolder();
        var config = PseudoLidarCaseStudy.Config.For(Profile.Smoke) with { TrainScenes = 2, TestScenes = 2 };
        var options = new ExperimentOptions { StorePath = folder.File("store.db"), Progress = null };
        var result = PseudoLidarExperiment.Run(config, options);

        var seed = Assert.Single(PseudoLidarOutcomes.Load(config, options.StorePath));
        var names = seed.Objects.Select(o => o.Vertex).ToHashSet();
        foreach (var source in Enum.GetValues<DepthSource>())
        {
            Assert.Contains(ObjectOutcomes.Depth(source), names);
            foreach (var (vertex, kind) in new[] { ("v", ObjectKind.Car), ("w", ObjectKind.Pedestrian), ("w-all", ObjectKind.Pedestrian) })
            {
                var detector = seed.Objects.Single(o => o.Vertex == ObjectOutcomes.Detector(vertex, source));
                Assert.Equal(seed.Objects.Single(o => o.Vertex == ObjectOutcomes.Detector(vertex, DepthSource.Oracle)).Ids, detector.Ids);
                Assert.Subset(seed.Objects.Single(o => o.Vertex == ObjectOutcomes.Depth(source)).Ids.ToHashSet(), detector.Ids.ToHashSet());
                var ap = vertex == "w-all" ? result.Appendix(source, BoxView.Box3D).Mean : result.Section5(source, kind, BoxView.Box3D).Mean;
                Assert.Equal(detector.ErrorRate < 1, ap > 0);
            }
        }

        Assert.All(seed.Objects.Single(o => o.Vertex == ObjectOutcomes.Depth(DepthSource.Oracle)).Losses, l => Assert.Equal(0, l));
        var why = PseudoLidarOutcomes.Why(config, options.StorePath);
        Assert.All(why.Detectors, d => Assert.Equal([0], d.RecordedSeeds));
        Assert.Contains("not diagnosed", why.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_stored_runs_the_why_names_the_command_to_run()
    {
        using var folder = new TempFolder();
        var config = PseudoLidarCaseStudy.Config.For(Profile.Smoke);

        var error = Assert.Throws<MissingOutcomesException>(() => PseudoLidarOutcomes.Load(config, folder.File("none.db")));

        Assert.Contains("workbook run pseudo-lidar --profile smoke", error.Message, StringComparison.Ordinal);
    }
}
