using Entanglement.Data;
using Entanglement.Scenarios.Engines;

namespace Entanglement.Mitigations;

/// <summary>Per-image correctness of an upstream classifier's arg-max against the images' labels.</summary>
public static class UpstreamAnswers
{
    /// <summary>Whether the arg-max of each image's outputs equals its label.</summary>
    public static bool[] Right(IImageModel model, ImageDataset images, Normalization normalization)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        var outputs = model.Outputs(images, normalization);
        var w = outputs.Width;
        var right = new bool[outputs.Count];
        for (var i = 0; i < outputs.Count; i++)
        {
            var row = outputs.Features.AsSpan(i * w, w);
            var top = 0;
            for (var j = 1; j < w; j++)
            {
                top = row[j] > row[top] ? j : top;
            }

            right[i] = top == images.Labels[i];
        }

        return right;
    }
}
