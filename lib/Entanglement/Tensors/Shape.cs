using System.Globalization;

namespace Entanglement.Tensors;

/// <summary>The dimensions of a tensor, outermost first (row-major).</summary>
public readonly struct Shape : IEquatable<Shape>
{
    private readonly int[]? _dims;

    /// <summary>Creates a shape from its dimensions; every dimension must be non-negative.</summary>
    public Shape(params int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        foreach (var d in dims)
        {
            if (d < 0)
            {
                throw new ArgumentException($"Shape {Format(dims)}: dimensions must be non-negative.", nameof(dims));
            }
        }

        _dims = (int[])dims.Clone();
    }

    /// <summary>Number of dimensions.</summary>
    public int Rank => Dims.Length;

    /// <summary>Number of elements (the product of the dimensions; 1 for a scalar).</summary>
    public int Size
    {
        get
        {
            long size = 1;
            foreach (var d in Dims)
            {
                size *= d;
            }

            return checked((int)size);
        }
    }

    /// <summary>The dimensions as a read-only span.</summary>
    public ReadOnlySpan<int> Dims => _dims ?? [];

    /// <summary>Dimension <paramref name="axis"/>; negative axes count from the end, as in PyTorch.</summary>
    public int this[int axis] => Dims[NormalizeAxis(axis)];

    /// <summary>A copy of the dimensions.</summary>
    public int[] ToArray() => Dims.ToArray();

    /// <summary>Maps a possibly negative axis to 0…Rank-1 or throws naming the shape.</summary>
    public int NormalizeAxis(int axis)
    {
        var a = axis < 0 ? axis + Rank : axis;
        if (a < 0 || a >= Rank)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), $"Axis {axis} is out of range for shape {this}.");
        }

        return a;
    }

    /// <summary>Row-major strides in elements.</summary>
    public int[] Strides()
    {
        var strides = new int[Rank];
        var s = 1;
        for (var i = Rank - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= Dims[i];
        }

        return strides;
    }

    public bool Equals(Shape other) => Dims.SequenceEqual(other.Dims);

    public override bool Equals(object? obj) => obj is Shape other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var d in Dims)
        {
            hash.Add(d);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(Shape left, Shape right) => left.Equals(right);

    public static bool operator !=(Shape left, Shape right) => !left.Equals(right);

    public static implicit operator Shape(int[] dims) => new(dims);

    /// <summary>Formats as <c>[64, 10]</c>.</summary>
    public override string ToString() => Format(Dims);

    private static string Format(ReadOnlySpan<int> dims)
    {
        var parts = new string[dims.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            parts[i] = dims[i].ToString(CultureInfo.InvariantCulture);
        }

        return "[" + string.Join(", ", parts) + "]";
    }
}
