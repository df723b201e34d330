using System.Globalization;
using System.Text.Json;
using Entanglement.Experiments;
using Entanglement.Scenarios;
using Entanglement.Systems;

namespace Workbook.Commands;

/// <summary>
/// The JSON summary of <c>workbook run --json</c>. JSON has no NaN or infinity: a statistic that is undefined (the
/// standard deviation or Welch p-value of a single seed) is written as <c>null</c>, and the sweep's
/// <c>undefined</c> object says, per field, why.
/// </summary>
internal static class RunJson
{
    /// <summary>Indented JSON, as the CLI writes its summaries.</summary>
    public static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true };

    /// <summary>The summary of <paramref name="outcomes"/> as indented JSON.</summary>
    public static string Serialize(IEnumerable<ExperimentOutcome> outcomes) =>
        JsonSerializer.Serialize(outcomes.Select(ToJson), Indented);

    private static object ToJson(ExperimentOutcome outcome) => new
    {
        experiment = outcome.Name,
        note = outcome.Note,
        sweeps = outcome.Sweeps.Select(Sweep),
    };

    private static object Sweep(SweepResult s)
    {
        var undefined = new SortedDictionary<string, string>(StringComparer.Ordinal);
        double? Stat(string field, double value, Func<string> reason)
        {
            if (double.IsFinite(value))
            {
                return value;
            }

            undefined.TryAdd(field, reason());
            return null;
        }

        string SpreadReason(SampleSummary summary) => summary.Count < 2
            ? Invariant($"a standard deviation needs at least two seeds; this point has {summary.Count}")
            : NotFinite(summary.StandardDeviation);
        string PValueReason(WelchTest test) => test.Before.Count < 2 || test.After.Count < 2
            ? Invariant($"Welch's t-test needs at least two seeds on each side; there are {test.Before.Count} and {test.After.Count}")
            : NotFinite(test.PValue);

        var points = s.KnobValues.Select((v, p) =>
        {
            var up = s.UpstreamSummary[p];
            var down = s.DownstreamSummary[p];
            return new
            {
                value = Stat("value", v, () => NotFinite(v)),
                upstreamMean = Stat("upstreamMean", up.Mean, () => NotFinite(up.Mean)),
                upstreamSd = Stat("upstreamSd", up.StandardDeviation, () => SpreadReason(up)),
                downstreamMean = Stat("downstreamMean", down.Mean, () => NotFinite(down.Mean)),
                downstreamSd = Stat("downstreamSd", down.StandardDeviation, () => SpreadReason(down)),
            };
        }).ToList();
        var updated = s.Verdict.Updated;
        var descendant = s.Verdict.Descendants[0];
        var verdict = new
        {
            selfDefeating = s.Verdict.IsSelfDefeating,
            significant = s.Verdict.IsSignificant,
            upstreamChange = Stat("verdict.upstreamChange", updated.Difference, () => NotFinite(updated.Difference)),
            upstreamPValue = Stat("verdict.upstreamPValue", updated.Test.PValue, () => PValueReason(updated.Test)),
            downstreamChange = Stat("verdict.downstreamChange", descendant.Difference, () => NotFinite(descendant.Difference)),
            downstreamPValue = Stat("verdict.downstreamPValue", descendant.Test.PValue, () => PValueReason(descendant.Test)),
            summary = s.Summary,
        };
        return new
        {
            title = s.Experiment,
            parameter = s.Knob,
            profile = s.Profile.Name,
            seeds = s.Seeds,
            settings = s.Settings,
            points,
            verdict,
            undefined,
        };
    }

    private static string NotFinite(double value) =>
        Invariant($"not a finite number ({value.ToString(CultureInfo.InvariantCulture)})");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
