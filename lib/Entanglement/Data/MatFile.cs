using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Entanglement.Data;

/// <summary>
/// Reader for the part of the MATLAB v5 <c>.mat</c> format SVHN uses: the 128-byte header (little-endian "IM"), top-level
/// <c>miCOMPRESSED</c> (zlib) and plain <c>miMATRIX</c> elements holding real numeric arrays (array flags, dimensions,
/// name, real part; small-element tags). Reference: MathWorks, "MAT-File Format" (Level 5).
/// </summary>
public static class MatFile
{
    internal const int MiInt8 = 1, MiUInt8 = 2, MiInt16 = 3, MiUInt16 = 4, MiInt32 = 5, MiUInt32 = 6, MiSingle = 7,
        MiDouble = 9, MiInt64 = 12, MiUInt64 = 13, MiMatrix = 14, MiCompressed = 15;

    private static readonly string[] ClassNames =
        ["?", "cell", "struct", "object", "char", "sparse", "double", "single", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"];

    /// <summary>Every variable in the file, by name; a file outside the supported subset throws <see cref="DataFileException"/>.</summary>
    public static IReadOnlyDictionary<string, MatArray> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new DataFileException(path, "file not found.");
        }

        var result = new Dictionary<string, MatArray>(StringComparer.Ordinal);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var header = new byte[128];
            ReadExactly(file, header, path, "header");
            if (header[126] != (byte)'I' || header[127] != (byte)'M')
            {
                throw new DataFileException(path, header[126] == (byte)'M' && header[127] == (byte)'I'
                    ? "big-endian MAT files are not supported."
                    : "not a MATLAB v5 MAT file (no endian indicator at byte 126).");
            }

            var tag = new byte[8];
            while (file.Position < file.Length)
            {
                var start = file.Position;
                ReadExactly(file, tag, path, "element tag");
                var type = BinaryPrimitives.ReadInt32LittleEndian(tag);
                var size = BinaryPrimitives.ReadUInt32LittleEndian(tag.AsSpan(4));
                var end = start + 8 + size;
                if (end > file.Length)
                {
                    throw new DataFileException(path, $"truncated: element at byte {start} needs {size} bytes, {file.Length - start - 8} remain.");
                }

                MatArray array;
                if (type == MiCompressed)
                {
                    using var bounded = new BoundedStream(file, size);
                    using var zlib = new ZLibStream(bounded, CompressionMode.Decompress, leaveOpen: true);
                    var inner = new byte[8];
                    ReadExactly(zlib, inner, path, "compressed element tag");
                    if (BinaryPrimitives.ReadInt32LittleEndian(inner) != MiMatrix)
                    {
                        throw new DataFileException(path, $"compressed element at byte {start} does not hold a matrix.");
                    }

                    array = ReadMatrix(zlib, path);
                }
                else if (type == MiMatrix)
                {
                    array = ReadMatrix(file, path);
                }
                else
                {
                    throw new DataFileException(path, $"unexpected top-level element type {type} at byte {start}.");
                }

                result[array.Name] = array;
                file.Position = end;
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new DataFileException(path, $"corrupt or truncated compressed data ({e.Message}).", e);
        }

