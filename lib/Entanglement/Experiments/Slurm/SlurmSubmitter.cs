using System.Diagnostics;

namespace Entanglement.Experiments.Slurm;

/// <summary>Writes a <see cref="SlurmJob"/>'s script into its run folder and submits it with <c>bash slurm.sh submit</c>.</summary>
public static class SlurmSubmitter
{
    /// <summary>Writes <see cref="SlurmJob.ScriptPath"/> (executable) and returns its path.</summary>
    public static string Write(SlurmJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var text = SlurmScript.Render(job);
        Directory.CreateDirectory(job.RunDirectory);
        File.WriteAllText(job.ScriptPath, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(job.ScriptPath, File.GetUnixFileMode(job.ScriptPath)
                | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return job.ScriptPath;
    }

    /// <summary>
    /// Runs <c>bash <paramref name="scriptPath"/> submit</c> (which calls <c>sbatch</c> from PATH) and returns the
    /// submitted job ids and the script's output.
    /// </summary>
    /// <param name="scriptPath">A script written by <see cref="Write"/>.</param>
    /// <param name="environment">Variables to set for the submission (e.g. <c>SLURM_CONF</c>); the jobs inherit them.</param>
    /// <exception cref="InvalidOperationException">sbatch is missing or the submission failed (its error included).</exception>
    public static (SlurmSubmission Submission, string Output) Submit(
        string scriptPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(scriptPath);
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(scriptPath)) ?? ".",
        };
        start.ArgumentList.Add(Path.GetFullPath(scriptPath));
        start.ArgumentList.Add("submit");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Slurm submit: could not start bash.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Slurm submit: `bash {scriptPath} submit` exited with {process.ExitCode}: {error.Result.Trim()}{Hint(error.Result)}");
        }

        return (SlurmSubmission.Parse(output), output);
    }

    private static string Hint(string error) =>
        error.Contains("sbatch", StringComparison.Ordinal) && error.Contains("not found", StringComparison.Ordinal)
            ? " (no sbatch on PATH: submit from a Slurm login node, where `bash slurm.sh submit` works the same)"
            : "";
}
