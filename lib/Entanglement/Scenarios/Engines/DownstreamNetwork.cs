using Entanglement.NN;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.Engines;

/// <summary>A downstream model on frozen feature rows: a linear layer, or an MLP with hidden widths.</summary>
public sealed record DownstreamNetwork
{
    /// <summary>Width of the feature rows it reads.</summary>
    public required int InFeatures { get; init; }

    /// <summary>Hidden widths of an MLP; null for a single linear layer.</summary>
    public IReadOnlyList<int>? Hidden { get; init; }

    /// <summary>Number of outputs (classes).</summary>
    public required int Outputs { get; init; }

    /// <summary>One linear layer (PyTorch's default init), named weight and bias.</summary>
    public static DownstreamNetwork Linear(int inFeatures, int outputs) => new() { InFeatures = inFeatures, Outputs = outputs };

    /// <summary>Linear → ReLU per hidden width, then a linear output layer (parameters layers.0.weight, …).</summary>
    public static DownstreamNetwork Mlp(int inFeatures, IReadOnlyList<int> hidden, int outputs) =>
        new() { InFeatures = inFeatures, Hidden = hidden, Outputs = outputs };

    /// <summary>The native module with its initial weights drawn from <paramref name="rng"/> (every engine starts from these).</summary>
    public Module Build(Rng rng) => Hidden is null
        ? new NN.Linear(InFeatures, Outputs, rng)
        : new MLP(InFeatures, [.. Hidden], Outputs, rng);

    /// <summary>"linear 512→10" or "MLP 1-32-4".</summary>
    public override string ToString() => Hidden is null
        ? FormattableString.Invariant($"linear {InFeatures}→{Outputs}")
        : $"MLP {string.Join("-", new[] { InFeatures }.Concat(Hidden).Append(Outputs))}";
}
