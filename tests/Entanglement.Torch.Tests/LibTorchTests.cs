using TorchSharp;

namespace Entanglement.Torch.Tests;

/// <summary>LibTorch loads in this process; when it does not, the failure names the real cause (not TorchSharp's guess).</summary>
public sealed class LibTorchTests
{
    [Fact]
    public void LoadsAndComputes()
    {
        LibTorch.EnsureLoaded();
        using var sum = torch.arange(1, 5, dtype: torch.float32).sum();
        Assert.Equal(10f, sum.item<float>());
    }

    [Fact]
    public void CpuDeviceResolvesAndAnUnknownOneIsRejected()
    {
        Assert.Equal(DeviceType.CPU, LibTorch.Device("cpu").type);
        Assert.Throws<ArgumentException>(() => LibTorch.Device("tpu"));
    }

    [Fact]
    public void CudaIsEitherUsableOrRefusedWithTheCause()
    {
        if (torch.cuda.is_available())
        {
            Assert.Equal(DeviceType.CUDA, LibTorch.Device("cuda").type);
            return;
        }

        var error = Assert.Throws<LibTorchUnavailableException>(() => LibTorch.Device("cuda"));
        Assert.Contains("no CUDA device", error.Message, StringComparison.Ordinal);
    }
}
