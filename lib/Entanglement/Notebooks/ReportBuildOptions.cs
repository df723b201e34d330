namespace Entanglement.Notebooks;

/// <summary>Where <see cref="ReportBuilder"/> writes a run's executed notebook and HTML page.</summary>
public sealed record ReportBuildOptions
{
    /// <summary>The profile the notebooks run with (exported as <c>WORKBOOK_PROFILE</c>).</summary>
    public string Profile { get; init; } = NotebookRunOptions.DefaultProfile;

    /// <summary>Folder for the executed <c>.ipynb</c>; null writes none (unless <see cref="InPlace"/>).</summary>
    public string? NotebookDirectory { get; init; }

    /// <summary>Overwrite the source notebook with the executed one.</summary>
    public bool InPlace { get; init; }

    /// <summary>Folder for the HTML page; null writes none.</summary>
    public string? HtmlDirectory { get; init; }

    /// <summary>The report page options (plotly.js source, timestamp, seeds); profile and duration come from the run.</summary>
    public HtmlReportOptions Html { get; init; } = new();
}
