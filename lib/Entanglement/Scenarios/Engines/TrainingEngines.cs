using System.Reflection;

namespace Entanglement.Scenarios.Engines;

/// <summary>
/// The engine scenarios train with: native unless a host (the CLI's --engine, a notebook) puts another in scope. Flows
/// with the async context like <c>AmbientProgress</c>, so concurrent runs each see their own.
/// </summary>
public static class TrainingEngines
{
    private const string TorchAssembly = "Entanglement.Torch";
    private const string TorchType = "Entanglement.Torch.TorchEngine";
    private static readonly AsyncLocal<ITrainingEngine?> Scoped = new();
    private static readonly Lazy<ITrainingEngine> FromEnvironment = new(() => Create(
        Environment.GetEnvironmentVariable(EngineVariable) is { Length: > 0 } name ? name : "native",
        Environment.GetEnvironmentVariable(DeviceVariable) is { Length: > 0 } device ? device : "cpu"));

    /// <summary>Environment variable naming the default engine (native or torch); the CLI's --engine sets it.</summary>
    public const string EngineVariable = "WORKBOOK_ENGINE";

    /// <summary>Environment variable naming the default device (cpu or cuda); the CLI's --device sets it.</summary>
    public const string DeviceVariable = "WORKBOOK_DEVICE";

    /// <summary>
    /// The engine in scope; otherwise the one <c>$WORKBOOK_ENGINE</c> and <c>$WORKBOOK_DEVICE</c> name (read once per
    /// process), by default the native engine on the CPU.
    /// </summary>
    public static ITrainingEngine Current => Scoped.Value ?? FromEnvironment.Value;

    /// <summary>Puts <paramref name="engine"/> in scope until the returned value is disposed.</summary>
    public static IDisposable Use(ITrainingEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var previous = Scoped.Value;
        Scoped.Value = engine;
        return new Scope(previous);
    }

    /// <summary>
    /// The engine named <paramref name="name"/> ("native" or "torch") on <paramref name="device"/> ("cpu" or "cuda").
    /// The torch engine is loaded from the Entanglement.Torch assembly beside the application, so that programs using
    /// only this library never need LibTorch; a clear <see cref="InvalidOperationException"/> says what is missing.
    /// </summary>
    public static ITrainingEngine Create(string name, string device)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(device);
        if (device is not ("cpu" or "cuda"))
        {
            throw new ArgumentException($"Unknown device '{device}': expected cpu or cuda.", nameof(device));
        }

        switch (name)
        {
            case "native" when device == "cpu":
                return NativeEngine.Instance;
            case "native":
                throw new InvalidOperationException("The native engine runs on the CPU only; use --engine torch --device cuda for a GPU.");
            case "torch":
                Assembly assembly;
                try
                {
                    assembly = Assembly.Load(TorchAssembly);
                }
                catch (FileNotFoundException e)
                {
                    throw new InvalidOperationException(
                        $"The torch engine needs the {TorchAssembly} assembly (and LibTorch) beside the application: reference " +
                        "lib/Entanglement.Torch (the workbook CLI does).", e);
                }

                var type = assembly.GetType(TorchType, throwOnError: true) ?? throw new InvalidOperationException(TorchType);
                try
                {
                    return (ITrainingEngine)(Activator.CreateInstance(type, device)
                        ?? throw new InvalidOperationException($"Could not create {TorchType}."));
                }
                catch (TargetInvocationException e) when (e.InnerException is { } inner)
                {
                    throw new InvalidOperationException(inner.Message, inner);
                }

            default:
                throw new ArgumentException($"Unknown engine '{name}': expected native or torch.", nameof(name));
        }
    }

    private sealed class Scope(ITrainingEngine? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                Scoped.Value = previous;
                _disposed = true;
            }
        }
    }
}
