namespace Workbook.Cli;

/// <summary>The exit codes of <c>workbook</c> (also listed in the README under "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>
    /// The work failed: a missing or unusable input (data file, notebook, results store), a notebook cell that threw,
    /// a download that failed, or training that diverged.
    /// </summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong: an unknown command, experiment or profile, or an option value out of range.</summary>
    public const int Usage = 2;

    /// <summary>An unexpected error: a bug in the workbook (rerun with <c>--verbose</c> for the stack trace).</summary>
    public const int InternalError = 3;

    /// <summary>Stopped by Ctrl-C (SIGINT): 128 + 2, as a shell reports it.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (what a scheduler sends): 128 + 15.</summary>
    public const int Terminated = 143;
}
