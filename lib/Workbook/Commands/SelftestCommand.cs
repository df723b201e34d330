using System.CommandLine;

namespace Workbook.Commands;

/// <summary><c>workbook selftest</c>: trains a small model end to end and prints its loss curve.</summary>
internal static class SelftestCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of every random draw.", DefaultValueFactory = _ => 0 };
        var command = new Command("selftest", "Train a small model on synthetic data and print its loss curve and accuracy.");
        command.Options.Add(seed);
        command.SetAction(parse =>
        {
            Console.WriteLine($"selftest seed {parse.GetValue(seed)}: not yet wired");
            return 0;
        });
        return command;
    }
}
