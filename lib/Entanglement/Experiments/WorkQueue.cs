using System.Runtime.ExceptionServices;

namespace Entanglement.Experiments;

/// <summary>Works through a list in order with a fixed number of workers; the first failure stops new work.</summary>
internal static class WorkQueue
{
    /// <summary>
    /// Calls <paramref name="work"/> on every item, at most <paramref name="workers"/> at a time, taking items in list
    /// order. After a failure or cancellation no new item starts; items under way finish, then the first exception
    /// (or <see cref="OperationCanceledException"/>) is rethrown as it was thrown.
    /// </summary>
    public static void Drain<T>(IReadOnlyList<T> items, int workers, Action<T> work, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        if (workers == 1)
        {
            foreach (var item in items)
            {
                cancellation.ThrowIfCancellationRequested();
                work(item);
            }

            return;
        }

        var next = -1;
        ExceptionDispatchInfo? failure = null;
        void Worker()
        {
            while (Volatile.Read(ref failure) is null && !cancellation.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= items.Count)
                {
                    return;
                }

                try
                {
                    work(items[index]);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                }
            }
        }

        // Dedicated threads (they inherit the ambient progress sink): a run blocks for minutes, and its kernels need the
        // thread pool.
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(Worker) { IsBackground = true }).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        failure?.Throw();
        cancellation.ThrowIfCancellationRequested();
    }
}
