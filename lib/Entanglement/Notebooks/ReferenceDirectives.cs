using System.Text.RegularExpressions;

namespace Entanglement.Notebooks;

/// <summary>
/// Rewrites a cell's <c>#r "path"</c> directives for the executor: paths become absolute (resolved against the
/// notebook's folder), and a reference to <c>Entanglement.dll</c> is removed because the executor maps it to the
/// already-loaded library, so the cell's types are the host's types. Polyglot's <c>#!csharp</c> selector line is dropped.
/// </summary>
internal static partial class ReferenceDirectives
{
    private const string LibraryFileName = "Entanglement.dll";

    [GeneratedRegex("""^\s*#r\s+"(?<path>[^"]+)"\s*$""")]
    private static partial Regex Directive();

    /// <summary>The rewritten source, with as many lines as <paramref name="source"/> so diagnostics keep their line numbers.</summary>
    public static string Rewrite(string source, string baseDirectory, out bool referencesLibrary)
    {
        referencesLibrary = false;
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line is "#!csharp" or "#!c#" or "#!C#")
            {
                lines[i] = ""; // Polyglot's kernel selector: every cell here is C# already.
                continue;
            }

            var match = Directive().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var path = match.Groups["path"].Value;
            if (path.Contains(':', StringComparison.Ordinal) && !Path.IsPathRooted(path))
            {
                continue; // "nuget:..." and other resolver schemes are left to Roslyn, which reports them.
            }

            if (string.Equals(Path.GetFileName(path), LibraryFileName, StringComparison.OrdinalIgnoreCase))
            {
                referencesLibrary = true;
                lines[i] = "";
                continue;
            }

            lines[i] = $"#r \"{Path.GetFullPath(path, baseDirectory)}\"";
        }

        return string.Join('\n', lines);
    }
}
