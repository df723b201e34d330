namespace Entanglement.Scenarios.Engines;

/// <summary>
/// A scenario's own training loss as engines see it: given a batch's network outputs (row-major, read-only), it returns
/// the loss and writes its gradient with respect to every output into <paramref name="gradient"/> (same length). The
/// engine back-propagates that gradient through its network, so a custom loss is written once for every engine.
/// </summary>
public delegate double OutputLoss(float[] outputs, float[] gradient);
