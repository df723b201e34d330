using Entanglement.Systems;

namespace Entanglement.Experiments.Search;

/// <summary>The verdict of Definition 2.1 in a few words, as a search record stores it.</summary>
public static class SearchVerdict
{
    public const string Significant = "self-defeating, significant";

    public const string Trend = "self-defeating direction, not significant";

    public const string NoUpstreamImprovement = "upstream did not improve";

    public const string NotWorse = "downstream did not get worse";

    /// <summary>Which of the four a report is.</summary>
    public static string Of(SelfDefeatingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report switch
        {
            { IsSelfDefeating: true, IsSignificant: true } => Significant,
            { IsSelfDefeating: true } => Trend,
            { Improves: false } => NoUpstreamImprovement,
            _ => NotWorse,
        };
    }

    /// <summary>How promising a verdict is for choosing a setting: significant 3, trend 2, the others 0.</summary>
    public static int Rank(string verdict) => verdict switch
    {
        Significant => 3,
        Trend => 2,
        _ => 0,
    };
}
