namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>A box in a simulated scene with its surface albedo and the seed of its procedural texture.</summary>
public readonly record struct SceneObject(ObjectKind Kind, Box3D Box, double Albedo, uint TextureSeed);
