using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Entanglement.Scenarios.PseudoLidar;

namespace Workbook.Commands;

/// <summary>
/// <c>workbook detector-trial car|pedestrian</c>: trains one pseudo-LiDAR detector on ground-truth-depth clouds of the
/// quick profile's scenes (<see cref="DetectorTrial"/>) for some seeds and prints its AP and error breakdown, once per
/// detection variant of the same trained network: the cheap loop in which the detector presets were tuned.
/// </summary>
internal static class DetectorTrialCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "car or pedestrian (the DetectorPresets it starts from)." };
        var seeds = new Option<string>("--seeds") { Description = "Comma-separated seeds.", DefaultValueFactory = _ => "0,1" };
        var train = new Option<int>("--train") { Description = "Training scenes per seed (quick profile: 40).", DefaultValueFactory = _ => 40 };
        var test = new Option<int>("--test") { Description = "Test scenes per seed (quick profile: 20).", DefaultValueFactory = _ => 20 };
        var set = new Option<string[]>("--set") { Description = "Name=value changes to the preset (DetectorSettings property names), for training and every variant.", AllowMultipleArgumentsPerToken = true };
        var variant = new Option<string[]>("--variant") { Description = "A detection variant of the trained network: space-separated Name=value changes (repeatable)." };
        var command = new Command("detector-trial", "Train one pseudo-LiDAR detector on ground-truth depth and print its AP and errors (tuning loop).");
        command.Arguments.Add(kind);
        foreach (var option in new Option[] { seeds, train, test, set, variant })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var preset = (parse.GetValue(kind) ?? "car").ToLowerInvariant() switch
            {
                "car" => DetectorPresets.Car,
                "pedestrian" => DetectorPresets.Pedestrian,
                var other => throw new ArgumentException($"detector-trial: kind '{other}' is not car or pedestrian."),
            };
            var settings = DetectorOverrides.Apply(preset, parse.GetValue(set) ?? []);
            var variantTexts = parse.GetValue(variant) ?? [];
            var variants = new[] { settings }.Concat(variantTexts.Select(v => DetectorOverrides.Apply(settings, v.Split(' ', StringSplitOptions.RemoveEmptyEntries)))).ToArray();
            var names = variantTexts.Prepend("as set").ToArray();
            var results = new List<IReadOnlyList<DetectorTrialResult>>();
            foreach (var seed in (parse.GetValue(seeds) ?? "0").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var r = DetectorTrial.Run(settings, variants, seed, parse.GetValue(train), parse.GetValue(test));
                results.Add(r);
                for (var v = 0; v < r.Count; v++)
                {
                    Console.WriteLine($"[{names[v]}] {r[v]}");
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed}: {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F0} s CPU"));
            }

            for (var v = 0; v < variants.Length; v++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"mean [{names[v]}]: AP_3D {results.Average(r => r[v].Ap3D):F1}, AP_BEV {results.Average(r => r[v].ApBev):F1}, IoU-ranked AP_3D {results.Average(r => r[v].RankedAp3D):F1}"));
            }

            return 0;
        });
        return command;
    }
}
