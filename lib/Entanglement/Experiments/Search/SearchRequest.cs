using Entanglement.Scenarios;

namespace Entanglement.Experiments.Search;

/// <summary>What a setting search runs and where it records it.</summary>
public sealed record SearchRequest
{
    /// <summary>One of <see cref="SearchSpaces.Experiments"/>.</summary>
    public required string Experiment { get; init; }

    /// <summary>Smoke or quick.</summary>
    public required Profile Profile { get; init; }

    /// <summary>Search seeds (a subset of 0–4).</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>The record file (JSON), written after each trial.</summary>
    public required string OutPath { get; init; }

    /// <summary>Run only these candidates (empty: all, in order).</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>The command line, stored in a new record so it can be reproduced.</summary>
    public string Command { get; init; } = string.Empty;
}
