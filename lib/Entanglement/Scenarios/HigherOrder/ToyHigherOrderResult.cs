using System.Globalization;
using Entanglement.Systems;

namespace Entanglement.Scenarios.HigherOrder;

/// <summary>The toy's 8 subsets: closed-form errors and the simulated ones per seed (in <see cref="UpstreamSubset.All"/> order).</summary>
public sealed record ToyHigherOrderResult
{
    public required ToyHigherOrder.Config Config { get; init; }

    /// <summary>Closed-form errors per subset.</summary>
    public required IReadOnlyList<ToyHigherOrder.Errors> Exact { get; init; }

    /// <summary>Simulated errors per subset and seed.</summary>
    public required IReadOnlyList<ToyHigherOrder.Errors[]> Simulated { get; init; }

    /// <summary>Mean and sd over seeds of the simulated retrained downstream's error, per subset.</summary>
    public IReadOnlyList<SampleSummary> SimulatedRetrained => [.. Simulated.Select(s => SampleSummary.Of([.. s.Select(e => e.Retrained)]))];

    /// <summary>Largest |simulated mean − closed form| of the retrained downstream over the subsets.</summary>
    public double LargestDeviation => Exact.Select((e, i) => Math.Abs(SimulatedRetrained[i].Mean - e.Retrained)).Max();

    /// <summary>The closed form against the simulation, in words.</summary>
    public string Summary
    {
        get
        {
            var all = UpstreamSubset.All;
            string Line(int k) => string.Join(", ", all.Select((s, i) => (s, i)).Where(t => t.s.Count == k)
                .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.s} {Exact[t.i].Retrained:0.###}")));
            var worse = all.Select((s, i) => (s, i)).Where(t => Exact[t.i].Retrained > Exact[0].Retrained + 1e-12).Select(t => t.s.ToString()).ToArray();
            return string.Create(CultureInfo.InvariantCulture,
                $"Toy (closed form), retrained downstream error: none {Exact[0].Retrained:0.###}; one improved: {Line(1)}; two: {Line(2)}; all three: {Line(3)}. ") +
                (worse.Length == 0
                    ? "No subset of improvements makes the retrained downstream worse. "
                    : $"Improving {string.Join(", ", worse)} makes the retrained downstream worse although every improved upstream's error fell. ") +
                string.Create(CultureInfo.InvariantCulture,
                    $"The simulation ({Config.Seeds.Count} seeds, {Config.TrainCount} training points) deviates from the closed form by at most {LargestDeviation:0.####}.");
        }
    }
}
