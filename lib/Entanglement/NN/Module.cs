using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>
/// Base of every layer and model (as <c>torch.nn.Module</c>): children, parameters and buffers are registered
/// explicitly in constructor order, which fixes the PyTorch-style dotted names (<c>features.0.weight</c>) used by
/// <see cref="NamedParameters"/> and by the saved state.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming", "CA1716", Justification = "PyTorch's name (nn.Module); the style guide keeps PyTorch's spelling.")]
public abstract class Module
{
    private readonly List<(string Name, Module Child)> _children = [];
    private readonly List<(string Name, Tensor Tensor)> _parameters = [];
    private readonly List<(string Name, Tensor Tensor)> _buffers = [];

    /// <summary>True in training mode (the default), false after <see cref="Eval"/>.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Total number of parameter elements (as <c>sum(p.numel() for p in model.parameters())</c>).</summary>
    public long ParameterCount => Parameters().Sum(p => (long)p.Size);

    /// <summary>Computes the module's output for <paramref name="input"/>.</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>The module's own parameters, then its children's, recursively.</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Tensor);

    /// <summary>Parameters with dotted names (<c>layer1.0.conv1.weight</c>), own first, then children in order.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedParameters() => Walk(m => m._parameters);

    /// <summary>Buffers (e.g. batch-norm running statistics) with dotted names.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedBuffers() => Walk(m => m._buffers);

    /// <summary>The direct children with their names, in registration order.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => _children.Select(c => (c.Name, c.Child));

    /// <summary>This module and every descendant, depth first, in registration order.</summary>
    public IEnumerable<Module> Modules()
    {
        var stack = new Stack<Module>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var m = stack.Pop();
            yield return m;
            for (var i = m._children.Count - 1; i >= 0; i--)
            {
                stack.Push(m._children[i].Child);
            }
        }
    }

    /// <summary>Sets training mode on this module and every descendant; returns this module.</summary>
    public Module Train(bool mode = true)
    {
        foreach (var m in Modules())
        {
            m.Training = mode;
        }

        return this;
    }

    /// <summary>Drops the gradient of every parameter (as <c>zero_grad(set_to_none=True)</c>).</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters())
        {
            p.Grad = null;
        }
    }

    /// <summary>Sets evaluation mode (batch norm uses its running statistics); returns this module.</summary>
    public Module Eval() => Train(false);

    /// <summary>
    /// The state (parameters then buffers of each module, recursively, as PyTorch's <c>state_dict</c>): dotted
    /// name → a COPY of the tensor, so later training does not change it.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> StateDict()
    {
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in StateEntries())
        {
            state.Add(name, tensor.Clone());
        }

        return state;
    }

    /// <summary>
    /// Copies <paramref name="state"/> into this module's parameters and buffers (in place, so optimizers keep
    /// working). Names and shapes must match exactly; nothing is changed when they do not.
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entries = StateEntries().ToList();
        foreach (var (name, tensor) in entries)
        {
            if (!state.TryGetValue(name, out var source))
            {
                throw new ArgumentException($"LoadStateDict: missing entry '{name}' ({tensor.Shape}).", nameof(state));
            }

            if (source.Shape != tensor.Shape)
            {
                throw new ArgumentException(
                    $"LoadStateDict: entry '{name}' has shape {source.Shape}, the module expects {tensor.Shape}.",
                    nameof(state));
            }
        }

        var known = entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var unexpected = state.Keys.FirstOrDefault(k => !known.Contains(k));
        if (unexpected is not null)
        {
            throw new ArgumentException($"LoadStateDict: unexpected entry '{unexpected}'.", nameof(state));
        }

        foreach (var (name, tensor) in entries)
        {
            state[name].Data.AsSpan().CopyTo(tensor.Data);
        }
    }

    /// <summary>Writes the state to <paramref name="path"/> in the format of <see cref="StateFile"/>.</summary>
    public void Save(string path) => StateFile.Write(path, StateEntries());

    /// <summary>Reads the state from <paramref name="path"/>; names and shapes must match this module.</summary>
    public void Load(string path) => LoadStateDict(StateFile.Read(path, StateEntries().ToList()));

    /// <summary>
    /// Throws <see cref="NonFiniteException"/> naming <paramref name="step"/> and the first parameter whose value
    /// or gradient is NaN or infinite; a cheap check to run after backward or after an optimizer step.
    /// </summary>
    public void ThrowIfNonFinite(long step)
    {
        foreach (var (name, p) in NamedParameters())
        {
            if (!IsFinite(p.Data))
            {
                throw new NonFiniteException(step, name, "value");
            }

            if (p.Grad is { } g && !IsFinite(g.Data))
            {
                throw new NonFiniteException(step, name, "gradient");
            }
        }
    }

    /// <summary>True when every element is finite (the largest magnitude is NaN or ∞ otherwise; vectorised).</summary>
    internal static bool IsFinite(ReadOnlySpan<float> data) =>
        data.IsEmpty || float.IsFinite(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(data));

    /// <summary>Registers <paramref name="child"/> under <paramref name="name"/>; returns it.</summary>
    protected T Register<T>(string name, T child)
        where T : Module
    {
        ArgumentNullException.ThrowIfNull(child);
        CheckName(name);
        _children.Add((name, child));
        return child;
    }

    /// <summary>Registers a trainable tensor (its <see cref="Tensor.RequiresGrad"/> is set); returns it.</summary>
    protected Tensor RegisterParameter(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        CheckName(name);
        tensor.RequiresGrad = true;
        _parameters.Add((name, tensor));
        return tensor;
    }

    /// <summary>Registers state that is saved but not trained (e.g. running statistics); returns it.</summary>
    protected Tensor RegisterBuffer(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        CheckName(name);
        _buffers.Add((name, tensor));
        return tensor;
    }

    /// <summary>Parameters then buffers, module by module, as PyTorch orders a state dict.</summary>
    internal IEnumerable<(string Name, Tensor Tensor)> StateEntries() =>
        Walk(m => m._parameters.Concat(m._buffers));

    private IEnumerable<(string Name, Tensor Tensor)> Walk(Func<Module, IEnumerable<(string Name, Tensor Tensor)>> own)
    {
        var stack = new Stack<(string Prefix, Module Module)>();
        stack.Push((string.Empty, this));
        while (stack.Count > 0)
        {
            var (prefix, m) = stack.Pop();
            foreach (var (name, tensor) in own(m))
            {
                yield return (prefix + name, tensor);
            }

            for (var i = m._children.Count - 1; i >= 0; i--)
            {
                stack.Push((prefix + m._children[i].Name + ".", m._children[i].Child));
            }
        }
    }

    private void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{GetType().Name}: name '{name}' must not contain '.'.", nameof(name));
        }

        if (_children.Any(c => c.Name == name) || _parameters.Any(p => p.Name == name) ||
            _buffers.Any(b => b.Name == name))
        {
            throw new ArgumentException($"{GetType().Name}: '{name}' is already registered.", nameof(name));
        }
    }
}
