using System.IO.Compression;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Tensors.Ops;
using NTensor = Entanglement.Tensors.Tensor;
using Rng = Entanglement.Tensors.Rng;

namespace Entanglement.Torch.Tests;

/// <summary>Checkpoints in PyTorch's file format round-trip between the engines.</summary>
public sealed class PyTorchCheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("entanglement-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void NativeUpstreamSavedAsPyTorchLoadsIntoBothEnginesWithTheSameOutputs()
    {
        var network = UpstreamNetwork.SmallConvNetCode(4, [8]);
        var native = (NativeImageModel)NativeEngine.Instance.CreateImageModel(network, 3, 2, new Rng(1));
        // Non-trivial running statistics: two train-mode forward passes.
        var x = NTensor.FromArray([.. Enumerable.Range(0, 2 * 3 * 32 * 32).Select(i => MathF.Sin(i * 0.37f))], 2, 3, 32, 32);
        native.Module.Train();
        _ = native.Module.Forward(x);
        _ = native.Module.Forward(x * 0.5f);
        native.Module.Eval();
        var path = Path.Combine(_folder, "upstream.pt");
        PyTorchCheckpoint.Save(native, path);

        // PyTorch's zip layout: <archive>/data.pkl plus one storage file per tensor; batch norms carry their counter.
        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal));
        }

        var loaded = PyTorchCheckpoint.Load(path);
        Assert.Equal(native.StateDict().Keys.Order(), loaded.Keys.Order());

        var expected = native.Module.Forward(x).Data;
        using var again = (NativeImageModel)NativeEngine.Instance.CreateImageModel(network, 3, 2, new Rng(99));
        PyTorchCheckpoint.LoadInto(again, path);
        again.Module.Eval();
        Assert.Equal(expected, again.Module.Forward(x).Data);

        using var torchModel = (TorchImageModel)new TorchEngine("cpu").CreateImageModel(network, 3, 2, new Rng(98));
        PyTorchCheckpoint.LoadInto(torchModel, path);
        torchModel.Module.eval();
        using var output = torchModel.Module.call(TorchSharp.torch.tensor(x.Data, [2, 3, 32, 32]));
        Agreement.Close("torch model from the PyTorch file", output.data<float>().ToArray(), expected, 1e-5);
    }

    [Fact]
    public void TorchResNetSavedAsPyTorchLoadsIntoTheNativeEngineExactly()
    {
        var network = new UpstreamNetwork { Architecture = UpstreamArchitecture.ResNet18ImageNetStem, Width = 2 };
        using var torchModel = new TorchEngine("cpu").CreateImageModel(network, 3, 10, new Rng(5));
        var path = Path.Combine(_folder, "resnet.pt");
        PyTorchCheckpoint.Save(torchModel, path);
        using var native = NativeEngine.Instance.CreateImageModel(network, 3, 10, new Rng(6));
        PyTorchCheckpoint.LoadInto(native, path);
        var want = torchModel.StateDict();
        foreach (var (name, entry) in native.StateDict())
        {
            Assert.Equal(want[name].Shape, entry.Shape);
            Assert.Equal(want[name].Values, entry.Values);
        }
    }

    [Fact]
    public void AStateDictWrittenByPyTorchLoads()
    {
        // Written by PyTorch 1.13 (Debian's python3-torch): torch.save(nn.Sequential(nn.Linear(3, 2)).state_dict(), f)
        // after setting weight = [[1, 2, 3], [4, 5, 6]] and bias = [0.5, -0.5]; see Fixtures/README.md.
        var state = PyTorchCheckpoint.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "linear-from-pytorch.pt"));
        Assert.Equal([2, 3], state["0.weight"].Shape);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], state["0.weight"].Values);
        Assert.Equal([0.5f, -0.5f], state["0.bias"].Values);
    }

    [Fact]
    public void AFileThatIsNotAStateDictIsRejectedByName()
    {
        var path = Path.Combine(_folder, "not-a-checkpoint.pt");
        File.WriteAllText(path, "hello");
        var error = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
