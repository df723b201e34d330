using System.CommandLine;
using System.CommandLine.Parsing;
using Entanglement.Scenarios.Training;
using Workbook.Commands;

namespace Workbook.Cli;

/// <summary>
/// The <c>workbook</c> entry point: parses the command line, runs the command with Ctrl-C and SIGTERM wired to a
/// cancellation token, and turns every failure into one line on standard error and a documented exit code
/// (<see cref="ExitCodes"/>).
/// </summary>
internal static class WorkbookApp
{
    /// <summary>Environment variable that, set to 1 or true, shows stack traces as <c>--verbose</c> does.</summary>
    public const string VerboseVariable = "WORKBOOK_VERBOSE";

    public static async Task<int> RunAsync(string[] args)
    {
        var verbose = new Option<bool>("--verbose")
        {
            Description = $"On failure, also print the stack trace (or set {VerboseVariable}=1).",
            Recursive = true,
        };
        var root = new RootCommand(
            "Fixes That Fail workbook: self-defeating improvements in ML systems, reproduced and diagnosed.");
        root.Options.Add(verbose);
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        var error = Console.Error;
        if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
        {
            var problems = string.Join(" ", parse.Errors.Select(e => Failure.OneLine(e.Message)));
            return Fail(error, $"{problems} (see `{CommandPath(parse)} --help`)", ExitCodes.Usage);
        }

        if (OptionChecks.WorkersVariableError() is { } workers)
        {
            return Fail(error, workers, ExitCodes.Usage);
        }

        var showStack = parse.GetValue(verbose) || IsSet(Environment.GetEnvironmentVariable(VerboseVariable));
        using var interruption = new Interruption(error);
        using var cancellation = AmbientCancellation.Use(interruption.Token);
        try
        {
            var configuration = new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            var code = await parse.InvokeAsync(configuration, interruption.Token).ConfigureAwait(false);
            return interruption.Signal is null ? code : Interrupted(error, interruption, parse);
        }
        catch (Exception e) when (interruption.Signal is not null && IsCancellation(e))
        {
            return WithStack(Interrupted(error, interruption, parse), showStack ? e : null, error);
        }
        catch (Exception e)
        {
            var failure = Failure.From(e);
            return WithStack(Fail(error, failure.Message, failure.ExitCode), showStack ? e : null, error);
        }
    }

    private static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine($"workbook: {message}");
        error.Flush();
        return code;
    }

    // The stack trace (with --verbose) comes after the one line, so the line stays first.
    private static int WithStack(int code, Exception? exception, TextWriter error)
    {
        if (exception is not null)
        {
            error.WriteLine(exception.ToString());
            error.Flush();
        }

        return code;
    }

    private static int Interrupted(TextWriter error, Interruption interruption, ParseResult parse)
    {
        var command = CommandPath(parse);
        var resume = command switch
        {
            "workbook data download" => "the partial download is kept; run the same command again to resume it.",
            "workbook run" or "workbook report" or "workbook notebook run" =>
                "the run in progress was abandoned and the runs already committed stay in the results store; "
                + $"run the same command again (`{command} …`) to resume.",
            _ => "nothing was kept.",
        };
        return Fail(error, $"interrupted by {interruption.SignalName}: {resume}", interruption.ExitCode);
    }

    private static bool IsCancellation(Exception e) => e switch
    {
        OperationCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsCancellation),
        _ => e.InnerException is { } inner && IsCancellation(inner),
    };

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is CommandResult command; result = command.Parent)
        {
            names.Add(command.Parent is null ? "workbook" : command.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static bool IsSet(string? value) =>
        value is "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
