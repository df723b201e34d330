namespace Entanglement.Tensors.Kernels;

/// <summary>Runs independent items in parallel when there is enough work to pay for it, else in a plain loop.</summary>
internal static class Parallelism
{
    /// <summary>Below this many float operations (or copies) in total, a loop beats scheduling work items.</summary>
    private const long MinParallelWork = 1L << 16;

    /// <summary>Calls <paramref name="body"/>(i) for i in [0, count); each call must write only its own outputs.</summary>
    public static void For(int count, long workPerItem, Action<int> body)
    {
        if (count > 1 && Device.Cpu.Threads > 1 && workPerItem * count >= MinParallelWork)
        {
            Parallel.For(0, count, Device.Cpu.ParallelOptions, body);
            return;
        }

        for (var i = 0; i < count; i++)
        {
            body(i);
        }
    }
}
