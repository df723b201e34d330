using System.Globalization;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.HigherOrder;

/// <summary>
/// A toy analogue of higher-order entanglement with a closed-form answer. Inputs x ~ U[0, 1) with label
/// y = 1[x &lt; <see cref="Config.Boundary"/>]; three binary upstreams answer y. A noisy upstream u_i errs exactly on its
/// own interval D_i (the D_i disjoint: their errors cancel in a vote); an improved (clean) upstream errs exactly on the
/// shared hard interval H, with |H| &lt; |D_i|, so every improvement lowers that upstream's error. The downstream sees
/// only the three answers and is retrained: per answer cell c it predicts the cell's majority label.
/// </summary>
/// <remarks>
/// Closed form: the retrained downstream's error is Σ_c min(P(c, y = 0), P(c, y = 1)) over the 8 cells (the Bayes
/// error of the cell partition), and the fixed vote's error is P(at least two upstreams err). Both are integrals of
/// piecewise-constant functions, computed exactly on the segments between the intervals' end points. For the default
/// layout (H = [0.45, 0.55) straddling the boundary 0.5, D₁ = [0, 0.15) in class 1, D₂ = [0.6, 0.75) and
/// D₃ = [0.8, 0.95) in class 0): improving none or one upstream leaves every error pattern in a cell of its own
/// (error 0); improving two puts the half of H on the other side from the remaining noisy D_j into D_j's cell,
/// error min(|H|/2, |D_j|) = 0.05; improving all three merges both halves of H with the clean points, error |H| = 0.1.
/// </remarks>
public static class ToyHigherOrder
{
    /// <summary>The toy's layout and sampling.</summary>
    public sealed record Config
    {
        public required Profile Profile { get; init; }

        /// <summary>y = 1 left of it.</summary>
        public double Boundary { get; init; } = 0.5;

        /// <summary>H: where every clean (improved) upstream errs.</summary>
        public Interval Hard { get; init; } = new(0.45, 0.55);

        /// <summary>D_i: where noisy upstream u_i errs (disjoint from each other and from H).</summary>
        public IReadOnlyList<Interval> NoisyErrors { get; init; } = [new(0, 0.15), new(0.6, 0.75), new(0.8, 0.95)];

        /// <summary>Sampled training points the downstream is fitted on (per seed).</summary>
        public required int TrainCount { get; init; }

        /// <summary>Sampled test points (per seed).</summary>
        public required int TestCount { get; init; }

        public required IReadOnlyList<int> Seeds { get; init; }

