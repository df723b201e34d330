using System.Globalization;
using System.Text.RegularExpressions;

namespace Entanglement.Experiments.Slurm;

/// <summary>What <c>slurm.sh submit</c> submitted: the array job (none when every task was done) and the merge job.</summary>
/// <param name="ArrayJobId">The array job's id, or null when no task was missing.</param>
/// <param name="Tasks">The array task indexes submitted.</param>
/// <param name="MergeJobId">The merge job's id.</param>
public sealed partial record SlurmSubmission(long? ArrayJobId, IReadOnlyList<int> Tasks, long MergeJobId)
{
    /// <summary>Reads the job ids from the lines <c>slurm.sh submit</c> prints.</summary>
    /// <exception cref="FormatException">The output names no merge job.</exception>
    public static SlurmSubmission Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        long? arrayId = null;
        IReadOnlyList<int> tasks = [];
        long? mergeId = null;
        foreach (var line in output.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (ArrayLine().Match(line) is { Success: true } array)
            {
                arrayId = long.Parse(array.Groups[1].Value, CultureInfo.InvariantCulture);
                tasks = [.. array.Groups[2].Value.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture))];
            }
            else if (MergeLine().Match(line) is { Success: true } merge)
            {
                mergeId = long.Parse(merge.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return mergeId is { } id
            ? new SlurmSubmission(arrayId, tasks, id)
            : throw new FormatException($"slurm.sh submit printed no merge job id:\n{output}");
    }

    [GeneratedRegex(@"^submitted array job (\d+): tasks ([0-9,]+) of ")]
    private static partial Regex ArrayLine();

    [GeneratedRegex(@"^submitted merge job (\d+):")]
    private static partial Regex MergeLine();
}
