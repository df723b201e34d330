namespace Entanglement.Tests.Plotting;

/// <summary>
/// Approved-file snapshots: compares text with <c>Snapshots/&lt;name&gt;.approved.&lt;ext&gt;</c> in the test project
/// folder; on a mismatch (or a missing approved file) writes <c>.received.&lt;ext&gt;</c> beside it and fails.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name, string extension)
    {
        var folder = SnapshotFolder();
        var approved = Path.Combine(folder, $"{name}.approved.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        var text = actual.ReplaceLineEndings("\n");
        if (File.Exists(approved) && File.ReadAllText(approved).ReplaceLineEndings("\n") == text)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, text);
        Assert.Fail(File.Exists(approved)
            ? $"Snapshot {name}: output differs from {approved}; see {received}."
            : $"Snapshot {name}: no approved file; review {received} and rename it to {Path.GetFileName(approved)}.");
    }

    private static string SnapshotFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "tests", "Entanglement.Tests");
            if (File.Exists(Path.Combine(project, "Entanglement.Tests.csproj")))
            {
                return Path.Combine(project, "Snapshots");
            }

            if (File.Exists(Path.Combine(dir.FullName, "Entanglement.Tests.csproj")))
            {
                return Path.Combine(dir.FullName, "Snapshots");
            }
        }

        throw new InvalidOperationException($"No tests/Entanglement.Tests folder above {AppContext.BaseDirectory}.");
    }
}
