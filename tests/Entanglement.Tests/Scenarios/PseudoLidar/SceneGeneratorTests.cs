using Entanglement.Scenarios;
using Entanglement.Scenarios.PseudoLidar;
using Entanglement.Tensors;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

public sealed class SceneGeneratorTests
{
    private static readonly SceneSettings Small = new() { Width = 96, Height = 32, Supersampling = 1 };

    [Fact]
    public void Same_seed_gives_the_same_scene_and_another_seed_a_different_one()
    {
        var a = SceneGenerator.Generate(Small, new Rng(seed: 7));
        var b = SceneGenerator.Generate(Small, new Rng(seed: 7));
        var c = SceneGenerator.Generate(Small, new Rng(seed: 8));
        Assert.Equal(a.Objects, b.Objects);
        Assert.Equal(a.Left, b.Left);
        Assert.Equal(a.Right, b.Right);
        Assert.Equal(a.Depth, b.Depth);
        Assert.NotEqual(a.Left, c.Left);
    }

    [Fact]
    public void Scenes_hold_cars_and_pedestrians_in_view_standing_on_the_ground()
    {
        var scene = SceneGenerator.Generate(Small, new Rng(seed: 3));
        Assert.InRange(scene.Cars.Count, 1, Small.Cars.Max);
        Assert.InRange(scene.Pedestrians.Count, 1, Small.Pedestrians.Max);
        foreach (var box in scene.Cars.Concat(scene.Pedestrians))
        {
            Assert.Equal(scene.Camera.MountHeight, box.Bottom, 9);
            Assert.True(Math.Abs(box.X) < box.Z * scene.Camera.Cx / scene.Camera.Focal);
        }
    }

    [Fact]
    public void Bottom_row_sees_the_ground_at_the_depth_of_the_plane()
    {
        var empty = Small with { Cars = (0, 0), Pedestrians = (0, 0), Clutter = 0 };
        var scene = SceneGenerator.Generate(empty, new Rng(seed: 1));
        var camera = scene.Camera;
        var v = camera.Height - 1;
        var u = camera.Width / 2;
        // Ground plane y = h: the ray through row v hits it at depth h·f / (v − cy).
        Assert.Equal(camera.MountHeight * camera.Focal / (v - camera.Cy), scene.Depth[v * camera.Width + u], 3);
        Assert.True(float.IsNaN(scene.Depth[u]), "the top row looks at the sky: no depth");
    }

    [Fact]
    public void Right_image_is_the_left_image_shifted_by_the_disparity_on_the_ground()
    {
        var quiet = Small with { Cars = (0, 0), Pedestrians = (0, 0), Clutter = 0, NoiseSigma = 0, Supersampling = 1 };
        var scene = SceneGenerator.Generate(quiet, new Rng(seed: 2));
        var camera = scene.Camera;
        // Pick a row whose ground disparity f·b / z is an integer number of pixels away from a whole shift.
        var v = camera.Height - 1;
        var depth = scene.Depth[v * camera.Width + camera.Width / 2];
        var disparity = camera.DisparityFromDepth(depth);
        var u = camera.Width / 2;
        var shifted = u - disparity;
        var lo = (int)Math.Floor(shifted);
        var t = shifted - lo;
        var right = (1 - t) * scene.Right[v * camera.Width + lo] + t * scene.Right[v * camera.Width + lo + 1];
        Assert.Equal(scene.Left[v * camera.Width + u], right, 1);
    }

    [Fact]
    public void Case_study_scene_accessor_reproduces_the_run_s_scenes()
    {
        var config = PseudoLidarCaseStudy.Config.For(Profile.Smoke);
        var a = PseudoLidarCaseStudy.Scene(config, seed: 4, index: 1);
        var b = SceneGenerator.Generate(config.Scenes, new Rng(seed: 4).Fork("scenes").Fork(1));
        Assert.Equal(a.Left, b.Left);
        Assert.Equal(a.Objects, b.Objects);
    }
}
