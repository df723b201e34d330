using System.Diagnostics;

namespace Entanglement.Tensors;

/// <summary>
/// Where a step's time goes, by op: while a profile is active on a thread, each op's forward time (from the end of the
/// previous op on that thread to the end of this one, so module code between ops counts towards the next op) and each
/// op's backward closure are summed under the op's name. Start one with <see cref="Start"/>, run steps, read
/// <see cref="Table"/>. Costs one clock read per op while active and nothing otherwise.
/// </summary>
public sealed class OpProfile : IDisposable
{
    // Per thread, like grad mode: ops record on the thread that runs them.
    [ThreadStatic]
    private static OpProfile? _active;

    private readonly Dictionary<string, (long Ticks, int Calls)> _forward = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Ticks, int Calls)> _backward = new(StringComparer.Ordinal);
    private long _last = Stopwatch.GetTimestamp();

    private OpProfile()
    {
    }

    /// <summary>Starts profiling this thread's ops until the returned profile is disposed.</summary>
    public static OpProfile Start()
    {
        if (_active is not null)
        {
            throw new InvalidOperationException("An op profile is already active on this thread.");
        }

        _active = new OpProfile();
        return _active;
    }

    /// <summary>Restarts the forward clock (call before a step so that idle time is not charged to its first op).</summary>
    public void Mark() => _last = Stopwatch.GetTimestamp();

    /// <summary>Milliseconds per op, forward and backward, summed over every call, slowest first.</summary>
    public IReadOnlyList<OpTime> Table()
    {
        static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        return [.. _forward.Keys.Union(_backward.Keys)
            .Select(op => new OpTime(op,
                Ms(_forward.GetValueOrDefault(op).Ticks), Ms(_backward.GetValueOrDefault(op).Ticks),
                Math.Max(_forward.GetValueOrDefault(op).Calls, _backward.GetValueOrDefault(op).Calls)))
            .OrderByDescending(t => t.ForwardMs + t.BackwardMs)];
    }

    public void Dispose()
    {
        if (ReferenceEquals(_active, this))
        {
            _active = null;
        }
    }

    internal static void OpFinished(string op)
    {
        if (_active is { } profile)
        {
            var now = Stopwatch.GetTimestamp();
            Add(profile._forward, op, now - profile._last);
            profile._last = now;
        }
    }

    internal static long BackwardStarted() => _active is null ? 0 : Stopwatch.GetTimestamp();

    internal static void BackwardFinished(string op, long started)
    {
        if (_active is { } profile)
        {
            var now = Stopwatch.GetTimestamp();
            Add(profile._backward, op, now - started);
            profile._last = now;
        }
    }

    private static void Add(Dictionary<string, (long Ticks, int Calls)> table, string op, long ticks)
    {
        var (sum, calls) = table.GetValueOrDefault(op);
        table[op] = (sum + ticks, calls + 1);
    }
}
