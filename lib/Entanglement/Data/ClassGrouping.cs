namespace Entanglement.Data;

/// <summary>
/// A classification task cut from a digit data set: each group of digits becomes one class (group index = new label);
/// images of digits in no group are dropped (paper, Section 4 and Table 1).
/// </summary>
public sealed record ClassGrouping
{
    /// <summary>Creates the grouping; groups must be non-empty and disjoint.</summary>
    public ClassGrouping(string name, params int[][] groups)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Length == 0 || groups.Any(g => g is null || g.Length == 0))
        {
            throw new ArgumentException($"ClassGrouping '{name}': every group needs at least one class.", nameof(groups));
        }

        var all = groups.SelectMany(g => g).ToArray();
        if (all.Distinct().Count() != all.Length)
        {
            throw new ArgumentException($"ClassGrouping '{name}': a class appears in two groups.", nameof(groups));
        }

        Name = name;
        Groups = [.. groups.Select(g => (IReadOnlyList<int>)g.ToArray())];
    }

    /// <summary>The {0,1,4,7,9} vs {2,3,5,6,8} upstream task (Section 4.1.2).</summary>
    public static ClassGrouping FiveVsFive { get; } = new("{0,1,4,7,9} vs {2,3,5,6,8}", [0, 1, 4, 7, 9], [2, 3, 5, 6, 8]);

    /// <summary>1 vs 7, the downstream task of Section 4.1.2.</summary>
    public static ClassGrouping OneVsSeven { get; } = new("1 vs 7", [1], [7]);

    /// <summary>Upstream u of Section 4.2: {1,6} vs 7.</summary>
    public static ClassGrouping OneSixVsSeven { get; } = new("{1,6} vs 7", [1, 6], [7]);

    /// <summary>Upstream v of Section 4.2: 1 vs {6,7}.</summary>
    public static ClassGrouping OneVsSixSeven { get; } = new("1 vs {6,7}", [1], [6, 7]);

    /// <summary>Downstream w of Section 4.2: {1,7} vs 6.</summary>
    public static ClassGrouping OneSevenVsSix { get; } = new("{1,7} vs 6", [1, 7], [6]);

    /// <summary>The ten digits as ten classes.</summary>
    public static ClassGrouping TenDigits { get; } = Each(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

    /// <summary>Name shown in tables.</summary>
    public string Name { get; }

    /// <summary>The classes of each group; group i becomes label i.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Groups { get; }

    /// <summary>One group per class, in the given order (for example 1, 3, 7, 9 → labels 0, 1, 2, 3).</summary>
    public static ClassGrouping Each(params int[] classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return new ClassGrouping("{" + string.Join(",", classes) + "}", [.. classes.Select(c => new[] { c })]);
    }

    /// <summary>The group index of <paramref name="label"/>, or -1 when it is in no group.</summary>
    public int GroupOf(int label)
    {
        for (var g = 0; g < Groups.Count; g++)
        {
            if (Groups[g].Contains(label))
            {
                return g;
            }
        }

        return -1;
    }

    /// <summary>The images of the grouped classes relabelled to their group index; throws when a group has no image.</summary>
    public ImageDataset Apply(ImageDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var keep = new List<int>();
        var labels = new List<int>();
        var perGroup = new int[Groups.Count];
        for (var i = 0; i < dataset.Count; i++)
        {
            var g = GroupOf(dataset.LabelArray[i]);
            if (g >= 0)
            {
                keep.Add(i);
                labels.Add(g);
                perGroup[g]++;
            }
        }

        var empty = Enumerable.Range(0, Groups.Count).Where(g => perGroup[g] == 0).ToArray();
        if (empty.Length > 0)
        {
            throw new ArgumentException(
                $"ClassGrouping '{Name}': no image of class(es) {string.Join(", ", empty.SelectMany(g => Groups[g]))} in {dataset}.",
                nameof(dataset));
        }

        return dataset.Subset(keep).WithLabels(labels);
    }

    /// <summary>Only the images whose label is one of <paramref name="classes"/>, labels unchanged; throws when a class has none.</summary>
    public static ImageDataset Select(ImageDataset dataset, params int[] classes)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(classes);
        var grouped = Each(classes).Apply(dataset);
        return grouped.WithLabels([.. grouped.LabelArray.Select(g => classes[g])]);
    }
}
