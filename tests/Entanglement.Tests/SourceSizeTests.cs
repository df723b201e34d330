namespace Entanglement.Tests;

/// <summary>STYLE.md: a file is small enough to read in one sitting; no file under lib/ exceeds 500 lines.</summary>
public sealed class SourceSizeTests
{
    [Fact]
    public void No_source_file_under_lib_exceeds_500_lines()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Workbook.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var lib = Path.Combine(root.FullName, "lib");
        var files = Directory.GetFiles(lib, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        var tooLong = files.Select(f => (File: Path.GetRelativePath(lib, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > 500).ToList();
        Assert.True(tooLong.Count == 0, string.Join(", ", tooLong.Select(f => $"{f.File}: {f.Lines} lines")));
    }
}
