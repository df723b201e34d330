namespace Entanglement.Tensors;

/// <summary>
/// The record an op leaves on its output: its inputs and a closure that, given the gradient of the output,
/// accumulates the gradients of the inputs (with <see cref="GradNode.Accumulate"/>).
/// </summary>
internal sealed class GradNode
{
    public GradNode(string op, Tensor[] inputs, Action<float[]> backward)
    {
        Op = op;
        Inputs = inputs;
        Backward = backward;
    }

    /// <summary>Name of the op that produced the tensor, for error messages.</summary>
    public string Op { get; }

    public Tensor[] Inputs { get; private set; }

    public Action<float[]> Backward { get; private set; }

    /// <summary>True once backward has run through this node and its closure was dropped.</summary>
    public bool IsReleased { get; private set; }

    /// <summary>Drops the inputs and the closure (and with them the saved activations).</summary>
    public void Release()
    {
        Inputs = [];
        Backward = static _ => { };
        IsReleased = true;
    }

    /// <summary>
    /// Adds <paramref name="grad"/> into the gradient of <paramref name="input"/>. The array is handed over:
    /// the caller must not use it afterwards (it may become the gradient's storage).
    /// </summary>
    public static void Accumulate(Tensor input, float[] grad)
    {
        if (!input.RequiresGrad)
        {
            return;
        }

        if (grad.Length != input.Size)
        {
            throw new InvalidOperationException(
                $"Backward: gradient of length {grad.Length} does not fit tensor of shape {input.Shape}.");
        }

        input.AccumulateGrad(grad);
    }
}
