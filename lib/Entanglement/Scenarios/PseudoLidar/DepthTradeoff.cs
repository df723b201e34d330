using System.Globalization;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// Where a depth estimator of fixed capacity puts its errors (paper, §5: the mechanism behind Tables 2 and 3): the
/// refinement of u (<see cref="DepthEstimator"/>) with a stated hidden width is trained on the same pixels with the
/// range-weighted loss (1 − α) · disparity MAE + α · depth MAE for each α of a sweep (α = 0 is u, α = 1 is u′), and
/// its depth error is measured per range bin on held-out scenes. A trade-off is a weight that is best near and another
/// that is best far; if one weight is best everywhere, the capacity did not force a choice.
/// </summary>
public static partial class DepthTradeoff
{
    /// <summary>Runs every seed of <paramref name="config"/> and aggregates.</summary>
    public static Result Run(Config config, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Result.Aggregate(config, [.. config.Seeds.Select(seed => RunSeed(config, seed, progress))]);
    }

    /// <summary>
    /// One seed: the case study's first scenes of that seed (same drawing), block matching, then one estimator per
    /// range weight, all from the same initialisation, pixels and shuffling; the numbers as a flat name → value map
    /// (<c>depth-mae[0.25]</c>, <c>depth-mae[0.25][0-10]</c>, <c>disparity-mae[0.25]</c>, <c>parameters</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, double> RunSeed(Config config, int seed, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.RangeWeights.Count == 0 || config.TrainScenes < 1 || config.TestScenes < 1)
        {
            throw new ArgumentException("DepthTradeoff: needs range weights, training and test scenes.", nameof(config));
        }

        var rng = new Rng(seed: (ulong)seed);
        var total = config.TrainScenes + config.TestScenes;
        var (scenes, features) = StereoScenes.Draw(config.Scenes, total, config.MaxDisparity, rng.Fork("scenes"));

        var train = scenes.Take(config.TrainScenes).ToArray();
        var camera = scenes[0].Camera;
        var losses = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var weight in config.RangeWeights)
        {
            using var model = DepthEstimator.Train(train, features.Take(config.TrainScenes).ToArray(), weight, config.Depth, rng.Fork("depth"));
            losses["parameters"] = model.ParameterCount;
            var acc = new DepthErrorByRange.Accumulator();
            double disparity = 0;
            for (var i = config.TrainScenes; i < total; i++)
            {
                var map = model.Predict(features[i]);
                acc.Add(map, scenes[i].Depth);
                disparity += DepthLosses.Evaluate(DepthLoss.DisparityMae, map, scenes[i].Depth, camera.DisparityConstant) / config.TestScenes;
            }

            var key = Key(weight);
            losses[$"depth-mae[{key}]"] = acc.Overall;
            losses[$"disparity-mae[{key}]"] = disparity;
            var bins = acc.PerBin();
            for (var b = 0; b < bins.Length; b++)
            {
                if (double.IsFinite(bins[b]))
                {
                    losses[$"depth-mae[{key}][{DepthErrorByRange.BinLabels[b]}]"] = bins[b];
                }
            }

            progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"seed {seed}: range weight {key}: depth MAE {acc.Overall:F3} m, disparity MAE {disparity:F3} px"));
        }

        return losses;
    }

    /// <summary>The key of a range weight in the stored names ("0", "0.25", "1").</summary>
    public static string Key(double weight) => weight.ToString("0.###", CultureInfo.InvariantCulture);
}
