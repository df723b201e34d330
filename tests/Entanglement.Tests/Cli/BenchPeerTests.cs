using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Entanglement.Tests.Cli;

/// <summary>
/// <c>workbook bench</c>'s PyTorch peer lives in the repository (tests/Entanglement.Benchmarks/peer): it times the same
/// rows under the same names, so every row of the table has a PyTorch column on a machine with python3-torch; the torch
/// engine (TorchSharp) has a counterpart of every row too.
/// </summary>
public sealed partial class BenchPeerTests
{
    [Fact]
    public void The_peer_defines_every_model_row_of_the_bench()
    {
        var root = WorkbookProcess.RepositoryRoot();
        var ours = RowNames().Matches(File.ReadAllText(Path.Combine(root, "lib/Workbook/Commands/BenchWorkloads.cs"))).Select(m => m.Groups[1].Value);
        var peer = RowNames().Matches(File.ReadAllText(Path.Combine(root, "tests/Entanglement.Benchmarks/peer/models_torch.py"))).Select(m => m.Groups[1].Value);
        var torchSharp = RowNames().Matches(File.ReadAllText(Path.Combine(root, "lib/Entanglement.Torch/TorchBench.cs"))).Select(m => m.Groups[1].Value);
        Assert.Equal(8, ours.Count());
        Assert.Equal(ours, peer);
        Assert.Equal(ours, torchSharp);
    }

    [Fact]
    public void A_bench_row_gets_its_PyTorch_time_from_the_repository_peer()
    {
        var json = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.json");
        var (code, stdout, stderr) = WorkbookProcess.Run(["bench", "--only", "LogReg 512-2", "--quick", "--json", json]);
        Assert.True(code == 0, stderr + stdout);
        var rows = JsonNode.Parse(File.ReadAllText(json))!.AsArray();
        File.Delete(json);
        Assert.Equal(["b LogReg 512-2 train", "b LogReg 512-2 infer"], rows.Select(r => (string)r!["model"]!));
        if (rows.Any(r => r!["torchsharp_ms"] is null))
        {
            Assert.Contains("TorchSharp not measured", stdout, StringComparison.Ordinal);
        }
        else
        {
            Assert.All(rows, r => Assert.True((double?)r!["torchsharp_ms"] > 0 && (double?)r["ratio_torchsharp"] > 0, r!.ToJsonString()));
        }

        if (!File.Exists("/usr/bin/python3") || !PythonHasTorch())
        {
            Assert.Contains("python3-torch", stdout, StringComparison.Ordinal);
            return;
        }

        Assert.All(rows, r => Assert.True((double?)r!["torch_ms"] > 0 && (double?)r["ratio"] > 0, r!.ToJsonString()));
    }

    private static bool PythonHasTorch()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/python3", "-c \"import torch\"")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    [GeneratedRegex("""\("([a-z] (?:MLP|LogReg|SmallConv|ResNet18)[^"]*)",""")]
    private static partial Regex RowNames();
}
