using Entanglement.Torch;
using Spectre.Console;

namespace Workbook.Commands;

/// <summary>
/// The torch-engine column of <c>workbook bench</c>: each model timed on TorchSharp (LibTorch CPU) in the same process,
/// or nothing with the reason, said once, when LibTorch cannot load here or the column was switched off.
/// </summary>
internal sealed class BenchTorchSharp(bool enabled)
{
    private string? _unavailable = enabled ? null : "--no-torchsharp was given";

    /// <summary>(train, infer) medians of <paramref name="time"/>, or null when LibTorch is unavailable.</summary>
    public (double TrainMs, double InferMs)? Time(string name, Func<(double TrainMs, double InferMs)> time)
    {
        if (_unavailable is not null)
        {
            return null;
        }

        AnsiConsole.MarkupLine($"timing {Markup.Escape(name)} on TorchSharp (LibTorch CPU)…");
        try
        {
            return time();
        }
        catch (LibTorchUnavailableException e)
        {
            _unavailable = e.Message;
            return null;
        }
    }

    /// <summary>One line under the table: the thread count both engines ran, or why the column is empty.</summary>
    public string Describe() => _unavailable is { } why
        ? $"[yellow]TorchSharp not measured: {Markup.Escape(why)}[/]"
        : $"TorchSharp column: the same models on LibTorch's CPU kernels in this process, {Environment.ProcessorCount} intra-op thread(s), as the native engine.";
}
