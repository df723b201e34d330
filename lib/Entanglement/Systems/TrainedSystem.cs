using System.Collections.ObjectModel;
using Entanglement.Tensors;

namespace Entanglement.Systems;

/// <summary>A <see cref="ModelGraph"/> whose every vertex has been trained: outputs and test losses.</summary>
public sealed class TrainedSystem
{
    private readonly Dictionary<string, Predictor> _predictors;

    internal TrainedSystem(ModelGraph graph, IReadOnlyDictionary<string, Predictor> predictors)
    {
        Graph = graph;
        _predictors = new Dictionary<string, Predictor>(predictors, StringComparer.Ordinal);
    }

    /// <summary>The graph that was trained.</summary>
    public ModelGraph Graph { get; }

    /// <summary>The trained model of a vertex.</summary>
    public Predictor PredictorOf(string vertex) => _predictors.TryGetValue(vertex, out var predictor)
        ? predictor
        : throw new KeyNotFoundException($"TrainedSystem: no vertex named '{vertex}'.");

    /// <summary>The output <c>f_v(x)</c> of a vertex on every example of <paramref name="data"/>, without autograd.</summary>
    public Tensor Output(string vertex, VertexData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new SystemInputs(Graph, _predictors, data).OutputOf(Graph[vertex].Name);
    }

    /// <summary>The input of a vertex on <paramref name="data"/>: own part concatenated with the parents' outputs.</summary>
    public Tensor Input(string vertex, VertexData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new SystemInputs(Graph, _predictors, data).InputOf(Graph[vertex]);
    }

    /// <summary>The test loss <c>ℓ_v(v, D̄_v)</c> of one vertex on its fixed test set.</summary>
    public double TestLoss(string vertex)
    {
        var v = Graph[vertex];
        var loss = v.Loss.Evaluate(Output(vertex, v.TestSet), v.TestSet.Targets);
        if (!double.IsFinite(loss))
        {
            throw new InvalidOperationException($"TrainedSystem: test loss {v.Loss.Name} of '{vertex}' is {loss}.");
        }

        return loss;
    }

    /// <summary>Every vertex's test loss, by name, in topological order.</summary>
    public IReadOnlyDictionary<string, double> Evaluate() =>
        new ReadOnlyDictionary<string, double>(Graph.Vertices.ToDictionary(v => v.Name, v => TestLoss(v.Name)));
}
