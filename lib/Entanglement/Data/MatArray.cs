namespace Entanglement.Data;

/// <summary>
/// A numeric variable of a MATLAB v5 <c>.mat</c> file. Dimensions are MATLAB's (column-major: the first index varies
/// fastest). A uint8 array keeps its bytes in <see cref="Bytes"/>; any other numeric class is converted to doubles.
/// </summary>
/// <param name="Name">Variable name.</param>
/// <param name="ClassName">MATLAB class: "uint8", "double", "single", "int32", ….</param>
/// <param name="Dims">Dimensions, column-major.</param>
/// <param name="Bytes">The elements of a uint8 array; null otherwise.</param>
/// <param name="Doubles">The elements of any other numeric array; null for uint8.</param>
public sealed record MatArray(string Name, string ClassName, int[] Dims, byte[]? Bytes, double[]? Doubles)
{
    /// <summary>Number of elements.</summary>
    public long Count => Dims.Aggregate(1L, (a, d) => a * d);
}
