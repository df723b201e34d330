namespace Entanglement.Experiments;

/// <summary>A shard of a sweep finished, but runs of other shards are still missing from the store.</summary>
public sealed class IncompleteSweepException : Exception
{
    public IncompleteSweepException(string scenario, Shard shard, int missing, string storePath)
        : base($"{scenario}: shard {shard.Index + 1}/{shard.Count} is done; {missing} runs of other shards are not in {storePath} yet " +
            "(run the other shards, then `workbook results merge`).")
    {
        Missing = missing;
    }

    public IncompleteSweepException()
    {
    }

    public IncompleteSweepException(string message)
        : base(message)
    {
    }

    public IncompleteSweepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Runs not yet in the store.</summary>
    public int Missing { get; }
}
