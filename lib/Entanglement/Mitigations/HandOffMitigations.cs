using Entanglement.Diagnostics;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;

namespace Entanglement.Mitigations;

/// <summary>
/// Makes one experiment's update (original upstream → improved upstream, downstream retrained) without and with each
/// mitigation that applies to a feature or output hand-off: whitening, a compatible upstream update, end-to-end
/// fine-tuning and a higher-capacity downstream. The two upstreams are trained once and shared by every mitigation
/// that leaves them unchanged; every downstream starts from the same initial weights where its class allows.
/// </summary>
public static class HandOffMitigations
{
    /// <summary>The updates of one seed, in <see cref="Mitigation"/> order (those that cannot run on this engine left out).</summary>
    public static IReadOnlyList<MitigatedUpdate> Run(HandOffSystem system, MitigationSettings settings, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        var engine = TrainingEngines.Current;
        using var before = system.TrainUpstream(system.UpstreamTrainBefore, false);
        using var after = system.TrainUpstream(system.UpstreamTrainAfter, true);
        var upstream = (Before: system.UpstreamLoss(before), After: system.UpstreamLoss(after));
        var upstreamFlips = Flips(system, before, after);
        var hb = (Train: HandOffOf(system, before, system.DownstreamTrain), Test: HandOffOf(system, before, system.DownstreamTest));
        var ha = (Train: HandOffOf(system, after, system.DownstreamTrain), Test: HandOffOf(system, after, system.DownstreamTest));
        var updates = new List<MitigatedUpdate>();

        // None: the experiment's own update.
        using var downBefore = Downstream(system, system.Downstream(hb.Train.Width), hb.Train);
        using var downAfter = Downstream(system, system.Downstream(ha.Train.Width), ha.Train);
        var none = Update(system, Mitigation.None, upstream, upstreamFlips, downBefore, hb.Test, downAfter, ha.Test);
        updates.Add(none);

        // Whitening: each system's hand-off whitened with statistics of its own downstream training rows.
        var wb = Whitening.Fit(hb.Train, settings.WhiteningEpsilon);
        var wa = Whitening.Fit(ha.Train, settings.WhiteningEpsilon);
        using (var b = Downstream(system, system.Downstream(hb.Train.Width), wb.Apply(hb.Train)))
        using (var a = Downstream(system, system.Downstream(ha.Train.Width), wa.Apply(ha.Train)))
        {
            updates.Add(Update(system, Mitigation.Whitening, upstream, upstreamFlips, b, wb.Apply(hb.Test), a, wa.Apply(ha.Test)));
        }

        // Compatibility: the improved upstream trained with the new-error penalty against the original one.
        var previousRight = system.UpstreamRight(before, system.UpstreamTrainAfter);
        var penalised = system.UpstreamTrainAfter.Subset(CompatibilityPenalty.Indices(previousRight, settings.Lambda));
        using (var compatible = system.TrainUpstream(penalised, true))
        {
            var hc = (Train: HandOffOf(system, compatible, system.DownstreamTrain), Test: HandOffOf(system, compatible, system.DownstreamTest));
            using var a = Downstream(system, system.Downstream(hc.Train.Width), hc.Train);
            updates.Add(Update(system, Mitigation.Compatibility, (upstream.Before, system.UpstreamLoss(compatible)),
                Flips(system, before, compatible), downBefore, hb.Test, a, hc.Test));
        }

        // A higher-capacity downstream on both systems.
        using (var b = Downstream(system, DownstreamNetwork.Mlp(hb.Train.Width, settings.WiderHidden, system.Downstream(hb.Train.Width).Outputs), hb.Train))
        using (var a = Downstream(system, DownstreamNetwork.Mlp(ha.Train.Width, settings.WiderHidden, system.Downstream(ha.Train.Width).Outputs), ha.Train))
        {
            updates.Add(Update(system, Mitigation.WiderDownstream, upstream, upstreamFlips, b, hb.Test, a, ha.Test));
        }

        // End to end, last: it fine-tunes both systems' models in place, starting from the unmitigated ones.
        if (EndToEndFineTuning.Unavailable(engine) is null)
        {
            var rng = system.Rng.Fork("end-to-end");
            EndToEndFineTuning.Fit(before, downBefore, system.HandOff, system.DownstreamTrain, system.Normalization,
                settings.EndToEndTraining, rng, progress);
            EndToEndFineTuning.Fit(after, downAfter, system.HandOff, system.DownstreamTrain, system.Normalization,
                settings.EndToEndTraining, rng, progress);
            updates.Add(Update(system, Mitigation.EndToEnd, (system.UpstreamLoss(before), system.UpstreamLoss(after)),
                Flips(system, before, after), downBefore, HandOffOf(system, before, system.DownstreamTest),
                downAfter, HandOffOf(system, after, system.DownstreamTest)));
        }

        return updates;
    }

    private static FeatureSet HandOffOf(HandOffSystem system, IImageModel model, Data.ImageDataset images) =>
        system.HandOff == HandOff.Outputs ? model.Outputs(images, system.Normalization) : model.Features(images, system.Normalization);

    private static IFeatureModel Downstream(HandOffSystem system, DownstreamNetwork network, FeatureSet train)
    {
        var model = TrainingEngines.Current.CreateFeatureModel(network, system.Rng.Fork("init-downstream"));
        model.Fit(train, system.DownstreamTraining, system.Rng.Fork("train-downstream"));
        return model;
    }

    private static FlipMetrics Flips(HandOffSystem system, IImageModel before, IImageModel after)
    {
        var test = system.UpstreamTest;
        VertexOutcomes Of(bool[] right) => OutcomeRecorder.Hard("upstream", [.. right.Select(r => r ? 1 : 0)],
            [.. right.Select(_ => 1)], test.Ids, test.Labels);
        return FlipMetrics.Of(Of(system.UpstreamRight(before, test)), Of(system.UpstreamRight(after, test)));
    }

    private static MitigatedUpdate Update(HandOffSystem system, Mitigation mitigation, (double Before, double After) upstream,
        FlipMetrics upstreamFlips, IFeatureModel downBefore, FeatureSet testBefore, IFeatureModel downAfter, FeatureSet testAfter)
    {
        var ids = system.DownstreamTest.Ids;
        var b = OutcomeRecorder.Classifier("downstream", downBefore, testBefore, ids, system.DownstreamClasses);
        var a = OutcomeRecorder.Classifier("downstream", downAfter, testAfter, ids, system.DownstreamClasses);
        return new MitigatedUpdate
        {
            Mitigation = mitigation,
            UpstreamBefore = upstream.Before,
            UpstreamAfter = upstream.After,
            DownstreamBefore = b.Losses.Average(l => (double)l),
            DownstreamAfter = a.Losses.Average(l => (double)l),
            DownstreamFlips = FlipMetrics.Of(b, a),
            UpstreamFlips = upstreamFlips,
        };
    }
}
