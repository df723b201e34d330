using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;

namespace Entanglement.Kernel;

/// <summary>
/// Chooses the files a notebook's cells compile against after <c>#r "nuget: …"</c>. In this process the runner has
/// already loaded its own build of Entanglement (and whatever else it references), and a cell's code runs against those
/// loaded assemblies whatever the package holds. If the restored package is another build (the user-level NuGet source
/// serves the clone that was built last, and a package version is cached once restored), compiling against it would
/// inline its constants and bind its signatures while the runner's build executes. So a restored assembly whose name
/// is already loaded from a different build is replaced by the loaded file, and the replacement is reported.
/// </summary>
internal static class LoadedReferences
{
    /// <summary>The paths to compile against, and one message per restored assembly replaced by the loaded build.</summary>
    public static (IReadOnlyList<string> Paths, IReadOnlyList<string> Replaced) Choose(
        IEnumerable<string> restoredPaths, IEnumerable<Assembly> loaded)
    {
        ArgumentNullException.ThrowIfNull(restoredPaths);
        ArgumentNullException.ThrowIfNull(loaded);
        var byName = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in loaded)
        {
            if (!assembly.IsDynamic && assembly.Location.Length > 0 && assembly.GetName().Name is { } name)
            {
                byName.TryAdd(name, assembly);
            }
        }

        var paths = new List<string>();
        var replaced = new List<string>();
        foreach (var path in restoredPaths)
        {
            if (NameAndVersionId(path) is var (name, versionId) && byName.TryGetValue(name, out var assembly)
                && assembly.ManifestModule.ModuleVersionId != versionId)
            {
                paths.Add(assembly.Location);
                replaced.Add($"{name}: compiled against the runner's build ({assembly.Location}), not the restored " +
                    $"package's ({path}), which is a different build; a real kernel would load the package's.");
            }
            else
            {
                paths.Add(path);
            }
        }

        return (paths, replaced);
    }

    /// <summary>The assemblies this process runs cells against.</summary>
    public static IEnumerable<Assembly> InThisProcess() => AssemblyLoadContext.Default.Assemblies;

    private static (string Name, Guid VersionId)? NameAndVersionId(string path)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            if (!pe.HasMetadata)
            {
                return null;
            }

            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                return null;
            }

            var name = metadata.GetString(metadata.GetAssemblyDefinition().Name);
            return (name, metadata.GetGuid(metadata.GetModuleDefinition().Mvid));
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
