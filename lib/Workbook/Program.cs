using Workbook.Cli;

return await WorkbookApp.RunAsync(args);
