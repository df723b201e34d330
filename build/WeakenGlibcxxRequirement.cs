// Compiled by MSBuild's RoslynCodeTaskFactory (see LibTorchSharpGlibcxx.targets for why it exists).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks a shared library's requirements on GLIBCXX symbol versions that the system's libstdc++ lacks as weak
/// (VER_FLG_WEAK in .gnu.version_r), when every symbol bound to such a version is known to be unused.
/// </summary>
public sealed class WeakenGlibcxxRequirement : Task
{
    private const uint ShtDynsym = 11;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const ushort VerFlgWeak = 0x2;

    // Symbols a library may reference under a missing version without needing them at run time.
    private static readonly HashSet<string> Harmless = new HashSet<string> { "_ZSt21ios_base_library_initv" };

    private static readonly string[] LibStdCxxCandidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    };

    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        var libStdCxx = LibStdCxxCandidates.FirstOrDefault(File.Exists);
        if (libStdCxx is null)
        {
            Log.LogMessage(MessageImportance.Normal, "WeakenGlibcxxRequirement: no system libstdc++.so.6 found; nothing to do.");
            return true;
        }

        var provided = new HashSet<string>(
            Regex.Matches(Encoding.ASCII.GetString(File.ReadAllBytes(libStdCxx)), @"GLIBCXX_\d+(\.\d+)*")
                .Cast<Match>().Select(m => m.Value));
        foreach (var item in Files)
        {
            Patch(item.ItemSpec, provided);
        }

        return !Log.HasLoggedErrors;
    }

    private void Patch(string path, HashSet<string> provided)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
        {
            Log.LogWarning($"WeakenGlibcxxRequirement: {path} is not a little-endian 64-bit ELF file; left unchanged.");
            return;
        }

        var sections = ReadSections(elf);
        var verneed = sections.FirstOrDefault(s => s.Type == ShtGnuVerneed);
        var versym = sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
        var dynsym = sections.FirstOrDefault(s => s.Type == ShtDynsym);
        if (verneed is null || versym is null || dynsym is null)
        {
            return;
        }

        var verStrings = sections[(int)verneed.Link].Offset;
        var symStrings = sections[(int)dynsym.Link].Offset;
        var changed = new List<string>();
        var need = verneed.Offset;
        for (var n = 0; n < verneed.Info; n++)
        {
            var count = U16(elf, need + 2);
            var aux = need + U32(elf, need + 8);
            for (var a = 0; a < count; a++)
            {
                var flags = U16(elf, aux + 4);
                var index = U16(elf, aux + 6);
                var name = CString(elf, verStrings + U32(elf, aux + 8));
                if (name.StartsWith("GLIBCXX_", StringComparison.Ordinal) && !provided.Contains(name) && (flags & VerFlgWeak) == 0)
                {
                    var symbols = SymbolsOfVersion(elf, dynsym, versym, symStrings, index);
                    var needed = symbols.Where(s => !Harmless.Contains(s)).ToList();
                    if (needed.Count > 0)
                    {
                        Log.LogWarning($"WeakenGlibcxxRequirement: {Path.GetFileName(path)} needs {name}, which the system's " +
                            $"libstdc++ lacks, for {string.Join(", ", needed)}; left unchanged (it will not load here).");
                    }
                    else
                    {
                        var weak = (ushort)(flags | VerFlgWeak);
                        elf[aux + 4] = (byte)weak;
                        elf[aux + 5] = (byte)(weak >> 8);
                        changed.Add(name);
                    }
                }

                aux += U32(elf, aux + 12);
            }

            need += U32(elf, need + 12);
        }

        if (changed.Count == 0)
        {
            return;
        }

        // Write a new file and move it over the old one, so that a hard link into the NuGet cache is never modified.
        var temporary = path + ".weakening";
        File.WriteAllBytes(temporary, elf);
        File.Delete(path);
        File.Move(temporary, path);
        Log.LogMessage(MessageImportance.High,
            $"WeakenGlibcxxRequirement: marked {string.Join(", ", changed)} weak in {path} (the system's libstdc++ lacks it; " +
            "the only symbol under it is never called).");
    }

    private static List<string> SymbolsOfVersion(byte[] elf, Section dynsym, Section versym, int strings, ushort index)
    {
        var names = new List<string>();
        var count = (int)(dynsym.Size / 24);
        for (var i = 0; i < count; i++)
        {
            if ((U16(elf, versym.Offset + 2 * i) & 0x7fff) == index)
            {
                names.Add(CString(elf, strings + U32(elf, dynsym.Offset + 24 * i)));
            }
        }

        return names;
    }

    private static List<Section> ReadSections(byte[] elf)
    {
        var offset = (int)BitConverter.ToUInt64(elf, 0x28);
        var size = U16(elf, 0x3A);
        var count = U16(elf, 0x3C);
        var sections = new List<Section>();
        for (var i = 0; i < count; i++)
        {
            var h = offset + i * size;
            sections.Add(new Section
            {
                Type = (uint)U32(elf, h + 4),
                Offset = (int)BitConverter.ToUInt64(elf, h + 0x18),
                Size = (long)BitConverter.ToUInt64(elf, h + 0x20),
                Link = (uint)U32(elf, h + 0x28),
                Info = U32(elf, h + 0x2C),
            });
        }

        return sections;
    }

    private static ushort U16(byte[] b, int at) => BitConverter.ToUInt16(b, at);

    private static int U32(byte[] b, int at) => (int)BitConverter.ToUInt32(b, at);

    private static string CString(byte[] b, int at)
    {
        var end = Array.IndexOf(b, (byte)0, at);
        return Encoding.ASCII.GetString(b, at, end - at);
    }

    private sealed class Section
    {
        public uint Type { get; set; }

        public int Offset { get; set; }

        public long Size { get; set; }

        public uint Link { get; set; }

        public int Info { get; set; }
    }
}
