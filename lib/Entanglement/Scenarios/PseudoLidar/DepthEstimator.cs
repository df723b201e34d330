using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// The depth-estimation model u (paper, Section 5.1; a small stand-in for PSMNet): a learned refinement of classical
/// block matching. An MLP maps each pixel's <see cref="BlockMatcher"/> features to a correction of the 5 × 5
/// window's sub-pixel disparity, δ̂ = δmin + softplus(δ₅ + MLP(features) − δmin), and the depth is C / δ̂. u and u′ differ only
/// in the training loss (<see cref="DepthLoss"/>).
/// </summary>
/// <remarks>
/// Training is in two phases, as PSMNet is used in practice (pre-trained on SceneFlow with a disparity loss, then
/// fine-tuned): a pre-training with disparity MAE that is identical for u and u′ (same pixels, initialisation and
/// shuffling), then <see cref="DepthTrainingSettings.Epochs"/> with the model's own loss at
/// <see cref="DepthTrainingSettings.FineTuneLearningRate"/>. Design note: trained from scratch at the full
/// learning rate, depth MAE's gradient is dominated by a few far pixels (∂|C/δ̂ − y|/∂δ̂ = C/δ̂², hundreds at the
/// disparity floor), and small refinements trained on it ended with a <em>higher</em> depth MAE on their own training
/// pixels than the disparity-MAE model; with shared pre-training and the lower fine-tuning rate each model is best on
/// its own training loss, as the paper's comparison presumes. The MLP trains on the engine in scope
/// (<see cref="TrainingEngines.Current"/>); the disparity and the loss around it are computed here, once for every engine.
/// </remarks>
public sealed class DepthEstimator : IDisposable
{
    private const float MinDisparity = 0.5f;
    private readonly INetworkModel _net;
    private readonly double _disparityConstant;

    private DepthEstimator(INetworkModel net, double disparityConstant)
    {
        _net = net;
        _disparityConstant = disparityConstant;
    }

    /// <summary>The loss the model was trained with (the nearer end of the knob for an intermediate weight).</summary>
    public DepthLoss TrainedWith { get; private init; }

    /// <summary>The range weight of its loss-specific training (0: disparity MAE, 1: depth MAE).</summary>
    public double RangeWeight { get; private init; }

    /// <summary>Number of trainable parameters of the refinement MLP: the estimator's capacity budget.</summary>
    public int ParameterCount => _net.ParameterCount;

    /// <summary>Training loss after each epoch.</summary>
    public IReadOnlyList<double> LossCurve { get; private init; } = [];

    /// <summary>
    /// Trains u on pixels sampled from <paramref name="scenes"/> (features precomputed by <see cref="BlockMatcher"/>).
    /// </summary>
    public static DepthEstimator Train(IReadOnlyList<DrivingScene> scenes, IReadOnlyList<float[]> features, DepthLoss loss, DepthTrainingSettings settings, Rng rng) =>
        Train(scenes, features, loss == DepthLoss.DisparityMae ? 0 : 1, settings, rng);

    /// <summary>
    /// Trains u with the range-weighted loss of <see cref="DepthLosses.RangeWeighted"/> in the loss-specific phase
    /// (0: disparity MAE, exactly u; 1: depth MAE, exactly u′); pre-training is the same for every weight.
    /// </summary>
    public static DepthEstimator Train(IReadOnlyList<DrivingScene> scenes, IReadOnlyList<float[]> features, double rangeWeight, DepthTrainingSettings settings, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rng);
        if (scenes.Count == 0 || scenes.Count != features.Count)
        {
            throw new ArgumentException($"DepthEstimator: {scenes.Count} scenes but {features.Count} feature maps.", nameof(features));
        }

