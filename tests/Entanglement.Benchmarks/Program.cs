using BenchmarkDotNet.Running;
using Entanglement.Benchmarks;

if (args.Length > 0 && args[0] == "profile")
{
    QuickUpstreamProfile.Run();
    return;
}

if (args.Length > 0 && args[0] == "infer")
{
    InferenceProfile.Run();
    return;
}

if (args.Length > 1 && args[0] == "layers")
{
    ConvLayerProfile.Run(args[1], args.Length > 2 && args[2] == "im2col");
    return;
}

if (args.Length > 1 && args[0] == "paths")
{
    ConvPathComparison.Run(args[1]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
