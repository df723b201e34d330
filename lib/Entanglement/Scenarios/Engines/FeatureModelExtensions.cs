using Entanglement.Scenarios.Training;

namespace Entanglement.Scenarios.Engines;

/// <summary>Scores of a downstream model computed from its predictions (engine-independent).</summary>
public static class FeatureModelExtensions
{
    /// <summary>Zero-one error of <paramref name="model"/> on <paramref name="test"/>.</summary>
    public static double ZeroOneError(this IFeatureModel model, FeatureSet test)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        var predictions = model.Predict(test);
        return predictions.Where((p, i) => p != test.Labels[i]).Count() / (double)test.Count;
    }
}
