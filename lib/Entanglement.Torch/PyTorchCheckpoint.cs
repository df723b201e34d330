using System.Collections;
using Entanglement.Scenarios.Engines;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Entanglement.Torch;

/// <summary>
/// Model state in PyTorch's own file format (<c>torch.save(model.state_dict(), path)</c>), written and read with
/// TorchSharp.PyBridge, for a model of either engine: a trained upstream saved here loads in Python with
/// <c>model.load_state_dict(torch.load(path))</c> (torchvision's names for ResNet-18), and a Python state_dict loads into
/// the native or the torch engine. Batch norms get the <c>num_batches_tracked</c> entries PyTorch expects (0: the native
/// engine keeps no such counter; it only matters for momentum = None); on load they are ignored.
/// </summary>
public static class PyTorchCheckpoint
{
    private const string Counter = "num_batches_tracked";

    /// <summary>Writes <paramref name="state"/> (for example <see cref="IImageModel.StateDict"/>) to <paramref name="path"/>.</summary>
    public static void Save(IReadOnlyDictionary<string, StateArray> state, string path)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(path);
        LibTorch.EnsureLoaded();
        using var scope = NewDisposeScope();
        var dictionary = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, entry) in state)
        {
            dictionary[name] = tensor(entry.Values, [.. entry.Shape.Select(d => (long)d)]);
            if (name.EndsWith(".running_var", StringComparison.Ordinal))
            {
                dictionary[name[..^"running_var".Length] + Counter] = tensor(0L);
            }
        }

        PyTorchPickler.PickleStateDict(path, dictionary);
    }

    /// <summary>Reads a PyTorch state_dict file into plain arrays (float32 entries; batch-norm counters dropped).</summary>
    /// <exception cref="InvalidDataException">The file is not a PyTorch state_dict of float tensors.</exception>
    public static Dictionary<string, StateArray> Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        LibTorch.EnsureLoaded();
        Hashtable raw;
        try
        {
            raw = PyTorchUnpickler.UnpickleStateDict(path);
        }
        catch (Exception e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InvalidDataException($"{path}: not a PyTorch state_dict file ({e.Message}).", e);
        }

        var state = new Dictionary<string, StateArray>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in raw)
        {
            var name = (string)entry.Key;
            if (name.EndsWith(Counter, StringComparison.Ordinal))
            {
                continue;
            }

            if (entry.Value is not Tensor t)
            {
                throw new InvalidDataException($"{path}: entry '{name}' is not a tensor.");
            }

            using (t)
            {
                using var values = t.to_type(ScalarType.Float32).cpu().contiguous();
                state.Add(name, new StateArray([.. values.shape.Select(d => (int)d)], values.data<float>().ToArray()));
            }
        }

        return state;
    }

    /// <summary>Saves an image model of either engine.</summary>
    public static void Save(IImageModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        Save(model.StateDict(), path);
    }

    /// <summary>Loads a PyTorch state_dict file into an image model of either engine (names and shapes must match).</summary>
    public static void LoadInto(IImageModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.LoadStateDict(Load(path));
    }
}
