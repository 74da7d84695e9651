using System.CommandLine;
using Spectre.Console;
using TruceWatch.Cli.Commands;

// Piped output is read by programs and people with wide windows: do not wrap tables at 80 columns.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 240;
}

var root = new RootCommand("TruceWatch: monitors and verifies partial truces and ceasefires.")
{
    ImportCommand.Create(),
    AssessCommand.Create(),
    AgreementsCommand.Create(),
    ReplayCommand.Create(),
    ServeCommand.Create(),
    VerifyCommand.Create(),
    ExportCommand.Create(),
    BackupCommand.Create(),
    RestoreCommand.Create(),
    CopyCommand.Create(),
    KeygenCommand.Create(),
    CheckpointCommand.Create(),
    QuarantineCommand.Create(),
    JudgeCommand.Create(),
    JudgeCommand.CreateWork(),
    ObligationsCommand.Create(),
    ShowCommand.Create(),
    CatalogCommand.Create(),
    ExtractCommand.Create(),
    BenchCommand.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
