using System.Diagnostics;
using System.Globalization;
using Entanglement.NN;
using Entanglement.Optim;
using Entanglement.Tensors;
using Spectre.Console;

namespace Workbook.Commands;

/// <summary>
/// <c>workbook bench --ops</c>: where a training step of each selected model spends its time, per op (forward and
/// backward, milliseconds per step) and in the optimizer, from an <see cref="OpProfile"/> over a few steps.
/// </summary>
internal static class BenchOps
{
    /// <summary>Profiles <paramref name="steps"/> training steps of <paramref name="name"/> and prints the table.</summary>
    public static void Print(string name, Func<Rng, Module> factory, int[] input, int classes, int steps)
    {
        var rng = new Rng(seed: 1234);
        var model = factory(rng.Fork("init"));
        var x = Tensor.Randn(rng.Fork("x"), [BenchWorkloads.Batch, .. input]);
        var labels = Enumerable.Range(0, BenchWorkloads.Batch).Select(i => i % classes).ToArray();
        var optimizer = new Adam(model.Parameters(), lr: 1e-3);
        model.Train();
        void Step(OpProfile? profile, Stopwatch? optimizerClock)
        {
            profile?.Mark();
            optimizer.ZeroGrad();
            Functional.CrossEntropy(model.Forward(x), labels).Backward();
            optimizerClock?.Start();
            optimizer.Step();
            optimizerClock?.Stop();
        }

        Step(null, null);
        var optimizerTime = new Stopwatch();
        var total = Stopwatch.StartNew();
        IReadOnlyList<OpTime> ops;
        using (var profile = OpProfile.Start())
        {
            for (var i = 0; i < steps; i++)
            {
                Step(profile, optimizerTime);
            }

            ops = profile.Table();
        }

        total.Stop();
        var table = new Table().Title(Markup.Escape($"{name}: ms per training step, {steps} steps"))
            .AddColumn("op").AddColumn("calls/step").AddColumn("forward").AddColumn("backward").AddColumn("share");
        var stepMs = total.Elapsed.TotalMilliseconds / steps;
        foreach (var op in ops)
        {
            var ms = (op.ForwardMs + op.BackwardMs) / steps;
            table.AddRow(Markup.Escape(op.Op), F((double)op.Calls / steps), F(op.ForwardMs / steps), F(op.BackwardMs / steps), P(ms / stepMs));
        }

        var optimizerMs = optimizerTime.Elapsed.TotalMilliseconds / steps;
        table.AddRow("(Adam step)", "1", F(optimizerMs), "-", P(optimizerMs / stepMs));
        table.AddRow("(whole step)", "-", F(stepMs), "-", P(1));
        AnsiConsole.Write(table);
    }

    private static string F(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    private static string P(double share) => share.ToString("P0", CultureInfo.InvariantCulture);
}
