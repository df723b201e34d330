using System.CommandLine;
using Entanglement.Experiments;

namespace Workbook.Commands;

/// <summary>
/// Hidden <c>workbook results simulate-sweep</c>: a sweep of cheap, slow, deterministic runs (points 0..P−1 ×
/// seeds 0..S−1, upstream = point + seed/10, downstream = point·seed) that the tests kill mid-way and resume.
/// </summary>
internal static class SimulateSweepCommand
{
    public static Command Create()
    {
        var store = new Option<string>("--store") { Required = true };
        var points = new Option<int>("--points") { DefaultValueFactory = _ => 10 };
        var seeds = new Option<int>("--seeds") { DefaultValueFactory = _ => 3 };
        var delay = new Option<int>("--delay-ms") { DefaultValueFactory = _ => 50 };
        var shard = new Option<string>("--shard") { DefaultValueFactory = _ => "0/1" };
        var command = new Command("simulate-sweep", "Test helper: a slow synthetic sweep.") { Hidden = true };
        command.Options.Add(store);
        command.Options.Add(points);
        command.Options.Add(seeds);
        command.Options.Add(delay);
        command.Options.Add(shard);
        command.SetAction(parse =>
        {
            var sweep = new Sweep<int>(
                "simulated", "test",
                Enumerable.Range(0, parse.GetValue(points)).ToList(),
                Enumerable.Range(0, parse.GetValue(seeds)).ToList());
            using var results = ResultsStore.Open(parse.GetValue(store) ?? "");
            var runner = new SweepRunner(results)
            {
                Shard = Shard.Parse(parse.GetValue(shard) ?? "0/1"),
                Progress = new LineProgress(),
            };
            var summary = runner.Run(sweep, run =>
            {
                Thread.Sleep(parse.GetValue(delay));
                return new RunOutcome(new Dictionary<string, double>
                {
                    ["upstream"] = run.Point + (run.Seed / 10.0),
                    ["downstream"] = run.Point * run.Seed,
                });
            });
            Console.WriteLine($"ran {summary.Ran}, skipped {summary.Skipped}, total {summary.Total}");
            return 0;
        });
        return command;
    }

    /// <summary>Writes <c>committed KEY</c> after each commit, synchronously, so a watcher knows what is stored.</summary>
    private sealed class LineProgress : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value)
        {
            if (value.LastKey is not null)
            {
                Console.Out.WriteLine("committed " + value.LastKey);
                Console.Out.Flush();
            }
        }
    }
}
