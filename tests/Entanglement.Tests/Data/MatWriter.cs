using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Entanglement.Tests.Data;

/// <summary>Writes small MATLAB v5 files (the subset SVHN uses) so the reader can be tested without the real data.</summary>
internal static class MatWriter
{
    /// <summary>A variable: name, MATLAB class id (6 double, 9 uint8), dims, stored data type (2 miUINT8, 9 miDOUBLE) and bytes.</summary>
    public sealed record Variable(string Name, int ClassId, int[] Dims, int DataType, byte[] Data);

    public static Variable UInt8(string name, int[] dims, byte[] data) => new(name, 9, dims, 2, data);

    public static Variable Double(string name, int[] dims, double[] values)
    {
        var data = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(8 * i), values[i]);
        }

        return new(name, 6, dims, 9, data);
    }

    /// <summary>A double-class array stored as miUINT8 bytes, as MATLAB does for small integer values.</summary>
    public static Variable DoubleAsBytes(string name, int[] dims, byte[] data) => new(name, 6, dims, 2, data);

    public static byte[] File(bool compressed, params Variable[] variables)
    {
        using var output = new MemoryStream();
        var header = new byte[128];
        Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, written by the Entanglement tests").CopyTo(header, 0);
        for (var i = 55; i < 116; i++)
        {
            header[i] = (byte)' ';
        }

        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(124), 0x0100);
        header[126] = (byte)'I';
        header[127] = (byte)'M';
        output.Write(header);
        foreach (var variable in variables)
        {
            var matrix = Matrix(variable);
            if (compressed)
            {
                using var packed = new MemoryStream();
                using (var zlib = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true))
                {
                    zlib.Write(matrix);
                }

                output.Write(Tag(15, (int)packed.Length));
                output.Write(packed.ToArray());
            }
            else
            {
                output.Write(matrix);
            }
        }

        return output.ToArray();
    }

    private static byte[] Matrix(Variable v)
    {
        using var body = new MemoryStream();
        var flags = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(flags, (uint)v.ClassId);
        Element(body, 6, flags);
        var dims = new byte[4 * v.Dims.Length];
        for (var i = 0; i < v.Dims.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(dims.AsSpan(4 * i), v.Dims[i]);
        }

        Element(body, 5, dims);
        var name = Encoding.ASCII.GetBytes(v.Name);
        if (name.Length <= 4)
        {
            // Small data element format.
            var small = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(small, (uint)((name.Length << 16) | 1));
            name.CopyTo(small, 4);
            body.Write(small);
        }
        else
        {
            Element(body, 1, name);
        }

        Element(body, v.DataType, v.Data);
        return [.. Tag(14, (int)body.Length), .. body.ToArray()];
    }

    private static void Element(Stream s, int type, byte[] data)
    {
        s.Write(Tag(type, data.Length));
        s.Write(data);
        s.Write(new byte[(8 - (data.Length % 8)) % 8]);
    }

    private static byte[] Tag(int type, int size)
    {
        var tag = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tag, type);
        BinaryPrimitives.WriteInt32LittleEndian(tag.AsSpan(4), size);
        return tag;
    }
}
