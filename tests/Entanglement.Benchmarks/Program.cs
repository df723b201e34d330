using BenchmarkDotNet.Running;
using Entanglement.Benchmarks;

if (args.Length > 0 && args[0] == "profile")
{
    QuickUpstreamProfile.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
