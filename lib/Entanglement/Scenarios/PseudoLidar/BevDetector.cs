using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// A small learned 3-D detector on pseudo-LiDAR (a stand-in for P-RCNN / F-PTNET): the point cloud is encoded on a
/// bird's-eye grid (<see cref="BevGrid"/>) and a fully convolutional net predicts per cell a centre heat-map logit and
/// the box (centre offset, log size ratios to the prior, sin 2θ, cos 2θ, height offset); decoding keeps local maxima.
/// The net trains on the engine in scope (<see cref="TrainingEngines.Current"/>) with <see cref="DetectionTargets.Loss"/>.
/// </summary>
public sealed class BevDetector : IDisposable
{
    private const int Outputs = 9;
    private readonly INetworkModel _net;

    private BevDetector(INetworkModel net, DetectorSettings settings)
    {
        _net = net;
        Settings = settings;
    }

    /// <summary>The detector's settings.</summary>
    public DetectorSettings Settings { get; }

    /// <summary>Training loss after each epoch.</summary>
    public IReadOnlyList<double> LossCurve { get; private init; } = [];

    /// <summary>The network <paramref name="settings"/> describe (the one place the detector's architecture is decided).</summary>
    public static ConvStackNetwork Network(DetectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ConvStackNetwork
        {
            InChannels = BevGrid.Channels,
            Channels = settings.Channels,
            Layers = settings.Layers,
            FirstStride = settings.OutputStride,
            Outputs = Outputs,
        };
    }

