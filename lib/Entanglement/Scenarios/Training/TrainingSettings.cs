using Entanglement.Data;

namespace Entanglement.Scenarios.Training;

/// <summary>
/// One model's training algorithm (paper, Appendix B): Adam for <see cref="Epochs"/> epochs of mini-batches, the
/// learning rate × 0.1 at ½ and ¾ of training, and optional augmentation of the training images.
/// </summary>
public sealed record TrainingSettings
{
    public required int Epochs { get; init; }

    public int BatchSize { get; init; } = 256;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Random crop (and flip) of training images; null for none (and for feature inputs).</summary>
    public Augmentation? Augmentation { get; init; }

    /// <summary>The paper's downstream training: Adam lr 0.01, batch 256, 100 epochs (Appendix B).</summary>
    public static TrainingSettings PaperDownstream { get; } = new() { Epochs = 100, BatchSize = 256, LearningRate = 1e-2 };

    /// <summary>The paper's upstream training: Adam lr 0.001, batch 256, random crops and flips (Appendix B).</summary>
    public static TrainingSettings PaperUpstream(int epochs) =>
        new() { Epochs = epochs, BatchSize = 256, LearningRate = 1e-3, Augmentation = Augmentation.WithFlip };

    /// <summary>The quick profile's upstream training: Adam lr 0.001, batch 64, random crops without flips (a mirrored digit is another glyph).</summary>
    public static TrainingSettings QuickUpstream(int epochs) =>
        new() { Epochs = epochs, BatchSize = 64, LearningRate = 1e-3, Augmentation = Augmentation.Standard };

    /// <summary>Epochs after which the learning rate is multiplied by 0.1: ½ and ¾ of training (none for a single epoch).</summary>
    public int[] Milestones => [.. new[] { Epochs / 2, Epochs * 3 / 4 }.Where(m => m > 0).Distinct()];

    /// <summary>"60 epochs, batch 64, Adam lr 0.001 (×0.1 at 30, 45), crop ±4".</summary>
    public override string ToString() => FormattableString.Invariant(
        $"{Epochs} epochs, batch {BatchSize}, Adam lr {LearningRate}{(Milestones.Length == 0 ? string.Empty : $" (×0.1 after epochs {string.Join(", ", Milestones)})")}")
        + (Augmentation is null ? string.Empty
            : $", crop ±{Augmentation.CropPadding}{(Augmentation.HorizontalFlip ? " + flip" : string.Empty)}");
}
