using System.CommandLine;
using TruceWatch.Cli.Commands;

var root = new RootCommand("TruceWatch: monitors and verifies partial truces and ceasefires.")
{
    ImportCommand.Create(),
    AssessCommand.Create(),
    AgreementsCommand.Create(),
    ServeCommand.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
