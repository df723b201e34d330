using Entanglement.Systems;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// A test loss before and after the upstream update over seeds (u → u′ in Section 5; the swapped pair in
/// Appendix A), with Welch's t-test of the change. <see cref="HigherIsBetter"/> says which direction is an
/// improvement (AP: higher; MAE: lower).
/// </summary>
public sealed record Comparison(string Name, bool HigherIsBetter, WelchTest Test)
{
    /// <summary>Whether the mean moved in the worse direction.</summary>
    public bool GotWorse => HigherIsBetter ? Test.Difference < 0 : Test.Difference > 0;
}
