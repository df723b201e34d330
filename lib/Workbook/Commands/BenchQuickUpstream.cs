using System.Diagnostics;
using System.Text.Json.Nodes;
using Entanglement.Data;
using Entanglement.NN;
using Entanglement.Optim;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Workbook.Commands;

/// <summary>
/// The quick profile's upstream model (SmallConvNet, public-code layout, 1×32×32, width 32): a training step at
/// batch 64 and an eval batch of 256, beside the PyTorch peer in tests/Entanglement.Benchmarks/peer; and an
/// end-to-end run of the loss-function-mismatch upstream training (data loading, augmentation, training and the
/// per-epoch validation pass) in images per second.
/// </summary>
internal static class BenchQuickUpstream
{
    public const string Name = "q QuickUpstream 1x32x32 b64";

    private const string PeerScript = "tests/Entanglement.Benchmarks/peer/run_quick_upstream.sh";

    private static SmallConvNet Model(Rng rng) => new(1, 2, rng, 32, [], SmallConvNetVariant.PublicCode, 32);

    /// <summary>Median ms of a training step (batch 64) and an eval batch (256).</summary>
    public static (double TrainMs, double InferMs) Time(int steps)
    {
        var rng = new Rng(seed: 1234);
        var model = Model(rng.Fork("init"));
        var x = Tensor.Randn(rng.Fork("x"), 64, 1, 32, 32);
        var big = Tensor.Randn(rng.Fork("big"), 256, 1, 32, 32);
        var labels = Enumerable.Range(0, 64).Select(i => i % 2).ToArray();
        var optimizer = new Adam(model.Parameters(), lr: 1e-3);
        model.Train();
        var train = BenchWorkloads.Median(steps, () =>
        {
            optimizer.ZeroGrad();
            Functional.CrossEntropy(model.Forward(x), labels).Backward();
            optimizer.Step();
        });
        model.Eval();
        var infer = BenchWorkloads.Median(steps, () =>
        {
            using (Autograd.NoGrad())
            {
                model.Forward(big);
            }
        });
        return (train, infer);
    }

    /// <summary>The peer's (train, infer) medians, or null with the reason printed by the caller.</summary>
    public static (double Train, double Infer)? Peer(out string? why)
    {
        why = null;
        var script = Locate();
        if (script is null)
        {
            why = $"{PeerScript} not found above the current directory";
            return null;
        }

        using var process = Process.Start(new ProcessStartInfo("/bin/bash", $"\"{script}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("could not start bash");
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            why = $"the quick-upstream peer failed: {stderr.Result}";
            return null;
        }

        var root = JsonNode.Parse(output) ?? throw new InvalidDataException("quick-upstream peer: empty output");
        return ((double?)root["train"]?["median_ms"] ?? double.NaN, (double?)root["infer"]?["median_ms"] ?? double.NaN);
    }

    /// <summary>
    /// Trains the quick loss-function-mismatch upstream (r = 9, seed 0) for <paramref name="epochs"/> epochs as
    /// the scenario does, with the per-epoch validation pass; returns seconds and training images per second.
    /// </summary>
    public static (double Seconds, double ImagesPerSecond) EndToEnd(int epochs)
    {
        var config = LossFunctionMismatch.Config.For(Profile.Quick);
        var rng = new Rng(0).Fork("loss-function-mismatch");
        var data = ScenarioData.Load(config.Dataset);
        int[] digits = [1, 3, 7, 9];
        var train = ScenarioData.Classes(data.Train, digits, balance: true, rng.Fork("balance"), config.MaxPerDigit);
        var test = ScenarioData.Classes(data.Test, digits, balance: true, rng.Fork("balance-test"), null).WithLabelsAsTargets();
        var blocks = LabelNoise.LossMismatch(train, config.CleanFraction, config.R[^1], rng.Fork("blocks"));
        var (validation, _) = ScenarioData.Halves(test, new Rng(seed: 0).Fork("validation-halves"));
        var model = config.Upstream.Build(data.Train.Channels, outputs: 1, rng.Fork("init"));
        var settings = config.UpstreamTraining with { Epochs = epochs };
        var clock = Stopwatch.StartNew();
        ImageTrainer.Fit(model, blocks.Train, data.Normalization,
            (y, batch) => PerExampleLoss.SquaredError(y, Tensor.FromArray([.. batch.Labels.Select(l => (float)l)], batch.Count, 1)),
            settings, rng.Fork("train-upstream"),
            onEpochEnd: _ => ImageTrainer.Outputs(model, model.Forward, validation, data.Normalization));
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, blocks.Train.Count * (double)epochs / seconds);
    }

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, PeerScript);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
