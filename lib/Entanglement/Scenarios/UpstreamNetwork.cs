using System.Globalization;
using Entanglement.NN;
using Entanglement.Tensors;

namespace Entanglement.Scenarios;

/// <summary>Which representation of an upstream network is handed downstream (and scored by a feature loss).</summary>
public enum FeatureTap
{
    /// <summary>The convolutional trunk's output (the penultimate layer of a ResNet).</summary>
    Trunk,

    /// <summary>The last hidden layer of the MLP head (after its ReLU).</summary>
    LastHidden,
}

/// <summary>The upstream hypothesis space of an experiment: architecture, width, head and which features it exposes.</summary>
public sealed record UpstreamNetwork
{
    /// <summary>The architecture family.</summary>
    public required UpstreamArchitecture Architecture { get; init; }

    /// <summary>Channels of the small conv net, or the ResNet's width multiplier (64 = standard).</summary>
    public required int Width { get; init; }

    /// <summary>Hidden widths of the small conv net's MLP head (empty: one linear layer).</summary>
    public IReadOnlyList<int> HeadHidden { get; init; } = [];

    public FeatureTap FeatureTap { get; init; } = FeatureTap.Trunk;

    /// <summary>torchvision's ResNet-18 (ImageNet stem) at full width, as the paper trained it on 32×32 SVHN.</summary>
    public static UpstreamNetwork PaperResNet18 { get; } = new() { Architecture = UpstreamArchitecture.ResNet18ImageNetStem, Width = 64 };

    /// <summary>The small conv net as the paper's public code builds it (max-pooling, 16·W features).</summary>
    public static UpstreamNetwork SmallConvNetCode(int width, IReadOnlyList<int> headHidden) =>
        new() { Architecture = UpstreamArchitecture.SmallConvNetPublicCode, Width = width, HeadHidden = headHidden };

    /// <summary>The small conv net as Appendix B describes it (strides 1, 2; paddings 2, 5).</summary>
    public static UpstreamNetwork SmallConvNetPaper(int width) =>
        new() { Architecture = UpstreamArchitecture.SmallConvNetAppendixB, Width = width };

    /// <summary>Builds the network for <paramref name="inChannels"/>×32×32 inputs and <paramref name="outputs"/> outputs.</summary>
    public Module Build(int inChannels, int outputs, Rng rng) => Architecture switch
    {
        UpstreamArchitecture.SmallConvNetPublicCode => new SmallConvNet(inChannels, outputs, rng, Width, [.. HeadHidden], SmallConvNetVariant.PublicCode),
        UpstreamArchitecture.SmallConvNetAppendixB => new SmallConvNet(inChannels, outputs, rng, Width, [.. HeadHidden], SmallConvNetVariant.Paper),
        UpstreamArchitecture.ResNet18ImageNetStem => new ResNet18(outputs, rng, Width, ResNetStem.ImageNet, inChannels),
        UpstreamArchitecture.ResNet18CifarStem => new ResNet18(outputs, rng, Width, ResNetStem.Cifar, inChannels),
        _ => throw new InvalidOperationException($"Unknown upstream architecture {Architecture}."),
    };

    /// <summary>The map from images to the features this network hands downstream (see <see cref="FeatureTap"/>).</summary>
    public Func<Tensor, Tensor> Embedder(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (model, FeatureTap) switch
        {
            (SmallConvNet net, FeatureTap.LastHidden) when HeadHidden.Count > 0 => x => net.Head.Features(net.Features(x)),
            (_, FeatureTap.LastHidden) => throw new InvalidOperationException(
                $"{Describe()}: no hidden head layer to read features from."),
            (IFeatureExtractor extractor, _) => extractor.Features,
            _ => throw new InvalidOperationException($"{Describe()}: the model exposes no features."),
        };
    }

    /// <summary>"small conv net (public code) W=32, head 512→16→2".</summary>
    public string Describe()
    {
        var head = HeadHidden.Count == 0 ? string.Empty : $", head hidden {string.Join("→", HeadHidden)}";
        var tap = FeatureTap == FeatureTap.LastHidden ? ", features = last hidden layer" : string.Empty;
        return Architecture switch
        {
            UpstreamArchitecture.SmallConvNetPublicCode => $"small conv net (public-code layout) W={Width}{head}{tap}",
            UpstreamArchitecture.SmallConvNetAppendixB => $"small conv net (Appendix B layout) W={Width}{head}{tap}",
            UpstreamArchitecture.ResNet18ImageNetStem => string.Create(CultureInfo.InvariantCulture, $"ResNet-18 (ImageNet stem) width {Width}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"ResNet-18 (32×32 stem) width {Width}"),
        };
    }
}
