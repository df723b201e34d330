namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>Depth MAE split by ground-truth depth (paper, Table 3): bins 0–10, 10–20, 20–30, 30–40 and 40+ m.</summary>
public static class DepthErrorByRange
{
    /// <summary>Lower edges of the range bins in metres; the last bin is open-ended.</summary>
    public static IReadOnlyList<double> BinEdges { get; } = [0, 10, 20, 30, 40];

    /// <summary>Labels of the bins ("0-10", …, "40-max").</summary>
    public static IReadOnlyList<string> BinLabels { get; } = ["0-10", "10-20", "20-30", "30-40", "40-max"];

    /// <summary>Accumulates absolute depth errors per bin over scenes.</summary>
    public sealed class Accumulator
    {
        private readonly double[] _sum = new double[BinEdges.Count];
        private readonly long[] _count = new long[BinEdges.Count];
        private readonly List<float>[] _errors = [.. BinEdges.Select(_ => new List<float>())];

        /// <summary>Adds the valid pixels (truth &gt; 0) of one depth map.</summary>
        public void Add(ReadOnlySpan<float> predicted, ReadOnlySpan<float> truth)
        {
            for (var i = 0; i < truth.Length; i++)
            {
                double y = truth[i];
                if (!(y > 0))
                {
                    continue;
                }

                var bin = BinEdges.Count - 1;
                while (bin > 0 && y < BinEdges[bin])
                {
                    bin--;
                }

                var error = Math.Abs(predicted[i] - y);
                _sum[bin] += error;
                _count[bin]++;
                _errors[bin].Add((float)error);
            }
        }

        /// <summary>Depth MAE over all pixels ("0-max").</summary>
        public double Overall => _count.Sum() == 0 ? double.NaN : _sum.Sum() / _count.Sum();

        /// <summary>Depth MAE per bin (NaN for an empty bin).</summary>
        public double[] PerBin() => _sum.Select((s, i) => _count[i] == 0 ? double.NaN : s / _count[i]).ToArray();

        /// <summary>
        /// Median absolute depth error per bin (NaN for an empty bin): the typical pixel, where the mean can be carried
        /// by a few percent of gross outliers (pixels put at the wrong surface).
        /// </summary>
        public double[] MedianPerBin() => _errors.Select(e =>
        {
            if (e.Count == 0)
            {
                return double.NaN;
            }

            var sorted = e.Order().ToArray();
            var mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + (double)sorted[mid]) / 2;
        }).ToArray();

        /// <summary>Pixels per bin.</summary>
        public long[] Counts() => (long[])_count.Clone();
    }
}
