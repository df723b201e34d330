using Entanglement.Notebooks;

namespace Entanglement.Tests.Notebooks;

public sealed class ReferenceDirectivesTests
{
    [Fact]
    public void Library_reference_is_removed_and_other_paths_become_absolute_keeping_line_numbers()
    {
        var baseDirectory = Path.Combine(Path.GetTempPath(), "nb");
        const string source = "#r \"../artifacts/Entanglement.dll\"\n#r \"lib/Other.dll\"\n#r \"nuget: Foo\"\nvar x = 1;";

        var rewritten = ReferenceDirectives.Rewrite(source, baseDirectory, out var referencesLibrary);

        Assert.True(referencesLibrary);
        var lines = rewritten.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal("", lines[0]);
        Assert.Equal($"#r \"{Path.Combine(baseDirectory, "lib", "Other.dll")}\"", lines[1]);
        Assert.Equal("#r \"nuget: Foo\"", lines[2]);
        Assert.Equal("var x = 1;", lines[3]);
    }

    [Fact]
    public void The_polyglot_csharp_kernel_selector_is_dropped()
    {
        var rewritten = ReferenceDirectives.Rewrite("#!csharp\n1", "/tmp", out _);

        Assert.Equal("\n1", rewritten);
    }

    [Fact]
    public void Source_without_directives_is_unchanged()
    {
        var rewritten = ReferenceDirectives.Rewrite("var r = \"#r\";", "/tmp", out var referencesLibrary);

        Assert.False(referencesLibrary);
        Assert.Equal("var r = \"#r\";", rewritten);
    }
}
