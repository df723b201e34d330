using System.Globalization;
using System.Reflection;

namespace Entanglement.Notebooks;

/// <summary>
/// Which build of this library a notebook runs, and the check that it is the build of the clone the notebook lives in.
/// </summary>
/// <remarks>
/// Notebooks load the library with <c>#r "nuget: Entanglement, 0.1.0"</c> from the user-level NuGet source
/// <c>fixes-that-fail-workbook</c>, which every build points at its own clone's <c>artifacts/packages</c>. With two
/// clones on one machine the source serves whichever was built last, so a notebook could silently run another clone's
/// code. Each notebook's setup cell calls <see cref="Check()"/>: it names the build, and fails with the remedy when the
/// notebook sits in a clone other than the one the loaded library was built from.
/// </remarks>
public static class LibraryBuild
{
    /// <summary>The assembly metadata key under which the build records the clone it was built from.</summary>
    public const string SourceRootKey = "WorkbookSourceRoot";

    private static readonly Assembly Library = typeof(LibraryBuild).Assembly;

    /// <summary>The version and commit the library was built at, e.g. <c>0.1.0+081e8ed…</c>.</summary>
    public static string Version { get; } =
        Library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The root of the clone the library was built from, or null if the build did not record one.</summary>
    public static string? SourceRoot { get; } = Library.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == SourceRootKey)?.Value;

    /// <summary>Checks the build against the clone holding the current directory (a notebook's folder when it runs).</summary>
    public static string Check() => Check(Directory.GetCurrentDirectory(), SourceRoot);

    /// <summary>
    /// One line naming the build; throws <see cref="InvalidOperationException"/> when <paramref name="directory"/> is
    /// inside a clone of this repository other than <paramref name="builtFrom"/>.
    /// </summary>
    public static string Check(string directory, string? builtFrom)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var commit = Version.Split('+') is [var version, var hash] ? $"{version}, commit {hash[..Math.Min(7, hash.Length)]}" : Version;
        var clone = CloneRoot(directory);
        if (clone is null || builtFrom is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Library: Entanglement {commit}, built from {builtFrom ?? "an unrecorded folder"}.");
        }

        if (!SamePath(clone, builtFrom))
        {
            throw new InvalidOperationException(
                $"This notebook is in the clone {clone}, but the kernel loaded the Entanglement library built from " +
                $"{builtFrom} (the NuGet source 'fixes-that-fail-workbook' serves the clone built last). Build this " +
                "clone (dotnet build Workbook.sln) and restart the kernel.");
        }

        return string.Create(CultureInfo.InvariantCulture, $"Library: Entanglement {commit}, built from this clone ({clone}).");
    }

    /// <summary>The nearest folder at or above <paramref name="directory"/> that holds this repository, or null.</summary>
    public static string? CloneRoot(string directory)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(directory)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Workbook.sln"))
                && File.Exists(Path.Combine(folder.FullName, "lib", "Entanglement", "Entanglement.csproj")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)),
            Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
