namespace Entanglement.Tensors;

/// <summary>One op's summed time in an <see cref="OpProfile"/>.</summary>
/// <param name="Op">The op's name, as its autograd node names it (e.g. <c>conv2d</c>).</param>
/// <param name="ForwardMs">Forward milliseconds, summed over calls.</param>
/// <param name="BackwardMs">Backward milliseconds, summed over calls.</param>
/// <param name="Calls">How many times the op ran (forward or backward, whichever is more).</param>
public sealed record OpTime(string Op, double ForwardMs, double BackwardMs, int Calls);
