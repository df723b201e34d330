namespace Entanglement.Mitigations;

/// <summary>
/// A change to how an update is made or handed downstream, meant to prevent a self-defeating improvement (the paper's
/// conclusion: "tightening the API" of a model; peers' compatible updates; end-to-end training).
/// </summary>
public enum Mitigation
{
    /// <summary>The unmitigated update, as the experiment makes it.</summary>
    None,

    /// <summary>The upstream hands off temperature-scaled probabilities, the temperature fitted on a held-out split.</summary>
    Calibration,

    /// <summary>The upstream's features are ZCA-whitened (mean and covariance fitted on the downstream's training features).</summary>
    Whitening,

    /// <summary>The improved upstream is trained with a new-error penalty against the previous one (BackwardCompatibilityML).</summary>
    Compatibility,

    /// <summary>Upstream and downstream are fine-tuned together through the downstream's loss.</summary>
    EndToEnd,

    /// <summary>The downstream has more capacity (a wider, deeper MLP instead of its own model class).</summary>
    WiderDownstream,
}
