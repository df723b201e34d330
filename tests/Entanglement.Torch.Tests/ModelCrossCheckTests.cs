using Entanglement.Optim;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Tensors.Ops;
using Entanglement.Torch.Models;
using static TorchSharp.torch;
using NTensor = Entanglement.Tensors.Tensor;
using Rng = Entanglement.Tensors.Rng;

namespace Entanglement.Torch.Tests;

/// <summary>
/// LibTorch as a numerical oracle for the native engine: on the same weights and inputs, each network's forward
/// output (train and eval mode), the gradients of the input and of every parameter, the batch-norm running statistics
/// and one Adam step agree within a relative error of 1e-4.
/// </summary>
public sealed class ModelCrossCheckTests
{
    public static TheoryData<string> Networks => ["small-code", "small-code-head", "small-paper", "resnet-cifar", "resnet-imagenet"];

    private static UpstreamNetwork Network(string name) => name switch
    {
        "small-code" => UpstreamNetwork.SmallConvNetCode(6, []),
        "small-code-head" => UpstreamNetwork.SmallConvNetCode(6, [16, 8]) with { FeatureTap = FeatureTap.LastHidden },
        "small-paper" => UpstreamNetwork.SmallConvNetPaper(6),
        "resnet-cifar" => new UpstreamNetwork { Architecture = UpstreamArchitecture.ResNet18CifarStem, Width = 4 },
        _ => new UpstreamNetwork { Architecture = UpstreamArchitecture.ResNet18ImageNetStem, Width = 4 },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void ForwardBackwardAndOneAdamStepAgree(string name)
    {
        LibTorch.EnsureLoaded();
        var network = Network(name);
        var rng = new Rng(7).Fork(name);
        var native = network.Build(3, 5, rng.Fork("init"));
        using var net = TorchNets.Build(network, 3, 5);
        TorchState.Write(net, StateArray.Of(native));

        var (x, xValues) = Input(rng.Fork("x"), [4, 3, 32, 32]);
        var r = Values(rng.Fork("r"), 4 * 5);

        // Train mode: batch statistics, then the running averages they update.
        var y = native.Train().Forward(x);
        var loss = (y * NTensor.FromArray(r, 4, 5)).Sum();
        loss.Backward();
        using var tx = tensor(xValues, [4, 3, 32, 32]).requires_grad_(true);
        net.train();
        using var ty = net.call(tx);
        using var tloss = (ty * tensor(r, [4, 5])).sum();
        tloss.backward();
        Agreement.Close($"{name} forward (train)", ty.detach().data<float>().ToArray(), y.Data);
        Agreement.Close($"{name} input gradient", tx.grad!.data<float>().ToArray(), x.Grad!.Data);
        var torchParameters = net.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (parameterName, parameter) in native.NamedParameters())
        {
            var torchGrad = torchParameters[parameterName].grad!.data<float>().ToArray();
            if (IsBiasBeforeBatchNorm(network, parameterName))
            {
                // A convolution's bias followed by a train-mode batch norm has gradient exactly 0 (the norm subtracts
                // the channel mean); both engines return rounding noise, so both must be negligible against the weights'.
                var weightName = parameterName.Replace("bias", "weight", StringComparison.Ordinal);
                var weightScale = native.NamedParameters().First(p => p.Name == weightName).Tensor.Grad!.Data.Max(Math.Abs);
                Assert.True(parameter.Grad!.Data.Max(Math.Abs) < 1e-4 * weightScale, $"{name} {parameterName} native gradient");
                Assert.True(torchGrad.Max(Math.Abs) < 1e-4 * weightScale, $"{name} {parameterName} torch gradient");
                continue;
            }

            Agreement.Close($"{name} {parameterName} gradient", torchGrad, parameter.Grad!.Data);
        }

        var torchBuffers = net.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        foreach (var (bufferName, buffer) in native.NamedBuffers())
        {
            Agreement.Close($"{name} {bufferName}", torchBuffers[bufferName].data<float>().ToArray(), buffer.Data);
        }

        // One Adam step from the same gradients (the native ones, so that the optimizer alone is compared): the updates
        // (new − old) agree.
        var before = native.NamedParameters().ToDictionary(p => p.Name, p => p.Tensor.Data.ToArray());
        using (no_grad())
        {
            foreach (var (parameterName, parameter) in native.NamedParameters())
            {
                using var grad = tensor(parameter.Grad!.Data, torchParameters[parameterName].shape);
                torchParameters[parameterName].grad!.copy_(grad);
            }
        }

        new Adam(native.Parameters(), lr: 1e-3).Step();
        using (var adam = optim.Adam(net.parameters(), lr: 1e-3))
        {
            adam.step();
        }

        foreach (var (parameterName, parameter) in native.NamedParameters())
        {
            var old = before[parameterName];
            var nativeStep = parameter.Data.Select((v, i) => v - old[i]).ToArray();
            var torchStep = torchParameters[parameterName].data<float>().ToArray().Select((v, i) => v - old[i]).ToArray();
            Agreement.Close($"{name} {parameterName} Adam step", torchStep, nativeStep);
        }

        // Eval mode: running statistics, and the features handed downstream.
        native.Eval();
        net.eval();
        using (no_grad())
        {
            using var input = tensor(xValues, [4, 3, 32, 32]);
            using var eval = net.call(input);
            using var features = network.FeatureTap == FeatureTap.LastHidden ? net.LastHidden(input) : net.Features(input);
            var nativeX = NTensor.FromArray(xValues, 4, 3, 32, 32);
            Agreement.Close($"{name} forward (eval)", eval.data<float>().ToArray(), native.Forward(nativeX).Data);
            Agreement.Close($"{name} features (eval)", features.data<float>().ToArray(), network.Embedder(native)(nativeX).Data);
        }
    }

    [Fact]
    public void DownstreamMlpAndLinearAgree()
    {
        LibTorch.EnsureLoaded();
        foreach (var network in new[] { DownstreamNetwork.Mlp(3, [7, 5], 4), DownstreamNetwork.Linear(3, 4) })
        {
            var rng = new Rng(3).Fork(network.ToString());
            var native = network.Build(rng.Fork("init"));
            using var net = TorchNets.Build(network);
            TorchState.Write(net, StateArray.Of(native));
            var (x, xValues) = Input(rng.Fork("x"), [6, 3]);
            var y = native.Forward(x);
            y.Sum().Backward();
            using var tx = tensor(xValues, [6, 3]).requires_grad_(true);
            using var ty = net.call(tx);
            ty.sum().backward();
            Agreement.Close($"{network} forward", ty.detach().data<float>().ToArray(), y.Data);
            Agreement.Close($"{network} input gradient", tx.grad!.data<float>().ToArray(), x.Grad!.Data);
        }
    }

    private static bool IsBiasBeforeBatchNorm(UpstreamNetwork network, string parameterName) =>
        network.Architecture == UpstreamArchitecture.SmallConvNetAppendixB && parameterName is "conv1.bias" or "conv2.bias";

    private static (NTensor Native, float[] Values) Input(Rng rng, int[] shape)
    {
        var values = Values(rng, shape.Aggregate(1, (a, b) => a * b));
        var x = NTensor.FromArray(values.ToArray(), shape);
        x.RequiresGrad = true;
        return (x, values);
    }

    private static float[] Values(Rng rng, int count) => [.. Enumerable.Range(0, count).Select(_ => (float)rng.NextNormal())];
}
