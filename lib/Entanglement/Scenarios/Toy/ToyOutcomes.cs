using Entanglement.Diagnostics;

namespace Entanglement.Scenarios.Toy;

/// <summary>Per-example outcomes of the toy illustrations, in the vertex roles <see cref="OutcomeSweep"/> reads.</summary>
public static class ToyOutcomes
{
    /// <summary>
    /// Figure 3: u (1 = says 7), v (1 = says 1), the retrained w (1 = says {1, 7}), the k-NN probe (on four discrete
    /// cells the per-cell majority is the flexible estimator, so it equals w) and the in-class probe (the cell rule
    /// fitted on the test points).
    /// </summary>
    public static SystemRun AntiCorrelated(int point, int seed, int[] groups, bool[] u, bool[] v, bool[] w, bool[] inClass)
    {
        ArgumentNullException.ThrowIfNull(groups);
        int[] ids = [.. Enumerable.Range(0, groups.Length)];
        int[] Bits(bool[] b) => [.. b.Select(x => x ? 1 : 0)];
        int[] wLabels = [.. groups.Select(g => g != 6 ? 1 : 0)];
        return SystemRun.Of(point, seed,
        [
            OutcomeRecorder.Hard("u", Bits(u), [.. groups.Select(g => g == 7 ? 1 : 0)], ids, groups),
            OutcomeRecorder.Hard("v", Bits(v), [.. groups.Select(g => g == 1 ? 1 : 0)], ids, groups),
            OutcomeRecorder.Hard("downstream", Bits(w), wLabels, ids, groups),
            OutcomeRecorder.Hard(OutcomeRecorder.Knn, Bits(w), wLabels, ids, groups),
            OutcomeRecorder.Hard(OutcomeRecorder.InClass, Bits(inClass), wLabels, ids, groups),
        ]);
    }

    /// <summary>
    /// Figure 2: the upstream regressor's 2-D outputs and squared errors (a regressor of a continuous target makes no
    /// hard decision, so its label and prediction are both 0), the linear w, the k-NN probe fitted on the predicted
    /// training points, and a logistic classifier fitted on the predicted test points (the best linear probe).
    /// </summary>
    public static SystemRun HypothesisSpace(
        int point, int seed, double[][] predTrain, bool[] classTrain, double[][] predTest, double[][] targets, bool[] classTest,
        double[] classifier)
    {
        ArgumentNullException.ThrowIfNull(predTrain);
        ArgumentNullException.ThrowIfNull(classTrain);
        ArgumentNullException.ThrowIfNull(predTest);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(classTest);
        var n = predTest.Length;
        int[] ids = [.. Enumerable.Range(0, n)];
        int[] labels = [.. classTest.Select(c => c ? 1 : 0)];
        int[] zeros = new int[n];
        var losses = predTest.Select((p, i) => (float)p.Zip(targets[i], (a, b) => (a - b) * (a - b)).Sum()).ToArray();
        float[] Flat(double[][] rows) => [.. rows.SelectMany(r => r.Select(x => (float)x))];
        var knn = KNearestNeighbours.Classify(Flat(predTrain), [.. classTrain.Select(c => c ? 1 : 0)], Flat(predTest), 2);
        var probe = LinearAlgebra.LogisticRegression(predTest, classTest);
        int[] Apply(double[] weights) => [.. predTest.Select(p => LinearAlgebra.Predict(weights, p) ? 1 : 0)];
        return SystemRun.Of(point, seed,
        [
            VertexOutcomes.Create("upstream", ids, zeros, labels, zeros, losses, Flat(predTest), 2),
            OutcomeRecorder.Hard("downstream", Apply(classifier), labels, ids, labels),
            OutcomeRecorder.Hard(OutcomeRecorder.Knn, knn, labels, ids, labels),
            OutcomeRecorder.Hard(OutcomeRecorder.InClass, Apply(probe), labels, ids, labels),
        ]);
    }
}
