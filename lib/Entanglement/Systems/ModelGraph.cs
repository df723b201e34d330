using Entanglement.Tensors;

namespace Entanglement.Systems;

/// <summary>
/// A machine-learning system as a static DAG of models (paper, Section 2): each edge feeds a parent's output into a
/// child, whose input is its own part of the example concatenated with its parents' outputs. Models are trained
/// separately, in topological order, with no gradient flowing into parents.
/// </summary>
public sealed class ModelGraph
{
    private readonly Dictionary<string, Vertex> _byName;
    private readonly Dictionary<string, List<string>> _children;

    /// <summary>Builds the graph; rejects duplicate names, unknown parents and cycles (naming the cycle).</summary>
    public ModelGraph(IEnumerable<Vertex> vertices)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        var list = vertices.ToList();
        _byName = new Dictionary<string, Vertex>(StringComparer.Ordinal);
        foreach (var vertex in list)
        {
            ArgumentNullException.ThrowIfNull(vertex, nameof(vertices));
            if (!_byName.TryAdd(vertex.Name, vertex))
            {
                throw new ArgumentException($"ModelGraph: two vertices are named '{vertex.Name}'.", nameof(vertices));
            }
        }

        _children = list.ToDictionary(v => v.Name, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var vertex in list)
        {
            foreach (var parent in vertex.Parents)
            {
                if (!_children.TryGetValue(parent, out var siblings))
                {
                    throw new ArgumentException(
                        $"ModelGraph: vertex '{vertex.Name}' has unknown parent '{parent}'.", nameof(vertices));
                }

                if (vertex.Parents.Count(p => p == parent) > 1)
                {
                    throw new ArgumentException(
                        $"ModelGraph: vertex '{vertex.Name}' lists parent '{parent}' twice.", nameof(vertices));
                }

                siblings.Add(vertex.Name);
            }
        }

