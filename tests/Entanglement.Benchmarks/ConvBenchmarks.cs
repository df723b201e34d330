using BenchmarkDotNet.Attributes;
using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Benchmarks;

/// <summary>
/// The two convolutions of the paper's small conv net (Appendix B) at batch 128: 3×32×32 → 32 channels, 5×5,
/// padding 2; then 32 → 32 channels, 5×5, stride 2, padding 5. Forward, and forward + backward.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ConvBenchmarks
{
    private Tensor _x = Tensor.Zeros(1);
    private Tensor _weight = Tensor.Zeros(1);
    private Tensor _bias = Tensor.Zeros(1);
    private Tensor _outputGrad = Tensor.Zeros(1);

    /// <summary>Which layer: "conv1 3->32 5x5 p2" or "conv2 32->32 5x5 s2 p5".</summary>
    [Params("conv1", "conv2")]
    public string Layer { get; set; } = "conv1";

    private int Stride => Layer == "conv1" ? 1 : 2;

    private int Pad => Layer == "conv1" ? 2 : 5;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(seed: 1);
        var inChannels = Layer == "conv1" ? 3 : 32;
        _x = Tensor.Randn(rng, 128, inChannels, 32, 32);
        _weight = Tensor.Randn(rng, 32, inChannels, 5, 5);
        _bias = Tensor.Randn(rng, 32);
        _x.RequiresGrad = Layer != "conv1";
        _weight.RequiresGrad = true;
        _bias.RequiresGrad = true;
        using (Autograd.NoGrad())
        {
            _outputGrad = Tensor.Ones(_x.Conv2d(_weight, _bias, Stride, Pad).Shape.ToArray());
        }
    }

    /// <summary>Forward only (no graph recorded).</summary>
    [Benchmark]
    public Tensor Forward()
    {
        using (Autograd.NoGrad())
        {
            return _x.Conv2d(_weight, _bias, Stride, Pad);
        }
    }

    /// <summary>Forward, then backward to the weights, the bias and (for conv2) the input.</summary>
    [Benchmark]
    public void ForwardBackward()
    {
        _x.Grad = null;
        _weight.Grad = null;
        _bias.Grad = null;
        _x.Conv2d(_weight, _bias, Stride, Pad).Backward(_outputGrad);
    }
}
