using System.Diagnostics;

namespace Workbook.Commands;

/// <summary>
/// Progress lines on standard output, written on the reporting thread (in order). Milestones (a notebook starting
/// or finishing, a sweep's run committed) always print; chattier lines (epochs) print at most once per
/// <see cref="Interval"/>, so a long report shows it is alive without flooding a CI log. Lines go to the standard
/// output the process had when this was created, never into a notebook cell's recorded output.
/// </summary>
internal sealed class ConsoleProgress(Func<string, bool> isMilestone) : IProgress<string>
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(20);

    // The console as it is now: the notebook runner redirects Console.Out into the running cell's output.
    private readonly TextWriter _out = Console.Out;
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private readonly Lock _gate = new();

    /// <summary>Milestones of <c>workbook report</c> and <c>workbook notebook run</c>.</summary>
    public static ConsoleProgress ForNotebooks() => new(message =>
        !message.Contains("cell ", StringComparison.Ordinal) || message.Contains(" runs", StringComparison.Ordinal));

    public void Report(string value)
    {
        lock (_gate)
        {
            if (!isMilestone(value) && _sinceLast.Elapsed < Interval)
            {
                return;
            }

            _out.WriteLine($"[{DateTime.Now:HH:mm:ss}] {value}");
            _out.Flush();
            _sinceLast.Restart();
        }
    }
}
