namespace Entanglement.Mitigations;

/// <summary>What an upstream image model hands its downstream.</summary>
public enum HandOff
{
    /// <summary>Its outputs (logits or a regression value).</summary>
    Outputs,

    /// <summary>Its features (<see cref="Scenarios.UpstreamNetwork.FeatureTap"/>).</summary>
    Features,
}
