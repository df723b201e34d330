namespace Entanglement.Diagnostics;

/// <summary>The root causes of a self-defeating improvement the paper names (§3), or none found.</summary>
public enum EntanglementType
{
    /// <summary>No type's evidence held at the significance level (or the update is not self-defeating).</summary>
    NotDiagnosed,

    /// <summary>§3 "loss-function mismatch": the upstream's own loss improves while what the downstream needs falls.</summary>
    LossFunctionMismatch,

    /// <summary>§3 "data-distribution mismatch": the upstream improves on inputs the downstream does not use.</summary>
    DataDistributionMismatch,

    /// <summary>§3 "hypothesis-space mismatch": the information is there, but not in a form the downstream's class uses.</summary>
    HypothesisSpaceMismatch,

    /// <summary>§3 "anti-correlated errors": the downstream relied on two upstreams' errors cancelling.</summary>
    AntiCorrelatedErrors,
}
