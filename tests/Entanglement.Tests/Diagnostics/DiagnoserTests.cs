using Entanglement.Diagnostics;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Toy;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Tests.Diagnostics;

/// <summary>The diagnosis names the cause built into each system: the paper's toys and constructed cases.</summary>
public sealed class DiagnoserTests
{
    private static readonly int[] Seeds = [0, 1, 2, 3, 4, 5];

    [Fact]
    public void The_Figure_3_toy_is_diagnosed_as_anti_correlated_errors()
    {
        var result = ToyAntiCorrelatedErrors.Run(ToyAntiCorrelatedErrors.Config.For(Profile.Quick));

        var diagnosis = Diagnoser.Diagnose(result.Outcomes);

        Assert.Equal(EntanglementType.AntiCorrelatedErrors, diagnosis.Type);
        Assert.True(diagnosis.IsSelfDefeating);
    }

    [Fact]
    public void The_Figure_2_toy_is_diagnosed_as_hypothesis_space_mismatch()
    {
        var result = ToyHypothesisSpaceMismatch.Run(ToyHypothesisSpaceMismatch.Config.For(Profile.Quick));

        var diagnosis = Diagnoser.Diagnose(result.Outcomes);

        Assert.Equal(EntanglementType.HypothesisSpaceMismatch, diagnosis.Type);
    }

    /// <summary>
    /// A by-design loss-function mismatch: an upstream regresses the values 1, 3, 7, 9 of four classes. Before, with
    /// noise σ = 1.5 (MSE ≈ 2.25); after, it outputs 2 for classes 1 and 3 and 8 for 7 and 9 with σ = 0.3 (MSE ≈ 1.09):
    /// lower MSE, but 1 vs 3 and 7 vs 9 are no longer separable. The downstream is a k-NN classifier on the output.
    /// </summary>
    [Fact]
    public void A_regressor_that_merges_classes_is_diagnosed_as_loss_function_mismatch()
    {
        float[] values = [1, 3, 7, 9];
        SystemRun Run(int point, int seed)
        {
            var rng = new Rng(seed).Fork($"lfm-{point}");
            (FeatureSet Set, float[] Targets, int[] Digits) Sample(Rng r, int n)
            {
                var digits = Enumerable.Range(0, n).Select(i => (int)values[i % 4]).ToArray();
                var outputs = digits.Select(d => point == 0
                    ? d + (1.5f * (float)r.NextNormal())
                    : (d < 5 ? 2f : 8f) + (0.3f * (float)r.NextNormal())).ToArray();
                return (new FeatureSet(outputs, 1, [.. digits.Select(d => Array.IndexOf(values, d))]), [.. digits.Select(d => (float)d)], digits);
            }

            var train = Sample(rng.Fork("train"), 1000);
            var test = Sample(rng.Fork("test"), 600);
            int[] ids = [.. Enumerable.Range(0, 600)];
            var knn = KNearestNeighbours.Classify(train.Set.Features, train.Set.Labels, test.Set.Features, 1);
            return SystemRun.Of(point, seed,
            [
                OutcomeRecorder.Regressor("upstream", test.Set, test.Targets, values, ids, test.Digits),
                OutcomeRecorder.Hard("downstream", knn, test.Set.Labels, ids, test.Digits),
                OutcomeRecorder.Hard(OutcomeRecorder.Knn, knn, test.Set.Labels, ids, test.Digits),
                OutcomeRecorder.Hard(OutcomeRecorder.InClass, knn, test.Set.Labels, ids, test.Digits),
            ]);
        }

        var diagnosis = Diagnoser.Diagnose(Sweep([.. Seeds.SelectMany(s => new[] { Run(0, s), Run(1, s) })]));

        Assert.Equal(EntanglementType.LossFunctionMismatch, diagnosis.Type);
        Assert.True(diagnosis.IsSelfDefeating);
    }

