using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Entanglement.Tests.Experiments.Slurm;

/// <summary>
/// A one-node Slurm cluster on localhost, configured in a folder: munged with its own key, socket, pid and log;
/// slurmctld and slurmd in the foreground (so their PIDs are ours) with state, spool and logs in the folder, free
/// ports, <c>proctrack/linuxproc</c> and <c>task/none</c> (no cgroups), and one partition. Dispose cancels the
/// cluster's jobs and stops the three daemons by PID.
/// </summary>
internal sealed class LocalSlurmCluster : IDisposable
{
    public const string Partition = "workbook";
    private static readonly string[] Binaries = ["munged", "mungekey", "slurmctld", "slurmd", "sbatch", "scontrol", "scancel", "sinfo"];
    private readonly List<Process> _daemons = [];
    private readonly string _folder;

    private LocalSlurmCluster(string folder)
    {
        _folder = folder;
        Configuration = Path.Combine(folder, "slurm.conf");
        Environment = new Dictionary<string, string> { ["SLURM_CONF"] = Configuration };
    }

    /// <summary>slurm.conf; clients find the cluster through <c>SLURM_CONF</c> in <see cref="Environment"/>.</summary>
    public string Configuration { get; }

    /// <summary>Variables a client (sbatch, scontrol, the workbook CLI) needs to reach this cluster.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Why no cluster can start here (a missing program, not root), or null.</summary>
    public static string? Missing()
    {
        var missing = Binaries.Where(b => FindProgram(b) is null).ToList();
        if (missing.Count > 0)
        {
            return $"needs Slurm and munge ({string.Join(", ", missing)} not found)";
        }

        return System.Environment.UserName == "root" ? null : "needs root (slurmd runs the jobs as SlurmUser=root)";
    }

