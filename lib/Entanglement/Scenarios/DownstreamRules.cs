using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Scenarios;

/// <summary>The downstream models of §4.2, on the two upstreams' hard predictions (1 = u says 7, 1 = v says 1).</summary>
public static class DownstreamRules
{
    /// <summary>The paper's rule: {1, 7} when u predicts 7 or v predicts 1; its error on the test cells.</summary>
    public static double PaperRuleError(int[] uTest, int[] vTest, bool[] positiveTest)
    {
        ArgumentNullException.ThrowIfNull(uTest);
        ArgumentNullException.ThrowIfNull(vTest);
        ArgumentNullException.ThrowIfNull(positiveTest);
        var errors = 0;
        for (var i = 0; i < positiveTest.Length; i++)
        {
            errors += (uTest[i] == 1 || vTest[i] == 1) != positiveTest[i] ? 1 : 0;
        }

        return errors / (double)positiveTest.Length;
    }

    /// <summary>
    /// The Bayes-optimal rule for the four (u, v) cells, estimated on the training images (majority of {1, 7} per
    /// cell; an empty cell or a tie answers {1, 7}); its error on the test cells.
    /// </summary>
    public static double BayesCellError(int[] uTrain, int[] vTrain, bool[] positiveTrain, int[] uTest, int[] vTest, bool[] positiveTest)
    {
        ArgumentNullException.ThrowIfNull(uTrain);
        ArgumentNullException.ThrowIfNull(vTrain);
        ArgumentNullException.ThrowIfNull(positiveTrain);
        ArgumentNullException.ThrowIfNull(uTest);
        ArgumentNullException.ThrowIfNull(vTest);
        ArgumentNullException.ThrowIfNull(positiveTest);
        var positive = new int[4];
        var total = new int[4];
        for (var i = 0; i < positiveTrain.Length; i++)
        {
            var c = (2 * uTrain[i]) + vTrain[i];
            total[c]++;
            positive[c] += positiveTrain[i] ? 1 : 0;
        }

        var errors = 0;
        for (var i = 0; i < positiveTest.Length; i++)
        {
            var c = (2 * uTest[i]) + vTest[i];
            var say = 2 * positive[c] >= total[c];
            errors += say != positiveTest[i] ? 1 : 0;
        }

        return errors / (double)positiveTest.Length;
    }

    /// <summary>The per-cell majority rule of <see cref="BayesCellError"/>, fitted on one set of cells, applied to another (1 = {1, 7}).</summary>
    public static int[] BayesCellPredictions(int[] uFit, int[] vFit, bool[] positiveFit, int[] uApply, int[] vApply)
    {
        ArgumentNullException.ThrowIfNull(uFit);
        ArgumentNullException.ThrowIfNull(vFit);
        ArgumentNullException.ThrowIfNull(positiveFit);
        ArgumentNullException.ThrowIfNull(uApply);
        ArgumentNullException.ThrowIfNull(vApply);
        var positive = new int[4];
        var total = new int[4];
        for (var i = 0; i < positiveFit.Length; i++)
        {
            var c = (2 * uFit[i]) + vFit[i];
            total[c]++;
            positive[c] += positiveFit[i] ? 1 : 0;
        }

        return [.. uApply.Select((u, i) => 2 * positive[(2 * u) + vApply[i]] >= total[(2 * u) + vApply[i]] ? 1 : 0)];
    }

    /// <summary>A linear classifier on the concatenated one-hot predictions (the paper's public code), trained on the training cells.</summary>
    public static double LinearOneHotError(
        (int[] Train, int[] Test) u, (int[] Train, int[] Test) v, bool[] positiveTrain, bool[] positiveTest, TrainingSettings settings, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(positiveTrain);
        ArgumentNullException.ThrowIfNull(positiveTest);
        var train = OneHot(u.Train, v.Train, positiveTrain);
        var test = OneHot(u.Test, v.Test, positiveTest);
        using var linear = Engines.TrainingEngines.Current.CreateFeatureModel(Engines.DownstreamNetwork.Linear(4, 2), rng.Fork("init"));
        linear.Fit(train, settings, rng.Fork("train"));
        return Engines.FeatureModelExtensions.ZeroOneError(linear, test);
    }

    private static FeatureSet OneHot(int[] u, int[] v, bool[] positive)
    {
        var f = new float[u.Length * 4];
        for (var i = 0; i < u.Length; i++)
        {
            f[(i * 4) + u[i]] = 1f;
            f[(i * 4) + 2 + v[i]] = 1f;
        }

        return new FeatureSet(f, 4, [.. positive.Select(p => p ? 1 : 0)]);
    }
}