    /// <summary>Trains on encoded grids (<see cref="BevGrid.Encode"/>) and their scenes' ground truth.</summary>
    public static BevDetector Train(IReadOnlyList<float[]> grids, IReadOnlyList<DrivingScene> scenes, DetectorSettings settings, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(grids);
        ArgumentNullException.ThrowIfNull(scenes);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rng);
        var net = TrainingEngines.Current.CreateNetworkModel(Network(settings), rng.Fork("init"));
        try
        {
            return new BevDetector(net, settings) { LossCurve = Fit(net, grids, scenes, settings, rng) };
        }
        catch
        {
            net.Dispose();
            throw;
        }
    }

    /// <summary>Releases the network (LibTorch memory on the torch engine).</summary>
    public void Dispose() => _net.Dispose();

    private static List<double> Fit(INetworkModel net, IReadOnlyList<float[]> grids, IReadOnlyList<DrivingScene> scenes, DetectorSettings settings, Rng rng)
    {
        var targets = scenes.Select(s => DetectionTargets.Build(s, settings)).ToArray();
        var mirroredTargets = scenes.Select(s => DetectionTargets.BuildMirrored(s, settings)).ToArray();
        var mirror = rng.Fork("mirror");
        using var training = net.Adam(settings.LearningRate, [.. new[] { settings.Epochs / 2, settings.Epochs * 3 / 4 }.Where(m => m > 0).Distinct()]);
        var shuffle = rng.Fork("shuffle");
        var curve = new List<double>();
        int rows = settings.Grid.Rows, cols = settings.Grid.Cols, chw = BevGrid.Channels * rows * cols;
        var head = settings.HeadGrid;
        var plane = head.Rows * head.Cols;
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            var order = shuffle.Permutation(grids.Count);
            double total = 0;
            var steps = 0;
            for (var start = 0; start < order.Length; start += settings.BatchSize)
            {
                AmbientCancellation.ThrowIfCancellationRequested();
                var idx = order.Skip(start).Take(settings.BatchSize).ToArray();
                var x = new float[idx.Length * chw];
                var batchTargets = new DetectionTargets[idx.Length];
                for (var b = 0; b < idx.Length; b++)
                {
                    // Left–right mirroring with probability ½ when enabled (a road scene mirrored is a road scene).
                    var flip = settings.MirrorAugmentation && mirror.NextDouble() < 0.5;
                    Array.Copy(flip ? settings.Grid.MirrorX(grids[idx[b]]) : grids[idx[b]], 0, x, b * chw, chw);
                    batchTargets[b] = flip ? mirroredTargets[idx[b]] : targets[idx[b]];
                }

                var loss = OutputLosses.Native(y => DetectionTargets.Loss(y, batchTargets, plane, settings.NegativeWeight),
                    idx.Length, Outputs, head.Rows, head.Cols);
                total += training.Update(x, [idx.Length, BevGrid.Channels, rows, cols], loss);
                steps++;
            }

            training.EndEpoch(epoch);
            curve.Add(total / steps);
        }

        return curve;
    }

    /// <summary>
    /// The same network with other detection settings (score threshold, refinement, suppression, pruning); the grid,
    /// head and prior must be the ones it was trained with.
    /// </summary>
    public BevDetector WithDetectionSettings(DetectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Grid != Settings.Grid || settings.HeadGrid != Settings.HeadGrid || settings.Prior != Settings.Prior || settings.Kind != Settings.Kind)
        {
            throw new ArgumentException("BevDetector.WithDetectionSettings: the grid, head grid, prior and kind must be the trained ones.", nameof(settings));
        }

        return new BevDetector(_net, settings) { LossCurve = LossCurve };
    }

    /// <summary>
    /// Detections in one encoded grid, best first; with the <paramref name="cloud"/> the grid was encoded from and a
    /// <see cref="DetectorSettings.RefinementMargin"/>, each box is refined on its points (<see cref="BoxRefinement"/>).
    /// </summary>
    public IReadOnlyList<Detection> Detect(float[] grid, double groundY, PointCloud? cloud = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var g = Settings.HeadGrid;
        int rows = g.Rows, cols = g.Cols, plane = rows * cols;
        var y = _net.Forward(grid, [1, BevGrid.Channels, Settings.Grid.Rows, Settings.Grid.Cols]);

        var candidates = new List<Detection>();
        var minLogit = Math.Log(Settings.MinScore / (1 - Settings.MinScore));
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var logit = y[r * cols + c];
                if (logit < minLogit || !IsLocalMax(y, rows, cols, r, c))
                {
                    continue;
                }

                var box = Average(y, g, r, c, groundY);
                var score = Sigmoid(logit);
                if (cloud is not null && Settings.RefinementMargin is { } margin)
                {
                    box = BoxRefinement.Refine(box, cloud, groundY, margin, Settings.HeadingFit, Settings.HeadingSearch, out var span, out var top);
                    // Points spanning less than ¾ of the prior's width or more than MaxPointSpan, or topping out below
                    // MinPointTop, cannot be this kind of object: ranked last.
                    var plausible = span >= 0.75 * Settings.Prior.Width
                        && (Settings.MaxPointSpan is not { } maxSpan || span <= maxSpan)
                        && (Settings.MinPointTop is not { } minTop || top >= minTop);
                    score *= plausible ? 1 : 0.01;
                }

                if (Settings.PruneRange is { } prune && box.Range > prune)
                {
                    continue;
                }

                candidates.Add(new Detection(box, score));
            }
        }

        var kept = new List<Detection>();
        foreach (var d in candidates.OrderByDescending(d => d.Score))
        {
            if (kept.All(k => Math.Sqrt(Math.Pow(k.Box.X - d.Box.X, 2) + Math.Pow(k.Box.Z - d.Box.Z, 2)) >= Settings.SuppressionDistance))
            {
                kept.Add(d);
            }
        }

        return kept;
    }

    /// <summary>
    /// The box of a peak cell; with <see cref="DetectorSettings.AnchorOnVisibleFace"/>, averaged over the peak and its
    /// 3 × 3 neighbours that score at least half as high: every positive cell was trained to regress the same box, so
    /// their predictions form a small ensemble.
    /// </summary>
    private Box3D Average(float[] y, BevGrid g, int r, int c, double groundY)
    {
        int rows = g.Rows, cols = g.Cols, plane = rows * cols;
        var peak = Sigmoid(y[r * cols + c]);
        var reach = Settings.AnchorOnVisibleFace ? 1 : 0;

        double wSum = 0, x = 0, yc = 0, z = 0, l = 0, w = 0, h = 0, sin = 0, cos = 0;
        var o = new float[Outputs];
        for (var rr = Math.Max(r - reach, 0); rr <= Math.Min(r + reach, rows - 1); rr++)
        {
            for (var cc = Math.Max(c - reach, 0); cc <= Math.Min(c + reach, cols - 1); cc++)
            {
                var p = Sigmoid(y[rr * cols + cc]);
                if (p < peak / 2)
                {
                    continue;
                }

                for (var k = 0; k < Outputs; k++)
                {
                    o[k] = y[k * plane + rr * cols + cc];
                }

                var b = DetectionTargets.Decode(o, g.CellCentre(rr, cc), g.Cell, Settings, groundY);
                (wSum, x, yc, z) = (wSum + p, x + p * b.X, yc + p * b.Y, z + p * b.Z);
                (l, w, h) = (l + p * b.Length, w + p * b.Width, h + p * b.Height);
                (sin, cos) = (sin + p * Math.Sin(2 * b.Yaw), cos + p * Math.Cos(2 * b.Yaw));
            }
        }

        return new Box3D(x / wSum, yc / wSum, z / wSum, l / wSum, w / wSum, h / wSum, Math.Atan2(sin, cos) / 2);
    }

    private static double Sigmoid(double logit) => 1 / (1 + Math.Exp(-logit));

    private static bool IsLocalMax(float[] y, int rows, int cols, int r, int c)
    {
        var v = y[r * cols + c];
        for (var dr = -1; dr <= 1; dr++)
        {
            for (var dc = -1; dc <= 1; dc++)
            {
                int rr = r + dr, cc = c + dc;
                if ((dr != 0 || dc != 0) && rr >= 0 && rr < rows && cc >= 0 && cc < cols && y[rr * cols + cc] > v)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
