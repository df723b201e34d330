using System.Numerics.Tensors;

namespace Entanglement.Tensors.Ops;

/// <summary>Elementwise arithmetic with broadcasting (<c>+ - * /</c>, negation).</summary>
public static class Elementwise
{
    /// <summary>a + b.</summary>
    public static Tensor Add(this Tensor a, Tensor b) =>
        Binary(a, b, Broadcast.Kind.Add, "Add", (g, _, _) => g, (g, _, _) => g);

    /// <summary>a − b.</summary>
    public static Tensor Sub(this Tensor a, Tensor b) =>
        Binary(a, b, Broadcast.Kind.Sub, "Sub", (g, _, _) => g, (g, _, _) => Negated(g));

    /// <summary>a ⊙ b.</summary>
    // dA = dY ⊙ b, dB = dY ⊙ a (each broadcast to the output first).
    public static Tensor Mul(this Tensor a, Tensor b) =>
        Binary(a, b, Broadcast.Kind.Mul, "Mul", (g, _, bx) => Times(g, bx), (g, ax, _) => Times(g, ax));

    /// <summary>a / b.</summary>
    // dA = dY / b, dB = −dY ⊙ a / b².
    public static Tensor Div(this Tensor a, Tensor b) =>
        Binary(a, b, Broadcast.Kind.Div, "Div",
            (g, _, bx) =>
            {
                TensorPrimitives.Divide(g, bx, g);
                return g;
            },
            (g, ax, bx) =>
            {
                var r = new float[g.Length];
                for (var i = 0; i < r.Length; i++)
                {
                    r[i] = -g[i] * ax[i] / (bx[i] * bx[i]);
                }

                return r;
            });

    /// <summary>−a.</summary>
    public static Tensor Neg(this Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var y = new float[a.Size];
        TensorPrimitives.Negate(a.Data, y);
        return Tensor.FromOp(y, a.Shape, "Neg", [a], g => GradNode.Accumulate(a, Negated(g)));
    }

    private static Tensor Binary(
        Tensor a,
        Tensor b,
        Broadcast.Kind kind,
        string op,
        Func<float[], float[], float[], float[]> gradA,
        Func<float[], float[], float[], float[]> gradB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var shape = Broadcast.Shapes(a.Shape, b.Shape, op);
        var y = new float[shape.Size];
        Broadcast.Binary(kind, a.Data, a.Shape, b.Data, b.Shape, y, shape);
        return Tensor.FromOp(y, shape, op, [a, b], g =>
        {
            // Operands broadcast to the output shape, materialised only when a closure needs them.
            var needsOperands = kind is Broadcast.Kind.Mul or Broadcast.Kind.Div;
            var ax = needsOperands ? Expand(a, shape) : [];
            var bx = needsOperands ? Expand(b, shape) : [];
            if (a.RequiresGrad)
            {
                var ga = gradA(b.RequiresGrad ? (float[])g.Clone() : g, ax, bx);
                GradNode.Accumulate(a, Broadcast.SumTo(ga, shape, a.Shape));
            }

            if (b.RequiresGrad)
            {
                var gb = gradB(g, ax, bx);
                GradNode.Accumulate(b, Broadcast.SumTo(gb, shape, b.Shape));
            }
        });
    }

    private static float[] Expand(Tensor t, Shape shape)
    {
        if (t.Shape == shape)
        {
            return t.Data;
        }

        var r = new float[shape.Size];
        Broadcast.Binary(Broadcast.Kind.Add, t.Data, t.Shape, [0f], new Shape(), r, shape);
        return r;
    }

    private static float[] Negated(float[] g)
    {
        var r = new float[g.Length];
        TensorPrimitives.Negate(g, r);
        return r;
    }

    private static float[] Times(float[] g, float[] x)
    {
        var r = new float[g.Length];
        TensorPrimitives.Multiply(g, x, r);
        return r;
    }
}
