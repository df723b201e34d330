using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Workbook.Commands;

/// <summary><c>workbook bench</c>: our engine's ms/step beside PyTorch's, measured in the same run.</summary>
internal static class BenchCommand
{
    private static readonly int[] GemmSizes = [1024, 4096];

    public static Command Create()
    {
        var json = new Option<string?>("--json") { Description = "Also write the table as JSON (model, ours_ms, torchsharp_ms, torch_ms, ratio)." };
        var peer = new Option<string?>("--peer") { Description = "Path of a PyTorch peer script (default: the repository's tests/Entanglement.Benchmarks/peer/run_models.sh)." };
        var only = new Option<string?>("--only") { Description = "Comma list of name substrings to run (e.g. 'SmallConv,sgemm')." };
        var quick = new Option<bool>("--quick") { Description = "Fewer steps (a smoke run)." };
        var noPeer = new Option<bool>("--no-peer") { Description = "Do not run PyTorch." };
        var noTorchSharp = new Option<bool>("--no-torchsharp") { Description = "Do not time the models on the torch engine (TorchSharp, LibTorch CPU)." };
        var ops = new Option<bool>("--ops") { Description = "Also show where each selected model's training step spends its time, per op (forward, backward) and in Adam." };
        var endToEnd = new Option<int>("--e2e-epochs") { Description = "Also train the quick loss-function-mismatch upstream for this many epochs and report images/s (0: skip)." };
        var command = new Command("bench", "Time SGEMM and training/inference steps of the workbook's models, beside PyTorch on this machine.");
        foreach (var option in new Option[] { json, peer, only, quick, noPeer, noTorchSharp, endToEnd, ops })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var filter = (parse.GetValue(only) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
            bool Wanted(string name) => filter.Length == 0 || filter.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase));
            var steps = parse.GetValue(quick) ? 0.25 : 1.0;
            var rows = new List<(string Model, double Ours, double? TorchSharp, double? Torch, string Unit)>();
            var torchSharp = new BenchTorchSharp(!parse.GetValue(noTorchSharp));
            var gemmSizes = GemmSizes.Where(n => Wanted($"sgemm {n}")).ToArray();
            foreach (var (name, model, input, classes, count) in BenchWorkloads.Models.Where(m => Wanted(m.Name)))
            {
                AnsiConsole.MarkupLine($"timing {Markup.Escape(name)}…");
                var (train, infer) = BenchWorkloads.Time(model, input, classes, Math.Max(3, (int)(count * steps)));
                var onTorch = torchSharp.Time(name, () => Entanglement.Torch.TorchBench.Model(
                    name, input, classes, BenchWorkloads.Batch, Environment.ProcessorCount, Math.Max(3, (int)(count * steps)), BenchWorkloads.Median));
                rows.Add(($"{name} train", train, onTorch?.TrainMs, null, "ms"));
                rows.Add(($"{name} infer", infer, onTorch?.InferMs, null, "ms"));
                if (parse.GetValue(ops))
                {
                    BenchOps.Print(name, model, input, classes, Math.Max(3, (int)(count * steps)));
                }
            }

            var quickUpstream = Wanted(BenchQuickUpstream.Name);
            if (quickUpstream)
            {
                AnsiConsole.MarkupLine($"timing {Markup.Escape(BenchQuickUpstream.Name)}…");
                var (train, infer) = BenchQuickUpstream.Time(Math.Max(3, (int)(30 * steps)));
                var onTorch = torchSharp.Time(BenchQuickUpstream.Name, () => Entanglement.Torch.TorchBench.QuickUpstream(
                    Environment.ProcessorCount, Math.Max(3, (int)(30 * steps)), BenchWorkloads.Median));
                rows.Add(($"{BenchQuickUpstream.Name} train", train, onTorch?.TrainMs, null, "ms"));
                rows.Add(($"{BenchQuickUpstream.Name} infer 256", infer, onTorch?.InferMs, null, "ms"));
            }

