namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// Classical stereo block matching, the non-learned front end of the depth-estimation model u: a cost volume of
/// window-summed absolute differences |left(v, u) − right(v, u − d)| for integer disparities d, at two window
/// sizes, reduced to per-pixel features (sub-pixel parabola minima, costs, curvature, uniqueness, texture, row).
/// </summary>
public static class BlockMatcher
{
    /// <summary>Number of features per pixel.</summary>
    public const int FeatureCount = 9;

    /// <summary>
    /// Features of every left-image pixel, row-major [H·W, <see cref="FeatureCount"/>]; feature 0 is the 5 × 5 window's
    /// sub-pixel disparity divided by <see cref="DisparityScale"/>.
    /// </summary>
    public static float[] Features(StereoCamera camera, float[] left, float[] right, int maxDisparity)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        int h = camera.Height, w = camera.Width, n = h * w;
        if (left.Length != n || right.Length != n)
        {
            throw new ArgumentException($"BlockMatcher: images must be {h} x {w}.", nameof(left));
        }

        var small = new MatchResult[n];
        var large = new MatchResult[n];
        Match(left, right, h, w, maxDisparity, radius: 2, small);
        Match(left, right, h, w, maxDisparity, radius: 5, large);
        var texture = Texture(left, h, w);
        var features = new float[n * FeatureCount];
        for (var i = 0; i < n; i++)
        {
            var f = features.AsSpan(i * FeatureCount, FeatureCount);
            f[0] = (float)(small[i].Disparity / DisparityScale);
            f[1] = (float)(large[i].Disparity / DisparityScale);
            f[2] = (float)Math.Clamp((small[i].Disparity - large[i].Disparity) / 4, -3, 3);
            f[3] = (float)(small[i].Cost * 4);
            f[4] = (float)(large[i].Cost * 4);
            f[5] = (float)Math.Min(small[i].Curvature * 4, 5);
            f[6] = (float)Math.Min(small[i].Uniqueness, 5);
            f[7] = (float)(texture[i] * 8);
            f[8] = (float)((i / w - camera.Cy) / h);
        }

        return features;
    }

    /// <summary>Scale dividing disparities in the features (pixels).</summary>
    public const double DisparityScale = 16;

    private readonly record struct MatchResult(double Disparity, double Cost, double Curvature, double Uniqueness);

    private static void Match(float[] left, float[] right, int h, int w, int maxDisparity, int radius, MatchResult[] result)
    {
        var volume = new float[maxDisparity][];
        Parallel.For(0, maxDisparity, Entanglement.Tensors.Device.Cpu.ParallelOptions, d =>
        {
            var diff = new float[h * w];
            for (var v = 0; v < h; v++)
            {
                for (var u = 0; u < w; u++)
                {
                    diff[v * w + u] = Math.Abs(left[v * w + u] - right[v * w + Math.Max(u - d, 0)]);
                }
            }

            volume[d] = BoxMean(diff, h, w, radius);
        });
        Parallel.For(0, h * w, Entanglement.Tensors.Device.Cpu.ParallelOptions, i =>
        {
            var best = 0;
            for (var d = 1; d < maxDisparity; d++)
            {
                if (volume[d][i] < volume[best][i])
                {
                    best = d;
                }
            }

            double c0 = volume[best][i];
            double cm = best > 0 ? volume[best - 1][i] : c0 + 0.05, cp = best < maxDisparity - 1 ? volume[best + 1][i] : c0 + 0.05;
            var curvature = cm - 2 * c0 + cp;
            var offset = curvature > 1e-9 ? Math.Clamp((cm - cp) / (2 * curvature), -0.5, 0.5) : 0;
            var second = double.PositiveInfinity;
            for (var d = 0; d < maxDisparity; d++)
            {
                if (Math.Abs(d - best) > 1)
                {
                    second = Math.Min(second, volume[d][i]);
                }
            }

            result[i] = new MatchResult(best + offset, c0, curvature, (second - c0) / (c0 + 0.01));
        });
    }

    private static float[] Texture(float[] image, int h, int w)
    {
        var grad = new float[h * w];
        for (var v = 0; v < h; v++)
        {
            for (var u = 1; u < w - 1; u++)
            {
                grad[v * w + u] = Math.Abs(image[v * w + u + 1] - image[v * w + u - 1]) / 2;
            }
        }

        return BoxMean(grad, h, w, 2);
    }

    /// <summary>Mean over the (2r+1)² window clipped to the image, by a summed-area table.</summary>
    internal static float[] BoxMean(float[] x, int h, int w, int radius)
    {
        var sat = new double[(h + 1) * (w + 1)];
        for (var v = 0; v < h; v++)
        {
            double row = 0;
            for (var u = 0; u < w; u++)
            {
                row += x[v * w + u];
                sat[(v + 1) * (w + 1) + u + 1] = sat[v * (w + 1) + u + 1] + row;
            }
        }

        var y = new float[h * w];
        for (var v = 0; v < h; v++)
        {
            int v0 = Math.Max(v - radius, 0), v1 = Math.Min(v + radius + 1, h);
            for (var u = 0; u < w; u++)
            {
                int u0 = Math.Max(u - radius, 0), u1 = Math.Min(u + radius + 1, w);
                var sum = sat[v1 * (w + 1) + u1] - sat[v0 * (w + 1) + u1] - sat[v1 * (w + 1) + u0] + sat[v0 * (w + 1) + u0];
                y[v * w + u] = (float)(sum / ((v1 - v0) * (u1 - u0)));
            }
        }

        return y;
    }
}
