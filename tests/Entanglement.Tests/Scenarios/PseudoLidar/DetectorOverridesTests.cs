using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

public sealed class DetectorOverridesTests
{
    [Fact]
    public void Assignments_change_the_named_settings_only()
    {
        var changed = DetectorOverrides.Apply(DetectorPresets.Car, ["epochs=24", "NegativeWeight=2.5", "HeadingFit=MinimumArea", "minpointtop=null", "RefinementMargin=0.3"]);
        Assert.Equal(24, changed.Epochs);
        Assert.Equal(2.5, changed.NegativeWeight);
        Assert.Equal(HeadingFit.MinimumArea, changed.HeadingFit);
        Assert.Null(changed.MinPointTop);
        Assert.Equal(0.3, changed.RefinementMargin);
        Assert.Equal(DetectorPresets.Car with { Epochs = 24, NegativeWeight = 2.5, HeadingFit = HeadingFit.MinimumArea, MinPointTop = null, RefinementMargin = 0.3 }, changed);
    }

    [Theory]
    [InlineData("Grid=1")]
    [InlineData("epochs")]
    public void Unknown_names_and_missing_values_are_refused(string assignment) =>
        Assert.Throws<ArgumentException>(() => DetectorOverrides.Apply(DetectorPresets.Car, assignment));
}