    /// <summary>Starts munged, slurmctld and slurmd in <paramref name="folder"/> and waits until the node is idle.</summary>
    public static LocalSlurmCluster Start(string folder)
    {
        Assert.True(Missing() is null, Missing());
        var cluster = new LocalSlurmCluster(folder);
        try
        {
            cluster.StartDaemons();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>Runs a Slurm client program against this cluster and returns its standard output.</summary>
    public string Client(string program, params string[] arguments)
    {
        var (exitCode, output, error) = Run(FindProgram(program) ?? program, arguments, Environment, TimeSpan.FromSeconds(60));
        Assert.True(exitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {exitCode}: {error}");
        return output;
    }

    /// <summary>The job's state (PENDING, RUNNING, COMPLETED, FAILED, …) from <c>scontrol show job</c>.</summary>
    public string JobState(long jobId)
    {
        var text = Client("scontrol", "show", "job", jobId.ToString(CultureInfo.InvariantCulture), "--oneliner");
        var state = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.StartsWith("JobState=", StringComparison.Ordinal));
        return state?["JobState=".Length..] ?? throw new InvalidOperationException($"no JobState in: {text}");
    }

    /// <summary>The last lines of the daemons' logs, for a failure message.</summary>
    public string Logs() =>
        string.Join('\n', Directory.EnumerateFiles(Path.Combine(_folder, "log")).Order().Select(f =>
            $"== {Path.GetFileName(f)}\n{string.Join('\n', File.ReadAllLines(f).TakeLast(15))}"));

    public void Dispose()
    {
        if (_daemons.Count == 3 && !_daemons.Any(d => d.HasExited))
        {
            // Jobs still running (a failed or timed-out test) are cancelled before their slurmd goes.
            Run(FindProgram("scancel") ?? "scancel", ["--partition", Partition], Environment, TimeSpan.FromSeconds(20));
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(20)
                && Run(FindProgram("squeue") ?? "squeue", ["--noheader"], Environment, TimeSpan.FromSeconds(20)) is { ExitCode: 0, Output.Length: > 0 })
            {
                Thread.Sleep(250);
            }
        }

        // slurmd, slurmctld, munged: each by its own PID, in reverse order of starting.
        foreach (var daemon in Enumerable.Reverse(_daemons))
        {
            try
            {
                // SIGTERM first, so slurmctld stops its own helper (slurmscriptd); SIGKILL if that takes too long.
                if (!daemon.HasExited)
                {
                    Run("kill", ["-TERM", daemon.Id.ToString(CultureInfo.InvariantCulture)], null, TimeSpan.FromSeconds(10));
                }

                if (!daemon.WaitForExit(15_000))
                {
                    daemon.Kill();
                    daemon.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // exited between the check and the kill
            }

            daemon.Dispose();
        }

        _daemons.Clear();
    }

    private void StartDaemons()
    {
        var munge = Directory.CreateDirectory(Path.Combine(_folder, "munge")).FullName;
        foreach (var sub in new[] { "state", "spool", "log" })
        {
            Directory.CreateDirectory(Path.Combine(_folder, sub));
        }

        var key = Path.Combine(munge, "munge.key");
        var socket = Path.Combine(munge, "munge.socket");
        var (keyExit, _, keyError) = Run(FindProgram("mungekey") ?? "mungekey", ["--create", "--keyfile", key, "--bits", "1024"], null, TimeSpan.FromSeconds(30));
        Assert.True(keyExit == 0, $"mungekey failed: {keyError}");
        Launch("munged", "munged.out",
            "--foreground", "--force", $"--key-file={key}", $"--socket={socket}", $"--pid-file={Path.Combine(munge, "munged.pid")}",
            $"--log-file={Path.Combine(munge, "munged.log")}", $"--seed-file={Path.Combine(munge, "munged.seed")}");
        WaitFor(() => File.Exists(socket), TimeSpan.FromSeconds(20), "munged created no socket");

        File.WriteAllText(Configuration, Configure(socket));
        Launch("slurmctld", "slurmctld.out", "-D", "-f", Configuration);
        Launch("slurmd", "slurmd.out", "-D", "-f", Configuration, "-N", "localhost");
        WaitFor(() => Run(FindProgram("sinfo") ?? "sinfo", ["--noheader", "--format=%T", "--partition", Partition], Environment, TimeSpan.FromSeconds(20))
            is { ExitCode: 0 } sinfo && sinfo.Output.Trim() == "idle", TimeSpan.FromSeconds(60), "the node did not become idle");
    }

    private string Configure(string mungeSocket)
    {
        var lines = new[]
        {
            "ClusterName=workbook-test",
            "SlurmctldHost=localhost",
            $"SlurmctldPort={FreePort()}",
            $"SlurmdPort={FreePort()}",
            "SlurmUser=root",
            "SlurmdUser=root",
            "AuthType=auth/munge",
            "CredType=cred/munge",
            $"AuthInfo=socket={mungeSocket}",
            $"StateSaveLocation={Path.Combine(_folder, "state")}",
            $"SlurmdSpoolDir={Path.Combine(_folder, "spool")}",
            $"SlurmctldPidFile={Path.Combine(_folder, "slurmctld.pid")}",
            $"SlurmdPidFile={Path.Combine(_folder, "slurmd.pid")}",
            $"SlurmctldLogFile={Path.Combine(_folder, "log", "slurmctld.log")}",
            $"SlurmdLogFile={Path.Combine(_folder, "log", "slurmd.log")}",
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "SwitchType=switch/none",
            "MpiDefault=none",
            "MailProg=/bin/true",
            "ReturnToService=2",
            "SchedulerType=sched/builtin",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_CPU",
            "JobCompType=jobcomp/none",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            string.Create(CultureInfo.InvariantCulture, $"NodeName=localhost CPUs={System.Environment.ProcessorCount} State=UNKNOWN"),
            $"PartitionName={Partition} Nodes=localhost Default=YES MaxTime=INFINITE State=UP",
        };
        return string.Join('\n', lines) + "\n";
    }

    private void Launch(string program, string outputFile, params string[] arguments)
    {
        var start = new ProcessStartInfo(FindProgram(program) ?? program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        _daemons.Add(process);
        var log = new StreamWriter(Path.Combine(_folder, "log", outputFile)) { AutoFlush = true };
        var gate = new object();
        var closed = false;
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) =>
        {
            lock (gate)
            {
                closed = true;
                log.Dispose();
            }
        };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        void Write(string? line)
        {
            lock (gate)
            {
                if (line is not null && !closed)
                {
                    log.WriteLine(line);
                }
            }
        }
    }

    private void WaitFor(Func<bool> condition, TimeSpan limit, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit || _daemons.FirstOrDefault(d => d.HasExited) is { } dead)
            {
                Thread.Sleep(500); // let the daemon's last lines reach its log
                Assert.Fail($"{failure} within {limit.TotalSeconds} s\n{Logs()}");
            }

            Thread.Sleep(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The program on PATH or in the sbin folders (not always on a non-login PATH), or null.</summary>
    private static string? FindProgram(string name) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/sbin"])
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static (int ExitCode, string Output, string Error) Run(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill();
            return (-1, output.Result, $"timed out after {limit.TotalSeconds} s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
