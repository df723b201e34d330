namespace Entanglement.Diagnostics;

/// <summary>
/// One trained system's downstream test error split into three parts that sum to it:
/// <list type="bullet">
/// <item><b>information</b> I: the best error achievable from the upstream outputs the downstream sees, estimated by
/// a flexible estimator (<see cref="KNearestNeighbours"/> fitted on the downstream's training inputs, a large sample
/// held out from the test set);</item>
/// <item><b>approximation</b> C − I: what the downstream's model class loses against that best (C: fresh models of the
/// class fitted on the training inputs plus one half of the test inputs and scored on the other half, an out-of-sample
/// estimate of the best in the class);</item>
/// <item><b>estimation</b> D − C: what the trained downstream (error D) loses against the best in its class.</item>
/// </list>
/// Both probes are estimates, each with its own sampling error: C can fall below I (a negative approximation part) or
/// above D (a negative estimation part) by about their standard errors.
/// </summary>
/// <param name="Downstream">D, the retrained downstream's test error.</param>
/// <param name="Information">I, the k-NN estimate of the best achievable error (NaN when not recorded).</param>
/// <param name="InClass">C, the best-in-class estimate (NaN when not recorded).</param>
public sealed record ErrorDecomposition(double Downstream, double Information, double InClass)
{
    /// <summary>C − I.</summary>
    public double Approximation => InClass - Information;

    /// <summary>D − C.</summary>
    public double Estimation => Downstream - InClass;

    /// <summary>The decomposition of one run under the sweep's roles (probes that were not recorded give NaN).</summary>
    public static ErrorDecomposition Of(OutcomeSweep sweep, SystemRun run)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(run);
        double Error(string vertex) => run.Vertices.TryGetValue(vertex, out var v) ? v.ErrorRate : double.NaN;
        return new ErrorDecomposition(run[sweep.Downstream].ErrorRate, Error(sweep.Information), Error(sweep.InClass));
    }
}
