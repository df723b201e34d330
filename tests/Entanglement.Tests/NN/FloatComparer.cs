namespace Entanglement.Tests.NN;

/// <summary>Equality up to an absolute-plus-relative tolerance, for comparing float arrays.</summary>
internal sealed class FloatComparer(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => MathF.Abs(x - y) <= tolerance * (1 + MathF.Abs(y));

    public int GetHashCode(float obj) => 0;
}
