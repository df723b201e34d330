using System.CommandLine;
using Entanglement.Scenarios.Engines;

namespace Workbook.Commands;

/// <summary>
/// <c>--engine native|torch</c> and <c>--device cpu|cuda</c> on <c>run</c>, <c>report</c> and <c>notebook run</c>: they
/// set <c>$WORKBOOK_ENGINE</c> and <c>$WORKBOOK_DEVICE</c> for this process, so scenarios started by notebook cells train
/// on the same engine; the engine is loaded up front so a missing LibTorch or CUDA is reported before any work.
/// </summary>
internal static class EngineOptions
{
    public static Option<string?> Engine() => new("--engine")
    {
        Description = $"Training engine: native (default; this library's CPU kernels) or torch (LibTorch). Default ${TrainingEngines.EngineVariable}.",
    };

    public static Option<string?> Device() => new("--device")
    {
        Description = $"Device of the torch engine: cpu (default) or cuda. Default ${TrainingEngines.DeviceVariable}.",
    };

    /// <summary>
    /// Exports the choice and loads the engine; returns null, or the one-line error and its exit code: 2 for an unknown
    /// engine or device (usage), 1 when what it needs is missing (LibTorch, the torch assembly, a CUDA device).
    /// </summary>
    public static (string Message, int ExitCode)? Apply(string? engine, string? device)
    {
        engine ??= Environment.GetEnvironmentVariable(TrainingEngines.EngineVariable) is { Length: > 0 } e ? e : "native";
        device ??= Environment.GetEnvironmentVariable(TrainingEngines.DeviceVariable) is { Length: > 0 } d ? d : "cpu";
        Environment.SetEnvironmentVariable(TrainingEngines.EngineVariable, engine);
        Environment.SetEnvironmentVariable(TrainingEngines.DeviceVariable, device);
        try
        {
            _ = TrainingEngines.Current;
            return null;
        }
        catch (ArgumentException x)
        {
            return ($"--engine {engine} --device {device}: {x.Message}", 2);
        }
        catch (InvalidOperationException x)
        {
            return ($"--engine {engine} --device {device}: {x.Message}", 1);
        }
    }

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public static (Option<string?> Engine, Option<string?> Device) AddTo(Command command)
    {
        var pair = (Engine(), Device());
        command.Options.Add(pair.Item1);
        command.Options.Add(pair.Item2);
        return pair;
    }
}
