namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>Deterministic two-octave value noise on surface coordinates, so both cameras see the same pattern.</summary>
internal static class ProceduralTexture
{
    /// <summary>Noise in [0, 1] at (a, b) with lattice spacing <paramref name="scale"/> metres.</summary>
    public static double Sample(double a, double b, double scale, uint seed) =>
        0.65 * Octave(a / scale, b / scale, seed) + 0.35 * Octave(2.7 * a / scale, 2.7 * b / scale, seed ^ 0x9E3779B9u);

    private static double Octave(double a, double b, uint seed)
    {
        double fa = Math.Floor(a), fb = Math.Floor(b);
        double ta = a - fa, tb = b - fb;
        int ia = (int)fa, ib = (int)fb;
        double v00 = Hash(ia, ib, seed), v10 = Hash(ia + 1, ib, seed), v01 = Hash(ia, ib + 1, seed), v11 = Hash(ia + 1, ib + 1, seed);
        ta = ta * ta * (3 - 2 * ta);
        tb = tb * tb * (3 - 2 * tb);
        return (v00 * (1 - ta) + v10 * ta) * (1 - tb) + (v01 * (1 - ta) + v11 * ta) * tb;
    }

    private static double Hash(int a, int b, uint seed)
    {
        unchecked
        {
            var h = (uint)a * 0x8DA6B343u ^ (uint)b * 0xD8163841u ^ seed * 0xCB1AB31Fu;
            h ^= h >> 15;
            h *= 0x2C1B3C6Du;
            h ^= h >> 12;
            h *= 0x297A2D39u;
            h ^= h >> 15;
            return (h & 0xFFFFFF) / (double)0x1000000;
        }
    }
}
