using System.Globalization;

namespace Entanglement.Scenarios;

/// <summary>
/// What an experiment sweeps, without its numbers: the knob, the models, the losses, the profile and seeds.
/// Knob values are listed from the original upstream v to the improved v′ (the order the comparison reads).
/// </summary>
public record SweepShape
{
    /// <summary>Experiment title with the paper's section, e.g. "Loss-function mismatch (§4.1.1)".</summary>
    public required string Experiment { get; init; }

    /// <summary>The swept knob's symbol as the paper names it, e.g. "r".</summary>
    public required string Knob { get; init; }

    /// <summary>What the knob means, e.g. "noisy examples per clean example".</summary>
    public required string KnobDescription { get; init; }

    /// <summary>Knob values, from the original upstream (first) to the improved one (last).</summary>
    public required IReadOnlyList<double> KnobValues { get; init; }

    public required string UpstreamModel { get; init; }

    public required string DownstreamModel { get; init; }

    /// <summary>Name of the upstream test loss ℓ_v, e.g. "MSE".</summary>
    public required string UpstreamLoss { get; init; }

    /// <summary>Name of the downstream test loss ℓ_w, e.g. "zero-one error".</summary>
    public required string DownstreamLoss { get; init; }

    public required Profile Profile { get; init; }

    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>The settings that produced the numbers, one line, stated on every chart and table.</summary>
    public required string Settings { get; init; }

    /// <summary>The engine and device that trained the runs, "native (cpu)" or "torch (cuda)": the one in scope when described.</summary>
    public string Engine { get; init; } = $"{Engines.TrainingEngines.Current.Name} ({Engines.TrainingEngines.Current.Device})";

    /// <summary>
    /// "profile quick, seeds 0, 1, 2" — what every chart caption carries; runs of another engine than the native CPU one
    /// add it: "profile quick, seeds 0, 1, 2, engine torch (cuda)".
    /// </summary>
    public string Provenance => $"profile {Profile.Name}, seeds {string.Join(", ", Seeds)}"
        + (Engine == "native (cpu)" ? string.Empty : $", engine {Engine}");

    /// <summary>A knob value as the tables print it.</summary>
    public static string FormatKnob(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
