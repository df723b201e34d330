using Entanglement.Mitigations;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Mitigations;

public sealed class TemperatureScalingTests
{
    /// <summary>
    /// Labels drawn from softmax(z) of well-calibrated logits z, then handed out as 4z: an over-confident model whose
    /// right temperature is 4 by construction.
    /// </summary>
    private static (FeatureSet OverConfident, FeatureSet Calibrated) OverConfident(int seed, int count = 4000)
    {
        var rng = new Rng(seed);
        const int classes = 3;
        var z = new float[count * classes];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < classes; j++)
            {
                z[(i * classes) + j] = (float)rng.NextNormal();
            }

            var p = TemperatureScaling.Probabilities(new FeatureSet(z[(i * classes)..((i + 1) * classes)], classes, [0]), 1).Features;
            var u = rng.NextDouble();
            var label = 0;
            for (var acc = (double)p[0]; acc < u && label < classes - 1; acc += p[++label])
            {
            }

            labels[i] = label;
        }

        return (new FeatureSet([.. z.Select(v => 4 * v)], classes, labels), new FeatureSet(z, classes, labels));
    }

    [Fact]
    public void Fit_recovers_the_temperature_of_a_constructed_over_confident_model()
    {
        var (overConfident, _) = OverConfident(seed: 1234);
        var t = TemperatureScaling.Fit(overConfident);
        Assert.InRange(t, 3.5, 4.5);
    }

    [Fact]
    public void Calibration_lowers_the_expected_calibration_error_on_held_out_data()
    {
        var (fit, _) = OverConfident(seed: 1);
        var (heldOut, _) = OverConfident(seed: 2);
        var t = TemperatureScaling.Fit(fit);
        var before = CalibrationError.Expected(TemperatureScaling.Probabilities(heldOut, 1));
        var after = CalibrationError.Expected(TemperatureScaling.Probabilities(heldOut, t));
        Assert.True(before > 0.1, $"the constructed model should be over-confident (ECE {before})");
        Assert.True(after < before / 3, $"ECE {before} → {after}");
    }

    [Fact]
    public void The_fitted_temperature_minimises_the_likelihood_and_keeps_the_arg_max()
    {
        var (data, _) = OverConfident(seed: 7, count: 500);
        var t = TemperatureScaling.Fit(data);
        var nll = TemperatureScaling.NegativeLogLikelihood(data, t);
        Assert.True(nll <= TemperatureScaling.NegativeLogLikelihood(data, t * 1.05) + 1e-9);
        Assert.True(nll <= TemperatureScaling.NegativeLogLikelihood(data, t / 1.05) + 1e-9);
        var p1 = TemperatureScaling.Probabilities(data, 1).ToTensor().Argmax(1);
        var pt = TemperatureScaling.Probabilities(data, t).ToTensor().Argmax(1);
        Assert.Equal(p1, pt);
    }

    [Fact]
    public void Probabilities_match_softmax_computed_by_hand()
    {
        var p = TemperatureScaling.Probabilities(new FeatureSet([0f, Ln2 * 2], 2, [0]), temperature: 2).Features;
        // softmax([0, ln 2]) = [1/3, 2/3].
        Assert.Equal(1 / 3.0, p[0], 5);
        Assert.Equal(2 / 3.0, p[1], 5);
    }

    [Fact]
    public void Expected_calibration_error_is_the_gap_between_confidence_and_accuracy()
    {
        // Every row 80 % confident; 3 of 4 right: ECE = |0.75 − 0.8| = 0.05.
        var rows = new FeatureSet([0.8f, 0.2f, 0.8f, 0.2f, 0.8f, 0.2f, 0.2f, 0.8f], 2, [0, 0, 0, 0]);
        Assert.Equal(0.05, CalibrationError.Expected(rows), 6);
    }

    private const float Ln2 = 0.6931472f;
}
