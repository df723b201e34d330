using System.Globalization;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Entanglement.Torch;

/// <summary>
/// Pins LibTorch's CPU threads. LibTorch splits its reductions (batch-norm statistics, matrix products) by its intra-op
/// thread count, so a run's numbers depend on that count: measured bit-identical across processes at one count, and
/// different between one and two threads. Every torch run is therefore pinned to <see cref="Count"/> threads
/// (<c>$WORKBOOK_TORCH_THREADS</c>, default 1), whatever the machine and the number of concurrent sweep workers; with
/// the default, two workers on two cores use one core each instead of oversubscribing them.
/// </summary>
public static class LibTorchThreads
{
    /// <summary>Environment variable setting <see cref="Count"/> (a positive integer).</summary>
    public const string Variable = "WORKBOOK_TORCH_THREADS";

    private static readonly Lazy<int> Configured = new(Read);
    private static int _interOpPinned;

    /// <summary>Intra-op threads per run: <c>$WORKBOOK_TORCH_THREADS</c>, or 1.</summary>
    public static int Count => Configured.Value;

    /// <summary>
    /// Pins the calling thread's intra-op count (LibTorch's OpenMP keeps it per thread, so each sweep worker pins its
    /// own) and, once per process, LibTorch's inter-op pool to one thread.
    /// </summary>
    public static void Pin()
    {
        LibTorch.EnsureLoaded();
        if (Interlocked.Exchange(ref _interOpPinned, 1) == 0)
        {
            try
            {
                torch.set_num_interop_threads(1);
            }
            catch (ExternalException)
            {
                // LibTorch refuses once its inter-op pool has started; the intra-op count is what decides the numbers.
            }
        }

        if (torch.get_num_threads() != Count)
        {
            torch.set_num_threads(Count);
        }
    }

    private static int Read()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new ArgumentException($"{Variable} must be a positive integer (LibTorch CPU threads per run), not '{text}'.");
    }
}
