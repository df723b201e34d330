using BenchmarkDotNet.Attributes;
using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;

namespace Entanglement.Benchmarks;

/// <summary>SGEMM C = A·B on square matrices (1024³ and 4096³); 2·n³ flops per call.</summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SgemmBenchmarks
{
    private float[] _a = [];
    private float[] _b = [];
    private float[] _c = [];

    /// <summary>Matrix order n.</summary>
    [Params(1024, 4096)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(seed: 1);
        _a = Tensor.Randn(rng, Size, Size).Data;
        _b = Tensor.Randn(rng, Size, Size).Data;
        _c = new float[Size * Size];
    }

    /// <summary>One product; GFLOP/s = 2·Size³ / time.</summary>
    [Benchmark]
    public void Sgemm() => Gemm.Sgemm(false, false, Size, Size, Size, _a, _b, _c);
}
