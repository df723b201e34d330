namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>A detected 3-D box with its confidence score (higher is more confident).</summary>
public readonly record struct Detection(Box3D Box, double Score);
