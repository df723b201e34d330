using System.IO.Compression;
using System.Text;

namespace Entanglement.Diagnostics;

/// <summary>
/// Packs <see cref="VertexOutcomes"/> into a small blob for the results store: a format byte, then (zlib-compressed)
/// the vertex name, the row count, ids as zig-zag varint deltas, labels, classes and predictions as varints, and
/// losses and outputs as IEEE half-precision floats (about 3 significant digits; the stored means stay exact in the
/// run's metrics). A 2,000-example vertex takes a few kilobytes.
/// </summary>
public static class OutcomeCodec
{
    /// <summary>The format byte written first; a blob with another value is rejected.</summary>
    public const byte Format = 1;

    /// <summary>Encodes one vertex's outcomes.</summary>
    public static byte[] Encode(VertexOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        using var buffer = new MemoryStream();
        buffer.WriteByte(Format);
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new BinaryWriter(zlib, Encoding.UTF8))
        {
            writer.Write(outcomes.Vertex);
            writer.Write7BitEncodedInt(outcomes.Count);
            writer.Write7BitEncodedInt(outcomes.OutputWidth);
            var previous = 0;
            foreach (var id in outcomes.Ids)
            {
                var delta = id - previous;
                writer.Write7BitEncodedInt((delta << 1) ^ (delta >> 31));
                previous = id;
            }

            WriteInts(writer, outcomes.Labels);
            WriteInts(writer, outcomes.Classes);
            WriteInts(writer, outcomes.Predictions);
            WriteHalves(writer, outcomes.Losses);
            WriteHalves(writer, outcomes.Outputs);
        }

        return buffer.ToArray();
    }

    /// <summary>Decodes a blob written by <see cref="Encode"/>; a damaged blob raises <see cref="InvalidDataException"/>.</summary>
    public static VertexOutcomes Decode(byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.Length == 0 || blob[0] != Format)
        {
            throw new InvalidDataException($"Outcome blob: format byte {(blob.Length == 0 ? "missing" : blob[0].ToString(System.Globalization.CultureInfo.InvariantCulture))}, expected {Format}.");
        }

        try
        {
            using var zlib = new ZLibStream(new MemoryStream(blob, 1, blob.Length - 1), CompressionMode.Decompress);
            using var reader = new BinaryReader(zlib, Encoding.UTF8);
            var vertex = reader.ReadString();
            var n = reader.Read7BitEncodedInt();
            var width = reader.Read7BitEncodedInt();
            var ids = new int[n];
            var previous = 0;
            for (var i = 0; i < n; i++)
            {
                var z = reader.Read7BitEncodedInt();
                previous += (int)((uint)z >> 1) ^ -(z & 1);
                ids[i] = previous;
            }

            var labels = ReadInts(reader, n);
            var classes = ReadInts(reader, n);
            var predictions = ReadInts(reader, n);
            var losses = ReadHalves(reader, n);
            var outputs = ReadHalves(reader, n * width);
            return VertexOutcomes.Create(vertex, ids, labels, classes, predictions, losses, outputs, width);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
        {
            throw new InvalidDataException($"Outcome blob of {blob.Length} bytes is truncated or corrupt: {e.Message}", e);
        }
    }

    private static void WriteInts(BinaryWriter writer, int[] values)
    {
        foreach (var v in values)
        {
            writer.Write7BitEncodedInt((v << 1) ^ (v >> 31));
        }
    }

    private static int[] ReadInts(BinaryReader reader, int n)
    {
        var values = new int[n];
        for (var i = 0; i < n; i++)
        {
            var z = reader.Read7BitEncodedInt();
            values[i] = (int)((uint)z >> 1) ^ -(z & 1);
        }

        return values;
    }

    private static void WriteHalves(BinaryWriter writer, float[] values)
    {
        foreach (var v in values)
        {
            writer.Write((Half)v);
        }
    }

    private static float[] ReadHalves(BinaryReader reader, int n)
    {
        var values = new float[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = (float)reader.ReadHalf();
        }

        return values;
    }
}
