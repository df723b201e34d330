namespace Entanglement.Tensors;

/// <summary>
/// Seeded random number generator (xoshiro256**, seeded through SplitMix64). Components take their own
/// streams with <see cref="Fork(string)"/>, which depends only on the seed and the names, never on draws made so far.
/// </summary>
public sealed class Rng
{
    private readonly ulong _key;
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareNormal;

    /// <summary>Creates the generator for <paramref name="seed"/>.</summary>
    public Rng(ulong seed)
    {
        _key = seed;
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>Creates the generator for a non-negative integer seed.</summary>
    public Rng(int seed)
        : this((ulong)CheckSeed(seed))
    {
    }

    /// <summary>An independent stream named <paramref name="name"/>, derived from this generator's seed and name path.</summary>
    public Rng Fork(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var h = 14695981039346656037UL;
        foreach (var ch in name)
        {
            h ^= ch;
            h *= 1099511628211UL;
        }

        var mix = _key ^ h;
        return new Rng(SplitMix64(ref mix));
    }

    /// <summary>An independent stream for an integer index (for example a seed or an epoch).</summary>
    public Rng Fork(int index) => Fork("#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform float in [0, 1).</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), "Upper bound must be positive.");
        }

        var bound = (ulong)maxExclusive;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var r = NextUInt64();
            if (r >= threshold)
            {
                return (int)(r % bound);
            }
        }
    }

    /// <summary>Uniform float in [low, high).</summary>
    public float Uniform(float low, float high) => low + ((high - low) * NextFloat());

    /// <summary>Standard normal draw (Box–Muller, in double precision).</summary>
    public double NextNormal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }

        double u1;
        do
        {
            u1 = NextDouble();
        }
        while (u1 <= double.Epsilon);

        var u2 = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var angle = 2.0 * Math.PI * u2;
        _spareNormal = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }

    /// <summary>A uniformly random permutation of 0…n-1 (Fisher–Yates).</summary>
    public int[] Permutation(int n)
    {
        var p = new int[n];
        for (var i = 0; i < n; i++)
        {
            p[i] = i;
        }

        Shuffle(p);
        return p;
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static int CheckSeed(int seed) =>
        seed >= 0 ? seed : throw new ArgumentOutOfRangeException(nameof(seed), "Seed must be non-negative.");

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
