using System.Globalization;
using System.Text;

namespace Entanglement.Tensors;

/// <summary>
/// A float32 tensor: contiguous row-major storage, a <see cref="Tensors.Shape"/>, and, when it takes part in
/// differentiation, a gradient and the node of the op that produced it (as <c>torch.Tensor</c>).
/// </summary>
public sealed class Tensor
{
    private bool _requiresGrad;
    private float[]? _pendingGrad;

    /// <summary>Wraps <paramref name="storage"/> (not copied) with <paramref name="shape"/>.</summary>
    internal Tensor(float[] storage, Shape shape)
    {
        if (storage.Length != shape.Size)
        {
            throw new ArgumentException(
                $"Tensor: storage of {storage.Length} elements does not fit shape {shape} ({shape.Size} elements).",
                nameof(storage));
        }

        Data = storage;
        Shape = shape;
    }

    /// <summary>The elements in row-major order. Writing into it bypasses autograd.</summary>
    public float[] Data { get; }

    public Shape Shape { get; }

    /// <summary>Number of elements.</summary>
    public int Size => Data.Length;

    /// <summary>Number of dimensions.</summary>
    public int Rank => Shape.Rank;

    /// <summary>The device holding the storage (always the CPU today).</summary>
#pragma warning disable CA1822 // Instance member as in torch.Tensor.device; a GPU backend makes it per tensor.
    public Device Device => Device.Cpu;
#pragma warning restore CA1822

    /// <summary>Whether gradients flow into this tensor. Only leaves (tensors not produced by an op) can be set.</summary>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set
        {
            if (Node is not null)
            {
                throw new InvalidOperationException(
                    $"RequiresGrad can only be set on a leaf tensor; this one was produced by {Node.Op}.");
            }

            _requiresGrad = value;
        }
    }

    /// <summary>Accumulated gradient of a leaf after <see cref="Backward"/>; null until then.</summary>
    public Tensor? Grad { get; set; }

    /// <summary>True when no recorded op produced this tensor.</summary>
    public bool IsLeaf => Node is null;

    internal GradNode? Node { get; set; }

    public static Tensor FromArray(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new Tensor((float[])data.Clone(), new Shape(shape));
    }

    public static Tensor Scalar(float value) => new([value], new Shape());

    public static Tensor Zeros(params int[] shape) => new(new float[new Shape(shape).Size], new Shape(shape));

    public static Tensor Ones(params int[] shape) => Full(1f, shape);

    public static Tensor Full(float value, params int[] shape)
    {
        var s = new Shape(shape);
        var data = new float[s.Size];
        Array.Fill(data, value);
        return new Tensor(data, s);
    }

    /// <summary>Uniform draws in [low, high) from <paramref name="rng"/>.</summary>
    public static Tensor Uniform(Rng rng, float low, float high, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var s = new Shape(shape);
        var data = new float[s.Size];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = rng.Uniform(low, high);
        }

        return new Tensor(data, s);
    }

    /// <summary>Standard normal draws from <paramref name="rng"/> (as <c>torch.randn</c>).</summary>
    public static Tensor Randn(Rng rng, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var s = new Shape(shape);
        var data = new float[s.Size];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)rng.NextNormal();
        }

        return new Tensor(data, s);
    }

    /// <summary>The single value of a one-element tensor.</summary>
    public float Item() => Size == 1
        ? Data[0]
        : throw new InvalidOperationException($"Item: tensor of shape {Shape} has {Size} elements, not 1.");

    public float[] ToArray() => (float[])Data.Clone();

    /// <summary>A tensor sharing this storage but cut from the graph (as <c>detach()</c>).</summary>
    public Tensor Detach() => new(Data, Shape);

    /// <summary>A copy of the storage, cut from the graph.</summary>
    public Tensor Clone() => new((float[])Data.Clone(), Shape);

    /// <summary>Back-propagates from this scalar (or with an explicit output gradient).</summary>
    public void Backward(Tensor? gradient = null)
    {
        if (!RequiresGrad)
        {
            throw new InvalidOperationException(
                $"Backward: tensor of shape {Shape} does not require grad (no parameter or input led to it).");
        }

        float[] seed;
        if (gradient is null)
        {
            if (Size != 1)
            {
                throw new InvalidOperationException(
                    $"Backward: an implicit gradient needs a one-element tensor, got shape {Shape}.");
            }

            seed = [1f];
        }
        else
        {
            if (gradient.Shape != Shape)
            {
                throw new ArgumentException(
                    $"Backward: gradient shape {gradient.Shape} does not match tensor shape {Shape}.", nameof(gradient));
            }

            seed = gradient.ToArray();
        }

        Autograd.Backward(this, seed);
    }

    /// <summary>
    /// The tensor an op returns: records <paramref name="backward"/> when grad mode is on and an input requires grad.
    /// </summary>
    internal static Tensor FromOp(float[] data, Shape shape, string op, Tensor[] inputs, Action<float[]> backward)
    {
        var result = new Tensor(data, shape);
        OpProfile.OpFinished(op);
        if (!Autograd.IsEnabled)
        {
            return result;
        }

        foreach (var input in inputs)
        {
            if (input.RequiresGrad)
            {
                result._requiresGrad = true;
                result.Node = new GradNode(op, inputs, backward);
                break;
            }
        }

        return result;
    }

    internal void AccumulateGrad(float[] grad)
    {
        if (Node is not null)
        {
            if (_pendingGrad is null)
            {
                _pendingGrad = grad;
            }
            else
            {
                System.Numerics.Tensors.TensorPrimitives.Add(_pendingGrad, grad, _pendingGrad);
            }

            return;
        }

        if (Grad is null)
        {
            Grad = new Tensor(grad, Shape);
        }
        else
        {
            System.Numerics.Tensors.TensorPrimitives.Add(Grad.Data, grad, Grad.Data);
        }
    }

    internal float[]? TakePendingGrad()
    {
        var g = _pendingGrad;
        _pendingGrad = null;
        return g;
    }

    public static Tensor operator +(Tensor a, Tensor b) => a.Add(b);

    public static Tensor operator -(Tensor a, Tensor b) => a.Sub(b);

    public static Tensor operator *(Tensor a, Tensor b) => a.Mul(b);

    public static Tensor operator /(Tensor a, Tensor b) => a.Div(b);

    public static Tensor operator -(Tensor a) => a.Neg();

    public static Tensor operator +(Tensor a, float b) => a.Add(Scalar(b));

    public static Tensor operator -(Tensor a, float b) => a.Add(Scalar(-b));

    public static Tensor operator *(Tensor a, float b) => a.Mul(Scalar(b));

    public static Tensor operator *(float a, Tensor b) => b.Mul(Scalar(a));

    public static Tensor operator /(Tensor a, float b) => a.Mul(Scalar(1f / b));

    /// <summary>A short description: shape and up to eight values.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("tensor(");
        var n = Math.Min(Size, 8);
        for (var i = 0; i < n; i++)
        {
            sb.Append(i == 0 ? "[" : ", ").Append(Data[i].ToString("G6", CultureInfo.InvariantCulture));
        }

        sb.Append(Size > n ? ", …]" : "]").Append(", shape=").Append(Shape.ToString());
        if (RequiresGrad)
        {
            sb.Append(", requires_grad");
        }

        return sb.Append(')').ToString();
    }
}
