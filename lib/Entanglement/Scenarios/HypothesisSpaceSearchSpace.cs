using Entanglement.Scenarios.Training;

namespace Entanglement.Scenarios;

/// <summary>
/// The quick-scale settings a search tries for the hypothesis-space mismatch (§4.1.3), in the order it tries them.
/// Definition 2.1 needs the upstream's own loss (1-NN error of the conv features) to improve along the knob. In the
/// search on seeds 0–4 (notebooks/search/hypothesis-space-mismatch.json) no candidate achieved that: with the deeper head
/// the 1-NN error stayed level or rose (appendix-b-w8 0.049 → 0.050, public-code-20-epochs 0.042 → 0.050,
/// public-code-depth-1-2 0.049 → 0.052, appendix-b-w8-20-epochs 0.044 → 0.048, none significant). The chosen candidate
/// is the record's best by the stated rule among the candidates within the quick profile's time budget
/// (<see cref="OverBudget"/>), and the quick profile confirms it on seeds 5–9.
/// </summary>
public static class HypothesisSpaceSearchSpace
{
    /// <summary>
    /// The candidate the quick preset uses: the search record's best trial on seeds 0–4 outside <see cref="OverBudget"/>
    /// (<see cref="Experiments.Search.SearchRecord.BestExcept"/>: the strongest verdict, then the largest downstream
    /// worsening); a test checks it against the committed record. A
    /// property, not a const: code compiled against an earlier build calls the getter of the library it runs with instead of inlining a stale value.
    /// </summary>
    public static string Chosen { get; } = "public-code-20-epochs";

    /// <summary>
    /// Candidates the choice rule skips because confirming them on seeds 5–9 does not fit the quick profile's budget
    /// (the paper's notebooks 00–06 within 20 minutes on 2 cores; they took 18.9 minutes with notebook 03 at 245 s), each
    /// with the measurement that rules it out. Stated after the search, from run time alone, never from its losses.
    /// </summary>
    public static IReadOnlyDictionary<string, string> OverBudget { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["appendix-b-w8-20-epochs"] = "264 s per seed on an idle 2-core machine (public-code-20-epochs: 53 s), so " +
            "confirming it on seeds 5–9 would add about 18 minutes to the quick report",
    };

    /// <summary>The common base: the public-code trunk with 8 channels, 10 epochs, head depth 1 → 5.</summary>
    public static HypothesisSpaceMismatch.Config Base { get; } = new()
    {
        Profile = Profile.Quick,
        HeadDepth = [1, 5],
        Upstream = UpstreamNetwork.SmallConvNetCode(width: 8, headHidden: []),
        UpstreamTraining = TrainingSettings.QuickUpstream(10),
        DownstreamTraining = TrainingSettings.PaperDownstream,
        Seeds = [0, 1, 2, 3, 4],
    };

    /// <summary>Every candidate, in the order a search runs them.</summary>
    public static IReadOnlyList<NamedSetting<HypothesisSpaceMismatch.Config>> Candidates { get; } =
    [
        new("appendix-b-w8",
            "The paper's trunk layout (strides 1, 2; no pooling; 8·19·19 = 2,888 features) with 8 channels: a linear head "
            + "can separate such features without clustering them, a deep head reshapes the trunk.",
            Base with { Upstream = UpstreamNetwork.SmallConvNetPaper(width: 8) }),
        new("public-code-20-epochs",
            "Today's trunk trained twice as long, so the deep head is not just under-trained.",
            Base with { UpstreamTraining = Base.UpstreamTraining with { Epochs = 20 } }),
        new("public-code-depth-1-2",
            "Today's trunk, the shortest step of the knob (1 → 2 layers), which trains as fast as the linear head.",
            Base with { HeadDepth = [1, 2] }),
        new("appendix-b-w8-20-epochs",
            "The paper's trunk layout trained twice as long.",
            Base with { Upstream = UpstreamNetwork.SmallConvNetPaper(width: 8), UpstreamTraining = Base.UpstreamTraining with { Epochs = 20 } }),
    ];

    /// <summary>The candidate called <paramref name="name"/>.</summary>
    public static NamedSetting<HypothesisSpaceMismatch.Config> Find(string name) =>
        Candidates.FirstOrDefault(c => c.Name == name)
        ?? throw new ArgumentException($"No hypothesis-space candidate '{name}'.", nameof(name));
}
