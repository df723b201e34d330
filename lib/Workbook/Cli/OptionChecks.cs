using System.CommandLine;
using Entanglement.Data;
using Entanglement.Experiments;
using ScenarioProfile = Entanglement.Scenarios.Profile;

namespace Workbook.Cli;

/// <summary>
/// Validates option and argument values where they are parsed, so a wrong value is a usage error (exit 2) with a
/// message naming the option, before any work starts.
/// </summary>
internal static class OptionChecks
{
    /// <summary>A whole number of at least 1, e.g. <c>--seeds</c> or <c>--workers</c>.</summary>
    public static Option<int?> Positive(this Option<int?> option, string meaning)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } n && n < 1)
            {
                result.AddError($"{option.Name} must be a positive whole number ({meaning}); got {n}.");
            }
        });
        return option;
    }

    /// <summary>A profile name: smoke, quick or paper.</summary>
    public static Option<string> ProfileName(this Option<string> option) =>
        option.Checked(value => ScenarioProfile.Parse(value));

    /// <summary>A data set name: digits or svhn.</summary>
    public static Option<string?> DatasetName(this Option<string?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !Enum.TryParse<DatasetKind>(value, ignoreCase: true, out _))
            {
                result.AddError($"{option.Name}: unknown data set '{value}'; expected one of: "
                    + string.Join(", ", Enum.GetNames<DatasetKind>().Select(n => n.ToLowerInvariant())) + ".");
            }
        });
        return option;
    }

    /// <summary>Where pages get plotly.js: <c>offline</c>, <c>cdn</c> or an existing file.</summary>
    public static Option<string> PlotlySource(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && value is not ("offline" or "cdn") && !File.Exists(value))
            {
                result.AddError($"{option.Name}: expected 'offline', 'cdn' or an existing plotly.min.js, got '{value}'.");
            }
        });
        return option;
    }

    /// <summary>Search seeds ("0-4", "0,2"): only 0–4, the seeds a setting search may see.</summary>
    public static Option<string> SearchSeedList(this Option<string> option) =>
        option.Checked(value => Entanglement.Experiments.Search.SearchSeeds.Parse(value));

    /// <summary>A shard <c>k/n</c> with 0 ≤ k &lt; n.</summary>
    public static Option<string> ShardSpec(this Option<string> option) => option.Checked(value => Shard.Parse(value));

    /// <summary>An experiment name from <c>workbook list</c>, or <c>all</c>.</summary>
    public static Argument<string> ExperimentName(this Argument<string> argument)
    {
        argument.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !string.Equals(value, "all", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    ExperimentCatalog.Find(value);
                }
                catch (ArgumentException e)
                {
                    result.AddError(StripParameter(e.Message));
                }
            }
        });
        return argument;
    }

    /// <summary>
    /// <c>$WORKBOOK_WORKERS</c> when it is set but not a positive whole number, as a usage error; otherwise null.
    /// </summary>
    public static string? WorkersVariableError()
    {
        try
        {
            ExperimentOptions.DefaultWorkers();
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message + " Unset it or set it to 1 or more.";
        }
    }

    private static Option<string> Checked(this Option<string> option, Action<string> parse)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not { } value)
            {
                return;
            }

            try
            {
                parse(value);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                result.AddError($"{option.Name}: {StripParameter(e.Message)}");
            }
        });
        return option;
    }

    // ArgumentException appends " (Parameter 'name')", which means nothing on a command line.
    private static string StripParameter(string message)
    {
        var at = message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }
}
