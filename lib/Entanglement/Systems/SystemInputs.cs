using Entanglement.Tensors;

namespace Entanglement.Systems;

/// <summary>
/// Computes a vertex's input <c>[x^(v), f_w(x) : w ∈ P_v]</c> and output <c>f_v(x)</c> on a data set. Parents'
/// outputs are computed inside <see cref="Autograd.NoGrad"/> and detached, so no gradient reaches a parent.
/// </summary>
internal sealed class SystemInputs(ModelGraph graph, IReadOnlyDictionary<string, Predictor> trained, VertexData data)
{
    private readonly Dictionary<string, Tensor> _outputs = new(StringComparer.Ordinal);

    /// <summary>The input of <paramref name="vertex"/>: its own part, then its parents' outputs, along features.</summary>
    public Tensor InputOf(Vertex vertex)
    {
        var pieces = new List<Tensor>();
        var own = data.PartOf(vertex.Name);
        if (own is not null)
        {
            pieces.Add(own);
        }

        pieces.AddRange(vertex.Parents.Select(OutputOf));
        return pieces.Count switch
        {
            0 => throw new InvalidOperationException(
                $"ModelGraph: vertex '{vertex.Name}' has no parents and the data set holds no part '{vertex.Name}'."),
            1 => pieces[0],
            _ => ConcatFeatures(pieces, data.Count),
        };
    }

    /// <summary>The output <c>f_v(x)</c> of a trained vertex on every example, without autograd.</summary>
    public Tensor OutputOf(string name)
    {
        if (_outputs.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var vertex = graph[name];
        if (!trained.TryGetValue(name, out var predictor))
        {
            throw new InvalidOperationException($"ModelGraph: vertex '{name}' is not trained yet.");
        }

        var inputs = InputOf(vertex);
        Tensor output;
        using (Autograd.NoGrad())
        {
            output = predictor(inputs);
        }

        if (output.Rank == 0 || output.Shape[0] != data.Count)
        {
            throw new InvalidOperationException(
                $"ModelGraph: vertex '{name}' returned shape {output.Shape} for {data.Count} examples.");
        }

        output = output.RequiresGrad || !output.IsLeaf ? output.Detach() : output;
        _outputs[name] = output;
        return output;
    }

    private static Tensor ConcatFeatures(List<Tensor> pieces, int count)
    {
        var widths = pieces.Select(p => p.Size / count).ToArray();
        var total = widths.Sum();
        var result = new float[count * total];
        for (var n = 0; n < count; n++)
        {
            var offset = n * total;
            for (var i = 0; i < pieces.Count; i++)
            {
                pieces[i].Data.AsSpan(n * widths[i], widths[i]).CopyTo(result.AsSpan(offset, widths[i]));
                offset += widths[i];
            }
        }

        return Tensor.FromArray(result, count, total);
    }
}
