namespace Entanglement.Scenarios.Engines;

/// <summary>The per-example training loss of an image model, as a description every engine can compute.</summary>
public enum ImageLoss
{
    /// <summary>−log softmax(logits)[label] (classification).</summary>
    CrossEntropy,

    /// <summary>(output − label)², the label read as a number (regressing the digit value, paper §4.1.1).</summary>
    SquaredErrorToLabel,
}
