using System.Globalization;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>A <see cref="DetectorTrial"/>'s AP (percent) and error breakdown.</summary>
public sealed record DetectorTrialResult(int Seed, double Ap3D, double ApBev, DetectorErrors Errors, double FinalLoss)
{
    /// <summary>AP_3D (percent) had every detection been scored by its best IoU with a true box: the boxes' ceiling.</summary>
    public double RankedAp3D { get; init; }

    /// <summary>Kinds of the objects nearest the confident false positives, with counts.</summary>
    public string FalsePositiveNeighbours { get; init; } = "";

    /// <summary>The evaluation frames (counted and ignored boxes, detections) the numbers come from, one per test scene.</summary>
    public IReadOnlyList<EvaluationFrame> Frames { get; init; } = [];

    /// <summary>One line for a log.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed}: AP3D {Ap3D:F1} BEV {ApBev:F1} ranked {RankedAp3D:F1} loss {FinalLoss:F3} | {Errors} | FP near {FalsePositiveNeighbours}");
}
