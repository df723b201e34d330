namespace Entanglement.Data;

/// <summary>A data file (embedded digits, cache, download or <c>.mat</c>) is missing, truncated, corrupt or unexpected.</summary>
public sealed class DataFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a message saying what is wrong.</summary>
    public DataFileException(string filePath, string problem, Exception? innerException = null)
        : base($"{filePath}: {problem}", innerException)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file that is wrong.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
