using System.Diagnostics.CodeAnalysis;

namespace Entanglement.Experiments;

/// <summary>
/// A folder of trained upstream models keyed by configuration hash (<see cref="ConfigHash"/>), so several
/// downstream experiments reuse one trained upstream. Entries are published atomically: written to a temporary
/// file in the same folder, then renamed, so a reader never sees a half-written state.
/// </summary>
public sealed class ModelCache
{
    /// <summary>Uses (creating it if needed) the given folder.</summary>
    public ModelCache(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>The file that holds (or will hold) the entry of <paramref name="key"/>.</summary>
    public string PathFor(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key[0] == '.' || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new ArgumentException($"ModelCache: key '{key}' may hold only letters, digits, '-', '_' and '.'.", nameof(key));
        }

        return Path.Combine(Directory, key + ".state");
    }

    /// <summary>Whether an entry exists; if so, its file.</summary>
    public bool TryGet(string key, [NotNullWhen(true)] out string? path)
    {
        var candidate = PathFor(key);
        path = File.Exists(candidate) ? candidate : null;
        return path is not null;
    }

    /// <summary>
    /// The entry's file, creating it first if missing: <paramref name="write"/> receives a temporary path to write
    /// the state to (e.g. <c>module.Save(path)</c>). If two writers race, the first rename wins.
    /// </summary>
    public string GetOrCreate(string key, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (TryGet(key, out var existing))
        {
            return existing;
        }

        var final = PathFor(key);
        var temporary = Path.Combine(Directory, $".{key}.{Path.GetRandomFileName()}.tmp");
        try
        {
            write(temporary);
            if (!File.Exists(temporary))
            {
                throw new InvalidOperationException($"ModelCache: the writer of '{key}' did not create '{temporary}'.");
            }

            try
            {
                File.Move(temporary, final, overwrite: false);
            }
            catch (IOException) when (File.Exists(final))
            {
                // Another writer published the same key first; keep theirs.
            }
        }
        finally
        {
            File.Delete(temporary);
        }

        return final;
    }
}
