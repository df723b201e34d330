using System.Text.RegularExpressions;
using Entanglement.Data;
using Entanglement.NN;
using Microsoft.Data.Sqlite;

namespace Workbook.Cli;

/// <summary>
/// What the user sees when a command fails: one line saying what is wrong and what to do, and an exit code
/// (<see cref="ExitCodes"/>). Expected failures (missing or corrupt files, stores and notebooks, a failed download,
/// diverged training) exit with <see cref="ExitCodes.Failed"/>; anything else is a bug and exits with
/// <see cref="ExitCodes.InternalError"/>.
/// </summary>
/// <param name="Message">The line, without the <c>workbook: </c> prefix.</param>
/// <param name="ExitCode">The documented exit code.</param>
internal sealed partial record Failure(string Message, int ExitCode)
{
    /// <summary>The failure an exception stands for.</summary>
    public static Failure From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = OneLine(exception.Message);
        return exception switch
        {
            DataFileException when message.Contains("run `", StringComparison.Ordinal) => Failed(message),
            DataFileException => Failed(message, "restore the file (the embedded digits: `git checkout data/`) or "
                + "delete it and run `workbook data download svhn` again"),
            InvalidDataException when message.StartsWith("Results store", StringComparison.Ordinal) =>
                Failed(message, "pass --store with a valid store, or move this file away to start a new one "
                    + "(its runs are then recomputed)"),
            InvalidDataException => Failed(message, "fix the file (a notebook of the repository: `git checkout "
                + "notebooks/`) and run the command again"),
            FileNotFoundException when message.StartsWith("Results store", StringComparison.Ordinal) =>
                Failed(message, "check --store, or run an experiment first (`workbook run …`) to create it"),
            FileNotFoundException or DirectoryNotFoundException => Failed(message, "check the path"),
            SqliteException sqlite => Failed($"results store: {message} (SQLite error {sqlite.SqliteErrorCode})",
                "check that --store is a workbook results store and that its folder is writable"),
            UnauthorizedAccessException => Failed(message, "check the permissions of the file or folder"),
            HttpRequestException => Failed($"download failed: {message}",
                "check the network and run the same command again (the download resumes)"),
            NonFiniteException => Failed(message, "training diverged; try a smaller learning rate or another profile"),
            IOException => Failed(message, "check the file, the folder and the free disk space"),
            _ => new Failure(Join($"internal error: {exception.GetType().Name}: {message}",
                "this is a bug in the workbook: rerun with --verbose for the stack trace and report it"),
                ExitCodes.InternalError),
        };
    }

    /// <summary>Collapses a multi-line message into one line.</summary>
    public static string OneLine(string text) => Whitespace().Replace(text ?? "", " ").Trim();

    private static Failure Failed(string message, string? whatToDo = null) =>
        new(whatToDo is null ? message : Join(message, whatToDo), ExitCodes.Failed);

    // "what is wrong; what to do", without a stray full stop before the semicolon.
    private static string Join(string problem, string whatToDo) => $"{problem.TrimEnd('.', ' ')}; {whatToDo}";

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex Whitespace();
}
