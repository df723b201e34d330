using Entanglement.Scenarios.Engines;
using static TorchSharp.torch;

namespace Entanglement.Torch;

/// <summary>The per-example losses of <see cref="ImageLoss"/> on LibTorch, written as the native ones are.</summary>
internal static class TorchLosses
{
    /// <summary>−log softmax(logits)[label] per row.</summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor labels) =>
        -nn.functional.log_softmax(logits, 1).gather(1, labels.unsqueeze(1)).squeeze(1);

    /// <summary>‖output − target‖² per row.</summary>
    public static Tensor SquaredError(Tensor outputs, Tensor targets)
    {
        var b = outputs.shape[0];
        return (outputs.reshape(b, -1) - targets.reshape(b, -1)).square().sum(1);
    }

    /// <summary>The loss of <paramref name="loss"/> for each example of a batch.</summary>
    public static Tensor PerExample(ImageLoss loss, Tensor outputs, int[] labels, Device device) => loss switch
    {
        ImageLoss.CrossEntropy => CrossEntropy(outputs, tensor(labels.Select(l => (long)l).ToArray(), device: device)),
        ImageLoss.SquaredErrorToLabel => SquaredError(outputs, tensor(labels.Select(l => (float)l).ToArray(), device: device)),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown image loss."),
    };
}
