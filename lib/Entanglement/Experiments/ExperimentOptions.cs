namespace Entanglement.Experiments;

/// <summary>Where and how an experiment's runs are executed and stored.</summary>
public sealed record ExperimentOptions
{
    /// <summary>Environment variable that overrides the default store path (the CLI sets it for notebooks).</summary>
    public const string StoreVariable = "WORKBOOK_STORE";

    /// <summary>The results store; finished runs there are reused, missing ones computed and committed.</summary>
    public string StorePath { get; init; } = DefaultStorePath();

    /// <summary>The part of the sweep to run (a job-array index); results are assembled only when the store is complete.</summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>Where runs report progress; by default the sink a host put in scope (<see cref="AmbientProgress"/>).</summary>
    public IProgress<string>? Progress { get; init; } = AmbientProgress.Current;

    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// <c>$WORKBOOK_STORE</c> if set; otherwise <c>results/workbook.db</c> under the repository root (the folder with
    /// Workbook.sln above the working directory), or under the working directory.
    /// </summary>
    public static string DefaultStorePath()
    {
        if (Environment.GetEnvironmentVariable(StoreVariable) is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workbook.sln")))
            {
                return Path.Combine(dir.FullName, ResultsStore.DefaultPath);
            }
        }

        return Path.GetFullPath(ResultsStore.DefaultPath);
    }
}
