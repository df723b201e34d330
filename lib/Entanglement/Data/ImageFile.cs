using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Entanglement.Data;

/// <summary>
/// The workbook's image-set file (embedded digits and the SVHN cache). Little-endian layout:
/// <code>
/// 0   8 bytes  magic "ENTIMAGE"
/// 8   uint16   version (1)
/// 10  uint8    compression: 0 none, 1 Brotli
/// 11  uint8    reserved (0)
/// 12  int32    N (images)     16 int32 C    20 int32 H    24 int32 W    28 int32 reserved (0)
/// 32  int64    payload length (N + N·C·H·W)
/// 40  int64    stored length (bytes after the header)
/// 48  32 bytes SHA-256 of the payload
/// 80  payload, compressed as stated: N uint8 labels, then N·C·H·W uint8 pixels (N×C×H×W, row-major)
/// </code>
/// Writing goes to a temporary file that is renamed into place, so a crash never leaves a file that looks complete.
/// </summary>
public static class ImageFile
{
    /// <summary>Format version written and read.</summary>
    public const int Version = 1;

    private const int HeaderSize = 80;
    private static readonly byte[] Magic = "ENTIMAGE"u8.ToArray();

    /// <summary>Writes <paramref name="dataset"/> (labels 0…255) to <paramref name="path"/>; returns the payload's SHA-256 (hex).</summary>
    public static string Write(ImageDataset dataset, string path, bool compress)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var payload = new byte[dataset.Count + dataset.PixelArray.Length];
        for (var i = 0; i < dataset.Count; i++)
        {
            var label = dataset.LabelArray[i];
            payload[i] = label is >= 0 and <= 255
                ? (byte)label
                : throw new ArgumentException($"ImageFile: label {label} does not fit a byte.", nameof(dataset));
        }

        dataset.PixelArray.CopyTo(payload, dataset.Count);
        var hash = SHA256.HashData(payload);
        var stored = compress ? Compress(payload) : payload;

        var header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), Version);
        header[10] = compress ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), dataset.Count);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), dataset.Channels);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(20), dataset.Height);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), dataset.Width);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(32), payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(40), stored.Length);
        hash.CopyTo(header, 48);

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(header);
                stream.Write(stored);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return Convert.ToHexString(hash).ToLowerInvariant();
    }

    /// <summary>Reads and verifies a file written by <see cref="Write"/>; throws <see cref="DataFileException"/> naming what is wrong.</summary>
    public static ImageDataset Read(string path) => Read(path, out _);

    /// <summary>Reads and verifies a file, also returning the payload's SHA-256 (hex).</summary>
    public static ImageDataset Read(string path, out string sha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new DataFileException(path, "file not found.");
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderSize)
        {
            throw new DataFileException(path, $"truncated: {bytes.Length} bytes, shorter than the {HeaderSize}-byte header.");
        }

        var header = bytes.AsSpan(0, HeaderSize);
        if (!header[..8].SequenceEqual(Magic))
        {
            throw new DataFileException(path, "not an image-set file (bad magic number).");
        }

        var version = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        if (version != Version)
        {
            throw new DataFileException(path, $"format version {version} is not supported (expected {Version}).");
        }

        var compression = header[10];
        var n = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        var c = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        var h = BinaryPrimitives.ReadInt32LittleEndian(header[20..]);
        var w = BinaryPrimitives.ReadInt32LittleEndian(header[24..]);
        var payloadLength = BinaryPrimitives.ReadInt64LittleEndian(header[32..]);
        var storedLength = BinaryPrimitives.ReadInt64LittleEndian(header[40..]);
        if (n < 0 || c < 1 || h < 1 || w < 1 || compression > 1 || payloadLength != n + ((long)n * c * h * w))
        {
            throw new DataFileException(path, $"corrupt header (N={n}, C={c}, H={h}, W={w}, payload {payloadLength} bytes).");
        }

        if (storedLength != bytes.Length - HeaderSize)
        {
            throw new DataFileException(path,
                storedLength > bytes.Length - HeaderSize
                    ? $"truncated: {bytes.Length - HeaderSize} of {storedLength} payload bytes present."
                    : $"corrupt: {bytes.Length - HeaderSize - storedLength} unexpected bytes after the payload.");
        }

        var payload = compression == 1
            ? Decompress(path, bytes.AsMemory(HeaderSize), payloadLength)
            : bytes.AsSpan(HeaderSize).ToArray();
        var hash = SHA256.HashData(payload);
        if (!hash.AsSpan().SequenceEqual(header.Slice(48, 32)))
        {
            throw new DataFileException(path, "corrupt: the payload's SHA-256 does not match the hash stored in the header.");
        }

        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = payload[i];
        }

        sha256 = Convert.ToHexString(hash).ToLowerInvariant();
        return new ImageDataset(payload.AsSpan(n).ToArray(), labels, c, h, w);
    }

    private static byte[] Compress(byte[] payload)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(payload.Length)];
        return BrotliEncoder.TryCompress(payload, buffer, out var written, quality: 11, window: 24)
            ? buffer.AsSpan(0, written).ToArray()
            : throw new InvalidOperationException("ImageFile: Brotli compression failed.");
    }

    private static byte[] Decompress(string path, ReadOnlyMemory<byte> stored, long payloadLength)
    {
        var payload = new byte[payloadLength];
        try
        {
            using var decoder = new BrotliDecoder();
            var status = decoder.Decompress(stored.Span, payload, out var consumed, out var written);
            if (status != System.Buffers.OperationStatus.Done || written != payloadLength || consumed != stored.Length)
            {
                throw new DataFileException(path,
                    $"corrupt: the compressed payload decodes to {written} of {payloadLength} bytes ({status}).");
            }
        }
        catch (InvalidDataException e)
        {
            throw new DataFileException(path, "corrupt: the compressed payload cannot be decoded.", e);
        }

        return payload;
    }
}