        Vertices = TopologicalSort(list);
    }

    /// <summary>The vertices in topological order (parents first; ties keep the construction order).</summary>
    public IReadOnlyList<Vertex> Vertices { get; }

    /// <summary>The vertex with the given name.</summary>
    public Vertex this[string name] => _byName.TryGetValue(name, out var vertex)
        ? vertex
        : throw new KeyNotFoundException($"ModelGraph: no vertex named '{name}'.");

    /// <summary>The children of a vertex (vertices it feeds), in topological order.</summary>
    public IReadOnlyList<string> ChildrenOf(string name) =>
        Order(_children[this[name].Name]);

    /// <summary>The descendants <c>C_v</c> (downstream models) of a vertex, in topological order.</summary>
    public IReadOnlyList<string> DescendantsOf(string name)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([this[name].Name]);
        while (stack.Count > 0)
        {
            foreach (var child in _children[stack.Pop()])
            {
                if (found.Add(child))
                {
                    stack.Push(child);
                }
            }
        }

        return Order(found);
    }

    /// <summary>The ancestors (upstream models) of a vertex, in topological order.</summary>
    public IReadOnlyList<string> AncestorsOf(string name)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([this[name].Name]);
        while (stack.Count > 0)
        {
            foreach (var parent in _byName[stack.Pop()].Parents)
            {
                if (found.Add(parent))
                {
                    stack.Push(parent);
                }
            }
        }

        return Order(found);
    }

    /// <summary>
    /// Trains every vertex in topological order; vertex <c>v</c> draws from <c>rng.Fork(v.Name)</c>, so retraining
    /// with the same <paramref name="rng"/> reuses each vertex's stream.
    /// </summary>
    public TrainedSystem Train(Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var predictors = new Dictionary<string, Predictor>(StringComparer.Ordinal);
        foreach (var vertex in Vertices)
        {
            predictors[vertex.Name] = TrainVertex(vertex, predictors, rng);
        }

        return new TrainedSystem(this, predictors);
    }

    /// <summary>
    /// The graph with <paramref name="replacement"/> in place of the vertex of the same name. The replacement may
    /// change the training algorithm (hypothesis set) and training set, but must keep the parents, the test set and
    /// the test loss, which the paper fixes.
    /// </summary>
    public ModelGraph Replace(Vertex replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var original = this[replacement.Name];
        if (!original.Parents.SequenceEqual(replacement.Parents, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"ModelGraph.Replace: '{replacement.Name}' must keep its parents [{string.Join(", ", original.Parents)}].",
                nameof(replacement));
        }

        if (!ReferenceEquals(original.TestSet, replacement.TestSet) || original.Loss != replacement.Loss)
        {
            throw new ArgumentException(
                $"ModelGraph.Replace: '{replacement.Name}' must keep its fixed test set and test loss.",
                nameof(replacement));
        }

        return new ModelGraph(Vertices.Select(v => v.Name == replacement.Name ? replacement : v));
    }

    /// <summary>
    /// Update <c>v → v′</c> (paper, Section 2): trains <paramref name="replacement"/>, retrains every descendant of
    /// it with its same training algorithm (and its stream of <paramref name="rng"/>), keeps every other trained
    /// model, and evaluates all test losses before and after.
    /// </summary>
    public SystemUpdate Update(TrainedSystem current, Vertex replacement, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(rng);
        if (!ReferenceEquals(current.Graph, this))
        {
            throw new ArgumentException("ModelGraph.Update: the trained system belongs to another graph.", nameof(current));
        }

        var updated = Replace(replacement);
        var descendants = updated.DescendantsOf(replacement.Name);
        var predictors = new Dictionary<string, Predictor>(StringComparer.Ordinal);
        foreach (var vertex in updated.Vertices)
        {
            var retrain = vertex.Name == replacement.Name || descendants.Contains(vertex.Name);
            predictors[vertex.Name] = retrain ? updated.TrainVertex(vertex, predictors, rng) : current.PredictorOf(vertex.Name);
        }

        var after = new TrainedSystem(updated, predictors);
        return new SystemUpdate(replacement.Name, descendants, current, after, current.Evaluate(), after.Evaluate());
    }

    private Predictor TrainVertex(Vertex vertex, IReadOnlyDictionary<string, Predictor> trained, Rng rng)
    {
        var inputs = new SystemInputs(this, trained, vertex.TrainingSet).InputOf(vertex);
        return vertex.Train(new TrainingInput(vertex.Name, inputs, vertex.TrainingSet.Targets, rng.Fork(vertex.Name)));
    }

    private List<string> Order(IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        return Vertices.Where(v => set.Contains(v.Name)).Select(v => v.Name).ToList();
    }

    private List<Vertex> TopologicalSort(List<Vertex> list)
    {
        var pending = list.ToDictionary(v => v.Name, v => v.Parents.Count, StringComparer.Ordinal);
        var order = new List<Vertex>(list.Count);
        var progress = true;
        while (progress)
        {
            progress = false;
            foreach (var vertex in list.Where(v => pending.TryGetValue(v.Name, out var count) && count == 0))
            {
                order.Add(vertex);
                pending.Remove(vertex.Name);
                _children[vertex.Name].ForEach(child => pending[child]--);
                progress = true;
                break;
            }
        }

        if (pending.Count > 0)
        {
            throw new ArgumentException($"ModelGraph: the graph has a cycle: {DescribeCycle(pending.Keys)}.");
        }

        return order;
    }

    private string DescribeCycle(IEnumerable<string> remaining)
    {
        // Every vertex left over has a parent that is also left over; walking parents must revisit a vertex.
        var left = remaining.ToHashSet(StringComparer.Ordinal);
        var walk = new List<string> { left.First() };
        while (true)
        {
            var next = _byName[walk[^1]].Parents.First(left.Contains);
            var seen = walk.IndexOf(next);
            if (seen >= 0)
            {
                var cycle = walk.Skip(seen).Reverse().ToList();
                cycle.Add(cycle[0]);
                return string.Join(" -> ", cycle);
            }

            walk.Add(next);
        }
    }
}
