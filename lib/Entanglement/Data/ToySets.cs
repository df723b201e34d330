using Entanglement.Tensors;

namespace Entanglement.Data;

/// <summary>The paper's two-dimensional illustrations, generated from a seed.</summary>
public static class ToySets
{
    /// <summary>
    /// Figure 2 (hypothesis-space mismatch). Inputs x uniform in [−1, 1]²; the class is green when x₀ &gt; 0 (linear in x);
    /// the upstream target is x rotated by <paramref name="swirl"/>·|x| radians. A linear upstream regressor, which cannot
    /// follow the swirl, keeps the classes linearly separable in its predictions; a better (non-linear) regressor moves its
    /// predictions towards the swirled targets, where the class boundary is a spiral a linear downstream cannot follow.
    /// </summary>
    public static ToyPoints HypothesisSpace(int count, Rng rng, double swirl = Math.PI)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentNullException.ThrowIfNull(rng);
        var points = new float[2 * count];
        var targets = new float[2 * count];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            double x = rng.Uniform(-1f, 1f), y = rng.Uniform(-1f, 1f);
            var angle = swirl * Math.Sqrt((x * x) + (y * y));
            points[2 * i] = (float)x;
            points[(2 * i) + 1] = (float)y;
            targets[2 * i] = (float)((x * Math.Cos(angle)) - (y * Math.Sin(angle)));
            targets[(2 * i) + 1] = (float)((x * Math.Sin(angle)) + (y * Math.Cos(angle)));
            labels[i] = x > 0 ? 1 : 0;
        }

        return new ToyPoints(points, targets, labels, null);
    }

    /// <summary>
    /// Figure 3 (anti-correlated errors). Points uniform in [−1, 1]² in three vertical bands: A (x &lt; <paramref name="edgeAB"/>,
    /// green), B (red), C (x ≥ <paramref name="edgeBC"/>, green). No single line separates green from red, so each linear
    /// upstream errs on one band: u (green iff x &lt; edgeAB) errs on C, v (green iff x ≥ edgeBC) errs on A; the errors are
    /// disjoint and a downstream "green iff u or v" is perfect. Replacing u by the lower-error u′ = v (C holds more points
    /// than A with the defaults) leaves the downstream unable to tell A from B.
    /// </summary>
    public static ToyPoints AntiCorrelated(int count, Rng rng, float edgeAB = -0.6f, float edgeBC = 0.2f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentNullException.ThrowIfNull(rng);
        if (!(edgeAB > -1 && edgeAB < edgeBC && edgeBC < 1))
        {
            throw new ArgumentException($"AntiCorrelated: need -1 < edgeAB ({edgeAB}) < edgeBC ({edgeBC}) < 1.", nameof(edgeAB));
        }

        var points = new float[2 * count];
        var labels = new int[count];
        var regions = new int[count];
        for (var i = 0; i < count; i++)
        {
            var x = rng.Uniform(-1f, 1f);
            points[2 * i] = x;
            points[(2 * i) + 1] = rng.Uniform(-1f, 1f);
            regions[i] = x < edgeAB ? 0 : x < edgeBC ? 1 : 2;
            labels[i] = regions[i] == 1 ? 0 : 1;
        }

        return new ToyPoints(points, null, labels, regions);
    }
}
