using System.Globalization;

namespace Entanglement.Scenarios.PseudoLidar;

public static partial class PseudoLidarCaseStudy
{
    /// <summary>Configuration of the simulated pseudo-LiDAR case studies (paper, Section 5 and Appendix A).</summary>
    public sealed record Config
    {
        /// <summary>Seeds; each draws its own scenes, trains its own u, u′ and detectors.</summary>
        public required IReadOnlyList<int> Seeds { get; init; }

        /// <summary>Training scenes per seed (for u and the detectors).</summary>
        public required int TrainScenes { get; init; }

        /// <summary>Test scenes per seed.</summary>
        public required int TestScenes { get; init; }

        /// <summary>Scene drawing and rendering.</summary>
        public SceneSettings Scenes { get; init; } = new();

        /// <summary>Largest disparity the block matcher searches (pixels).</summary>
        public int MaxDisparity { get; init; } = 48;

        /// <summary>Training of the depth-estimation models u and u′ (identical but for the loss).</summary>
        public DepthTrainingSettings Depth { get; init; } = new();

        /// <summary>Car detector v.</summary>
        public DetectorSettings CarDetector { get; init; } = DetectorPresets.Car;

        /// <summary>Pedestrian detector w of Section 5 (winsorized, ≤ 20 m).</summary>
        public DetectorSettings PedestrianDetector { get; init; } = DetectorPresets.Pedestrian;

        /// <summary>Pedestrian detector of Appendix A (non-winsorized, all ranges, pruned beyond 20 m).</summary>
        public DetectorSettings AppendixDetector { get; init; } = DetectorPresets.PedestrianAllRanges;

        /// <summary>Whether to run Appendix A's variant as well.</summary>
        public bool RunAppendix { get; init; } = true;

        /// <summary>The profile this configuration came from (stated on every chart and table).</summary>
        public required Profile Profile { get; init; }

        /// <summary>The settings that shape the numbers, in one line (chart and table captions).</summary>
        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{TrainScenes} training + {TestScenes} test scenes of {Scenes.Width}x{Scenes.Height} px per seed; u: block matching " +
            $"(max disparity {MaxDisparity}) + MLP refinement {string.Join("-", Depth.Hidden)}, {Depth.PretrainEpochs} pre-training + {Depth.Epochs} epochs on " +
            $"{Depth.PixelsPerScene} px/scene; detectors {CarDetector.Channels} channels x {CarDetector.Layers} layers, {CarDetector.Epochs} epochs (cars, " +
            $"face-anchored, mirrored, refined on points) and {PedestrianDetector.Epochs} (pedestrians)");

        /// <summary>The configuration of a profile: smoke (seconds), quick (minutes on 2 cores), paper (more of everything).</summary>
        public static Config For(Profile profile)
        {
            ArgumentNullException.ThrowIfNull(profile);
            if (profile == Profile.Smoke)
            {
                DetectorSettings Tiny(DetectorSettings d) => d with { Epochs = 1, Channels = 4, Layers = 2 };
                return new Config
                {
                    Seeds = [0],
                    TrainScenes = 2,
                    TestScenes = 1,
                    Scenes = new SceneSettings { Width = 64, Height = 24, Supersampling = 1 },
                    MaxDisparity = 16,
                    Depth = new DepthTrainingSettings { PixelsPerScene = 200, PretrainEpochs = 1, Epochs = 2, Hidden = [8] },
                    CarDetector = Tiny(DetectorPresets.Car),
                    PedestrianDetector = Tiny(DetectorPresets.Pedestrian),
                    AppendixDetector = Tiny(DetectorPresets.PedestrianAllRanges),
                    Profile = profile,
                };
            }

            if (profile == Profile.Quick)
            {
                return new Config
                {
                    Seeds = [0, 1],
                    TrainScenes = 40,
                    TestScenes = 20,
                    Depth = new DepthTrainingSettings { PixelsPerScene = 1500, PretrainEpochs = 40, Epochs = 40, LearningRate = 3e-3, FineTuneLearningRate = 3e-4 },
                    Profile = profile,
                };
            }

            return new Config
            {
                Seeds = Enumerable.Range(0, 10).ToArray(),
                TrainScenes = 300,
                TestScenes = 100,
                Depth = new DepthTrainingSettings { PixelsPerScene = 3000, PretrainEpochs = 60, Epochs = 60, LearningRate = 3e-3, FineTuneLearningRate = 3e-4 },
                CarDetector = DetectorPresets.Car with { Epochs = 20, Channels = 24 },
                PedestrianDetector = DetectorPresets.Pedestrian with { Epochs = 20, Channels = 24 },
                AppendixDetector = DetectorPresets.PedestrianAllRanges with { Epochs = 20, Channels = 24 },
                Profile = profile,
            };
        }
    }
}
