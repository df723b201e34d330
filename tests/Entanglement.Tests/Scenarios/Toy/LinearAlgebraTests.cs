using Entanglement.Scenarios.Toy;

namespace Entanglement.Tests.Scenarios.Toy;

public sealed class LinearAlgebraTests
{
    [Fact]
    public void Solve_matches_a_hand_worked_system()
    {
        // 2x + y = 5, x + 3y = 10  =>  x = 1, y = 3.
        var x = LinearAlgebra.Solve(new double[,] { { 2, 1 }, { 1, 3 } }, [5, 10]);
        Assert.Equal(1.0, x[0], 10);
        Assert.Equal(3.0, x[1], 10);
    }

    [Fact]
    public void Solve_names_a_singular_system()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => LinearAlgebra.Solve(new double[,] { { 1, 2 }, { 2, 4 } }, [1, 2]));
        Assert.Contains("singular", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeastSquares_recovers_an_exact_affine_map()
    {
        double[][] f = [[1, 0, 0], [1, 1, 0], [1, 0, 1], [1, 2, 3]];
        var t = f.Select(r => new[] { 0.5 + (2 * r[1]) - r[2] }).ToArray();
        var c = LinearAlgebra.LeastSquares(f, t)[0];
        Assert.Equal(0.5, c[0], 6);
        Assert.Equal(2.0, c[1], 6);
        Assert.Equal(-1.0, c[2], 6);
    }

    [Fact]
    public void LogisticRegression_separates_separable_points()
    {
        double[][] x = [[-2, 0], [-1, 1], [-1.5, -1], [2, 0], [1, 1], [1.5, -1]];
        bool[] y = [false, false, false, true, true, true];
        var w = LinearAlgebra.LogisticRegression(x, y);
        Assert.All(Enumerable.Range(0, x.Length), i => Assert.Equal(y[i], LinearAlgebra.Predict(w, x[i])));
    }
}
