using System.Globalization;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// Settings of a detector changed by <c>Name=value</c> assignments naming <see cref="DetectorSettings"/> properties
/// (case-insensitive; <c>null</c> clears an optional one): how a detector trial on the command line states what it tried.
/// </summary>
public static class DetectorOverrides
{
    /// <summary>The names an assignment may use.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        nameof(DetectorSettings.Epochs), nameof(DetectorSettings.Channels), nameof(DetectorSettings.Layers), nameof(DetectorSettings.BatchSize),
        nameof(DetectorSettings.LearningRate), nameof(DetectorSettings.PositiveRadius), nameof(DetectorSettings.NegativeWeight),
        nameof(DetectorSettings.OutputStride), nameof(DetectorSettings.AnchorOnVisibleFace), nameof(DetectorSettings.MirrorAugmentation),
        nameof(DetectorSettings.RefinementMargin), nameof(DetectorSettings.HeadingFit), nameof(DetectorSettings.HeadingSearch),
        nameof(DetectorSettings.MinPointTop), nameof(DetectorSettings.MaxPointSpan), nameof(DetectorSettings.SuppressionDistance),
        nameof(DetectorSettings.MinScore),
    ];

    /// <summary><paramref name="settings"/> with every assignment applied in order.</summary>
    public static DetectorSettings Apply(DetectorSettings settings, IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(assignments);
        foreach (var assignment in assignments)
        {
            settings = Apply(settings, assignment);
        }

        return settings;
    }

    /// <summary><paramref name="settings"/> with one <c>Name=value</c> assignment applied.</summary>
    public static DetectorSettings Apply(DetectorSettings settings, string assignment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(assignment);
        var parts = assignment.Split('=', 2, StringSplitOptions.TrimEntries);
        var name = Names.FirstOrDefault(n => string.Equals(n, parts[0], StringComparison.OrdinalIgnoreCase));
        if (parts.Length != 2 || name is null)
        {
            throw new ArgumentException($"DetectorOverrides: '{assignment}' is not Name=value with Name one of {string.Join(", ", Names)}.", nameof(assignment));
        }

        var v = parts[1];
        int I() => int.Parse(v, CultureInfo.InvariantCulture);
        double D() => double.Parse(v, CultureInfo.InvariantCulture);
        double? N() => string.Equals(v, "null", StringComparison.OrdinalIgnoreCase) ? null : D();
        bool B() => bool.Parse(v);
        return name switch
        {
            nameof(DetectorSettings.Epochs) => settings with { Epochs = I() },
            nameof(DetectorSettings.Channels) => settings with { Channels = I() },
            nameof(DetectorSettings.Layers) => settings with { Layers = I() },
            nameof(DetectorSettings.BatchSize) => settings with { BatchSize = I() },
            nameof(DetectorSettings.LearningRate) => settings with { LearningRate = D() },
            nameof(DetectorSettings.PositiveRadius) => settings with { PositiveRadius = D() },
            nameof(DetectorSettings.NegativeWeight) => settings with { NegativeWeight = D() },
            nameof(DetectorSettings.OutputStride) => settings with { OutputStride = I() },
            nameof(DetectorSettings.AnchorOnVisibleFace) => settings with { AnchorOnVisibleFace = B() },
            nameof(DetectorSettings.MirrorAugmentation) => settings with { MirrorAugmentation = B() },
            nameof(DetectorSettings.RefinementMargin) => settings with { RefinementMargin = N() },
            nameof(DetectorSettings.HeadingFit) => settings with { HeadingFit = Enum.Parse<HeadingFit>(v, ignoreCase: true) },
            nameof(DetectorSettings.HeadingSearch) => settings with { HeadingSearch = D() },
            nameof(DetectorSettings.MinPointTop) => settings with { MinPointTop = N() },
            nameof(DetectorSettings.MaxPointSpan) => settings with { MaxPointSpan = N() },
            nameof(DetectorSettings.SuppressionDistance) => settings with { SuppressionDistance = D() },
            _ => settings with { MinScore = D() },
        };
    }
}
