using System.Collections.ObjectModel;
using Entanglement.Tensors;

namespace Entanglement.Systems;

/// <summary>
/// A data set <c>D_v</c> of one vertex (paper, Section 2): examples <c>x_n</c> and targets <c>y_n</c>. An example
/// is stored as its parts <c>x^(u)</c>, one tensor per vertex that reads input from the data (the vertex itself and
/// those of its ancestors that have a part), all with one row per example.
/// </summary>
public sealed class VertexData
{
    private readonly Dictionary<string, Tensor> _parts;

    /// <summary>Creates a data set with the given targets and parts (vertex name → part, first axis = examples).</summary>
    public VertexData(Tensor targets, IReadOnlyDictionary<string, Tensor> parts)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(parts);
        if (targets.Rank == 0)
        {
            throw new ArgumentException("VertexData: targets must have an example axis, got a scalar.", nameof(targets));
        }

        Count = targets.Shape[0];
        _parts = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, part) in parts)
        {
            if (part.Rank == 0 || part.Shape[0] != Count)
            {
                throw new ArgumentException(
                    $"VertexData: part '{name}' has shape {part.Shape}, but the targets hold {Count} examples.",
                    nameof(parts));
            }

            _parts.Add(name, part);
        }

        Targets = targets;
        Parts = new ReadOnlyDictionary<string, Tensor>(_parts);
    }

    /// <summary>Number of examples.</summary>
    public int Count { get; }

    /// <summary>The targets, one row per example.</summary>
    public Tensor Targets { get; }

    /// <summary>The parts of every example by vertex name.</summary>
    public IReadOnlyDictionary<string, Tensor> Parts { get; }

    /// <summary>A data set whose only part is the given vertex's own input.</summary>
    public static VertexData Of(string vertex, Tensor part, Tensor targets) =>
        new(targets, new Dictionary<string, Tensor>(StringComparer.Ordinal) { [vertex] = part });

    /// <summary>A copy with one more (or a replaced) part.</summary>
    public VertexData WithPart(string vertex, Tensor part)
    {
        ArgumentException.ThrowIfNullOrEmpty(vertex);
        var parts = new Dictionary<string, Tensor>(_parts, StringComparer.Ordinal) { [vertex] = part };
        return new VertexData(Targets, parts);
    }

    /// <summary>The part <c>x^(v)</c> of the given vertex, or null when that vertex reads nothing from the data.</summary>
    public Tensor? PartOf(string vertex) => _parts.TryGetValue(vertex, out var part) ? part : null;
}
