using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

public sealed class DetectorErrorsTests
{
    [Fact]
    public void Errors_are_measured_in_the_true_box_frame_and_false_positives_counted()
    {
        // A car heading along z at 15 m found 0.3 m too far along its heading and 0.1 m across, 0.05 rad turned;
        // a second car at 45 m missed; a confident detection at a place with no box.
        var near = new Box3D(0, 0.9, 15, 3.9, 1.6, 1.5, Math.PI / 2);
        var far = new Box3D(3.5, 0.9, 45, 3.9, 1.6, 1.5, Math.PI / 2);
        var found = near with { X = near.X - 0.1, Z = near.Z + 0.3, Yaw = near.Yaw + 0.05 };
        var frame = new EvaluationFrame([near, far], [], [new Detection(found, 0.9), new Detection(new Box3D(-8, 0.9, 30, 3.9, 1.6, 1.5, 0), 0.8)]);
        var errors = DetectorErrors.Of([frame], 0.7);
        Assert.Equal(2, errors.Objects);
        Assert.Equal(0.3, errors.Along, 9);
        Assert.Equal(0.1, errors.Across, 9);
        Assert.Equal(0.05, errors.Yaw, 9);
        Assert.Equal(0, errors.Length, 9);
        var iou = BoxOverlap.Iou3D(near, found);
        Assert.Equal(iou >= 0.5 ? 0.5 : 0, errors.Recall50, 9);
        Assert.Equal(0.5, errors.Recall25, 9);
        Assert.Equal(1, errors.FalsePositivesPerFrame, 9);
        // Recall by range: the near car in the 10–20 m bin (recalled at 0.7 only if its IoU reaches it), the far one missed.
        Assert.Equal(iou >= 0.7 ? 1 : 0, errors.ByRange.Single(b => b.UpTo == 20).Recall, 9);
        Assert.Equal(0, errors.ByRange.Single(b => b.UpTo == 50).Recall, 9);
    }

    [Fact]
    public void A_heading_error_of_nearly_pi_is_a_small_error()
    {
        var truth = new Box3D(0, 0.9, 20, 3.9, 1.6, 1.5, 0.1);
        var frame = new EvaluationFrame([truth], [], [new Detection(truth with { Yaw = 0.1 + Math.PI - 0.02 }, 0.9)]);
        Assert.Equal(0.02, DetectorErrors.Of([frame], 0.7).Yaw, 9);
    }
}
