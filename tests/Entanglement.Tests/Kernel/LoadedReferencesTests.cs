using Entanglement.Kernel;
using Entanglement.Tensors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Entanglement.Tests.Kernel;

public sealed class LoadedReferencesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("loaded-references-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Compiles a one-class assembly named <paramref name="name"/> (a build other than any loaded one).</summary>
    private string Emit(string name, string subfolder)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, subfolder)).FullName;
        var path = Path.Combine(folder, name + ".dll");
        var compilation = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText("public static class Stale { public const string Chosen = \"old\"; }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return path;
    }

    [Fact]
    public void A_restored_build_of_a_loaded_assembly_is_replaced_by_the_loaded_file_and_reported()
    {
        var library = typeof(Tensor).Assembly;
        var stale = Emit("Entanglement", "package");
        var other = Emit("SomethingElse", "other");

        var (paths, replaced) = LoadedReferences.Choose([stale, other], [library]);

        Assert.Equal([library.Location, other], paths);
        var message = Assert.Single(replaced);
        Assert.Contains(stale, message, StringComparison.Ordinal);
        Assert.Contains(library.Location, message, StringComparison.Ordinal);
        Assert.StartsWith("Entanglement:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_build_a_foreign_name_and_a_file_that_is_no_assembly_are_kept()
    {
        var library = typeof(Tensor).Assembly;
        var copy = Path.Combine(_folder, "Entanglement.dll");
        File.Copy(library.Location, copy);
        var text = Path.Combine(_folder, "notes.dll");
        File.WriteAllText(text, "not a portable executable");
        var missing = Path.Combine(_folder, "missing.dll");

        var (paths, replaced) = LoadedReferences.Choose([copy, text, missing], [library]);

        Assert.Equal([copy, text, missing], paths);
        Assert.Empty(replaced);
    }

    [Fact]
    public void The_assemblies_of_this_process_include_the_library()
    {
        Assert.Contains(typeof(Tensor).Assembly, LoadedReferences.InThisProcess());
    }
}
