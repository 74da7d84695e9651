using System.CommandLine;
using TruceWatch.Storage.Backup;

namespace TruceWatch.Cli.Commands;

/// <summary><c>trucewatch restore FILE</c>: puts a backup back, after checking its ledger; never over data unless told to.</summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("backup") { Description = "A file written by trucewatch backup." };
        var db = CommonOptions.Db();
        var replace = new Option<bool>("--replace") { Description = "Overwrite a store that already holds data." };
        var command = new Command("restore", "Restore a backup into a store (empty, unless --replace).") { file, db, replace };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(file)!, parse.GetValue(db)!, parse.GetValue(replace), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string file, string db, bool replace, CancellationToken cancellationToken)
    {
        try
        {
            var result = await StoreBackup.RestoreAsync(file, db, replace, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"Restored {file} into {result.Location}: {result.Reports:N0} reports, ledger of {result.LedgerEntries:N0} entries verified, head {BackupCommand.Head(result)}");
            return 0;
        }
        catch (BackupException e)
        {
            return CommonOptions.Fail(e.Message);
        }
    }
}
