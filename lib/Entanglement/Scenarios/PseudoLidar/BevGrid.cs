namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// A bird's-eye-view grid over the (x, z) plane: rows run along z (forward), columns along x (right). Encodes a
/// point cloud into <see cref="Channels"/> feature planes per cell: log point count, highest and mean height above
/// the ground, fraction of points more than 0.3 m above the ground, the cell's forward distance, and the mean offset
/// of its points from the cell centre along x and z (in cells; as PointPillars' pillar offsets, so that positions
/// finer than a cell survive the encoding).
/// </summary>
public sealed record BevGrid(double XMin, double XMax, double ZMin, double ZMax, double Cell)
{
    /// <summary>Feature planes per cell.</summary>
    public const int Channels = 7;

    /// <summary>Cells along z.</summary>
    public int Rows => (int)Math.Round((ZMax - ZMin) / Cell);

    /// <summary>Cells along x.</summary>
    public int Cols => (int)Math.Round((XMax - XMin) / Cell);

    /// <summary>Centre of cell (row, col) as (x, z).</summary>
    public (double X, double Z) CellCentre(int row, int col) => (XMin + (col + 0.5) * Cell, ZMin + (row + 0.5) * Cell);

    /// <summary>The (row, col) of a point, or (-1, -1) outside the grid.</summary>
    public (int Row, int Col) CellOf(double x, double z)
    {
        if (x < XMin || x >= XMax || z < ZMin || z >= ZMax)
        {
            return (-1, -1);
        }

        return (Math.Min((int)((z - ZMin) / Cell), Rows - 1), Math.Min((int)((x - XMin) / Cell), Cols - 1));
    }

    /// <summary>
    /// Encoded planes of the cloud mirrored left–right (x → −x; training augmentation): columns reversed and the
    /// x-offset plane negated. The grid must be symmetric about x = 0.
    /// </summary>
    public float[] MirrorX(float[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        int rows = Rows, cols = Cols, plane = rows * cols;
        if (Math.Abs(XMin + XMax) > 1e-9 || encoded.Length != Channels * plane)
        {
            throw new ArgumentException($"BevGrid.MirrorX: needs a grid symmetric about x = 0 and {Channels * plane} values, got [{XMin}, {XMax}) and {encoded.Length}.", nameof(encoded));
        }

        var mirrored = new float[encoded.Length];
        for (var ch = 0; ch < Channels; ch++)
        {
            var sign = ch == 5 ? -1f : 1f;
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    mirrored[ch * plane + r * cols + c] = sign * encoded[ch * plane + r * cols + cols - 1 - c];
                }
            }
        }

        return mirrored;
    }

    /// <summary>Feature planes [Channels, Rows, Cols] of the cloud; heights are measured from the plane y = groundY.</summary>
    public float[] Encode(PointCloud cloud, double groundY)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        int rows = Rows, cols = Cols, plane = rows * cols;
        var count = new float[plane];
        var maxH = new float[plane];
        var sumH = new float[plane];
        var high = new float[plane];
        var sumX = new float[plane];
        var sumZ = new float[plane];
        for (var i = 0; i < cloud.Count; i++)
        {
            var (r, c) = CellOf(cloud.X[i], cloud.Z[i]);
            if (r < 0)
            {
                continue;
            }

            var k = r * cols + c;
            var height = (float)(groundY - cloud.Y[i]);
            maxH[k] = count[k] == 0 ? height : Math.Max(maxH[k], height);
            count[k]++;
            sumH[k] += height;
            high[k] += height > 0.3f ? 1 : 0;
            var (cx, cz) = CellCentre(r, c);
            sumX[k] += (float)((cloud.X[i] - cx) / Cell);
            sumZ[k] += (float)((cloud.Z[i] - cz) / Cell);
        }

        var x = new float[Channels * plane];
        for (var k = 0; k < plane; k++)
        {
            var n = count[k];
            x[k] = MathF.Log(1 + n) / 3;
            x[plane + k] = n > 0 ? Math.Clamp(maxH[k], -1, 4) / 2 : 0;
            x[2 * plane + k] = n > 0 ? Math.Clamp(sumH[k] / n, -1, 4) / 2 : 0;
            x[3 * plane + k] = n > 0 ? high[k] / n : 0;
            x[4 * plane + k] = (float)((ZMin + (k / cols + 0.5) * Cell) / 40);
            x[5 * plane + k] = n > 0 ? 2 * sumX[k] / n : 0;
            x[6 * plane + k] = n > 0 ? 2 * sumZ[k] / n : 0;
        }

        return x;
    }
}
