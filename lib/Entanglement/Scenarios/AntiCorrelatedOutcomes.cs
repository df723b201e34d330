using Entanglement.Diagnostics;

namespace Entanglement.Scenarios;

/// <summary>The per-example outcomes §4.2's runs keep: the upstreams u, v per noise level and the retrained w.</summary>
public static class AntiCorrelatedOutcomes
{
    /// <summary>
    /// u[k] (1 = says 7), v[k] (1 = says 1), w[a,b] (1 = says {1, 7}; the Bayes-cell rule fitted on the training cells)
    /// for the cells with a or b at the last level, and at the three cells that end the two sweeps the probes
    /// <c>downstream:knn[a,b]</c> (the same majority rule: on four discrete cells it is the flexible estimator) and
    /// <c>downstream:in-class[a,b]</c> (the rule fitted on the test cells).
    /// </summary>
    public static IReadOnlyList<VertexOutcomes> Of(
        (int[] Train, int[] Test)[] u, (int[] Train, int[] Test)[] v, IReadOnlyList<int> trainDigits,
        IReadOnlyList<int> testDigits, IReadOnlyList<int> testIds)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(trainDigits);
        ArgumentNullException.ThrowIfNull(testDigits);
        var n = u.Length;
        var last = n - 1;
        var positiveTrain = trainDigits.Select(d => d != 6).ToArray();
        var positiveTest = testDigits.Select(d => d != 6).ToArray();
        int[] wLabels = [.. positiveTest.Select(p => p ? 1 : 0)];
        var outcomes = new List<VertexOutcomes>();
        for (var k = 0; k < n; k++)
        {
            outcomes.Add(OutcomeRecorder.Hard($"u[{k}]", u[k].Test, [.. testDigits.Select(d => d == 7 ? 1 : 0)], testIds, testDigits));
            outcomes.Add(OutcomeRecorder.Hard($"v[{k}]", v[k].Test, [.. testDigits.Select(d => d == 1 ? 1 : 0)], testIds, testDigits));
        }

        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                if (a != last && b != last)
                {
                    continue;
                }

                var w = DownstreamRules.BayesCellPredictions(u[a].Train, v[b].Train, positiveTrain, u[a].Test, v[b].Test);
                outcomes.Add(OutcomeRecorder.Hard($"w[{a},{b}]", w, wLabels, testIds, testDigits));
                if (a == 0 || b == 0 || a == b)
                {
                    var inClass = DownstreamRules.BayesCellPredictions(u[a].Test, v[b].Test, positiveTest, u[a].Test, v[b].Test);
                    outcomes.Add(OutcomeRecorder.Hard($"{OutcomeRecorder.Knn}[{a},{b}]", w, wLabels, testIds, testDigits));
                    outcomes.Add(OutcomeRecorder.Hard($"{OutcomeRecorder.InClass}[{a},{b}]", inClass, wLabels, testIds, testDigits));
                }
            }
        }

        return outcomes;
    }
}
