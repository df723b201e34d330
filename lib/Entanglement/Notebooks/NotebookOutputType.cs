namespace Entanglement.Notebooks;

/// <summary>The <c>output_type</c> of an nbformat 4 code-cell output.</summary>
public enum NotebookOutputType
{
    /// <summary>The value of the cell's last expression (<c>"execute_result"</c>).</summary>
    ExecuteResult,

    /// <summary>A value passed to <c>display(...)</c> (<c>"display_data"</c>).</summary>
    DisplayData,

    /// <summary>Text written to stdout or stderr (<c>"stream"</c>).</summary>
    Stream,

    /// <summary>A compile or runtime error (<c>"error"</c>).</summary>
    Error,
}
