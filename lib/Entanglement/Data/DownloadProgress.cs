namespace Entanglement.Data;

/// <summary>Progress of one download.</summary>
/// <param name="FileName">The file being downloaded.</param>
/// <param name="BytesReceived">Bytes on disk so far (including a resumed part).</param>
/// <param name="TotalBytes">The file's full size when the server states it.</param>
public readonly record struct DownloadProgress(string FileName, long BytesReceived, long? TotalBytes);
