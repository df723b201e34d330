using Entanglement.Notebooks;

namespace Entanglement.Tests.Notebooks;

public sealed class LibraryBuildTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("library-build-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string FakeClone(string name)
    {
        var root = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.Combine(root, "lib", "Entanglement"));
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        File.WriteAllText(Path.Combine(root, "Workbook.sln"), "");
        File.WriteAllText(Path.Combine(root, "lib", "Entanglement", "Entanglement.csproj"), "<Project />");
        return root;
    }

    [Fact]
    public void The_build_records_the_clone_it_was_built_from()
    {
        var clone = LibraryBuild.CloneRoot(AppContext.BaseDirectory);
        Assert.NotNull(clone);
        Assert.Equal(clone, LibraryBuild.SourceRoot);
        Assert.Contains("this clone", LibraryBuild.Check(Path.Combine(clone, "notebooks"), LibraryBuild.SourceRoot),
            StringComparison.Ordinal);
        Assert.StartsWith("0.1.0+", LibraryBuild.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notebook_in_another_clone_stops_with_the_remedy()
    {
        var mine = FakeClone("mine");
        var theirs = FakeClone("theirs");

        var error = Assert.Throws<InvalidOperationException>(() => LibraryBuild.Check(Path.Combine(mine, "notebooks"), theirs));

        Assert.Contains(mine, error.Message, StringComparison.Ordinal);
        Assert.Contains(theirs, error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet build Workbook.sln", error.Message, StringComparison.Ordinal);
        Assert.Contains("restart the kernel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_clone_passes_whatever_the_trailing_separator_and_outside_a_clone_the_build_is_named()
    {
        var mine = FakeClone("mine");
        Assert.Contains("built from this clone", LibraryBuild.Check(Path.Combine(mine, "notebooks"), mine + Path.DirectorySeparatorChar),
            StringComparison.Ordinal);

        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "loose")).FullName;
        Assert.Null(LibraryBuild.CloneRoot(elsewhere));
        var line = LibraryBuild.Check(elsewhere, "/somewhere/else");
        Assert.Contains("built from /somewhere/else", line, StringComparison.Ordinal);
        Assert.Contains("an unrecorded folder", LibraryBuild.Check(Path.Combine(mine, "notebooks"), null), StringComparison.Ordinal);
    }
}