        return result;
    }

    private static MatArray ReadMatrix(Stream stream, string path)
    {
        var (flagsType, flags) = ReadSubelement(stream, path, "array flags");
        if (flagsType != MiUInt32 || flags.Length < 8)
        {
            throw new DataFileException(path, "matrix without array flags.");
        }

        var flagWord = BinaryPrimitives.ReadUInt32LittleEndian(flags);
        var classId = (int)(flagWord & 0xFF);
        var (dimsType, dimBytes) = ReadSubelement(stream, path, "dimensions");
        if (dimsType != MiInt32 || dimBytes.Length < 8 || dimBytes.Length % 4 != 0)
        {
            throw new DataFileException(path, "matrix without a valid dimensions array.");
        }

        var dims = new int[dimBytes.Length / 4];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32LittleEndian(dimBytes.AsSpan(4 * i));
        }

        var (_, nameBytes) = ReadSubelement(stream, path, "array name");
        var name = Encoding.ASCII.GetString(nameBytes);
        var className = classId < ClassNames.Length ? ClassNames[classId] : $"class {classId}";
        if (classId is < 6 or > 15 || (flagWord & 0x800) != 0)
        {
            throw new DataFileException(path,
                $"variable '{name}' is {((flagWord & 0x800) != 0 ? "complex " : "")}{className}; only real numeric arrays are supported.");
        }

        var count = dims.Aggregate(1L, (a, d) => a * d);
        var (dataType, data) = ReadSubelement(stream, path, $"data of '{name}'");
        var width = ElementWidth(dataType);
        if (width == 0 || data.LongLength != count * width)
        {
            throw new DataFileException(path,
                $"variable '{name}' ({string.Join("x", dims)}) has {data.Length} data bytes of type {dataType}, expected {count} elements.");
        }

        if (classId == 9)
        {
            return dataType == MiUInt8
                ? new MatArray(name, className, dims, data, null)
                : new MatArray(name, className, dims, [.. Decode(data, dataType).Select(v => (byte)v)], null);
        }

        return new MatArray(name, className, dims, null, Decode(data, dataType));
    }

    private static (int Type, byte[] Data) ReadSubelement(Stream stream, string path, string what)
    {
        var tag = new byte[8];
        ReadExactly(stream, tag, path, what);
        var first = BinaryPrimitives.ReadUInt32LittleEndian(tag);
        if (first >> 16 != 0)
        {
            // Small data element: size in the upper half-word, up to 4 data bytes inside the tag.
            var smallSize = (int)(first >> 16);
            return smallSize > 4
                ? throw new DataFileException(path, $"corrupt small element in {what}.")
                : ((int)(first & 0xFFFF), tag.AsSpan(4, smallSize).ToArray());
        }

        var size = BinaryPrimitives.ReadUInt32LittleEndian(tag.AsSpan(4));
        if (size > Array.MaxLength)
        {
            throw new DataFileException(path, $"{what} claims {size} bytes.");
        }

        var data = new byte[size];
        ReadExactly(stream, data, path, what);
        var padding = (int)((8 - (size % 8)) % 8);
        if (padding > 0)
        {
            ReadExactly(stream, new byte[padding], path, what);
        }

        return ((int)first, data);
    }

    private static int ElementWidth(int type) => type switch
    {
        MiInt8 or MiUInt8 => 1,
        MiInt16 or MiUInt16 => 2,
        MiInt32 or MiUInt32 or MiSingle => 4,
        MiDouble or MiInt64 or MiUInt64 => 8,
        _ => 0,
    };

    private static double[] Decode(byte[] data, int type)
    {
        var width = ElementWidth(type);
        var values = new double[data.Length / width];
        for (var i = 0; i < values.Length; i++)
        {
            var s = data.AsSpan(i * width, width);
            values[i] = type switch
            {
                MiInt8 => (sbyte)s[0],
                MiUInt8 => s[0],
                MiInt16 => BinaryPrimitives.ReadInt16LittleEndian(s),
                MiUInt16 => BinaryPrimitives.ReadUInt16LittleEndian(s),
                MiInt32 => BinaryPrimitives.ReadInt32LittleEndian(s),
                MiUInt32 => BinaryPrimitives.ReadUInt32LittleEndian(s),
                MiSingle => BinaryPrimitives.ReadSingleLittleEndian(s),
                MiDouble => BinaryPrimitives.ReadDoubleLittleEndian(s),
                MiInt64 => BinaryPrimitives.ReadInt64LittleEndian(s),
                _ => BinaryPrimitives.ReadUInt64LittleEndian(s),
            };
        }

        return values;
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string path, string what)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                throw new DataFileException(path, $"truncated while reading the {what} ({total} of {buffer.Length} bytes).");
            }

            total += n;
        }
    }
}
