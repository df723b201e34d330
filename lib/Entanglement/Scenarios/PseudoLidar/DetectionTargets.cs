using Entanglement.Tensors;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// Training targets of a <see cref="BevDetector"/> for one scene, the detector's loss (class-balanced binary cross
/// entropy on the centre heat map + L1 on the box regression at positive cells) and the box decoding.
/// </summary>
internal sealed record DetectionTargets(int[] PositiveCells, float[] Regression)
{
    private const int RegressionSize = 8;

    public static DetectionTargets Build(DrivingScene scene, DetectorSettings settings) =>
        Build(scene.BoxesOf(settings.Kind), settings, scene.Camera.MountHeight);

    /// <summary>Targets of the scene mirrored left–right (x → −x), for <see cref="BevGrid.MirrorX"/>'s grids.</summary>
    public static DetectionTargets BuildMirrored(DrivingScene scene, DetectorSettings settings) =>
        Build(scene.BoxesOf(settings.Kind).Select(b => b with { X = -b.X, Yaw = Math.PI - b.Yaw }), settings, scene.Camera.MountHeight);

    private static DetectionTargets Build(IEnumerable<Box3D> boxes, DetectorSettings settings, double groundY)
    {
        var g = settings.HeadGrid;
        var cells = new List<int>();
        var reg = new List<float>();
        foreach (var box in boxes)
        {
            if (settings.TrainRange is { } range && box.Range > range)
            {
                continue;
            }

            var reach = (int)Math.Ceiling(settings.PositiveRadius / g.Cell) + 1;
            var (kx, kz) = settings.AnchorOnVisibleFace ? Keypoint(box) : (box.X, box.Z);
            var (r0, c0) = g.CellOf(kx, kz);
            if (r0 < 0)
            {
                continue;
            }

            for (var r = Math.Max(r0 - reach, 0); r <= Math.Min(r0 + reach, g.Rows - 1); r++)
            {
                for (var c = Math.Max(c0 - reach, 0); c <= Math.Min(c0 + reach, g.Cols - 1); c++)
                {
                    var (x, z) = g.CellCentre(r, c);
                    if ((r != r0 || c != c0) && Math.Sqrt((x - kx) * (x - kx) + (z - kz) * (z - kz)) > settings.PositiveRadius)
                    {
                        continue;
                    }

                    cells.Add(r * g.Cols + c);
                    reg.AddRange(Encode(box, (x, z), g.Cell, settings, groundY));
                }
            }
        }

        return new DetectionTargets(cells.ToArray(), reg.ToArray());
    }

    /// <summary>
    /// Where the detector anchors an object: the point where the bird's-eye ray from the camera to the box's centre
    /// enters its footprint, i.e. on the face the camera sees. A car's centre lies about 2 m behind its visible face,
    /// and the cells there hold no points (the far half is occluded); anchoring on the visible face puts the positive
    /// cells where the points are, and the head regresses the centre from there.
    /// </summary>
    public static (double X, double Z) Keypoint(Box3D box)
    {
        var norm = Math.Sqrt(box.X * box.X + box.Z * box.Z);
        if (norm < 1e-9)
        {
            return (box.X, box.Z);
        }

        // Unit direction from the centre towards the camera, in the box's (along, across) frame.
        double vx = -box.X / norm, vz = -box.Z / norm, c = Math.Cos(box.Yaw), s = Math.Sin(box.Yaw);
        double along = Math.Abs(vx * c + vz * s), across = Math.Abs(-vx * s + vz * c);
        var reach = Math.Min(along > 1e-9 ? box.Length / 2 / along : double.PositiveInfinity, across > 1e-9 ? box.Width / 2 / across : double.PositiveInfinity);
        return (box.X + vx * reach, box.Z + vz * reach);
    }

    /// <summary>Loss of network output [B, 9, H, W] against the batch's targets.</summary>
    public static Tensor Loss(Tensor output, DetectionTargets[] targets, int plane, double negativeWeight = 1)
    {
        var batch = targets.Length;
        var logits = output.Narrow(1, 0, 1).Reshape(batch * plane);
        var heat = new float[batch * plane];
        var weight = new float[batch * plane];
        var positives = new List<int>();
        var reg = new List<float>();
        for (var b = 0; b < batch; b++)
        {
            foreach (var cell in targets[b].PositiveCells)
            {
                heat[b * plane + cell] = 1;
                positives.Add(b * plane + cell);
            }

            reg.AddRange(targets[b].Regression);
        }

        var nPos = Math.Max(positives.Distinct().Count(), 1);
        var nNeg = Math.Max(batch * plane - nPos, 1);
        for (var i = 0; i < weight.Length; i++)
        {
            weight[i] = heat[i] > 0 ? 1f / nPos : (float)(negativeWeight / nNeg);
        }

        // BCE with logits, stable form: max(z, 0) − z·t + log(1 + e^(−|z|)).
        var t = Tensor.FromArray(heat, batch * plane);
        var bce = logits.ReLU() - logits * t + (logits.Abs().Neg().Exp() + 1f).Log();
        var loss = (bce * Tensor.FromArray(weight, batch * plane)).Sum();
        if (positives.Count == 0)
        {
            return loss;
        }

        var flat = output.Narrow(1, 1, RegressionSize).Permuted(0, 2, 3, 1).Reshape(batch * plane, RegressionSize);
        var predicted = flat.IndexSelect(0, positives.ToArray());
        var l1 = (predicted - Tensor.FromArray(reg.ToArray(), positives.Count, RegressionSize)).Abs().Mean();
        return loss + l1;
    }

    /// <summary>Regression target of a box seen from a cell centre.</summary>
    public static float[] Encode(Box3D box, (double X, double Z) cell, double cellSize, DetectorSettings settings, double groundY)
    {
        var prior = settings.Prior;
        return
        [
            (float)((box.X - cell.X) / cellSize),
            (float)((box.Z - cell.Z) / cellSize),
            (float)Math.Log(box.Length / prior.Length),
            (float)Math.Log(box.Width / prior.Width),
            (float)Math.Log(box.Height / prior.Height),
            (float)Math.Sin(2 * box.Yaw),
            (float)Math.Cos(2 * box.Yaw),
            (float)((box.Y - (groundY - prior.Height / 2)) / 0.5),
        ];
    }

    /// <summary>Box from a cell's 9 outputs (heat logit first, then the regression).</summary>
    public static Box3D Decode(float[] o, (double X, double Z) cell, double cellSize, DetectorSettings settings, double groundY)
    {
        var prior = settings.Prior;
        var yaw = Math.Atan2(o[6], o[7]) / 2;
        double Exp(float v) => Math.Exp(Math.Clamp(v, -1.5, 1.5));
        return new Box3D(
            cell.X + o[1] * cellSize,
            groundY - prior.Height / 2 + o[8] * 0.5,
            cell.Z + o[2] * cellSize,
            prior.Length * Exp(o[3]),
            prior.Width * Exp(o[4]),
            prior.Height * Exp(o[5]),
            yaw);
    }
}
