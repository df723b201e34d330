using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>The scenes of one seed and their block-matching features, drawn the same way by every pseudo-LiDAR study.</summary>
public static class StereoScenes
{
    /// <summary>
    /// Scene i is drawn from <paramref name="rng"/>.Fork(i), so a study that draws fewer scenes gets the first scenes of
    /// another study on the same seed; each scene's per-pixel block-matching features come with it.
    /// </summary>
    public static (DrivingScene[] Scenes, float[][] Features) Draw(SceneSettings settings, int count, int maxDisparity, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var scenes = new DrivingScene[count];
        var features = new float[count][];
        for (var i = 0; i < count; i++)
        {
            AmbientCancellation.ThrowIfCancellationRequested();
            scenes[i] = SceneGenerator.Generate(settings, rng.Fork(i));
            features[i] = BlockMatcher.Features(scenes[i].Camera, scenes[i].Left, scenes[i].Right, maxDisparity);
        }

        return (scenes, features);
    }
}
