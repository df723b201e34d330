using Entanglement.Scenarios.Training;

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

    /// <summary>
    /// Stops the sweep: no run starts after it is cancelled, and runs under way stop within a training step and are
    /// abandoned (nothing partial is committed; the runs already committed stay). By default the token a host put in
    /// scope (<see cref="AmbientCancellation"/>).
    /// </summary>
    public CancellationToken Cancellation { get; init; } = AmbientCancellation.Current;

    /// <summary>Environment variable that sets <see cref="Workers"/>, also for notebooks run by <c>report</c> and <c>notebook run</c>.</summary>
    public const string WorkersVariable = "WORKBOOK_WORKERS";

    /// <summary>
    /// How many runs of a sweep train at once: <c>$WORKBOOK_WORKERS</c> if set, otherwise 2 on a machine with at least
    /// two cores (a small training step leaves a core idle half the time), else 1. Results do not depend on it.
    /// </summary>
    public int Workers { get; init; } = DefaultWorkers();

    public static int DefaultWorkers()
    {
        var text = Environment.GetEnvironmentVariable(WorkersVariable);
        if (string.IsNullOrEmpty(text))
        {
            return Math.Min(2, Environment.ProcessorCount);
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new InvalidOperationException($"{WorkersVariable}='{text}' is not a positive whole number of concurrent runs.");
    }

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
