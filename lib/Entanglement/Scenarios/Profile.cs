namespace Entanglement.Scenarios;

/// <summary>
/// How much compute an experiment gets: <see cref="Paper"/> (the paper's protocol), <see cref="Quick"/> (minutes on
/// two CPU cores, same measurements) or <see cref="Smoke"/> (seconds; for tests, proves the plumbing only).
/// </summary>
public sealed record Profile
{
    /// <summary>Environment variable the notebook runner sets from <c>--profile</c>.</summary>
    public const string EnvironmentVariable = "WORKBOOK_PROFILE";

    private Profile(string name, string description)
    {
        Name = name;
        Description = description;
    }

    public static Profile Paper { get; } = new("paper", "the paper's protocol (SVHN-scale training, 40 seeds; GPU-days)");

    public static Profile Quick { get; } = new("quick", "embedded digits, smaller models and fewer epochs and seeds; minutes on 2 CPU cores");

    public static Profile Smoke { get; } = new("smoke", "tiny data and one or two epochs; checks the plumbing, not the science");

    /// <summary>Every profile, cheapest first.</summary>
    public static IReadOnlyList<Profile> All { get; } = [Smoke, Quick, Paper];

    /// <summary>The profile named by <c>WORKBOOK_PROFILE</c>; <see cref="Quick"/> when unset.</summary>
    public static Profile Current => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable) ?? Quick.Name);

    public string Name { get; }

    public string Description { get; }

    /// <summary>The profile with this name (case-insensitive), or an error listing the valid names.</summary>
    public static Profile Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"Unknown profile '{name}'; expected one of: {string.Join(", ", All.Select(p => p.Name))}.", nameof(name));
    }

    public override string ToString() => Name;
}
