using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Workbook.Commands;

/// <summary>Runs the PyTorch peer (shared/bench/run_peer.sh) and reads its median timings, when Debian's python3-torch is installed.</summary>
internal static class PeerBench
{
    /// <summary>The peer script <c>shared/bench/run_peer.sh</c> in a folder above the current one, or null.</summary>
    public static string? Locate(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : null;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "bench", "run_peer.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Why the peer cannot run here, or null when it can.</summary>
    public static string? Unavailable(string? script)
    {
        if (script is null)
        {
            return "the PyTorch peer script (shared/bench/run_peer.sh) was not found; pass --peer";
        }

        return File.Exists("/usr/bin/python3") && Run("/usr/bin/python3", "-c \"import torch\"", out _) == 0
            ? null
            : "Debian's python3-torch is not installed (apt-get install python3-torch python3-numpy libopenblas0-openmp)";
    }

    /// <summary>Median ms per name: model names → (train, infer); "sgemm N" → (ms, GFLOP/s).</summary>
    public static Dictionary<string, (double A, double B)> Measure(string script, bool quick, string gemmSizes)
    {
        var json = Path.Combine(Path.GetTempPath(), $"peer-{Environment.ProcessId}.json");
        var arguments = $"\"{script}\" tuned --no-peak --json \"{json}\" --gemm-sizes \"{gemmSizes}\"{(quick ? " --quick" : string.Empty)}";
        if (Run("/bin/bash", arguments, out var output) != 0)
        {
            throw new InvalidOperationException($"The PyTorch peer failed: {output}");
        }

        var root = JsonNode.Parse(File.ReadAllText(json)) ?? throw new InvalidDataException($"{json}: empty peer output");
        File.Delete(json);
        var result = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        foreach (var model in root["models"]?.AsArray() ?? [])
        {
            result[(string?)model?["name"] ?? "?"] = ((double?)model?["train"]?["median_ms"] ?? double.NaN, (double?)model?["infer"]?["median_ms"] ?? double.NaN);
        }

        foreach (var gemm in root["sgemm"]?.AsArray() ?? [])
        {
            result[$"sgemm {(int?)gemm?["n"]}"] = ((double?)gemm?["torch.mm"]?["median_ms"] ?? double.NaN, (double?)gemm?["torch.mm"]?["gflops"] ?? double.NaN);
        }

        return result;
    }

    private static int Run(string file, string arguments, out string output)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"could not start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        output += stderr.Result;
        return process.ExitCode;
    }
}
