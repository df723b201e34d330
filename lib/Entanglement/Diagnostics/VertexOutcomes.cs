namespace Entanglement.Diagnostics;

/// <summary>
/// One vertex's per-example outcomes on the fixed test set of a system (paper §2: test losses are measured on fixed
/// test sets, so the same example can be compared before and after an update). Row i is the example with id
/// <c>Ids[i]</c> (its index in the experiment's fixed test set), its true label in the vertex's task, its class in the
/// data set, the vertex's prediction and its per-example test loss; regression vertices also keep their outputs.
/// </summary>
public sealed record VertexOutcomes
{
    /// <summary>Vertex name, e.g. <c>upstream</c>, <c>downstream</c>, <c>u</c>, or a probe such as <c>downstream:knn</c>.</summary>
    public required string Vertex { get; init; }

    /// <summary>Each row's index in the fixed test set (ascending is not required, unique is).</summary>
    public required int[] Ids { get; init; }

    /// <summary>The true label of each row in the vertex's own task.</summary>
    public required int[] Labels { get; init; }

    /// <summary>The data-set class of each row (e.g. the digit), for per-class breakdowns.</summary>
    public required int[] Classes { get; init; }

    /// <summary>The vertex's predicted label (for a regressor: the nearest label value).</summary>
    public required int[] Predictions { get; init; }

    /// <summary>The per-example test loss whose mean is the vertex's test loss.</summary>
    public required float[] Losses { get; init; }

    /// <summary>Raw outputs, <see cref="OutputWidth"/> per row (empty when not kept).</summary>
    public float[] Outputs { get; init; } = [];

    /// <summary>Outputs per row; 0 when no outputs are kept.</summary>
    public int OutputWidth { get; init; }

    /// <summary>Number of rows.</summary>
    public int Count => Ids.Length;

    /// <summary>Whether row <paramref name="i"/> is predicted correctly.</summary>
    public bool IsCorrect(int i) => Predictions[i] == Labels[i];

    /// <summary>Share of rows predicted wrongly.</summary>
    public double ErrorRate => Count == 0 ? double.NaN : Enumerable.Range(0, Count).Count(i => !IsCorrect(i)) / (double)Count;

    /// <summary>Mean per-example loss (the vertex's test loss on these rows).</summary>
    public double MeanLoss => Count == 0 ? double.NaN : Losses.Average(l => (double)l);

    /// <summary>Builds and checks a record: every column has one entry per row, ids are unique.</summary>
    public static VertexOutcomes Create(
        string vertex, IReadOnlyList<int> ids, IReadOnlyList<int> labels, IReadOnlyList<int> classes,
        IReadOnlyList<int> predictions, IReadOnlyList<float> losses, IReadOnlyList<float>? outputs = null, int outputWidth = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(vertex);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(losses);
        var n = ids.Count;
        if (labels.Count != n || classes.Count != n || predictions.Count != n || losses.Count != n)
        {
            throw new ArgumentException(
                $"VertexOutcomes '{vertex}': {n} ids but {labels.Count} labels, {classes.Count} classes, " +
                $"{predictions.Count} predictions, {losses.Count} losses.", nameof(ids));
        }

        var outs = outputs?.ToArray() ?? [];
        if (outputWidth < 0 || outs.Length != n * outputWidth)
        {
            throw new ArgumentException(
                $"VertexOutcomes '{vertex}': {outs.Length} outputs do not form {n} rows of width {outputWidth}.", nameof(outputs));
        }

        if (ids.Distinct().Count() != n)
        {
            throw new ArgumentException($"VertexOutcomes '{vertex}': example ids must be unique.", nameof(ids));
        }

        return new VertexOutcomes
        {
            Vertex = vertex,
            Ids = [.. ids],
            Labels = [.. labels],
            Classes = [.. classes],
            Predictions = [.. predictions],
            Losses = [.. losses],
            Outputs = outs,
            OutputWidth = outputWidth,
        };
    }

    /// <summary>Value equality: same name, width and the same entries in every column.</summary>
    public bool Equals(VertexOutcomes? other) =>
        other is not null && Vertex == other.Vertex && OutputWidth == other.OutputWidth && Ids.SequenceEqual(other.Ids)
        && Labels.SequenceEqual(other.Labels) && Classes.SequenceEqual(other.Classes)
        && Predictions.SequenceEqual(other.Predictions) && Losses.SequenceEqual(other.Losses) && Outputs.SequenceEqual(other.Outputs);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Vertex, Count, OutputWidth);

    /// <summary>The same rows under another vertex name.</summary>
    public VertexOutcomes Named(string vertex) => this with { Vertex = vertex };

    /// <summary>The rows whose class is one of <paramref name="classes"/>.</summary>
    public VertexOutcomes WhereClass(IReadOnlyCollection<int> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var keep = Enumerable.Range(0, Count).Where(i => classes.Contains(Classes[i])).ToArray();
        return this with
        {
            Ids = [.. keep.Select(i => Ids[i])],
            Labels = [.. keep.Select(i => Labels[i])],
            Classes = [.. keep.Select(i => Classes[i])],
            Predictions = [.. keep.Select(i => Predictions[i])],
            Losses = [.. keep.Select(i => Losses[i])],
            Outputs = OutputWidth == 0 ? [] : [.. keep.SelectMany(i => Outputs.Skip(i * OutputWidth).Take(OutputWidth))],
        };
    }
}
