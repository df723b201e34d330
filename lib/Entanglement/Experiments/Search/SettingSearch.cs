using System.Diagnostics;

namespace Entanglement.Experiments.Search;

/// <summary>
/// Runs a setting search: every candidate of an experiment (or the named ones), one after another, on search seeds
/// only, appending each finished trial to the record file at once. Candidates already in the record are not rerun,
/// so an interrupted search resumes; a record of other seeds or another profile is never mixed into.
/// </summary>
public static class SettingSearch
{
    /// <summary>Runs the search and returns the record as written.</summary>
    public static SearchRecord Run(SearchRequest request, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var seeds = SearchSeeds.Check(request.Seeds);
        var candidates = SearchSpaces.For(request.Experiment, request.Profile);
        var unknown = request.Only.Except(candidates.Select(c => c.Name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Unknown candidate(s) {string.Join(", ", unknown)}; {request.Experiment} has: {string.Join(", ", candidates.Select(c => c.Name))}.",
                nameof(request));
        }

        var record = File.Exists(request.OutPath)
            ? Compatible(SearchRecord.Load(request.OutPath), request, seeds)
            : new SearchRecord { Experiment = request.Experiment, Profile = request.Profile.Name, Seeds = seeds, Command = request.Command };
        foreach (var candidate in candidates.Where(c => request.Only.Count == 0 || request.Only.Contains(c.Name)))
        {
            if (record.Trials.Any(t => t.Candidate == candidate.Name))
            {
                progress?.Report($"{candidate.Name}: already in the record, skipped");
                continue;
            }

            progress?.Report($"{candidate.Name}: running on seeds {SearchSeeds.Format(seeds)}");
            var stopwatch = Stopwatch.StartNew();
            var result = candidate.Run(seeds, progress);
            var trial = SearchTrial.From(candidate, result, stopwatch.Elapsed.TotalSeconds, DateTimeOffset.UtcNow);
            record = record.With(trial);
            record.Save(request.OutPath);
            progress?.Report($"{candidate.Name}: {trial.Verdict}");
        }

        if (!File.Exists(request.OutPath))
        {
            record.Save(request.OutPath);
        }

        return record;
    }

    private static SearchRecord Compatible(SearchRecord record, SearchRequest request, IReadOnlyList<int> seeds)
    {
        if (record.Experiment != request.Experiment || record.Profile != request.Profile.Name || !record.Seeds.SequenceEqual(seeds))
        {
            throw new InvalidOperationException(
                $"{request.OutPath} records {record.Experiment} on profile {record.Profile}, seeds {SearchSeeds.Format(record.Seeds)}; "
                + $"this search is {request.Experiment} on {request.Profile.Name}, seeds {SearchSeeds.Format(seeds)}. Use another --out.");
        }

        return record;
    }
}