        var camera = scenes[0].Camera;
        var (x, y) = SamplePixels(scenes, features, settings.PixelsPerScene, rng.Fork("pixels"));
        var net = TrainingEngines.Current.CreateNetworkModel(Network(settings), rng.Fork("init"));
        try
        {
            var loss = rangeWeight >= 0.5 ? DepthLoss.DepthMae : DepthLoss.DisparityMae;
            var estimator = new DepthEstimator(net, camera.DisparityConstant) { TrainedWith = loss };
            var curve = new List<double>();
            var shuffle = rng.Fork("shuffle");
            // Pre-training (as PSMNet is pre-trained on SceneFlow with a disparity loss) is identical for u and u′:
            // same pixels, initialisation and shuffling, so the fine-tuning loss is the only difference.
            estimator.Fit(x, y, 0, settings.PretrainEpochs, settings.LearningRate, settings, rng.Fork("pretrain"), curve);
            var lr = settings.PretrainEpochs > 0 ? settings.FineTuneLearningRate ?? settings.LearningRate : settings.LearningRate;
            estimator.Fit(x, y, rangeWeight, settings.Epochs, lr, settings, shuffle, curve);
            return new DepthEstimator(net, camera.DisparityConstant) { TrainedWith = loss, RangeWeight = rangeWeight, LossCurve = curve };
        }
        catch
        {
            net.Dispose();
            throw;
        }
    }

    /// <summary>The refinement MLP of <paramref name="settings"/>: block-matching features → one disparity correction.</summary>
    public static DownstreamNetwork Network(DepthTrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DownstreamNetwork.Mlp(BlockMatcher.FeatureCount, settings.Hidden, 1);
    }

    /// <summary>Releases the network (LibTorch memory on the torch engine).</summary>
    public void Dispose() => _net.Dispose();

    private void Fit(float[] x, float[] y, double rangeWeight, int epochs, double learningRate, DepthTrainingSettings settings, Rng shuffle, List<double> curve)
    {
        if (epochs == 0)
        {
            return;
        }

        const int F = BlockMatcher.FeatureCount;
        var count = y.Length;
        using var training = _net.Adam(learningRate, [.. new[] { epochs / 2, epochs * 3 / 4 }.Where(m => m > 0).Distinct()]);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var order = shuffle.Permutation(count);
            double total = 0;
            var batches = 0;
            for (var start = 0; start < count; start += settings.BatchSize)
            {
                AmbientCancellation.ThrowIfCancellationRequested();
                var n = Math.Min(settings.BatchSize, count - start);
                var bx = new float[n * F];
                var by = new float[n];
                for (var i = 0; i < n; i++)
                {
                    Array.Copy(x, order[start + i] * F, bx, i * F, F);
                    by[i] = y[order[start + i]];
                }

                total += training.Update(bx, [n, F], BatchLoss(bx, by, _disparityConstant, rangeWeight));
                batches++;
            }

            training.EndEpoch(epoch);
            curve.Add(total / batches);
        }
    }

    /// <summary>
    /// The training loss of a batch of pixels (block-matching features and true depths) as every engine computes it:
    /// the range-weighted loss (<see cref="DepthLosses.RangeWeighted"/>) of the disparity the MLP's outputs refine.
    /// </summary>
    public static OutputLoss BatchLoss(float[] features, float[] depth, double disparityConstant, double rangeWeight)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(depth);
        var n = depth.Length;
        var x = Tensor.FromArray(features, n, BlockMatcher.FeatureCount);
        var y = Tensor.FromArray(depth, n, 1);
        return OutputLosses.Native(r => DepthLosses.RangeWeighted(Disparity(x, r), y, disparityConstant, rangeWeight), n, 1);
    }

    /// <summary>Predicted depth of every pixel of a scene from its block-matching features (row-major H × W).</summary>
    public float[] Predict(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var n = features.Length / BlockMatcher.FeatureCount;
        using (Autograd.NoGrad())
        {
            var refinement = _net.Forward(features, [n, BlockMatcher.FeatureCount]);
            var disparity = Disparity(Tensor.FromArray(features, n, BlockMatcher.FeatureCount), Tensor.FromArray(refinement, n, 1)).Data;
            var depth = new float[n];
            for (var i = 0; i < n; i++)
            {
                depth[i] = (float)(_disparityConstant / disparity[i]);
            }

            return depth;
        }
    }

    /// <summary>δmin + softplus(δ₅ + r − δmin) from the features and the MLP's refinement r ([n, 1]).</summary>
    private static Tensor Disparity(Tensor features, Tensor refinement)
    {
        var initial = features.Narrow(1, 0, 1) * (float)BlockMatcher.DisparityScale;
        var refined = initial + refinement;
        // δmin + softplus(r − δmin): smooth, so no pixel's gradient dies at the floor.
        var excess = refined - MinDisparity;
        var softplus = excess.ReLU() + (excess.Abs().Neg().Exp() + 1f).Log();
        return softplus + MinDisparity;
    }

    private static (float[] X, float[] Y) SamplePixels(IReadOnlyList<DrivingScene> scenes, IReadOnlyList<float[]> features, int perScene, Rng rng)
    {
        const int F = BlockMatcher.FeatureCount;
        var xs = new List<float>();
        var ys = new List<float>();
        for (var s = 0; s < scenes.Count; s++)
        {
            var depth = scenes[s].Depth;
            var valid = Enumerable.Range(0, depth.Length).Where(i => depth[i] > 0).ToArray();
            rng.Shuffle(valid.AsSpan());
            foreach (var i in valid.Take(perScene))
            {
                xs.AddRange(features[s].AsSpan(i * F, F).ToArray());
                ys.Add(depth[i]);
            }
        }

        return (xs.ToArray(), ys.ToArray());
    }
}
