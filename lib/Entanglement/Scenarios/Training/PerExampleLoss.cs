using Entanglement.Tensors;

namespace Entanglement.Scenarios.Training;

/// <summary>Training losses kept per example (shape [B]) so that difficulty can be recorded; the trainer averages them.</summary>
public static class PerExampleLoss
{
    /// <summary>−log softmax(logits)[label] for each row.</summary>
    public static Tensor CrossEntropy(Tensor logits, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return -logits.LogSoftmax(1).Gather(1, labels);
    }

    /// <summary>‖output − target‖² for each row (the MSE of a one-output regressor).</summary>
    public static Tensor SquaredError(Tensor outputs, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(targets);
        var b = outputs.Shape[0];
        return (outputs.Reshape(b, -1) - targets.Reshape(b, -1)).Square().Sum(1);
    }
}
