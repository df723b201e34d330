using System.Numerics.Tensors;
using Entanglement.Tensors.Kernels;

namespace Entanglement.Tensors.Ops;

/// <summary>Elementwise functions: exp, log, ReLU, sigmoid, tanh, square root, powers.</summary>
public static class Unary
{
    /// <summary>eˣ. dX = dY ⊙ y.</summary>
    public static Tensor Exp(this Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = new float[x.Size];
        TensorPrimitives.Exp(x.Data, y);
        return Tensor.FromOp(y, x.Shape, "Exp", [x], g =>
        {
            TensorPrimitives.Multiply(g, y, g);
            GradNode.Accumulate(x, g);
        });
    }

    /// <summary>ln x. dX = dY / x.</summary>
    public static Tensor Log(this Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = new float[x.Size];
        TensorPrimitives.Log(x.Data, y);
        return Tensor.FromOp(y, x.Shape, "Log", [x], g =>
        {
            TensorPrimitives.Divide(g, x.Data, g);
            GradNode.Accumulate(x, g);
        });
    }

    /// <summary>max(x, 0). dX = dY where x &gt; 0, else 0.</summary>
    public static Tensor ReLU(this Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = GC.AllocateUninitializedArray<float>(x.Size);
        ActivationKernel.ReLU(x.Data, y);
        return Tensor.FromOp(y, x.Shape, "ReLU", [x], g =>
        {
            ActivationKernel.ReLUBackward(y, g);
            GradNode.Accumulate(x, g);
        });
    }

    /// <summary>σ(x) = 1 / (1 + e⁻ˣ). dX = dY ⊙ y(1 − y).</summary>
    public static Tensor Sigmoid(this Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = new float[x.Size];
        TensorPrimitives.Sigmoid(x.Data, y);
        return Tensor.FromOp(y, x.Shape, "Sigmoid", [x], g =>
        {
            for (var i = 0; i < g.Length; i++)
            {
                g[i] *= y[i] * (1f - y[i]);
            }

            GradNode.Accumulate(x, g);
        });
    }

    /// <summary>tanh x. dX = dY ⊙ (1 − y²).</summary>
    public static Tensor Tanh(this Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = new float[x.Size];
        TensorPrimitives.Tanh(x.Data, y);
        return Tensor.FromOp(y, x.Shape, "Tanh", [x], g =>
        {
            for (var i = 0; i < g.Length; i++)
            {
                g[i] *= 1f - (y[i] * y[i]);
            }

            GradNode.Accumulate(x, g);
        });
    }

    /// <summary>√x. dX = dY / (2y).</summary>
    public static Tensor Sqrt(this Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = new float[x.Size];
        TensorPrimitives.Sqrt(x.Data, y);
        return Tensor.FromOp(y, x.Shape, "Sqrt", [x], g =>
        {
            for (var i = 0; i < g.Length; i++)
            {
                g[i] *= 0.5f / y[i];
            }

            GradNode.Accumulate(x, g);
        });
    }

    /// <summary>|x|. dX = dY ⊙ sign(x) (0 at 0, as PyTorch).</summary>
    public static Tensor Abs(this Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = new float[x.Size];
        TensorPrimitives.Abs(x.Data, y);
        return Tensor.FromOp(y, x.Shape, "Abs", [x], g =>
        {
            for (var i = 0; i < g.Length; i++)
            {
                g[i] *= MathF.Sign(x.Data[i]);
            }

            GradNode.Accumulate(x, g);
        });
    }

    /// <summary>x². dX = 2x ⊙ dY.</summary>
    public static Tensor Square(this Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = new float[x.Size];
        TensorPrimitives.Multiply(x.Data, x.Data, y);
        return Tensor.FromOp(y, x.Shape, "Square", [x], g =>
        {
            for (var i = 0; i < g.Length; i++)
            {
                g[i] *= 2f * x.Data[i];
            }

            GradNode.Accumulate(x, g);
        });
    }
}
