using System.CommandLine;
using TruceWatch.Storage.Backup;

namespace TruceWatch.Cli.Commands;

/// <summary><c>trucewatch backup</c>: a consistent copy of the whole store, checked after it is written.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var output = new Option<string>("--out")
        {
            Description = "The backup file to write (must not exist): a SQLite file for a SQLite store, a pg_dump custom-format archive for PostgreSQL.",
            Required = true,
        };
        var command = new Command("backup", "Back up the whole store while it stays in use (SQLite online backup, or pg_dump).") { db, output };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(db)!, parse.GetValue(output)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string db, string output, CancellationToken cancellationToken)
    {
        try
        {
            var result = await StoreBackup.BackupAsync(db, output, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"Backed up {db} to {output}: {result.Reports:N0} reports, ledger of {result.LedgerEntries:N0} entries verified, head {Head(result)}");
            return 0;
        }
        catch (BackupException e)
        {
            return CommonOptions.Fail(e.Message);
        }
    }

    /// <summary>The head hash as printed after a backup or restore.</summary>
    public static string Head(BackupResult result) => result.LedgerEntries == 0 ? "(empty)" : result.LedgerHead;
}
