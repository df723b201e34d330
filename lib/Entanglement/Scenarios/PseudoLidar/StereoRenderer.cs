using Entanglement.Tensors;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// Ray casts textured upright boxes over a textured ground plane into a rectified stereo pair: Lambertian shading of
/// procedural textures fixed to the surfaces (so the two views match), supersampled, plus Gaussian sensor noise;
/// and the ground-truth depth of each left-image pixel centre.
/// </summary>
internal static class StereoRenderer
{
    private const double GroundAlbedo = 0.45;
    private static readonly (double X, double Y, double Z) Light = Normalize(0.4, 0.8, 0.45);

    public static (float[] Left, float[] Right, float[] Depth) Render(StereoCamera camera, IReadOnlyList<SceneObject> objects, SceneSettings settings, Rng noise)
    {
        int h = camera.Height, w = camera.Width;
        var left = new float[h * w];
        var right = new float[h * w];
        var depth = new float[h * w];
        var ss = settings.Supersampling;
        var frames = objects.Select(o => new BoxFrame(o, Math.Cos(o.Box.Yaw), Math.Sin(o.Box.Yaw),
            o.Box.Z - 0.5 * Math.Sqrt(o.Box.Length * o.Box.Length + o.Box.Width * o.Box.Width))).ToArray();
        Parallel.For(0, h, Device.Cpu.ParallelOptions, v =>
        {
            for (var u = 0; u < w; u++)
            {
                double sumL = 0, sumR = 0;
                for (var sy = 0; sy < ss; sy++)
                {
                    for (var sx = 0; sx < ss; sx++)
                    {
                        double pu = u + (sx + 0.5) / ss - 0.5, pv = v + (sy + 0.5) / ss - 0.5;
                        sumL += Shade(camera, frames, 0, pu, pv, out _);
                        sumR += Shade(camera, frames, camera.Baseline, pu, pv, out _);
                    }
                }

                left[v * w + u] = (float)(sumL / (ss * ss));
                right[v * w + u] = (float)(sumR / (ss * ss));
                Shade(camera, frames, 0, u, v, out var z);
                depth[v * w + u] = z > 0 && z <= settings.MaxDepth ? (float)z : float.NaN;
            }
        });

        // Sensor noise is drawn sequentially after the parallel render, so it does not depend on the thread count.
        for (var i = 0; i < left.Length; i++)
        {
            left[i] += (float)(settings.NoiseSigma * noise.NextNormal());
            right[i] += (float)(settings.NoiseSigma * noise.NextNormal());
        }

        return (left, right, depth);
    }

    /// <summary>Intensity seen by the camera at x = <paramref name="originX"/> through pixel (u, v); depth of the hit (0 for sky).</summary>
    private static double Shade(StereoCamera camera, BoxFrame[] objects, double originX, double u, double v, out double depth)
    {
        double dx = (u - camera.Cx) / camera.Focal, dy = (v - camera.Cy) / camera.Focal;
        var best = double.PositiveInfinity;
        double intensity = 0.8 + 0.1 * v / camera.Height;
        if (dy > 1e-9)
        {
            best = camera.MountHeight / dy;
            double gx = originX + best * dx, gz = best;
            var tex = ProceduralTexture.Sample(gx, gz, 0.25, 17u);
            intensity = GroundAlbedo * (0.35 + 0.65 * Light.Y) * (0.5 + tex);
        }

        foreach (var frame in objects)
        {
            var o = frame.Object;
            if (frame.NearZ < best && Intersect(o.Box, frame.Cos, frame.Sin, originX, dx, dy, best, out var t, out var normal, out var ta, out var tb))
            {
                best = t;
                double nx = normal.X, ny = normal.Y, nz = normal.Z;
                var lambert = Math.Max(0, -(nx * Light.X + ny * Light.Y + nz * Light.Z));
                var scale = o.Kind == ObjectKind.Clutter ? 0.5 : o.Kind == ObjectKind.Car ? 0.3 : 0.12;
                var tex = ProceduralTexture.Sample(ta, tb, scale, o.TextureSeed);
                intensity = o.Albedo * (0.35 + 0.65 * lambert) * (0.5 + tex);
            }
        }

        depth = double.IsPositiveInfinity(best) ? 0 : best;
        return intensity;
    }

    /// <summary>Slab test of the ray (originX, 0, 0) + t (dx, dy, 1) against the box, in the box's own frame.</summary>
    private static bool Intersect(Box3D box, double c, double s, double originX, double dx, double dy, double tMax, out double t, out (double X, double Y, double Z) normal, out double ta, out double tb)
    {
        double ox = originX - box.X, oz = -box.Z, oy = -box.Y;
        // Local axes: along = (c, s), across = (-s, c) in the (x, z) plane.
        double oa = ox * c + oz * s, oc = -ox * s + oz * c;
        double da = dx * c + s, dc = -dx * s + c;
        double tNear = 1e-6, tFar = tMax;
        int axis = -1;
        double sign = 0;
        t = 0;
        ta = tb = 0;
        normal = default;
        if (!Slab(oa, da, box.Length / 2, 0, ref tNear, ref tFar, ref axis, ref sign)
            || !Slab(oy, dy, box.Height / 2, 1, ref tNear, ref tFar, ref axis, ref sign)
            || !Slab(oc, dc, box.Width / 2, 2, ref tNear, ref tFar, ref axis, ref sign)
            || axis < 0 || tNear >= tFar)
        {
            return false;
        }

        t = tNear;
        double pa = oa + t * da, py = oy + t * dy, pc = oc + t * dc;
        (ta, tb) = axis switch { 0 => (pc, py), 1 => (pa, pc), _ => (pa, py) };
        normal = axis switch
        {
            0 => (sign * c, 0, sign * s),
            1 => (0, sign, 0),
            _ => (-sign * s, 0, sign * c),
        };
        return true;
    }

    private static bool Slab(double o, double d, double half, int k, ref double tNear, ref double tFar, ref int axis, ref double sign)
    {
        if (Math.Abs(d) < 1e-12)
        {
            return Math.Abs(o) <= half;
        }

        double t0 = (-half - o) / d, t1 = (half - o) / d;
        var enterSign = -1.0;
        if (t0 > t1)
        {
            (t0, t1) = (t1, t0);
            enterSign = 1.0;
        }

        if (t0 > tNear)
        {
            tNear = t0;
            axis = k;
            sign = enterSign;
        }

        tFar = Math.Min(tFar, t1);
        return tNear < tFar;
    }

    private static (double X, double Y, double Z) Normalize(double x, double y, double z)
    {
        var n = Math.Sqrt(x * x + y * y + z * z);
        return (x / n, y / n, z / n);
    }

    private readonly record struct BoxFrame(SceneObject Object, double Cos, double Sin, double NearZ);
}
