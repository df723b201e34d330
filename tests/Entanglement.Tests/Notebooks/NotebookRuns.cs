namespace Entanglement.Tests.Notebooks;

/// <summary>
/// Test classes that run notebooks: the runner exports <c>WORKBOOK_PROFILE</c> (and the notebook tests
/// <c>WORKBOOK_STORE</c>) process-wide, so these classes must not run in parallel with each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NotebookRuns
{
    public const string Name = "notebook runs (process-wide environment)";
}
