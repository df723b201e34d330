using System.Globalization;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>Everything one seed of the case study measured.</summary>
public sealed record SeedOutcome(
    int Seed,
    IReadOnlyDictionary<DepthLoss, double[]> DepthMaeByRange,
    IReadOnlyDictionary<DepthLoss, double> DepthMae,
    IReadOnlyDictionary<DepthLoss, double> DisparityMae,
    IReadOnlyDictionary<(DepthSource Source, ObjectKind Kind, BoxView View), double> Section5Ap,
    IReadOnlyDictionary<(DepthSource Source, BoxView View), double> AppendixAp)
{
    /// <summary>Median absolute depth error per range bin of u and u′ (empty when not measured).</summary>
    public IReadOnlyDictionary<DepthLoss, double[]> DepthMedianByRange { get; init; } = new Dictionary<DepthLoss, double[]>();

    /// <summary>
    /// Per-object outcomes of every detector and depth source on the test scenes (<see cref="ObjectOutcomes"/>); empty
    /// when not recorded (runs stored before they were kept). Not part of <see cref="ToLosses"/>: the store keeps them
    /// beside the losses.
    /// </summary>
    public IReadOnlyList<Diagnostics.VertexOutcomes> Objects { get; init; } = [];

    private static readonly DepthLoss[] Losses = [DepthLoss.DisparityMae, DepthLoss.DepthMae];

    /// <summary>
    /// Every number as a flat name → value map for the results store, e.g. <c>depth-mae[DepthMae]</c>,
    /// <c>depth-mae[DepthMae][0-10]</c>, <c>ap[Oracle,Car,Box3D]</c>, <c>appendix-ap[Oracle,BirdsEye]</c>. The store
    /// holds finite numbers only, so a NaN (an empty range bin, an AP without ground truth) is left out.
    /// </summary>
    public IReadOnlyDictionary<string, double> ToLosses()
    {
        var losses = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var loss in Losses)
        {
            losses[$"depth-mae[{loss}]"] = DepthMae[loss];
            losses[$"disparity-mae[{loss}]"] = DisparityMae[loss];
            var bins = DepthMaeByRange[loss];
            for (var b = 0; b < bins.Length; b++)
            {
                losses[$"depth-mae[{loss}][{DepthErrorByRange.BinLabels[b]}]"] = bins[b];
            }

            if (DepthMedianByRange.TryGetValue(loss, out var medians))
            {
                for (var b = 0; b < medians.Length; b++)
                {
                    losses[$"depth-median[{loss}][{DepthErrorByRange.BinLabels[b]}]"] = medians[b];
                }
            }
        }

        foreach (var ((source, kind, view), ap) in Section5Ap)
        {
            losses[$"ap[{source},{kind},{view}]"] = ap;
        }

        foreach (var ((source, view), ap) in AppendixAp)
        {
            losses[$"appendix-ap[{source},{view}]"] = ap;
        }

        foreach (var key in losses.Where(kv => !double.IsFinite(kv.Value)).Select(kv => kv.Key).ToArray())
        {
            losses.Remove(key);
        }

        return losses;
    }

    /// <summary>
    /// The outcome <see cref="ToLosses"/> flattened: a missing range bin or AP is NaN again (left out because it was).
    /// </summary>
    /// <exception cref="ArgumentException">An overall depth or disparity MAE is missing: not a case-study run.</exception>
    public static SeedOutcome FromLosses(int seed, IReadOnlyDictionary<string, double> losses, bool withAppendix)
    {
        ArgumentNullException.ThrowIfNull(losses);
        double Get(string key) => losses.TryGetValue(key, out var value)
            ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"SeedOutcome: seed {seed} has no '{key}'."), nameof(losses));
        double Optional(string key) => losses.TryGetValue(key, out var value) ? value : double.NaN;
        var byRange = Losses.ToDictionary(l => l, l => DepthErrorByRange.BinLabels.Select(b => Optional($"depth-mae[{l}][{b}]")).ToArray());
        var section5 = new Dictionary<(DepthSource, ObjectKind, BoxView), double>();
        var appendix = new Dictionary<(DepthSource, BoxView), double>();
        foreach (var source in Enum.GetValues<DepthSource>())
        {
            foreach (var view in Enum.GetValues<BoxView>())
            {
                foreach (var kind in new[] { ObjectKind.Car, ObjectKind.Pedestrian })
                {
                    section5[(source, kind, view)] = Optional($"ap[{source},{kind},{view}]");
                }

                if (withAppendix)
                {
                    appendix[(source, view)] = Optional($"appendix-ap[{source},{view}]");
                }
            }
        }

        var medians = Losses.ToDictionary(l => l, l => DepthErrorByRange.BinLabels.Select(b => Optional($"depth-median[{l}][{b}]")).ToArray());
        return new SeedOutcome(seed, byRange, Losses.ToDictionary(l => l, l => Get($"depth-mae[{l}]")),
            Losses.ToDictionary(l => l, l => Get($"disparity-mae[{l}]")), section5, appendix)
        {
            DepthMedianByRange = medians,
        };
    }
}
