using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>Applies its children in order; they are named "0", "1", … (as <c>nn.Sequential</c>).</summary>
public sealed class Sequential : Module
{
    private readonly List<Module> _layers = [];

    /// <summary>Creates the container from <paramref name="layers"/>.</summary>
    public Sequential(params Module[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (var layer in layers)
        {
            Append(layer);
        }
    }

    /// <summary>Number of layers.</summary>
    public int Count => _layers.Count;

    /// <summary>The layer at <paramref name="index"/>.</summary>
    public Module this[int index] => _layers[index];

    /// <summary>Adds <paramref name="layer"/> at the end, named by its index; returns this container.</summary>
    public Sequential Append(Module layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        _layers.Add(Register(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), layer));
        return this;
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var x = input;
        foreach (var layer in _layers)
        {
            x = layer.Forward(x);
        }

        return x;
    }
}
