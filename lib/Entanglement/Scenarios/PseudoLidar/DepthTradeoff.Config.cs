using System.Globalization;

namespace Entanglement.Scenarios.PseudoLidar;

public static partial class DepthTradeoff
{
    /// <summary>Configuration of the range-weighting sweep of the depth estimator.</summary>
    public sealed record Config
    {
        /// <summary>Seeds; each draws the case study's scenes of that seed and trains one estimator per weight.</summary>
        public required IReadOnlyList<int> Seeds { get; init; }

        /// <summary>Training scenes per seed.</summary>
        public required int TrainScenes { get; init; }

        /// <summary>Held-out scenes per seed on which the error by range is measured.</summary>
        public required int TestScenes { get; init; }

        /// <summary>Scene drawing and rendering (as the case study's).</summary>
        public SceneSettings Scenes { get; init; } = new();

        /// <summary>Largest disparity the block matcher searches (pixels).</summary>
        public int MaxDisparity { get; init; } = 48;

        /// <summary>Training of the estimator; <see cref="DepthTrainingSettings.Hidden"/> is the capacity budget.</summary>
        public required DepthTrainingSettings Depth { get; init; }

        /// <summary>The knob α of (1 − α) · disparity MAE + α · depth MAE; 0 is u, 1 is u′.</summary>
        public IReadOnlyList<double> RangeWeights { get; init; } = [0, 0.25, 0.5, 0.75, 1];

        /// <summary>The profile this configuration came from.</summary>
        public required Profile Profile { get; init; }

        /// <summary>The settings that shape the numbers, in one line.</summary>
        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{TrainScenes} training + {TestScenes} test scenes of {Scenes.Width}x{Scenes.Height} px per seed; refinement MLP " +
            $"{string.Join("-", Depth.Hidden)} (capacity budget), {Depth.PretrainEpochs} shared pre-training + {Depth.Epochs} epochs on " +
            $"{Depth.PixelsPerScene} px/scene; range weights {string.Join(", ", RangeWeights.Select(Key))}");

        /// <summary>The preset of a profile: smoke (seconds), quick (about a minute on 2 cores), paper.</summary>
        public static Config For(Profile profile)
        {
            ArgumentNullException.ThrowIfNull(profile);
            if (profile == Profile.Smoke)
            {
                return new Config
                {
                    Seeds = [0],
                    TrainScenes = 2,
                    TestScenes = 1,
                    Scenes = new SceneSettings { Width = 64, Height = 24, Supersampling = 1 },
                    MaxDisparity = 16,
                    Depth = new DepthTrainingSettings { PixelsPerScene = 200, PretrainEpochs = 1, Epochs = 1, Hidden = [4] },
                    RangeWeights = [0, 0.5, 1],
                    Profile = profile,
                };
            }

            var quick = profile == Profile.Quick;
            return new Config
            {
                Seeds = quick ? [0, 1] : Enumerable.Range(0, 10).ToArray(),
                TrainScenes = quick ? 20 : 100,
                TestScenes = quick ? 10 : 50,
                Depth = new DepthTrainingSettings
                {
                    PixelsPerScene = quick ? 1500 : 3000,
                    PretrainEpochs = quick ? 20 : 60,
                    Epochs = quick ? 20 : 60,
                    Hidden = [8],
                    LearningRate = 3e-3,
                    FineTuneLearningRate = 3e-4,
                },
                Profile = profile,
            };
        }
    }
}
