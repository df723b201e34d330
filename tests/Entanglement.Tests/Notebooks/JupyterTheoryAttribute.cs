namespace Entanglement.Tests.Notebooks;

/// <summary>
/// A theory that needs Jupyter's nbconvert/nbclient (Debian: python3-nbconvert, python3-nbclient, jupyter-client);
/// skipped, saying why, when they are missing, unless <c>WORKBOOK_REQUIRE_JUPYTER=1</c> (CI), which makes it run and
/// fail instead.
/// </summary>
public sealed class JupyterTheoryAttribute : TheoryAttribute
{
    public const string RequireVariable = "WORKBOOK_REQUIRE_JUPYTER";

    public JupyterTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable(RequireVariable) != "1" && OfficialKernel.Python is null)
        {
            Skip = "needs Jupyter's nbconvert and nbclient for python3 "
                + "(apt-get install -y python3-nbconvert python3-nbclient jupyter-client); .ci/run installs them";
        }
    }
}
