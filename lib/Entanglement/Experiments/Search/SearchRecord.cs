using System.Text.Json;

namespace Entanglement.Experiments.Search;

/// <summary>
/// The record of a setting search: the experiment, profile and seeds, and every setting tried with its result, in
/// the order tried. <c>workbook search</c> writes it after each trial; notebooks read it back as a record.
/// </summary>
public sealed record SearchRecord
{
    /// <summary>Where the committed records live, under the repository root: notebooks/search/&lt;experiment&gt;.json.</summary>
    public const string Folder = "notebooks/search";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public required string Experiment { get; init; }

    public required string Profile { get; init; }

    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>The command that wrote (and can extend or reproduce) this record.</summary>
    public required string Command { get; init; }

    public IReadOnlyList<SearchTrial> Trials { get; init; } = [];

    /// <summary>Adds a trial (a record is only ever appended to).</summary>
    public SearchRecord With(SearchTrial trial) => this with { Trials = [.. Trials, trial] };

    /// <summary>The best trial: highest verdict rank, then the largest downstream worsening; null if none.</summary>
    public SearchTrial? Best => BestExcept([]);

    /// <summary>
    /// <see cref="Best"/> among the trials whose candidate is not in <paramref name="excluded"/> (e.g. candidates whose
    /// confirmation run does not fit the profile's time budget).
    /// </summary>
    public SearchTrial? BestExcept(IEnumerable<string> excluded)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        var skip = excluded.ToHashSet(StringComparer.Ordinal);
        return Trials
            .Where(t => !skip.Contains(t.Candidate))
            .OrderByDescending(t => SearchVerdict.Rank(t.Verdict))
            .ThenByDescending(t => t.DownstreamAfter - t.DownstreamBefore)
            .FirstOrDefault();
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SearchRecord FromJson(string json) =>
        JsonSerializer.Deserialize<SearchRecord>(json, Json) ?? throw new InvalidDataException("Empty search record.");

    /// <summary>Writes the record (through a temporary file, so a killed search leaves the previous record).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, ToJson());
        File.Move(temporary, full, overwrite: true);
    }

    public static SearchRecord Load(string path) => FromJson(File.ReadAllText(path));

    /// <summary>
    /// The committed record of <paramref name="experiment"/>: notebooks/search/&lt;experiment&gt;.json in the first folder
    /// at or above the working directory that has one (a notebook runs in notebooks/, the CLI at the root).
    /// </summary>
    public static SearchRecord Find(string experiment)
    {
        ArgumentException.ThrowIfNullOrEmpty(experiment);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Folder, experiment + ".json");
            if (File.Exists(candidate))
            {
                return Load(candidate);
            }
        }

        throw new FileNotFoundException(
            $"No search record {Folder}/{experiment}.json at or above {Directory.GetCurrentDirectory()}.");
    }
}
