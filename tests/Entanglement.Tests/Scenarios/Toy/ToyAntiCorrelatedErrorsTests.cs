using Entanglement.Scenarios.Toy;

namespace Entanglement.Tests.Scenarios.Toy;

public sealed class ToyAntiCorrelatedErrorsTests
{
    [Fact]
    public void Fixing_u_alone_improves_u_and_hurts_the_retrained_downstream()
    {
        var sweep = ToyAntiCorrelatedErrors.Run(new ToyAntiCorrelatedErrors.Config { ThresholdsU = [-0.4, 0.0], Seeds = [0, 1, 2] }).Sweep;
        for (var s = 0; s < 3; s++)
        {
            Assert.True(sweep.Upstream[1][s] < sweep.Upstream[0][s], "u′ must make fewer errors than u");
            Assert.True(sweep.Downstream[1][s] > sweep.Downstream[0][s], "w′ must make more errors than w");
        }
    }

    [Fact]
    public void The_Bayes_rule_on_anti_correlated_outputs_is_nearly_perfect()
    {
        var sweep = ToyAntiCorrelatedErrors.Run(new ToyAntiCorrelatedErrors.Config { ThresholdsU = [-0.4], Seeds = [0] }).Sweep;
        Assert.True(sweep.Downstream[0][0] < 0.05, $"downstream error {sweep.Downstream[0][0]}");
    }
}
