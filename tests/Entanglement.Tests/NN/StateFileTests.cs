using Entanglement.NN;
using Entanglement.Tensors;

namespace Entanglement.Tests.NN;

public sealed class StateFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statefile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SmallConvNet Net(int seed) =>
        new(1, 3, new Rng(seed), width: 4, headHidden: [5], inputSize: 8);

    [Fact]
    public void Save_then_Load_round_trips_parameters_and_buffers()
    {
        var path = Path.Combine(_dir, "net.ents");
        var a = Net(1);
        a.NamedBuffers().First().Tensor.Data[0] = 0.25f;
        a.Save(path);
        Assert.False(File.Exists(path + ".tmp"));
        var b = Net(2);
        Assert.NotEqual(a.Parameters().First().Data, b.Parameters().First().Data);
        b.Load(path);
        foreach (var ((na, ta), (nb, tb)) in a.StateEntries().Zip(b.StateEntries()))
        {
            Assert.Equal(na, nb);
            Assert.Equal(ta.Data, tb.Data);
        }
    }

    [Fact]
    public void File_layout_is_magic_version_count_then_entries()
    {
        var path = Path.Combine(_dir, "linear.ents");
        var linear = new Linear(2, 1, new Rng(0));
        linear.Save(path);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("ENTS"u8.ToArray(), bytes[..4]);
        Assert.Equal(1, BitConverter.ToInt32(bytes, 4));
        Assert.Equal(2, BitConverter.ToInt32(bytes, 8));
        Assert.Equal(6, BitConverter.ToInt32(bytes, 12));
        Assert.Equal("weight", System.Text.Encoding.UTF8.GetString(bytes, 16, 6));
        Assert.Equal(2, BitConverter.ToInt32(bytes, 22));
        Assert.Equal(linear.Weight.Data[0], BitConverter.ToSingle(bytes, 34));
        var expected = 12 + (4 + 6 + 4 + 8 + 8) + (4 + 4 + 4 + 4 + 4);
        Assert.Equal(expected, bytes.Length);
    }

    [Fact]
    public void A_truncated_file_names_the_file_and_the_entry_and_changes_nothing()
    {
        var path = Path.Combine(_dir, "cut.ents");
        Net(1).Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 10)]);
        var b = Net(2);
        var before = b.StateDict();
        var ex = Assert.Throws<InvalidDataException>(() => b.Load(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
        Assert.Contains("head.layers.2.bias", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before["conv1.weight"].Data, b.StateDict()["conv1.weight"].Data);
    }

    [Fact]
    public void A_shape_mismatch_names_the_entry()
    {
        var path = Path.Combine(_dir, "wide.ents");
        new SmallConvNet(1, 3, new Rng(0), width: 4, headHidden: [6], inputSize: 8).Save(path);
        var ex = Assert.Throws<InvalidDataException>(() => Net(2).Load(path));
        Assert.Contains("head.layers.0.weight", ex.Message, StringComparison.Ordinal);
        Assert.Contains("shape [6, 4], the module expects [5, 4]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_state_file_is_rejected()
    {
        var path = Path.Combine(_dir, "junk.ents");
        File.WriteAllText(path, "hello, world");
        var ex = Assert.Throws<InvalidDataException>(() => Net(0).Load(path));
        Assert.Contains("magic", ex.Message, StringComparison.Ordinal);
    }
}
