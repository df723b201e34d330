using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Entanglement.Kernel;

/// <summary>
/// Builds the kernel a notebook runs in: a composite kernel holding the C# kernel with <c>#r "nuget: …"</c>,
/// <c>#i</c> and the <c>display(…)</c> helper, wired as the <c>dotnet-interactive</c> tool wires them.
/// </summary>
internal static class KernelFactory
{
    /// <summary>The C# kernel's name, the one notebooks' cell metadata names.</summary>
    public const string CSharp = "csharp";

    /// <summary>
    /// A new kernel; the caller disposes it. Restored packages' assemblies that this process has already loaded from
    /// another build are compiled against the loaded build (<see cref="LoadedReferences"/>); each replacement is
    /// passed to <paramref name="onReplaced"/>.
    /// </summary>
    public static CompositeKernel Create(Action<string>? onReplaced = null)
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, packages) =>
            {
                var (paths, replaced) = LoadedReferences.Choose(
                    packages.SelectMany(p => p.AssemblyPaths), LoadedReferences.InThisProcess());
                foreach (var message in replaced)
                {
                    onReplaced?.Invoke(message);
                }

                kernel.AddAssemblyReferences(paths);
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseValueSharing();
        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = CSharp;
        return composite;
    }
}
