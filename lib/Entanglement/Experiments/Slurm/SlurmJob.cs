namespace Entanglement.Experiments.Slurm;

/// <summary>
/// A sweep to run on a Slurm cluster as a job array: task k runs shard k/<see cref="Shards"/> of
/// <c>workbook run</c> into its own store, and a merge job after the array combines the shards (see <see cref="SlurmScript"/>).
/// </summary>
public sealed record SlurmJob
{
    /// <summary>Options the script sets itself for every <c>workbook run</c>, so they may not be passed through.</summary>
    public static IReadOnlyList<string> ReservedRunOptions { get; } = ["--profile", "--shard", "--store", "--json"];

    /// <summary>
    /// <c>workbook run</c> options that decide where and how runs train, not which runs exist or what they compute:
    /// only the array tasks get them, so the merge job (which only reads) needs no GPU.
    /// </summary>
    public static IReadOnlyList<string> TaskOnlyRunOptions { get; } = ["--device", "--workers"];

    /// <summary>An experiment name of <c>workbook list</c>, or <c>all</c>.</summary>
    public required string Experiment { get; init; }

    /// <summary>The profile every task runs (smoke, quick or paper).</summary>
    public required string Profile { get; init; }

    /// <summary>Number of array tasks n; task k runs shard k/n.</summary>
    public required int Shards { get; init; }

    /// <summary>Absolute folder of the run: the script, shard stores, logs, merged store and summary.</summary>
    public required string RunDirectory { get; init; }

    /// <summary>How to start the workbook CLI on a node, e.g. <c>dotnet /opt/workbook/workbook.dll</c>.</summary>
    public required IReadOnlyList<string> WorkbookCommand { get; init; }

    /// <summary>Further <c>workbook run</c> options for every task and the summary (e.g. <c>--seeds 40</c>, <c>--dataset svhn</c>).</summary>
    public IReadOnlyList<string> RunArguments { get; init; } = [];

    /// <summary>Further <c>workbook run</c> options for the array tasks only (see <see cref="TaskOnlyRunOptions"/>).</summary>
    public IReadOnlyList<string> TaskArguments { get; init; } = [];

    /// <summary>The Slurm partition (<c>sbatch --partition</c>); null for the cluster's default.</summary>
    public string? Partition { get; init; }

    /// <summary>Generic resources per array task (<c>sbatch --gres</c>, e.g. <c>gpu:1</c>); null for none.</summary>
    public string? Gres { get; init; }

    /// <summary>Time limit per job (<c>sbatch --time</c>, e.g. <c>12:00:00</c>); null for the partition's default.</summary>
    public string? Time { get; init; }

    /// <summary>Further <c>sbatch</c> options for every job (e.g. <c>--account=lab</c>).</summary>
    public IReadOnlyList<string> SbatchArguments { get; init; } = [];

    /// <summary>Whether the merge job also runs <c>workbook report</c> on the merged store.</summary>
    public bool Report { get; init; }

    /// <summary>Absolute folder of the notebooks the report runs.</summary>
    public string NotebooksDirectory { get; init; } = "notebooks";

    /// <summary>
    /// Splits pass-through <c>workbook run</c> options into those for every run (<see cref="RunArguments"/>) and those
    /// for the array tasks only (<see cref="TaskOnlyRunOptions"/>, as <c>--device cuda</c> or <c>--device=cuda</c>).
    /// </summary>
    public static (IReadOnlyList<string> Run, IReadOnlyList<string> Task) SplitRunOptions(IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var run = new List<string>();
        var task = new List<string>();
        for (var i = 0; i < options.Count; i++)
        {
            var name = options[i].Split('=')[0];
            if (!TaskOnlyRunOptions.Contains(name, StringComparer.Ordinal))
            {
                run.Add(options[i]);
                continue;
            }

            task.Add(options[i]);
            if (!options[i].Contains('=', StringComparison.Ordinal) && i + 1 < options.Count)
            {
                task.Add(options[++i]);
            }
        }

        return (run, task);
    }

    /// <summary>The generated script, <c>slurm.sh</c> in the run folder.</summary>
    public string ScriptPath => Path.Combine(RunDirectory, "slurm.sh");

    /// <summary>The merged store the merge job writes.</summary>
    public string StorePath => Path.Combine(RunDirectory, "results.db");

    /// <summary>The JSON summary the merge job writes from the merged store.</summary>
    public string SummaryPath => Path.Combine(RunDirectory, "summary.json");

    /// <summary>The store array task <paramref name="index"/> runs its shard into.</summary>
    public string ShardStorePath(int index) =>
        Path.Combine(RunDirectory, "shards", index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".db");

    /// <summary>Throws a specific <see cref="ArgumentException"/> for settings no script could run.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Experiment);
        ArgumentException.ThrowIfNullOrWhiteSpace(Profile);
        if (Shards < 1)
        {
            throw new ArgumentException($"Slurm job: {Shards} shards; needs at least 1 array task.", nameof(Shards));
        }

        if (!Path.IsPathFullyQualified(RunDirectory))
        {
            throw new ArgumentException(
                $"Slurm job: run folder '{RunDirectory}' is not absolute; jobs start in another folder.", nameof(RunDirectory));
        }

        if (WorkbookCommand.Count == 0 || WorkbookCommand.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Slurm job: the command that starts the workbook CLI is empty.", nameof(WorkbookCommand));
        }

        var reserved = RunArguments.Concat(TaskArguments).FirstOrDefault(a => ReservedRunOptions.Any(r =>
            string.Equals(a, r, StringComparison.Ordinal) || a.StartsWith(r + "=", StringComparison.Ordinal)));
        if (reserved is not null)
        {
            throw new ArgumentException(
                $"Slurm job: '{reserved}' is set by the script for every task ({string.Join(", ", ReservedRunOptions)}); "
                + "pass only other `workbook run` options through.", nameof(RunArguments));
        }

        foreach (var value in new[] { Experiment, Profile, Partition, Gres, Time }.Concat(RunArguments).Concat(TaskArguments).Concat(SbatchArguments))
        {
            if (value is not null && value.Any(c => c is '\n' or '\r' or '\0'))
            {
                throw new ArgumentException($"Slurm job: setting '{value}' contains a line break or NUL.", nameof(RunArguments));
            }
        }
    }
}
