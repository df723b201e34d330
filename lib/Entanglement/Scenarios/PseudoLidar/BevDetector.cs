using Entanglement.NN;
using Entanglement.Optim;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// A small learned 3-D detector on pseudo-LiDAR (a stand-in for P-RCNN / F-PTNET): the point cloud is encoded on a
/// bird's-eye grid (<see cref="BevGrid"/>) and a fully convolutional net predicts per cell a centre heat-map logit and
/// the box (centre offset, log size ratios to the prior, sin 2θ, cos 2θ, height offset); decoding keeps local maxima.
/// </summary>
public sealed class BevDetector
{
    private const int Outputs = 9;
    private readonly Sequential _net;

    private BevDetector(Sequential net, DetectorSettings settings)
    {
        _net = net;
        Settings = settings;
    }

    /// <summary>The detector's settings.</summary>
    public DetectorSettings Settings { get; }

    /// <summary>Training loss after each epoch.</summary>
    public IReadOnlyList<double> LossCurve { get; private init; } = [];

    /// <summary>Trains on encoded grids (<see cref="BevGrid.Encode"/>) and their scenes' ground truth.</summary>
    public static BevDetector Train(IReadOnlyList<float[]> grids, IReadOnlyList<DrivingScene> scenes, DetectorSettings settings, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(grids);
        ArgumentNullException.ThrowIfNull(scenes);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rng);
        var init = rng.Fork("init");
        var net = new Sequential();
        var width = BevGrid.Channels;
        for (var l = 0; l < settings.Layers; l++)
        {
            net.Append(new Conv2d(width, settings.Channels, 3, init.Fork(l), padding: 1)).Append(new ReLU());
            width = settings.Channels;
        }

        net.Append(new Conv2d(width, Outputs, 1, init.Fork(settings.Layers)));
        var targets = scenes.Select(s => DetectionTargets.Build(s, settings)).ToArray();
        var opt = new Adam(net.Parameters(), lr: settings.LearningRate);
        var schedule = new MultiStepLR(opt, new[] { settings.Epochs / 2, settings.Epochs * 3 / 4 }.Where(m => m > 0).Distinct().ToArray());
        var shuffle = rng.Fork("shuffle");
        var curve = new List<double>();
        int rows = settings.Grid.Rows, cols = settings.Grid.Cols, plane = rows * cols, chw = BevGrid.Channels * plane;
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
                for (var b = 0; b < idx.Length; b++)
                {
                    Array.Copy(grids[idx[b]], 0, x, b * chw, chw);
                }

                opt.ZeroGrad();
                var y = net.Forward(Tensor.FromArray(x, idx.Length, BevGrid.Channels, rows, cols));
                var loss = DetectionTargets.Loss(y, idx.Select(i => targets[i]).ToArray(), plane);
                loss.Backward();
                opt.Step();
                total += loss.Item();
                steps++;
            }

            net.ThrowIfNonFinite(epoch);
            schedule.Step();
            curve.Add(total / steps);
        }

        net.Eval();
        return new BevDetector(net, settings) { LossCurve = curve };
    }

    /// <summary>Detections in one encoded grid, best first.</summary>
    public IReadOnlyList<Detection> Detect(float[] grid, double groundY)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var g = Settings.Grid;
        int rows = g.Rows, cols = g.Cols, plane = rows * cols;
        float[] y;
        using (Autograd.NoGrad())
        {
            y = _net.Forward(Tensor.FromArray(grid, 1, BevGrid.Channels, rows, cols)).Data;
        }

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

                var o = new float[Outputs];
                for (var k = 0; k < Outputs; k++)
                {
                    o[k] = y[k * plane + r * cols + c];
                }

                var box = DetectionTargets.Decode(o, g.CellCentre(r, c), g.Cell, Settings, groundY);
                if (Settings.PruneRange is { } prune && box.Range > prune)
                {
                    continue;
                }

                candidates.Add(new Detection(box, 1 / (1 + Math.Exp(-logit))));
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
