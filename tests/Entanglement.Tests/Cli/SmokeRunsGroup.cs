namespace Entanglement.Tests.Cli;

/// <summary>The tests that share one <see cref="SmokeRuns"/> (and run one at a time: each trains).</summary>
[CollectionDefinition(Name)]
public sealed class SmokeRunsGroup : ICollectionFixture<SmokeRuns>
{
    public const string Name = "workbook run all --profile smoke";
}
