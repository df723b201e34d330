namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// An upright 3-D box in camera coordinates (x right, y down, z forward): centre, length along the heading, width
/// across it, height, and yaw (heading (cos yaw, sin yaw) in the bird's-eye (x, z) plane).
/// </summary>
public readonly record struct Box3D(double X, double Y, double Z, double Length, double Width, double Height, double Yaw)
{
    /// <summary>Distance of the centre from the camera in the bird's-eye plane, √(x² + z²).</summary>
    public double Range => Math.Sqrt(X * X + Z * Z);

    /// <summary>Top (smallest y) of the box.</summary>
    public double Top => Y - Height / 2;

    /// <summary>Bottom (largest y) of the box.</summary>
    public double Bottom => Y + Height / 2;

    /// <summary>Area of the box's footprint, l·w.</summary>
    public double FootprintArea => Length * Width;

    /// <summary>Volume l·w·h.</summary>
    public double Volume => Length * Width * Height;

    /// <summary>The footprint's four corners in the (x, z) plane, counter-clockwise in (x, z).</summary>
    public (double X, double Z)[] BevCorners()
    {
        double c = Math.Cos(Yaw), s = Math.Sin(Yaw), hl = Length / 2, hw = Width / 2, x = X, z = Z;
        (double, double) Corner(double a, double b) => (x + a * c - b * s, z + a * s + b * c);
        return [Corner(hl, hw), Corner(-hl, hw), Corner(-hl, -hw), Corner(hl, -hw)];
    }

    /// <summary>Whether the point lies inside the box.</summary>
    public bool Contains(double x, double y, double z)
    {
        if (y < Top || y > Bottom)
        {
            return false;
        }

        double dx = x - X, dz = z - Z, c = Math.Cos(Yaw), s = Math.Sin(Yaw);
        double along = dx * c + dz * s, across = -dx * s + dz * c;
        return Math.Abs(along) <= Length / 2 && Math.Abs(across) <= Width / 2;
    }
}
