using Entanglement.Experiments.Slurm;

namespace Entanglement.Tests.Experiments.Slurm;

/// <summary>
/// A stand-in <c>sbatch</c> (records its arguments, prints <c>101;cluster</c>, <c>102;cluster</c>, … as
/// <c>--parsable</c> does) and workbook CLI (records its arguments), with a <see cref="Job"/> whose run folder and CLI
/// path need quoting.
/// </summary>
internal sealed class FakeSlurm : IDisposable
{
    private const char Separator = '\u001f';
    private readonly TempFolder _folder = new();
    private readonly string _sbatchLog;
    private readonly string _workbookLog;

    public FakeSlurm(string? sbatchError = null)
    {
        var bin = Path.Combine(_folder.Path, "fake bin");
        Directory.CreateDirectory(bin);
        _sbatchLog = Path.Combine(bin, "sbatch.log");
        _workbookLog = Path.Combine(bin, "workbook.log");
        Executable(Path.Combine(bin, "sbatch"), """
            #!/usr/bin/env bash
            if [[ -n ${FAKE_SBATCH_ERROR:-} ]]; then echo "$FAKE_SBATCH_ERROR" >&2; exit 1; fi
            n=$(( $(cat "$FAKE_SBATCH_LOG.count" 2>/dev/null || echo 100) + 1 ))
            echo "$n" > "$FAKE_SBATCH_LOG.count"
            { printf '%s\x1f' "$@"; printf '\n'; } >> "$FAKE_SBATCH_LOG"
            echo "$n;cluster"
            """);
        var workbook = Path.Combine(bin, "workbook cli");
        Executable(workbook, """
            #!/usr/bin/env bash
            { printf '%s\x1f' "$@"; [[ -z ${WORKBOOK_STORE:-} ]] || printf 'WORKBOOK_STORE=%s\x1f' "$WORKBOOK_STORE"; printf '\n'; } >> "$FAKE_WORKBOOK_LOG"
            """);
        Environment = new Dictionary<string, string>
        {
            ["PATH"] = bin + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_SBATCH_LOG"] = _sbatchLog,
            ["FAKE_WORKBOOK_LOG"] = _workbookLog,
            ["FAKE_SBATCH_ERROR"] = sbatchError ?? "",
            ["WORKBOOK_STORE"] = "", // a notebook test may have set it in this process meanwhile; only the report sets it here
        };
        Job = SlurmJobs.Sample(Path.Combine(_folder.Path, "it's a run"), [workbook]) with
        {
            RunArguments = ["--seeds", "2"],
            TaskArguments = ["--workers", "1"],
            Partition = "debug queue",
            Gres = "gpu:1",
        };
    }

    public SlurmJob Job { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Arguments of every sbatch call so far.</summary>
    public IReadOnlyList<string[]> SbatchCalls() => Calls(_sbatchLog);

    /// <summary>Arguments of every workbook CLI call so far.</summary>
    public IReadOnlyList<string[]> WorkbookCalls() => Calls(_workbookLog);

    /// <summary>Runs the script in <paramref name="mode"/>, as array task <paramref name="arrayTask"/> if given.</summary>
    public void RunScript(string script, string mode, int? arrayTask)
    {
        var environment = new Dictionary<string, string>(Environment)
        {
            ["SLURM_ARRAY_TASK_ID"] = arrayTask?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
        SlurmScriptTests.Bash("bash \"$1\" \"$2\"", environment, script, mode);
    }

    public void Dispose() => _folder.Dispose();

    private static IReadOnlyList<string[]> Calls(string log) =>
        File.Exists(log)
            ? [.. File.ReadAllLines(log).Select(line => line.TrimEnd(Separator).Split(Separator))]
            : [];

    private static void Executable(string path, string text)
    {
        File.WriteAllText(path, text + "\n");
        if (OperatingSystem.IsWindows())
        {
            return; // bash runs the file by name on Windows too; nothing to mark
        }

        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
    }
}
