using System.Globalization;
using System.Text;

namespace Entanglement.Diagnostics;

/// <summary>
/// A root-cause diagnosis of one update (knob point <see cref="From"/> → <see cref="To"/>): the entanglement type named,
/// the reason in words computed from the numbers, and the table of measured quantities with seeds and p-values.
/// </summary>
public sealed record Diagnosis
{
    public required string Experiment { get; init; }

    public required EntanglementType Type { get; init; }

    /// <summary>Whether the update is a self-defeating improvement over seeds (Definition 2.1, Welch at α).</summary>
    public required bool IsSelfDefeating { get; init; }

    /// <summary>Why this verdict: which rows decided it.</summary>
    public required string Reason { get; init; }

    public required IReadOnlyList<EvidenceRow> Evidence { get; init; }

    public required IReadOnlyList<int> Seeds { get; init; }

    public required int From { get; init; }

    public required int To { get; init; }

    /// <summary>The significance level used.</summary>
    public required double Alpha { get; init; }

    /// <summary>The verdict's name as a reader says it.</summary>
    public string TypeName => Type switch
    {
        EntanglementType.LossFunctionMismatch => "loss-function mismatch",
        EntanglementType.DataDistributionMismatch => "data-distribution mismatch",
        EntanglementType.HypothesisSpaceMismatch => "hypothesis-space mismatch",
        EntanglementType.AntiCorrelatedErrors => "anti-correlated errors",
        _ => "not diagnosed",
    };

    /// <summary>The verdict, reason and evidence as plain text.</summary>
    public string Summary
    {
        get
        {
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"{Experiment}: {TypeName}. {Reason} (seeds {string.Join(", ", Seeds)}; Welch α = {Alpha})");
            foreach (var row in Evidence)
            {
                sb.AppendLine().Append(CultureInfo.InvariantCulture, $"  {(row.Supports ? "*" : " ")} {row.Quantity}: {row.Describe()}");
            }

            return sb.ToString();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Summary;
}
