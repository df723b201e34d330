namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// The case studies in the shape of the other experiments: a two-point sweep from u (knob 0) to u′ (knob 1), so that
/// Definition 2.1's verdict, the CLI table and the upstream-vs-downstream chart apply unchanged. AP is turned into a
/// loss as 100 − AP (percent), lower is better, like every other downstream loss.
/// </summary>
internal static class CaseStudySweeps
{
    /// <summary>Section 5: depth MAE of u (disparity-MAE training) and u′ (depth-MAE training) against a detector's AP_3D.</summary>
    public static SweepResult Section5(PseudoLidarCaseStudy.Result result, ObjectKind kind)
    {
        ArgumentNullException.ThrowIfNull(result);
        var detector = kind == ObjectKind.Car ? "car detector v" : "pedestrian detector w";
        var shape = Shape(result, "Pseudo-LiDAR case study (§5, Tables 2-3)",
            "training loss of u (0 = disparity MAE, 1 = depth MAE)", detector, "depth MAE (m)", $"{kind} AP_3D miss (100 - AP)");
        double[] Ap(DepthSource source) => [.. result.Section5(source, kind, BoxView.Box3D).PerSeed.Select(ap => 100 - ap)];
        return SweepResult.From(shape,
            [[.. result.DepthByRange[0].OverallPerSeed], [.. result.DepthByRange[1].OverallPerSeed]],
            [Ap(DepthSource.DisparityTrained), Ap(DepthSource.DepthTrained)]);
    }

    /// <summary>Appendix A: u is the depth-MAE-trained model, u′ the disparity-MAE-trained one, judged by disparity MAE.</summary>
    public static SweepResult Appendix(PseudoLidarCaseStudy.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.TableS1.Count == 0)
        {
            throw new InvalidOperationException("PseudoLidarCaseStudy: Appendix A was not run (Config.RunAppendix is false).");
        }

        var shape = Shape(result, "Pseudo-LiDAR case study II (Appendix A, Table S1)",
            "training loss of u (0 = depth MAE, 1 = disparity MAE)", "all-range pedestrian detector (pruned to 20 m)",
            "disparity MAE (px)", "Pedestrian AP_3D miss (100 - AP)");
        double[] Ap(DepthSource source) => [.. result.Appendix(source, BoxView.Box3D).PerSeed.Select(ap => 100 - ap)];
        return SweepResult.From(shape,
            [[.. result.DepthByRange[1].DisparityMaePerSeed], [.. result.DepthByRange[0].DisparityMaePerSeed]],
            [Ap(DepthSource.DepthTrained), Ap(DepthSource.DisparityTrained)]);
    }

    private static SweepShape Shape(
        PseudoLidarCaseStudy.Result result, string experiment, string knob, string downstream, string upstreamLoss, string downstreamLoss) => new()
        {
            Experiment = experiment,
            Knob = "u -> u'",
            KnobDescription = knob,
            KnobValues = [0, 1],
            UpstreamModel = "depth estimator u",
            DownstreamModel = downstream,
            UpstreamLoss = upstreamLoss,
            DownstreamLoss = downstreamLoss,
            Profile = result.Config.Profile,
            Seeds = [.. result.Seeds.Select(s => s.Seed)],
            Settings = result.Config.Describe(),
        };
}
