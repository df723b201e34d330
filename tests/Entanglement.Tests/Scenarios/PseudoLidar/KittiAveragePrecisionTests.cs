using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

public sealed class KittiAveragePrecisionTests
{
    private static readonly Box3D A = new(0, 0, 10, 4, 2, 1.5, 0);
    private static readonly Box3D B = new(5, 0, 20, 4, 2, 1.5, 0);
    private static readonly Box3D C = new(-5, 0, 30, 4, 2, 1.5, 0);

    [Fact]
    public void Perfect_detections_give_AP_one()
    {
        var frame = new EvaluationFrame([A, B], [], [new(A, 0.9), new(B, 0.8)]);
        Assert.Equal(1, KittiAveragePrecision.Compute([frame], 0.7, BoxView.Box3D), 12);
    }

    [Fact]
    public void AP_matches_hand_computed_40_point_interpolation()
    {
        // Scores 0.9 (TP), 0.8 (FP), 0.7 (TP) against 3 ground-truth boxes: recall 1/3, 1/3, 2/3; precision 1, 1/2, 2/3.
        // Recall points 1/40..13/40 see precision 1, 14/40..26/40 see 2/3, the rest 0: AP = (13 + 13·2/3) / 40.
        var frames = new[]
        {
            new EvaluationFrame([A, B], [], [new(A, 0.9), new(A with { X = 10 }, 0.8)]),
            new EvaluationFrame([C], [], [new(C with { X = -4.9 }, 0.7)]),
        };
        var expected = (13 + 13 * 2.0 / 3) / 40;
        Assert.Equal(expected, KittiAveragePrecision.Compute(frames, 0.7, BoxView.BirdsEye), 12);
    }

    [Fact]
    public void A_duplicate_detection_is_a_false_positive_and_ignored_boxes_do_not_count()
    {
        // Duplicate of A at lower score is a FP: precision 1 then 1/2 at recall 1 -> AP = 1 (max over recall >= r).
        // With a better-scored FP first: precision 0, 1/2 at recall 1 -> AP = 1/2.
        var dup = new EvaluationFrame([A], [], [new(A, 0.9), new(A, 0.5)]);
        Assert.Equal(1, KittiAveragePrecision.Compute([dup], 0.7, BoxView.Box3D), 12);
        var fpFirst = new EvaluationFrame([A], [], [new(B, 0.9), new(A, 0.5)]);
        Assert.Equal(0.5, KittiAveragePrecision.Compute([fpFirst], 0.7, BoxView.Box3D), 12);
        var ignored = new EvaluationFrame([A], [B], [new(B, 0.9), new(A, 0.5)]);
        Assert.Equal(1, KittiAveragePrecision.Compute([ignored], 0.7, BoxView.Box3D), 12);
    }

    [Fact]
    public void Shifted_box_counts_in_bev_but_not_in_3d_when_heights_differ()
    {
        var raised = A with { Y = A.Y - 1.0 };
        var frame = new EvaluationFrame([A], [], [new(raised, 0.9)]);
        Assert.Equal(1, KittiAveragePrecision.Compute([frame], 0.5, BoxView.BirdsEye), 12);
        Assert.Equal(0, KittiAveragePrecision.Compute([frame], 0.5, BoxView.Box3D), 12);
    }
}
