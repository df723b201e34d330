namespace Entanglement.Tensors;

/// <summary>
/// Where tensors live and kernels run. Only the CPU exists today; a GPU backend would add a device kind here
/// and dispatch the kernels in <c>Kernels/</c> on it.
/// </summary>
public sealed record Device
{
    private Device(string kind, int threads)
    {
        Kind = kind;
        Threads = threads;
    }

    /// <summary>The CPU with every core the process may use.</summary>
    public static Device Cpu { get; } = new("cpu", Environment.ProcessorCount);

    /// <summary>Device kind, as PyTorch names it (<c>cpu</c>).</summary>
    public string Kind { get; }

    /// <summary>Worker threads the kernels may use.</summary>
    public int Threads { get; }

    /// <summary>Parallel options for kernels: at most <see cref="Threads"/> workers.</summary>
    internal ParallelOptions ParallelOptions { get; } = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    public override string ToString() => Kind;
}
