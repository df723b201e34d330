namespace Entanglement.Tests.Experiments.Slurm;

/// <summary>
/// A fact that starts a one-node Slurm cluster: needs Debian's <c>slurm-wlm</c> and <c>munge</c> and root (slurmd runs
/// jobs as root). Skipped, saying why, when something is missing, unless <c>WORKBOOK_REQUIRE_SLURM=1</c> (as in CI):
/// then the test runs and fails on what is missing.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public const string RequireVariable = "WORKBOOK_REQUIRE_SLURM";

    public SlurmFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(RequireVariable) != "1" && LocalSlurmCluster.Missing() is { } missing)
        {
            Skip = $"{missing} (apt-get install -y slurm-wlm munge; set {RequireVariable}=1 to fail instead of skipping)";
        }
    }
}
