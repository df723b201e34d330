using System.Globalization;
using Entanglement.Mitigations;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Fairness;
using Entanglement.Scenarios.HigherOrder;
using Entanglement.Scenarios.PseudoLidar;
using Entanglement.Scenarios.Toy;

namespace Entanglement.Experiments;

/// <summary>Every experiment of the workbook, in the paper's order.</summary>
public static class ExperimentCatalog
{
    /// <summary>The toy illustrations, the four SVHN experiments, the pseudo-LiDAR case studies, then the studies beyond the paper: mitigations, higher-order entanglement and fairness.</summary>
    public static IReadOnlyList<ExperimentEntry> All { get; } =
    [
        new("toy-hypothesis-space", "Toy illustration of hypothesis-space mismatch (§3, Figure 2)", r =>
        {
            var config = ToyHypothesisSpaceMismatch.Config.For(r.Profile);
            var result = ToyHypothesisSpaceMismatch.Run(config with { Seeds = r.Seeds(config.Seeds) }, r.Options.Progress);
            return new ExperimentOutcome("toy-hypothesis-space", [result.Sweep], null);
        }),
        new("toy-anti-correlated", "Toy illustration of anti-correlated errors (§3, Figure 3)", r =>
        {
            var config = ToyAntiCorrelatedErrors.Config.For(r.Profile);
            var result = ToyAntiCorrelatedErrors.Run(config with { Seeds = r.Seeds(config.Seeds) }, r.Options.Progress);
            return new ExperimentOutcome("toy-anti-correlated", [result.Sweep], null);
        }),
        new("loss-function-mismatch", "Loss-function mismatch (§4.1.1, Figure 4(a))", r =>
        {
            var preset = LossFunctionMismatch.Config.For(r.Profile);
            var config = preset with { Dataset = r.Dataset ?? preset.Dataset, Seeds = r.Seeds(preset.Seeds) };
            return Outcome("loss-function-mismatch", ExperimentRunner.Run(config, r.Options));
        }),
        new("data-distribution-mismatch", "Data-distribution mismatch (§4.1.2, Figure 4(b))", r =>
        {
            var preset = DataDistributionMismatch.Config.For(r.Profile);
            var config = preset with { Dataset = r.Dataset ?? preset.Dataset, Seeds = r.Seeds(preset.Seeds) };
            return Outcome("data-distribution-mismatch", ExperimentRunner.Run(config, r.Options));
        }),
        new("hypothesis-space-mismatch", "Hypothesis-space mismatch (§4.1.3, Figure 4(c))", r =>
        {
            var preset = HypothesisSpaceMismatch.Config.For(r.Profile);
            var config = preset with { Dataset = r.Dataset ?? preset.Dataset, Seeds = r.Seeds(preset.Seeds) };
            return Outcome("hypothesis-space-mismatch", ExperimentRunner.Run(config, r.Options));
        }),
        new("anti-correlated-errors", "Anti-correlated errors (§4.2, Figure 4(d))", r =>
        {
            var preset = AntiCorrelatedErrors.Config.For(r.Profile);
            var config = preset with { Dataset = r.Dataset ?? preset.Dataset, Seeds = r.Seeds(preset.Seeds) };
            var result = ExperimentRunner.Run(config, r.Options);
            var contrast = result.DiagonalVersusOffDiagonal;
            var note = string.Create(CultureInfo.InvariantCulture,
                $"Downstream error with equal noise in u and v (diagonal) {contrast.Before.Mean:G3} vs unequal (off-diagonal) " +
                $"{contrast.After.Mean:G3}, Welch p = {contrast.PValue:G2}. At p = {config.P[^1]}, {result.MeanFlippedOnes[^1]:P0} of the " +
                $"flipped training images are 1s (the rest 7s).");
            return new ExperimentOutcome("anti-correlated-errors", [result.ImproveU, result.ImproveV], note);
        }),
        new(PseudoLidarExperiment.Name, "Pseudo-LiDAR case studies (§5, Tables 2-3; Appendix A, Table S1)", r =>
        {
            var preset = PseudoLidarCaseStudy.Config.For(r.Profile);
            var result = PseudoLidarExperiment.Run(preset with { Seeds = r.Seeds(preset.Seeds) }, r.Options);
            var sweeps = new List<SweepResult> { result.Section5Sweep(ObjectKind.Pedestrian), result.Section5Sweep(ObjectKind.Car) };
            if (result.TableS1.Count > 0)
            {
                sweeps.Add(result.AppendixSweep);
            }

            return new ExperimentOutcome(PseudoLidarExperiment.Name, sweeps, result.Summary);
        }),
        new(MitigationExperiment.Name, "Mitigations of the four experiments' updates, side by side (beyond the paper)", r =>
        {
            var preset = MitigationStudy.Config.For(r.Profile);
            var result = MitigationExperiment.Run(preset with { Seeds = r.Seeds(preset.Seeds) }, r.Options);
            return new ExperimentOutcome(MitigationExperiment.Name, result.Sweeps, result.Summary);
        }),
        new(HigherOrderExperiment.Name, "Higher-order entanglement: three upstreams whose errors cancel in a vote (beyond the paper, §7)", r =>
        {
            var preset = HigherOrderEntanglement.Config.For(r.Profile);
            var result = HigherOrderExperiment.Run(preset with { Dataset = r.Dataset ?? preset.Dataset, Seeds = r.Seeds(preset.Seeds) }, r.Options);
            return new ExperimentOutcome(HigherOrderExperiment.Name, [result.Nested], result.Summary);
        }),
        new(FairnessExperiment.Name, "Fairness: can a fairer upstream make its downstream less fair? (beyond the paper, §7)", r =>
        {
            var preset = FairerUpstream.Config.For(r.Profile);
            var result = FairnessExperiment.Run(preset with { Dataset = r.Dataset ?? preset.Dataset, Seeds = r.Seeds(preset.Seeds) }, r.Options);
            return new ExperimentOutcome(FairnessExperiment.Name, [result.EqualisedOdds, result.Errors], result.Summary);
        }),
    ];

    /// <summary>The experiment called <paramref name="name"/>, or an error listing the names.</summary>
    public static ExperimentEntry Find(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"Unknown experiment '{name}'; expected one of: {string.Join(", ", All.Select(e => e.Name))}, or 'all'.", nameof(name));

    private static ExperimentOutcome Outcome(string name, SweepResult result) => new(name, [result], null);
}
