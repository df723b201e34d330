using Entanglement.Data;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Mitigations;

/// <summary>
/// One experiment's upstream → downstream system at the two ends of its knob, described so that
/// <see cref="HandOffMitigations"/> can make the update with each mitigation: the experiment supplies how its upstream
/// trains and is scored, the data on both sides, and the downstream's model class.
/// </summary>
public sealed record HandOffSystem
{
    public required Normalization Normalization { get; init; }

    /// <summary>The original upstream's training images, with the upstream's labels.</summary>
    public required ImageDataset UpstreamTrainBefore { get; init; }

    /// <summary>The improved upstream's training images, with the upstream's labels.</summary>
    public required ImageDataset UpstreamTrainAfter { get; init; }

    /// <summary>The upstream's test images with its own labels (its per-example correctness, for flips).</summary>
    public required ImageDataset UpstreamTest { get; init; }

    /// <summary>
    /// Trains an upstream from the experiment's initial weights on the given images, as the experiment does; the flag
    /// says whether it is the improved upstream's network (the knob can change the architecture).
    /// </summary>
    public required Func<ImageDataset, bool, IImageModel> TrainUpstream { get; init; }

    /// <summary>The upstream's own test loss ℓ_v.</summary>
    public required Func<IImageModel, double> UpstreamLoss { get; init; }

    /// <summary>Whether the upstream's own prediction is right on each image (against the images' labels).</summary>
    public required Func<IImageModel, ImageDataset, bool[]> UpstreamRight { get; init; }

    public required HandOff HandOff { get; init; }

    /// <summary>The downstream's training images, labelled 0…k−1 for the downstream's task.</summary>
    public required ImageDataset DownstreamTrain { get; init; }

    /// <summary>The downstream's fixed test images, labelled 0…k−1.</summary>
    public required ImageDataset DownstreamTest { get; init; }

    /// <summary>The downstream's model class for a hand-off of the given width.</summary>
    public required Func<int, DownstreamNetwork> Downstream { get; init; }

    public required TrainingSettings DownstreamTraining { get; init; }

    /// <summary>The experiment's random stream (downstreams draw "init-downstream" and "train-downstream" from it).</summary>
    public required Rng Rng { get; init; }

    /// <summary>The downstream's classes for its outcomes (e.g. the digits behind labels 0…k−1), one per test image.</summary>
    public required IReadOnlyList<int> DownstreamClasses { get; init; }
}
