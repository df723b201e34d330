using Entanglement.Diagnostics;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Scenarios;

/// <summary>
/// Builds the per-example outcomes a scenario keeps for diagnosis (<see cref="VertexOutcomes"/>): each vertex's
/// prediction and loss on the fixed test set, and two probes of the downstream's inputs for the error decomposition:
/// <c>downstream:knn</c> (k-NN trained on the downstream's training inputs: the best achievable error on them) and
/// <c>downstream:in-class</c> (the downstream's model class refitted with more data and scored out of sample: the best in
/// its class; see <see cref="Probes"/>).
/// </summary>
public static class OutcomeRecorder
{
    /// <summary>Name of the k-NN probe of the downstream's inputs.</summary>
    public const string Knn = "downstream:knn";

    /// <summary>Name of the best-in-class probe (the downstream's class, cross-fitted on training plus held-out test inputs).</summary>
    public const string InClass = "downstream:in-class";

    /// <summary>Largest reference sample of the k-NN probe (the quick profiles stay below it; SVHN's 73,257 do not).</summary>
    public const int MaxKnnReference = 20_000;

    /// <summary>A classifier vertex: arg-max predictions and zero-one losses.</summary>
    public static VertexOutcomes Classifier(string vertex, IFeatureModel classifier, FeatureSet test, IReadOnlyList<int> ids, IReadOnlyList<int> classes)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(test);
        var predictions = classifier.Predict(test);
        return Hard(vertex, predictions, test.Labels, ids, classes);
    }

    /// <summary>Hard predictions against labels, zero-one loss per example.</summary>
    public static VertexOutcomes Hard(string vertex, IReadOnlyList<int> predictions, IReadOnlyList<int> labels, IReadOnlyList<int> ids, IReadOnlyList<int> classes)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        var losses = predictions.Select((p, i) => p == labels[i] ? 0f : 1f).ToArray();
        return VertexOutcomes.Create(vertex, ids, labels, classes, predictions, losses);
    }

    /// <summary>
    /// A scalar regressor: outputs kept, squared-error losses, and as its prediction the index of the nearest of
    /// <paramref name="values"/> (the label is the index of the true value).
    /// </summary>
    public static VertexOutcomes Regressor(string vertex, FeatureSet outputs, IReadOnlyList<float> targets, IReadOnlyList<float> values, IReadOnlyList<int> ids, IReadOnlyList<int> classes)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(values);
        int Nearest(float x) => Enumerable.Range(0, values.Count).MinBy(j => Math.Abs(values[j] - x));
        var y = outputs.Features;
        var losses = y.Select((v, i) => (v - targets[i]) * (v - targets[i])).ToArray();
        return VertexOutcomes.Create(vertex, ids, [.. targets.Select(Nearest)], classes, [.. y.Select(Nearest)], losses, y, outputWidth: 1);
    }

    /// <summary>
    /// The 1-NN test loss per example: cosine 1-NN of each query row of the fixed 50/50 split among the reference rows
    /// (the split of <see cref="Systems.TestLosses.NearestNeighbourError"/>, so the rows' mean loss is that error).
    /// </summary>
    public static VertexOutcomes NearestNeighbour(string vertex, FeatureSet features, IReadOnlyList<int> ids, IReadOnlyList<int> classes)
    {
        ArgumentNullException.ThrowIfNull(features);
        var n = features.Count;
        var order = new Rng(ScenarioData.NearestNeighbourSplitSeed).Permutation(n);
        var reference = order[..(n / 2)].Order().ToArray();
        var query = order[(n / 2)..].Order().ToArray();
        var r = Normalised(features.Subset(reference));
        var q = Normalised(features.Subset(query));
        var width = features.Width;
        var predictions = new int[query.Length];
        for (var i = 0; i < query.Length; i++)
        {
            var best = 0;
            var bestScore = float.NegativeInfinity;
            for (var j = 0; j < reference.Length; j++)
            {
                var score = System.Numerics.Tensors.TensorPrimitives.Dot(q.AsSpan(i * width, width), r.AsSpan(j * width, width));
                if (score > bestScore)
                {
                    (best, bestScore) = (j, score);
                }
            }

            predictions[i] = features.Labels[reference[best]];
        }

        return Hard(vertex, predictions, [.. query.Select(i => features.Labels[i])], [.. query.Select(i => ids[i])], [.. query.Select(i => classes[i])]);
    }

    /// <summary>
    /// The two decomposition probes of a downstream fed <paramref name="train"/> and tested on <paramref name="test"/>:
    /// k-NN from the training inputs, and the best-in-class estimate, cross-fitted: the test rows are split in two
    /// seeded halves, and each half is predicted by a fresh model of the downstream's class trained on the training
    /// inputs plus the other half. Every test row is thus predicted out of sample by a model that saw more data than
    /// the downstream. (Fitting the class to the test rows themselves and scoring it on them, as this probe once did,
    /// nearly interpolates wide features and reports a best-in-class error far below the truth.)
    /// </summary>
    public static IReadOnlyList<VertexOutcomes> Probes(
        FeatureSet train, FeatureSet test, Func<Rng, IFeatureModel> downstreamClass, TrainingSettings settings, Rng rng,
        IReadOnlyList<int> ids, IReadOnlyList<int> classes)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(downstreamClass);
        ArgumentNullException.ThrowIfNull(rng);
        // The k-NN costs reference × test × width; past MaxKnnReference rows a seeded subsample is the reference.
        var reference = train.Count <= MaxKnnReference
            ? train
            : train.Subset([.. rng.Fork("knn-reference").Permutation(train.Count)[..MaxKnnReference].Order()]);
        var knn = KNearestNeighbours.Classify(reference.Features, reference.Labels, test.Features, reference.Width);
        return [Hard(Knn, knn, test.Labels, ids, classes), Hard(InClass, CrossFitted(train, test, downstreamClass, settings, rng), test.Labels, ids, classes)];
    }

    /// <summary>Each test row's prediction by a model of the class fitted on the training rows and the other half of the test rows.</summary>
    internal static int[] CrossFitted(FeatureSet train, FeatureSet test, Func<Rng, IFeatureModel> downstreamClass, TrainingSettings settings, Rng rng)
    {
        if (test.Count < 2)
        {
            throw new ArgumentException($"The best-in-class probe needs at least 2 test rows to cross-fit, not {test.Count}.", nameof(test));
        }

        var order = rng.Fork("in-class-folds").Permutation(test.Count);
        int[][] halves = [[.. order[..(test.Count / 2)].Order()], [.. order[(test.Count / 2)..].Order()]];
        var predictions = new int[test.Count];
        for (var fold = 0; fold < 2; fold++)
        {
            var (held, other) = (halves[fold], halves[1 - fold]);
            using var model = downstreamClass(rng.Fork($"init-in-class-{fold}"));
            model.Fit(train.Concat(test.Subset(other)), settings, rng.Fork($"train-in-class-{fold}"));
            var predicted = model.Predict(test.Subset(held));
            for (var i = 0; i < held.Length; i++)
            {
                predictions[held[i]] = predicted[i];
            }
        }

        return predictions;
    }

    private static float[] Normalised(FeatureSet set)
    {
        var rows = (float[])set.Features.Clone();
        for (var i = 0; i < set.Count; i++)
        {
            var row = rows.AsSpan(i * set.Width, set.Width);
            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(row);
            if (norm > 0)
            {
                System.Numerics.Tensors.TensorPrimitives.Divide(row, norm, row);
            }
        }

        return rows;
    }
}
