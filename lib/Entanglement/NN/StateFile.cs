using System.Runtime.InteropServices;
using System.Text;
using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>
/// The binary file a <see cref="Module"/>'s state is saved to. Little-endian throughout:
/// <code>
/// magic    4 bytes  "ENTS"
/// version  int32    1
/// count    int32    number of entries
/// entry × count:
///   nameLen  int32      bytes of the UTF-8 dotted name
///   name     nameLen bytes
///   rank     int32
///   dims     int32 × rank
///   data     float32 × product(dims), row-major
/// </code>
/// The file is written to <c>path.tmp</c> and then renamed, so a crash never leaves a half-written state under
/// <c>path</c>. Reading checks every name and shape against the module and names the file and the entry on a
/// mismatch or truncation.
/// </summary>
public static class StateFile
{
    /// <summary>The four magic bytes, "ENTS" (Entanglement state).</summary>
    public static ReadOnlySpan<byte> Magic => "ENTS"u8;

    /// <summary>The format version this code writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Writes <paramref name="entries"/> to <paramref name="path"/> (via a temporary file and a rename).</summary>
    public static void Write(string path, IEnumerable<(string Name, Tensor Tensor)> entries)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(entries);
        CheckEndianness();
        var list = entries.ToList();
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(list.Count);
            foreach (var (name, tensor) in list)
            {
                var bytes = Encoding.UTF8.GetBytes(name);
                writer.Write(bytes.Length);
                writer.Write(bytes);
                writer.Write(tensor.Rank);
                foreach (var d in tensor.Shape.Dims)
                {
                    writer.Write(d);
                }

                writer.Write(MemoryMarshal.AsBytes(tensor.Data.AsSpan()));
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// Reads the state in <paramref name="path"/>, checking it holds exactly <paramref name="expected"/>'s names
    /// and shapes in order. Throws <see cref="InvalidDataException"/> naming the file and entry otherwise.
    /// </summary>
    public static IReadOnlyDictionary<string, Tensor> Read(string path, IReadOnlyList<(string Name, Tensor Tensor)> expected)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(expected);
        CheckEndianness();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var where = "header";
        try
        {
            var magic = reader.ReadBytes(4);
            if (!magic.AsSpan().SequenceEqual(Magic))
            {
                throw Bad(path, "not a state file (bad magic)");
            }

            var version = reader.ReadInt32();
            if (version != Version)
            {
                throw Bad(path, $"version {version}, expected {Version}");
            }

            var count = reader.ReadInt32();
            if (count != expected.Count)
            {
                throw Bad(path, $"{count} entries, the module has {expected.Count}");
            }

            var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var (name, want) = expected[i];
                where = $"entry {i} ('{name}')";
                var nameLen = reader.ReadInt32();
                if (nameLen < 0 || nameLen > 4096)
                {
                    throw Bad(path, $"{where}: invalid name length {nameLen}");
                }

                var got = Encoding.UTF8.GetString(ReadExactly(reader, nameLen));
                if (got != name)
                {
                    throw Bad(path, $"entry {i} is '{got}', the module expects '{name}'");
                }

                var rank = reader.ReadInt32();
                if (rank != want.Rank)
                {
                    throw Bad(path, $"{where}: rank {rank}, the module expects shape {want.Shape}");
                }

                var dims = new int[rank];
                for (var d = 0; d < rank; d++)
                {
                    dims[d] = reader.ReadInt32();
                }

                var shape = new Shape(dims);
                if (shape != want.Shape)
                {
                    throw Bad(path, $"{where}: shape {shape}, the module expects {want.Shape}");
                }

                var bytes = ReadExactly(reader, checked(shape.Size * sizeof(float)));
                var data = new float[shape.Size];
                Buffer.BlockCopy(bytes, 0, data, 0, bytes.Length);
                state.Add(name, Tensor.FromArray(data, dims));
            }

            if (stream.Position != stream.Length)
            {
                throw Bad(path, $"{stream.Length - stream.Position} trailing bytes after the last entry");
            }

            return state;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"State file '{path}' is truncated in {where}.", e);
        }
    }

    private static void CheckEndianness()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("StateFile: big-endian hosts are not supported.");
        }
    }

    private static byte[] ReadExactly(BinaryReader reader, int count)
    {
        var bytes = reader.ReadBytes(count);
        return bytes.Length == count ? bytes : throw new EndOfStreamException();
    }

    private static InvalidDataException Bad(string path, string why) => new($"State file '{path}': {why}.");
}
