using System.CommandLine;
using System.Globalization;
using Entanglement.Experiments;
using Entanglement.Experiments.Slurm;
using ScenarioProfile = Entanglement.Scenarios.Profile;

namespace Workbook.Commands;

/// <summary>
/// <c>workbook slurm &lt;experiment&gt;|all</c>: writes a Slurm job-array script for a sweep (task k runs shard k/n into its
/// own store; a merge job after the array merges the shards and writes the summary) and, with --submit, submits it.
/// </summary>
internal static class SlurmCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("experiment") { Description = "An experiment name (see `workbook list`) or 'all'." };
        var runOptions = new Argument<string[]>("run-options")
        {
            Description = "After --: more `workbook run` options, e.g. -- --seeds 40 --dataset svhn; --workers (and --device) go to the array tasks only.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var profile = new Option<string>("--profile") { Description = "smoke, quick or paper.", DefaultValueFactory = _ => "quick" };
        var shards = new Option<int>("--shards") { Description = "Array tasks n; task k runs shard k/n.", DefaultValueFactory = _ => 4 };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition (default: the cluster's)." };
        var gres = new Option<string?>("--gres") { Description = "Generic resources per task, e.g. gpu:1." };
        var time = new Option<string?>("--time") { Description = "Time limit per job, e.g. 12:00:00 (default: the partition's)." };
        var runDir = new Option<string?>("--run-dir") { Description = "Folder for the script, shards, logs, merged store and summary (default: runs/<experiment>-<profile>)." };
        var report = new Option<bool>("--report") { Description = "The merge job also runs `workbook report` on the merged store (every notebook)." };
        var notebooks = new Option<DirectoryInfo>("--notebooks")
        {
            Description = "Folder of the notebooks the report runs.",
            DefaultValueFactory = _ => new DirectoryInfo("notebooks"),
        };
        var submit = new Option<bool>("--submit") { Description = "Submit with sbatch (bash slurm.sh submit) after writing the script." };
        var command = new Command("slurm", "Write (and with --submit, submit) a Slurm job array that runs a sweep in shards and merges them.");
        command.Arguments.Add(name);
        command.Arguments.Add(runOptions);
        foreach (var option in new Option[] { profile, shards, partition, gres, time, runDir, report, notebooks, submit })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            try
            {
                return Write(parse);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
            {
                // One line on what is wrong (bad settings, sbatch refused, the run folder not writable), no stack trace.
                Console.Error.WriteLine($"workbook slurm: {e.Message}");
                return e is ArgumentException ? 2 : 1;
            }
        });
        return command;

        int Write(ParseResult parse)
        {
            var experiment = parse.GetValue(name) ?? "all";
            if (!string.Equals(experiment, "all", StringComparison.OrdinalIgnoreCase))
            {
                experiment = ExperimentCatalog.Find(experiment).Name;
            }

            var passThrough = SlurmJob.SplitRunOptions(parse.GetValue(runOptions) ?? []);
            var profileName = ScenarioProfile.Parse(parse.GetValue(profile) ?? "quick").Name;
            var job = new SlurmJob
            {
                Experiment = experiment,
                Profile = profileName,
                Shards = parse.GetValue(shards),
                RunDirectory = Path.GetFullPath(parse.GetValue(runDir) ?? Path.Combine("runs", $"{experiment}-{profileName}")),
                WorkbookCommand = ["dotnet", Path.Combine(AppContext.BaseDirectory, "workbook.dll")],
                RunArguments = passThrough.Run,
                TaskArguments = passThrough.Task,
                Partition = parse.GetValue(partition),
                Gres = parse.GetValue(gres),
                Time = parse.GetValue(time),
                Report = parse.GetValue(report),
                NotebooksDirectory = parse.GetRequiredValue(notebooks).FullName,
            };
            var script = SlurmSubmitter.Write(job);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {script}: {job.Shards} array tasks of `workbook run {experiment} --profile {profileName}`, then a merge job"));
            if (!parse.GetValue(submit))
            {
                Console.WriteLine($"submit with: bash {SlurmScript.Quote(script)} submit");
                return 0;
            }

            var (_, output) = SlurmSubmitter.Submit(script);
            Console.Write(output);
            Console.WriteLine($"merged store: {job.StorePath}; summary: {job.SummaryPath}; logs: {Path.Combine(job.RunDirectory, "logs")}");
            return 0;
        }
    }
}
