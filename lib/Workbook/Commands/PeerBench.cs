using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Workbook.Commands;

/// <summary>
/// Runs the PyTorch peer and reads its median timings, when Debian's python3-torch is installed. The peer is the
/// repository's own <c>tests/Entanglement.Benchmarks/peer/run_models.sh</c> (the same models, shapes and steps as
/// <see cref="BenchWorkloads"/>), or any script given by <c>--peer</c> that takes the same arguments
/// (<c>tuned --no-peak --json FILE --gemm-sizes N,N [--only NAMES] [--quick]</c>) and writes the same JSON.
/// </summary>
internal static class PeerBench
{
    /// <summary>The repository's PyTorch peer of every bench row, relative to the repository root.</summary>
    public const string PeerScript = "tests/Entanglement.Benchmarks/peer/run_models.sh";

    /// <summary>The repository's peer script, found from the current folder upwards, or null.</summary>
    public static string? Locate(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : null;
        }

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

    /// <summary>Why the peer cannot run here, or null when it can.</summary>
    public static string? Unavailable(string? script)
    {
        if (script is null)
        {
            return $"the PyTorch peer script ({PeerScript}) was not found above the current folder; run from the repository or pass --peer";
        }

        return File.Exists("/usr/bin/python3") && Run("/usr/bin/python3", "-c \"import torch\"", out _) == 0
            ? null
            : "Debian's python3-torch is not installed (apt-get install python3-torch python3-numpy libopenblas0-openmp)";
    }

    /// <summary>Median ms per name: model names → (train, infer); "sgemm N" → (ms, GFLOP/s).</summary>
    public static Dictionary<string, (double A, double B)> Measure(string script, bool quick, string gemmSizes, string only)
    {
        var json = Path.Combine(Path.GetTempPath(), $"peer-{Environment.ProcessId}.json");
        var filter = only.Length > 0 ? $" --only \"{only}\"" : string.Empty;
        var arguments = $"\"{script}\" tuned --no-peak --json \"{json}\" --gemm-sizes \"{gemmSizes}\"{filter}{(quick ? " --quick" : string.Empty)}";
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