    /// <summary>
    /// A by-design data-distribution mismatch: a 4-class upstream's error falls from 20 % to 5 % on classes 2 and 3 and
    /// rises to 30 % on classes 0 and 1, the only ones the downstream (0 vs 1, wrong wherever the upstream is) uses.
    /// </summary>
    [Fact]
    public void An_improvement_on_classes_the_downstream_ignores_is_diagnosed_as_data_distribution_mismatch()
    {
        SystemRun Run(int point, int seed)
        {
            var rng = new Rng(seed).Fork($"ddm-{point}");
            double ErrorOf(int c) => point == 0 ? 0.2 : c < 2 ? 0.3 : 0.05;
            int[] classes = [.. Enumerable.Range(0, 2000).Select(i => i % 4)];
            var wrong = classes.Select(c => rng.NextDouble() < ErrorOf(c)).ToArray();
            var upstream = Draw("upstream", classes, classes, wrong, 4);
            var kept = Enumerable.Range(0, 2000).Where(i => classes[i] < 2).ToArray();
            int[] labels = [.. kept.Select(i => classes[i])];
            var downstream = OutcomeRecorder.Hard("downstream", [.. kept.Select(i => wrong[i] ? 1 - classes[i] : classes[i])],
                labels, kept, labels);
            return SystemRun.Of(point, seed,
                [upstream, downstream, downstream.Named(OutcomeRecorder.Knn), downstream.Named(OutcomeRecorder.InClass)]);
        }

        var diagnosis = Diagnoser.Diagnose(Sweep([.. Seeds.SelectMany(s => new[] { Run(0, s), Run(1, s) })]));

        Assert.Equal(EntanglementType.DataDistributionMismatch, diagnosis.Type);
    }

    [Fact]
    public void Information_kept_but_out_of_the_downstream_class_reach_is_hypothesis_space_mismatch()
    {
        var diagnosis = Diagnoser.Diagnose(Constructed(upstream: (0.3, 0.2), knn: (0.1, 0.1), inClass: (0.1, 0.25), downstream: (0.12, 0.27)));

        Assert.Equal(EntanglementType.HypothesisSpaceMismatch, diagnosis.Type);
        Assert.Contains(diagnosis.Evidence, r => r.Supports && r.Quantity.StartsWith("approximation", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rise_only_in_estimation_is_not_diagnosed()
    {
        var diagnosis = Diagnoser.Diagnose(Constructed(upstream: (0.3, 0.2), knn: (0.1, 0.1), inClass: (0.12, 0.12), downstream: (0.13, 0.25)));

        Assert.Equal(EntanglementType.NotDiagnosed, diagnosis.Type);
        Assert.Contains("estimation", diagnosis.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_that_helps_the_downstream_is_not_diagnosed()
    {
        var diagnosis = Diagnoser.Diagnose(Constructed(upstream: (0.3, 0.2), knn: (0.2, 0.1), inClass: (0.2, 0.1), downstream: (0.25, 0.12)));

        Assert.Equal(EntanglementType.NotDiagnosed, diagnosis.Type);
        Assert.False(diagnosis.IsSelfDefeating);
        Assert.All(diagnosis.Evidence, r => Assert.False(r.Supports));
    }

    /// <summary>Hard outcomes with the given error rate (before, after) per vertex, 2,000 examples, 2 classes, six seeds.</summary>
    private static OutcomeSweep Constructed((double, double) upstream, (double, double) knn, (double, double) inClass, (double, double) downstream)
    {
        SystemRun Run(int point, int seed)
        {
            var rng = new Rng(seed).Fork($"constructed-{point}");
            int[] classes = [.. Enumerable.Range(0, 2000).Select(i => i % 2)];
            VertexOutcomes Vertex(string name, (double Before, double After) rate) =>
                Draw(name, classes, classes, [.. classes.Select(_ => rng.NextDouble() < (point == 0 ? rate.Before : rate.After))], 2);
            return SystemRun.Of(point, seed,
                [Vertex("upstream", upstream), Vertex(OutcomeRecorder.Knn, knn), Vertex(OutcomeRecorder.InClass, inClass), Vertex("downstream", downstream)]);
        }

        return Sweep([.. Seeds.SelectMany(s => new[] { Run(0, s), Run(1, s) })]);
    }

    private static VertexOutcomes Draw(string vertex, int[] labels, int[] classes, bool[] wrong, int classCount) =>
        OutcomeRecorder.Hard(vertex, [.. labels.Select((l, i) => wrong[i] ? (l + 1) % classCount : l)], labels,
            [.. Enumerable.Range(0, labels.Length)], classes);

    private static OutcomeSweep Sweep(IReadOnlyList<SystemRun> runs) => new()
    {
        Experiment = "constructed",
        Knob = "k",
        KnobValues = [0, 1],
        Updated = "upstream",
        Runs = runs,
    };
}
