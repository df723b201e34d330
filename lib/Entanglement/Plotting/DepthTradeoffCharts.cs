using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Plotting;

/// <summary>Charts of the depth estimator's range-weighting sweep (<see cref="DepthTradeoff"/>).</summary>
public static class DepthTradeoffCharts
{
    /// <summary>
    /// Depth MAE per range bin relative to the disparity-MAE end of the knob (percent change from the first weight),
    /// one bar per weight in each bin: a trade-off is bars below zero in some bins and above it in others.
    /// </summary>
    public static Figure RelativeErrorByRange(DepthTradeoff.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var first = result.Rows[0];
        var series = result.Rows.Select(r => new BarSeries(
            $"a = {DepthTradeoff.Key(r.RangeWeight)}",
            [.. r.BinMean.Select((m, b) => double.IsFinite(m) && first.BinMean[b] > 0 ? 100 * (m - first.BinMean[b]) / first.BinMean[b] : 0)]));
        return Charts.GroupedBars([.. DepthTradeoff.Result.RangeBins.Select(b => b + " m")], series,
            "Depth MAE by range against the disparity-MAE end (a = 0)", "ground-truth depth",
            "change in depth MAE (%)", Caption(result));
    }

    /// <summary>Depth MAE (m) per range bin and overall, and disparity MAE (px), per range weight; mean over seeds.</summary>
    public static Table ErrorByRange(DepthTradeoff.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var columns = new List<TableColumn> { new("range weight a") };
        columns.AddRange(DepthTradeoff.Result.RangeBins.Select(b => new TableColumn($"{b} m", "F3")));
        columns.Add(new TableColumn("0-max m", "F3"));
        columns.Add(new TableColumn("disparity MAE px", "F3"));
        var table = Table.Of([.. columns]).WithCaption(Caption(result) + ". Depth MAE in metres, mean over seeds.");
        foreach (var r in result.Rows)
        {
            table = table.WithRow([DepthTradeoff.Key(r.RangeWeight), .. r.BinMean.Cast<object?>(), r.OverallMean, r.DisparityMaeMean]);
        }

        return table;
    }

    private static string Caption(DepthTradeoff.Result result) => $"{result.Provenance}; {result.Config.Describe()}";
}
