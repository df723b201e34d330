using Entanglement.Diagnostics;
using Entanglement.Tensors;

namespace Entanglement.Tests.Diagnostics;

public sealed class OutcomeCodecTests
{
    internal static VertexOutcomes Sample(string vertex, int n, ulong seed, int width = 1)
    {
        var rng = new Rng(seed);
        var ids = Enumerable.Range(0, n).Select(i => (3 * i) + 5).ToArray();
        var classes = ids.Select(_ => rng.NextInt(10)).ToArray();
        var labels = classes.Select(c => c % 4).ToArray();
        var predictions = labels.Select(l => rng.NextDouble() < 0.8 ? l : (l + 1) % 4).ToArray();
        var losses = predictions.Select((p, i) => p == labels[i] ? 0f : (float)rng.NextDouble() * 3).ToArray();
        var outputs = Enumerable.Range(0, n * width).Select(_ => (float)((rng.NextDouble() * 20) - 10)).ToArray();
        return VertexOutcomes.Create(vertex, ids, labels, classes, predictions, losses, outputs, width);
    }

    [Fact]
    public void Outcomes_round_trip_exactly_except_half_precision_losses_and_outputs()
    {
        var original = Sample("upstream", 500, 1);
        var decoded = OutcomeCodec.Decode(OutcomeCodec.Encode(original));

        Assert.Equal("upstream", decoded.Vertex);
        Assert.Equal(original.Ids, decoded.Ids);
        Assert.Equal(original.Labels, decoded.Labels);
        Assert.Equal(original.Classes, decoded.Classes);
        Assert.Equal(original.Predictions, decoded.Predictions);
        Assert.Equal(1, decoded.OutputWidth);
        for (var i = 0; i < original.Count; i++)
        {
            Assert.Equal(original.Losses[i], decoded.Losses[i], 0.002 * Math.Max(1, original.Losses[i]));
            Assert.Equal(original.Outputs[i], decoded.Outputs[i], 0.01);
        }
    }

    [Fact]
    public void A_two_thousand_example_vertex_takes_kilobytes()
    {
        var blob = OutcomeCodec.Encode(Sample("downstream", 2000, 2, width: 0));

        Assert.InRange(blob.Length, 100, 8_000);
    }

    [Fact]
    public void A_damaged_blob_is_rejected_with_a_clear_error()
    {
        var blob = OutcomeCodec.Encode(Sample("v", 100, 3));

        Assert.Throws<InvalidDataException>(() => OutcomeCodec.Decode(blob[..(blob.Length / 2)]));
        Assert.Throws<InvalidDataException>(() => OutcomeCodec.Decode([2, .. blob[1..]]));
    }

    [Fact]
    public void Rows_that_do_not_line_up_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => VertexOutcomes.Create("w", [0, 1], [0], [0, 1], [0, 1], [0f, 0f]));
        Assert.Throws<ArgumentException>(() => VertexOutcomes.Create("w", [0, 0], [0, 1], [0, 1], [0, 1], [0f, 0f]));
    }
}
