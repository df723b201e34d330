using Entanglement.Optim;
using Entanglement.Tensors;

namespace Entanglement.Tests.Optim;

public sealed class MultiStepLRTests
{
    [Fact]
    public void Decays_by_gamma_at_each_milestone()
    {
        var p = Tensor.Zeros(1);
        p.RequiresGrad = true;
        var adam = new Adam([p], lr: 1e-3);
        var schedule = new MultiStepLR(adam, [4, 2]);
        var rates = new List<double>();
        for (var epoch = 0; epoch < 5; epoch++)
        {
            rates.Add(adam.LearningRate);
            schedule.Step();
        }

        Assert.Equal(new[] { 1e-3, 1e-3, 1e-4, 1e-4, 1e-5 }, rates, new ToleranceComparer());
        Assert.Equal(5, schedule.Epoch);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiStepLR(adam, [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiStepLR(adam, [1], gamma: 0));
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