        /// <summary>Paper-scale sampling (100,000 points, 20 seeds), quick (20,000, 5 seeds) or smoke (2,000, 2 seeds).</summary>
        public static Config For(Profile profile)
        {
            ArgumentNullException.ThrowIfNull(profile);
            return profile == Profile.Paper ? new Config { Profile = profile, TrainCount = 100_000, TestCount = 100_000, Seeds = [.. Enumerable.Range(0, 20)] }
                : profile == Profile.Smoke ? new Config { Profile = profile, TrainCount = 2_000, TestCount = 2_000, Seeds = [0, 1] }
                : new Config { Profile = profile, TrainCount = 20_000, TestCount = 20_000, Seeds = [0, 1, 2, 3, 4] };
        }

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"x ~ U[0,1), y = 1[x < {Boundary}]; clean upstreams err on H = {Hard}, noisy u_i on D_i = {string.Join(", ", NoisyErrors)}; " +
            $"{TrainCount} training and {TestCount} test points per seed");
    }

    /// <summary>Exact errors of one subset of improved upstreams.</summary>
    /// <param name="Retrained">The retrained (cell-majority) downstream's error.</param>
    /// <param name="Vote">The fixed majority vote's error.</param>
    /// <param name="Upstream">Each upstream's error.</param>
    public sealed record Errors(double Retrained, double Vote, IReadOnlyList<double> Upstream);

    /// <summary>The closed-form errors when the upstreams in <paramref name="improved"/> are clean.</summary>
    public static Errors ClosedForm(Config config, UpstreamSubset improved)
    {
        ArgumentNullException.ThrowIfNull(config);
        Validate(config);
        var cuts = new SortedSet<double> { 0, 1, config.Boundary, config.Hard.Start, config.Hard.End };
        foreach (var d in config.NoisyErrors)
        {
            cuts.Add(d.Start);
            cuts.Add(d.End);
        }

        var points = cuts.Where(c => c >= 0 && c <= 1).ToArray();
        var mass = new double[8, 2];
        var vote = 0.0;
        for (var s = 0; s + 1 < points.Length; s++)
        {
            var length = points[s + 1] - points[s];
            var mid = (points[s] + points[s + 1]) / 2;
            var y = Label(config, mid);
            var answers = Enumerable.Range(0, UpstreamSubset.Upstreams).Select(i => Answer(config, improved, i, mid)).ToArray();
            var cell = answers.Select((a, i) => a << i).Sum();
            mass[cell, y] += length;
            vote += answers.Count(a => a != y) >= 2 ? length : 0;
        }

        var retrained = Enumerable.Range(0, 8).Sum(c => Math.Min(mass[c, 0], mass[c, 1]));
        var upstream = Enumerable.Range(0, UpstreamSubset.Upstreams)
            .Select(i => improved.Contains(i) ? config.Hard.Length : config.NoisyErrors[i].Length).ToArray();
        return new Errors(retrained, vote, upstream);
    }

    /// <summary>One seed: the downstream fitted on sampled training points and scored on sampled test points.</summary>
    public static Errors Simulate(Config config, UpstreamSubset improved, int seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        Validate(config);
        var rng = new Rng(seed).Fork("toy-higher-order").Fork(improved.Mask);
        var (trainAnswers, trainLabels) = Sample(config, improved, config.TrainCount, rng.Fork("train"));
        var (testAnswers, testLabels) = Sample(config, improved, config.TestCount, rng.Fork("test"));
        var retrained = CellVote.Error(CellVote.Fit(trainAnswers, trainLabels, testAnswers), testLabels);
        var vote = CellVote.Error(CellVote.Majority(testAnswers), testLabels);
        return new Errors(retrained, vote, [.. testAnswers.Select(a => CellVote.Error(a, testLabels))]);
    }

    /// <summary>Every subset: closed form and one simulation per seed.</summary>
    public static ToyHigherOrderResult Run(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ToyHigherOrderResult
        {
            Config = config,
            Exact = [.. UpstreamSubset.All.Select(s => ClosedForm(config, s))],
            Simulated = [.. UpstreamSubset.All.Select(s => config.Seeds.Select(seed => Simulate(config, s, seed)).ToArray())],
        };
    }

    private static int Label(Config config, double x) => x < config.Boundary ? 1 : 0;

    private static int Answer(Config config, UpstreamSubset improved, int i, double x)
    {
        var errs = improved.Contains(i) ? config.Hard.Contains(x) : config.NoisyErrors[i].Contains(x);
        var y = Label(config, x);
        return errs ? 1 - y : y;
    }

    private static (int[][] Answers, int[] Labels) Sample(Config config, UpstreamSubset improved, int count, Rng rng)
    {
        var x = Enumerable.Range(0, count).Select(_ => rng.NextDouble()).ToArray();
        int[][] answers = [.. Enumerable.Range(0, UpstreamSubset.Upstreams).Select(i => x.Select(v => Answer(config, improved, i, v)).ToArray())];
        return (answers, [.. x.Select(v => Label(config, v))]);
    }

    private static void Validate(Config config)
    {
        if (config.NoisyErrors.Count != UpstreamSubset.Upstreams)
        {
            throw new ArgumentException(
                $"ToyHigherOrder: needs {UpstreamSubset.Upstreams} noisy error intervals, got {config.NoisyErrors.Count}.", nameof(config));
        }

        if (config.NoisyErrors.Append(config.Hard).Any(d => d.Start < 0 || d.End > 1 || d.Length < 0))
        {
            throw new ArgumentException("ToyHigherOrder: every interval must lie in [0, 1).", nameof(config));
        }
    }
}
