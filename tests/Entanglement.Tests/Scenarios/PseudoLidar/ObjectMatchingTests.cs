using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

public sealed class ObjectMatchingTests
{
    private static readonly Box3D Left = new(-2, 0, 10, 0.8, 0.6, 1.75, 0);
    private static readonly Box3D Right = new(2, 0, 10, 0.8, 0.6, 1.75, 0);

    [Fact]
    public void Detections_take_boxes_in_score_order_and_each_box_once()
    {
        // Both detections sit on the left box; the right box is found by neither.
        var frame = new EvaluationFrame([Left, Right], [], [new Detection(Left with { X = -1.95 }, 0.4), new Detection(Left, 0.9)]);

        Assert.Equal([true, false], ObjectMatching.Found(frame, KittiAveragePrecision.PedestrianIoU, BoxView.Box3D));
    }

    [Fact]
    public void A_detection_below_the_IoU_threshold_finds_nothing_and_matching_agrees_with_AP()
    {
        var frame = new EvaluationFrame([Left, Right], [], [new Detection(Right with { X = 2.5 }, 0.8), new Detection(Left, 0.5)]);

        var found = ObjectMatching.Found(frame, KittiAveragePrecision.PedestrianIoU, BoxView.Box3D);

        Assert.Equal([true, false], found);
        var (_, recall) = KittiAveragePrecision.PrecisionRecall([frame], KittiAveragePrecision.PedestrianIoU, BoxView.Box3D);
        Assert.Equal(found.Count(f => f) / 2.0, recall[^1]);
    }
}
