using Entanglement.Tensors;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// Draws seeded driving scenes (paper, Section 5; KITTI-like): a flat road, cars mostly 10–60 m ahead in lanes,
/// pedestrians mostly within 30 m, buildings along the road and small clutter; then renders the stereo pair.
/// </summary>
public static class SceneGenerator
{
    /// <summary>Draws and renders one scene; the same settings and <paramref name="rng"/> state give the same scene.</summary>
    public static DrivingScene Generate(SceneSettings settings, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rng);
        var camera = settings.Camera;
        var layout = rng.Fork("layout");
        var objects = new List<SceneObject>();
        var cars = settings.Cars.Min + layout.NextInt(settings.Cars.Max - settings.Cars.Min + 1);
        var pedestrians = settings.Pedestrians.Min + layout.NextInt(settings.Pedestrians.Max - settings.Pedestrians.Min + 1);
        for (var i = 0; i < cars; i++)
        {
            TryPlace(objects, camera, layout, () => DrawCar(layout, camera));
        }

        for (var i = 0; i < pedestrians; i++)
        {
            TryPlace(objects, camera, layout, () => DrawPedestrian(layout, camera));
        }

        for (var i = 0; i < settings.Clutter; i++)
        {
            TryPlace(objects, camera, layout, () => DrawClutter(layout, camera));
        }

        AddBuildings(objects, camera, layout);
        var (left, right, depth) = StereoRenderer.Render(camera, objects, settings, rng.Fork("noise"));
        return new DrivingScene(camera, objects, left, right, depth);
    }

    private static void TryPlace(List<SceneObject> objects, StereoCamera camera, Rng rng, Func<SceneObject> draw)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var candidate = draw();
            var b = candidate.Box;
            var halfFov = camera.Cx / camera.Focal;
            var radius = 0.5 * Math.Sqrt(b.Length * b.Length + b.Width * b.Width);
            if (Math.Abs(b.X) + radius > b.Z * halfFov || b.Z - radius < 2)
            {
                continue;
            }

            var free = objects.All(o =>
            {
                var r = 0.5 * Math.Sqrt(o.Box.Length * o.Box.Length + o.Box.Width * o.Box.Width);
                double dx = o.Box.X - b.X, dz = o.Box.Z - b.Z;
                return Math.Sqrt(dx * dx + dz * dz) > r + radius + 0.3;
            });
            if (free)
            {
                objects.Add(candidate);
                return;
            }
        }
    }

    private static SceneObject DrawCar(Rng rng, StereoCamera camera)
    {
        var z = rng.NextDouble() < 0.85 ? Uniform(rng, 10, 60) : Uniform(rng, 5, 70);
        double[] lanes = [-5.25, -1.75, 1.75, 5.25, -8.0, 8.0];
        var x = lanes[rng.NextInt(lanes.Length)] + Uniform(rng, -0.4, 0.4);
        var yaw = Math.PI / 2 + (rng.NextDouble() < 0.8 ? Uniform(rng, -0.15, 0.15) : Uniform(rng, -Math.PI / 2, Math.PI / 2));
        double l = 3.9 + 0.2 * rng.NextNormal(), w = 1.6 + 0.08 * rng.NextNormal(), h = 1.5 + 0.08 * rng.NextNormal();
        var box = new Box3D(x, camera.MountHeight - h / 2, z, l, w, h, yaw);
        return new SceneObject(ObjectKind.Car, box, Uniform(rng, 0.3, 0.9), (uint)rng.NextInt(int.MaxValue));
    }

    private static SceneObject DrawPedestrian(Rng rng, StereoCamera camera)
    {
        var z = rng.NextDouble() < 0.8 ? Uniform(rng, 4, 30) : Uniform(rng, 30, 45);
        var x = Uniform(rng, -9, 9);
        var yaw = Uniform(rng, -Math.PI, Math.PI);
        double l = 0.8 + 0.08 * rng.NextNormal(), w = 0.6 + 0.06 * rng.NextNormal(), h = 1.75 + 0.1 * rng.NextNormal();
        var box = new Box3D(x, camera.MountHeight - h / 2, z, l, w, h, yaw);
        return new SceneObject(ObjectKind.Pedestrian, box, Uniform(rng, 0.3, 0.9), (uint)rng.NextInt(int.MaxValue));
    }

    private static SceneObject DrawClutter(Rng rng, StereoCamera camera)
    {
        var z = Uniform(rng, 4, 70);
        var x = (rng.NextDouble() < 0.5 ? -1 : 1) * Uniform(rng, 9.5, 11.5);
        var pole = rng.NextDouble() < 0.5;
        double l = pole ? 0.3 : Uniform(rng, 0.8, 2.5), w = pole ? 0.3 : Uniform(rng, 0.8, 1.5), h = pole ? Uniform(rng, 3, 5) : Uniform(rng, 0.5, 1.3);
        var box = new Box3D(x, camera.MountHeight - h / 2, z, l, w, h, Uniform(rng, 0, Math.PI));
        return new SceneObject(ObjectKind.Clutter, box, Uniform(rng, 0.3, 0.9), (uint)rng.NextInt(int.MaxValue));
    }

    private static void AddBuildings(List<SceneObject> objects, StereoCamera camera, Rng rng)
    {
        foreach (var side in new[] { -1.0, 1.0 })
        {
            var z = Uniform(rng, 0, 10);
            while (z < 110)
            {
                var length = Uniform(rng, 8, 25);
                var depth = Uniform(rng, 6, 12);
                var height = Uniform(rng, 4, 12);
                var x = side * (Uniform(rng, 12.5, 15) + depth / 2);
                var box = new Box3D(x, camera.MountHeight - height / 2, z + length / 2, length, depth, height, Math.PI / 2);
                objects.Add(new SceneObject(ObjectKind.Clutter, box, Uniform(rng, 0.3, 0.9), (uint)rng.NextInt(int.MaxValue)));
                z += length + Uniform(rng, 0, 8);
            }
        }
    }

    private static double Uniform(Rng rng, double low, double high) => low + (high - low) * rng.NextDouble();
}
