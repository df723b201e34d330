using System.CommandLine;
using Workbook.Commands;

var root = new RootCommand("Fixes That Fail workbook: self-defeating improvements in ML systems, reproduced and diagnosed.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
