using System.Globalization;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;

namespace Entanglement.Mitigations;

/// <summary>
/// Mitigations measured side by side: each of the four SVHN experiments' updates (the knob's first value → its last)
/// made without and with each mitigation, on the same seeds, with the experiments' own settings. Beyond the paper: its
/// conclusion names calibrating outputs and whitening features ("tightening the API") as untested best practices.
/// </summary>
public static class MitigationStudy
{
    /// <summary>The experiments, in the paper's order (their CLI names); a run's point index picks one.</summary>
    public static IReadOnlyList<string> Experiments { get; } =
        ["loss-function-mismatch", "data-distribution-mismatch", "hypothesis-space-mismatch", "anti-correlated-errors"];

    /// <summary>Settings; <see cref="For"/> gives the presets.</summary>
    public sealed record Config
    {
        public required Profile Profile { get; init; }

        public required LossFunctionMismatch.Config LossFunction { get; init; }

        public required DataDistributionMismatch.Config DataDistribution { get; init; }

        public required HypothesisSpaceMismatch.Config HypothesisSpace { get; init; }

        public required AntiCorrelatedErrors.Config AntiCorrelated { get; init; }

        public required MitigationSettings Mitigations { get; init; }

        public required IReadOnlyList<int> Seeds { get; init; }

        /// <summary>
        /// Paper: each experiment's paper preset at its knob's two ends. Quick (7.0 minutes in the report on two idle cores, 2026-12-03): the quick
        /// presets at the knob's two ends with fewer upstream epochs and three seeds. Smoke: the smoke presets.
        /// </summary>
        public static Config For(Profile profile)
        {
            ArgumentNullException.ThrowIfNull(profile);
            var lfm = LossFunctionMismatch.Config.For(profile);
            var ddm = DataDistributionMismatch.Config.For(profile);
            var hsm = HypothesisSpaceMismatch.Config.For(profile);
            var ace = AntiCorrelatedErrors.Config.For(profile);
            var ends = (IReadOnlyList<int> k) => (IReadOnlyList<int>)[k[0], k[^1]];
            var config = new Config
            {
                Profile = profile,
                LossFunction = lfm with { R = ends(lfm.R), Seeds = [] },
                DataDistribution = ddm with { P = ends(ddm.P), Seeds = [] },
                HypothesisSpace = hsm with { HeadDepth = ends(hsm.HeadDepth), Seeds = [] },
                AntiCorrelated = ace with { P = [ace.P[0], ace.P[^1]], Seeds = [] },
                Mitigations = new MitigationSettings
                {
                    Lambda = 2,
                    WiderHidden = [256, 256],
                    EndToEndTraining = TrainingSettings.PaperUpstream(20),
                },
                Seeds = profile == Profile.Paper ? lfm.Seeds : [0, 1],
            };
            if (profile == Profile.Paper)
            {
                return config;
            }

            var fineTune = TrainingSettings.QuickUpstream(2);
            return profile == Profile.Smoke
                ? config with { Mitigations = config.Mitigations with { WiderHidden = [32], EndToEndTraining = fineTune with { Epochs = 1 } } }
                : config with
                {
                    LossFunction = config.LossFunction with { UpstreamTraining = lfm.UpstreamTraining with { Epochs = 20 } },
                    DataDistribution = config.DataDistribution with { UpstreamTraining = ddm.UpstreamTraining with { Epochs = 3 } },
                    HypothesisSpace = config.HypothesisSpace with
                    {
                        UpstreamTraining = hsm.UpstreamTraining with { Epochs = 3 },
                        DownstreamTraining = hsm.DownstreamTraining with { Epochs = 30 },
                    },
                    AntiCorrelated = config.AntiCorrelated with
                    {
                        ReferenceTraining = ace.ReferenceTraining with { Epochs = 5 },
                        UpstreamTraining = ace.UpstreamTraining with { Epochs = 3 },
                    },
                    Mitigations = config.Mitigations with { WiderHidden = [128, 128], EndToEndTraining = fineTune },
                    Seeds = [0, 1, 2],
                };
        }

        /// <summary>One line per experiment and one for the mitigations: every setting that shapes the numbers.</summary>
        public string Describe() => string.Join(Environment.NewLine,
            $"loss-function mismatch: r {LossFunction.R[0]} → {LossFunction.R[^1]}; {LossFunction.Describe()}",
            $"data-distribution mismatch: p {DataDistribution.P[0]} → {DataDistribution.P[^1]}; {DataDistribution.Describe()}",
            $"hypothesis-space mismatch: head depth {HypothesisSpace.HeadDepth[0]} → {HypothesisSpace.HeadDepth[^1]}; {HypothesisSpace.Describe()}",
            string.Create(CultureInfo.InvariantCulture,
                $"anti-correlated errors: p_u {AntiCorrelated.P[^1]} → {AntiCorrelated.P[0]}, p_v {AntiCorrelated.P[^1]}; {AntiCorrelated.Describe()}"),
            $"mitigations: {Mitigations.Describe()}");
    }

    /// <summary>The updates of one experiment (index into <see cref="Experiments"/>) and seed, one per mitigation that ran.</summary>
    public static IReadOnlyList<MitigatedUpdate> RunOne(Config config, int experiment, int seed, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return experiment switch
        {
            0 => HandOffMitigations.Run(LossFunctionSystem.For(config.LossFunction, seed, progress), config.Mitigations, progress),
            1 => HandOffMitigations.Run(DataDistributionSystem.For(config.DataDistribution, seed, progress), config.Mitigations, progress),
            2 => HandOffMitigations.Run(HypothesisSpaceSystem.For(config.HypothesisSpace, seed, progress), config.Mitigations, progress),
            3 => AntiCorrelatedMitigations.Run(config.AntiCorrelated, config.Mitigations, seed, progress),
            _ => throw new ArgumentOutOfRangeException(nameof(experiment), experiment, $"Expected 0…{Experiments.Count - 1}."),
        };
    }

    /// <summary>Why <paramref name="mitigation"/> does not apply to an experiment (on the current engine), or null when it does.</summary>
    public static string? NotApplicable(int experiment, Mitigation mitigation) => (experiment, mitigation) switch
    {
        (_, Mitigation.None) => null,
        (0, Mitigation.Calibration) => "the upstream is a regressor: there are no class probabilities to temperature-scale",
        (1 or 2, Mitigation.Calibration) =>
            "the downstream reads the upstream's hidden features; temperature scaling rescales only its output logits, so the hand-off is unchanged",
        (3, Mitigation.Whitening) => "the downstream reads two hard answers, not a feature vector",
        (3, Mitigation.EndToEnd) => "the downstream is a rule on hard answers (the Bayes rule on the four cells): no gradient reaches the upstreams",
        (3, Mitigation.WiderDownstream) => "the retrained downstream is already the Bayes-optimal rule on the two answers; no model of them does better",
        (_, Mitigation.EndToEnd) => EndToEndFineTuning.Unavailable(TrainingEngines.Current),
        _ => null,
    };
}
