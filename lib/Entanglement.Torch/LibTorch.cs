using System.Runtime.InteropServices;
using TorchSharp;

namespace Entanglement.Torch;

/// <summary>
/// Loads LibTorch once per process and, when it cannot, says why. TorchSharp reports every load failure as "doesn't
/// contain a reference to libtorch-cpu-linux-x64", even when the package is there and the dynamic loader rejected it
/// (on Debian 12: the system libstdc++ lacks GLIBCXX_3.4.32); this class asks the loader itself and reports its answer.
/// </summary>
public static class LibTorch
{
    private static readonly Lazy<string?> Failure = new(TryLoad);

    /// <summary>Throws <see cref="LibTorchUnavailableException"/> naming the cause when LibTorch cannot be used.</summary>
    public static void EnsureLoaded()
    {
        if (Failure.Value is { } message)
        {
            throw new LibTorchUnavailableException(message);
        }
    }

    /// <summary>The TorchSharp device for "cpu" or "cuda"; throws naming what is missing when CUDA is not usable.</summary>
    public static torch.Device Device(string device)
    {
        ArgumentNullException.ThrowIfNull(device);
        EnsureLoaded();
        return device switch
        {
            "cpu" => torch.CPU,
            "cuda" when torch.cuda.is_available() => torch.CUDA,
            "cuda" => throw new LibTorchUnavailableException(
                "CUDA was asked for but LibTorch sees no CUDA device: either this build references the CPU LibTorch " +
                "(libtorch-cpu-linux-x64; build with -p:TorchDevice=cuda for the CUDA packages) or no NVIDIA GPU and " +
                "driver are present (check nvidia-smi)."),
            _ => throw new ArgumentException($"Unknown device '{device}': expected cpu or cuda.", nameof(device)),
        };
    }

    private static string? TryLoad()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            return null;
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException)
        {
            return Diagnose(e);
        }
    }

    private static string Diagnose(Exception original)
    {
        var name = OperatingSystem.IsWindows() ? "LibTorchSharp.dll"
            : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib" : "libLibTorchSharp.so";
        var rid = RuntimeInformation.RuntimeIdentifier;
        var candidates = new[]
        {
            Path.Combine(AppContext.BaseDirectory, name),
            Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native", name),
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", name),
        };
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null)
        {
            return $"LibTorch is not installed beside this application: {name} is not in {AppContext.BaseDirectory} " +
                "(nor under runtimes/*/native). Reference a LibTorch runtime package (libtorch-cpu-linux-x64 2.10.0, " +
                "or the CUDA one) from the application project.";
        }

        try
        {
            NativeLibrary.Free(NativeLibrary.Load(path));
        }
        catch (DllNotFoundException e)
        {
            var reason = e.Message.Trim().TrimEnd('.');
            var hint = reason.Contains("GLIBCXX_", StringComparison.Ordinal)
                ? " The system's libstdc++ is older than the GCC 13 one TorchSharp was built with (Debian 12 stops at " +
                  "GLIBCXX_3.4.30). Build through the repository's projects: the build marks the unused GLIBCXX_3.4.32 " +
                  "requirement weak in the copy under bin/ (build/LibTorchSharpGlibcxx.targets); or install a newer libstdc++6."
                : string.Empty;
            return $"LibTorch is present but the dynamic loader refuses it: {reason}.{hint}";
        }

        return $"LibTorch loads ({path}) but TorchSharp failed to initialise: {Innermost(original).Message}";
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
