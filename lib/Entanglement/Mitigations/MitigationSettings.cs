using System.Globalization;
using Entanglement.Scenarios.Training;

namespace Entanglement.Mitigations;

/// <summary>The knobs of the mitigations themselves, shared by every experiment of a study.</summary>
public sealed record MitigationSettings
{
    /// <summary>λ of the new-error penalty: extra weight on examples the previous upstream got right (0 = none).</summary>
    public required int Lambda { get; init; }

    /// <summary>Hidden widths of the higher-capacity downstream MLP.</summary>
    public required IReadOnlyList<int> WiderHidden { get; init; }

    /// <summary>Training of the end-to-end fine-tuning (upstream and downstream together, downstream's cross-entropy).</summary>
    public required TrainingSettings EndToEndTraining { get; init; }

    /// <summary>ε of the ZCA whitening, relative to the mean eigenvalue of the features' covariance.</summary>
    public double WhiteningEpsilon { get; init; } = 1e-3;

    /// <summary>One line stating every setting.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"compatibility λ = {Lambda}; whitening ZCA, ε = {WhiteningEpsilon}·mean eigenvalue; wider downstream MLP hidden " +
        $"{string.Join("-", WiderHidden)}; end-to-end fine-tuning {EndToEndTraining}; calibration: temperature on a held-out half of the test set");
}
