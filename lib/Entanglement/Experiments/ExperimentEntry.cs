namespace Entanglement.Experiments;

/// <summary>One experiment the CLI can list and run.</summary>
/// <param name="Name">CLI name, e.g. <c>loss-function-mismatch</c>.</param>
/// <param name="Title">Title with the paper's section and figure.</param>
/// <param name="Run">Runs it for a request (through the store where it trains models).</param>
public sealed record ExperimentEntry(string Name, string Title, Func<ExperimentRequest, ExperimentOutcome> Run);
