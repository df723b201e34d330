using Entanglement.Scenarios;

namespace Entanglement.Experiments.Search;

/// <summary>The experiments a setting search can explore, and their candidates at a profile's scale.</summary>
public static class SearchSpaces
{
    public const string DataDistribution = "data-distribution-mismatch";

    public const string HypothesisSpace = "hypothesis-space-mismatch";

    /// <summary>The experiment names <see cref="For"/> accepts.</summary>
    public static IReadOnlyList<string> Experiments { get; } = [DataDistribution, HypothesisSpace];

    /// <summary>
    /// The candidates of <paramref name="experiment"/>: the quick-scale settings on <see cref="Profile.Quick"/>; on
    /// <see cref="Profile.Smoke"/> the same settings shrunk to 600 images, one upstream epoch and four downstream
    /// epochs (plumbing only).
    /// </summary>
    public static IReadOnlyList<SearchCandidate> For(string experiment, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile == Profile.Paper)
        {
            throw new ArgumentException("A setting search runs on the smoke or quick profile, not paper.", nameof(profile));
        }

        var smoke = profile == Profile.Smoke;
        return experiment switch
        {
            DataDistribution => [.. DataDistributionSearchSpace.Candidates.Select(c =>
            {
                var config = smoke ? Shrink(c.Config) : c.Config with { Profile = profile };
                return new SearchCandidate(c.Name, c.Rationale, config.Describe(),
                    (seeds, progress) => DataDistributionMismatch.Run(config with { Seeds = seeds }, progress));
            })],
            HypothesisSpace => [.. HypothesisSpaceSearchSpace.Candidates.Select(c =>
            {
                var config = smoke ? Shrink(c.Config) : c.Config with { Profile = profile };
                return new SearchCandidate(c.Name, c.Rationale, config.Describe(),
                    (seeds, progress) => HypothesisSpaceMismatch.Run(config with { Seeds = seeds }, progress));
            })],
            _ => throw new ArgumentException(
                $"No setting search for '{experiment}'; expected one of: {string.Join(", ", Experiments)}.", nameof(experiment)),
        };
    }

    /// <summary>
    /// The candidates of <paramref name="experiment"/> that the choice rule skips for the quick profile's time budget,
    /// with the reason (<see cref="HypothesisSpaceSearchSpace.OverBudget"/>); empty when none is.
    /// </summary>
    public static IReadOnlyDictionary<string, string> OverBudget(string experiment) => experiment switch
    {
        HypothesisSpace => HypothesisSpaceSearchSpace.OverBudget,
        DataDistribution => new Dictionary<string, string>(),
        _ => throw new ArgumentException(
            $"No setting search for '{experiment}'; expected one of: {string.Join(", ", Experiments)}.", nameof(experiment)),
    };

    private static DataDistributionMismatch.Config Shrink(DataDistributionMismatch.Config c) => c with
    {
        Profile = Profile.Smoke,
        P = [30, 100],
        UpstreamTraining = c.UpstreamTraining with { Epochs = 1 },
        DownstreamTraining = c.DownstreamTraining with { Epochs = 4 },
        MaxTrainImages = 600,
    };

    private static HypothesisSpaceMismatch.Config Shrink(HypothesisSpaceMismatch.Config c) => c with
    {
        Profile = Profile.Smoke,
        UpstreamTraining = c.UpstreamTraining with { Epochs = 1 },
        DownstreamTraining = c.DownstreamTraining with { Epochs = 4 },
        MaxTrainImages = 600,
    };
}