            foreach (var n in gemmSizes)
            {
                AnsiConsole.MarkupLine($"timing sgemm {n}…");
                rows.Add(($"sgemm {n}", BenchWorkloads.TimeSgemm(n, n > 2048 ? 3 : 10), null, null, "ms"));
            }

            var script = PeerBench.Locate(parse.GetValue(peer));
            var why = parse.GetValue(noPeer) ? "--no-peer was given" : PeerBench.Unavailable(script);
            if (why is null && script is not null)
            {
                AnsiConsole.MarkupLine("running the PyTorch peer…");
                var torch = PeerBench.Measure(script, parse.GetValue(quick), string.Join(',', gemmSizes), string.Join(',', filter));
                rows = [.. rows.Select(r => (r.Model, r.Ours, r.TorchSharp, Lookup(torch, r.Model), r.Unit))];
            }
            else
            {
                AnsiConsole.MarkupLine($"[yellow]PyTorch not measured: {Markup.Escape(why ?? "unknown")}[/]");
            }

            if (quickUpstream && why is null)
            {
                AnsiConsole.MarkupLine("running the quick-upstream PyTorch peer…");
                if (BenchQuickUpstream.Peer(out var reason) is { } q)
                {
                    rows = [.. rows.Select(r => r.Model.StartsWith(BenchQuickUpstream.Name, StringComparison.Ordinal)
                        ? (r.Model, r.Ours, r.TorchSharp, (double?)(r.Model.EndsWith(" train", StringComparison.Ordinal) ? q.Train : q.Infer), r.Unit)
                        : r)];
                }
                else
                {
                    AnsiConsole.MarkupLine($"[yellow]quick-upstream peer not measured: {Markup.Escape(reason ?? "unknown")}[/]");
                }
            }

            if (parse.GetValue(endToEnd) is > 0 and var epochs)
            {
                AnsiConsole.MarkupLine($"training the quick loss-function-mismatch upstream for {epochs} epoch(s)…");
                var (seconds, perSecond) = BenchQuickUpstream.EndToEnd(epochs);
                AnsiConsole.MarkupLine(FormattableString.Invariant($"end to end: {seconds:F1} s, {perSecond:F0} training images/s (incl. loading, augmentation, validation)"));
            }

            var table = new Table().AddColumn(new TableColumn("work").NoWrap()).AddColumn("ours ms").AddColumn("TorchSharp ms")
                .AddColumn("PyTorch ms").AddColumn("ours / PyTorch").AddColumn("ours / TorchSharp");
            foreach (var r in rows)
            {
                table.AddRow(
                    Markup.Escape(r.Model), F(r.Ours), r.TorchSharp is { } s ? F(s) : "-", r.Torch is { } t ? F(t) : "-",
                    r.Torch is { } u ? F(r.Ours / u) : "-", r.TorchSharp is { } v ? F(r.Ours / v) : "-");
            }


            if (Console.IsOutputRedirected)
            {
                // A log or pipe has no width; Spectre would assume 80 columns and wrap every number.
                AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 140);
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(torchSharp.Describe());
            if (parse.GetValue(json) is { } path)
            {
                var items = rows.Select(r => new
                {
                    model = r.Model,
                    ours_ms = r.Ours,
                    torchsharp_ms = r.TorchSharp,
                    torch_ms = r.Torch,
                    ratio = r.Torch is { } t ? r.Ours / t : (double?)null,
                    ratio_torchsharp = r.TorchSharp is { } u ? r.Ours / u : (double?)null,
                });
                File.WriteAllText(path, JsonSerializer.Serialize(items, RunJson.Indented));
            }

            return 0;
        });
        return command;
    }

    private static double? Lookup(Dictionary<string, (double A, double B)> torch, string row)
    {
        if (row.StartsWith("sgemm", StringComparison.Ordinal))
        {
            return torch.TryGetValue(row, out var g) ? g.A : null;
        }

        var train = row.EndsWith(" train", StringComparison.Ordinal);
        var name = row[..row.LastIndexOf(' ')];
        return torch.TryGetValue(name, out var m) ? (train ? m.A : m.B) : null;
    }

    private static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
