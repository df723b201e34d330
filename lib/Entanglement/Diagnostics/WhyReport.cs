using System.Globalization;
using System.Text;

namespace Entanglement.Diagnostics;

/// <summary>
/// Why an update did (or did not) defeat itself, for one outcome sweep: the flip metrics of every vertex, the
/// downstream's error decomposition over the knob, and the root-cause diagnosis.
/// </summary>
public sealed record WhyReport(OutcomeSweep Sweep, FlipReport Flips, DecompositionReport Decomposition, Diagnosis Diagnosis)
{
    /// <summary>Computes the three analyses between the first and last knob values.</summary>
    public static WhyReport Of(OutcomeSweep sweep, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return new WhyReport(sweep, FlipReport.Of(sweep), DecompositionReport.Of(sweep), Diagnoser.Diagnose(sweep, alpha: alpha));
    }

    /// <summary>Flips, decomposition and diagnosis as plain text (what <c>workbook diagnose</c> prints).</summary>
    public string Text
    {
        get
        {
            var sb = new StringBuilder();
            var from = Sweep.FormatKnob(Flips.From);
            var to = Sweep.FormatKnob(Flips.To);
            sb.AppendLine(CultureInfo.InvariantCulture, $"{Sweep.Experiment}: {Sweep.Knob} = {from} → {to} ({Sweep.Provenance})");
            sb.AppendLine("Flips (mean ± sd over seeds): vertex, NFR, PFR, BTC, BEC, error before → after");
            foreach (var f in Flips.Overall)
            {
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"  {f.Vertex,-12} {f.NegativeFlipRate.Describe("0.000")}  {f.PositiveFlipRate.Describe("0.000")}  " +
                    $"{f.Btc.Mean:0.000}  {f.Bec.Mean:0.000}  {f.ErrorBefore.Mean:0.000} → {f.ErrorAfter.Mean:0.000}");
            }

            sb.AppendLine("Negative flip rate per class (mean over seeds):");
            foreach (var group in Flips.PerClass.GroupBy(f => f.Vertex))
            {
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"  {group.Key,-12} {string.Join("  ", group.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Class}: {f.NegativeFlipRate.Mean:0.000}")))}");
            }

            if (Decomposition.IsComplete)
            {
                sb.AppendLine("Downstream error decomposition (mean over seeds): knob, information + approximation + estimation = error");
                var parts = DecompositionReport.Parts.Select(Decomposition.Mean).ToArray();
                var total = Decomposition.Mean("downstream");
                for (var p = 0; p < Sweep.KnobValues.Count; p++)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture,
                        $"  {Sweep.Knob} = {Sweep.FormatKnob(p),-6} {parts[0][p]:0.000} + {parts[1][p]:+0.000;-0.000} + {parts[2][p]:+0.000;-0.000} = {total[p]:0.000}");
                }
            }
            else
            {
                sb.AppendLine("Downstream error decomposition: the probes were not recorded for these runs.");
            }

            sb.Append("Diagnosis: ").AppendLine(Diagnosis.Summary);
            return sb.ToString();
        }
    }

}
