using Entanglement.Kernel;
using Entanglement.Notebooks;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Entanglement.Tests.Kernel;

public sealed class CellOutputsTests
{
    private static readonly SubmitCode Command = new("x");

    private static FormattedValue[] Plain(string text) => [new FormattedValue("text/plain", text)];

    [Fact]
    public void An_updated_display_replaces_its_output_where_it_stands_and_other_displays_stay()
    {
        var cell = NotebookCell.Code("x");
        KernelEvent[] events =
        [
            new DisplayedValueProduced("installing", Command, Plain("Installing Packages"), "packages"),
            new StandardOutputValueProduced(Command, Plain("between\n")),
            new DisplayedValueUpdated("installing.", "packages", Command, Plain("Installing Packages.")),
            new DisplayedValueProduced("other", Command, Plain("other")),
            new DisplayedValueUpdated("installed", "packages", Command, Plain("Installed Packages")),
            new DisplayedValueUpdated("unknown", "never-shown", Command, Plain("shown once")),
        ];

        Assert.Null(CellOutputs.Record(cell, events, executionCount: 1));

        Assert.Equal(["Installed Packages", null, "other", "shown once"], cell.Outputs.Select(o => o.GetText("text/plain")));
        Assert.Equal("between\n", cell.Outputs[1].Text);
    }
}
