using System.Reflection;
using Entanglement.Tensors;

namespace Entanglement.Tests.Notebooks;

/// <summary>The version notebooks name in <c>#r "nuget: Entanglement, …"</c>: the library's own package version.</summary>
internal static class LibraryPackage
{
    public static string Version { get; } =
        typeof(Tensor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? throw new InvalidOperationException("Entanglement has no informational version");
}
