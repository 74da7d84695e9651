namespace TruceWatch.Storage.Backup;

/// <summary>The backends a backup file can come from, told apart by its first bytes.</summary>
internal enum BackupKind
{
    Unknown,
    Sqlite,
    PgDump,
}

/// <summary>Recognises backup files, and checks a restored or backed-up store.</summary>
internal static class BackupFiles
{
    public static BackupKind KindOf(string path)
    {
        Span<byte> head = stackalloc byte[16];
        using var file = File.OpenRead(path);
        var n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        if (head.StartsWith("SQLite format 3\0"u8))
        {
            return BackupKind.Sqlite;
        }

        return head.StartsWith("PGDMP"u8) ? BackupKind.PgDump : BackupKind.Unknown;
    }

    /// <summary>Verifies the ledger of <paramref name="store"/> and counts its reports; a broken ledger is an error.</summary>
    public static async Task<BackupResult> CheckAsync(IReportStore store, string describe, CancellationToken cancellationToken)
    {
        var ledger = await store.VerifyLedgerAsync(cancellationToken).ConfigureAwait(false);
        if (!ledger.IsIntact)
        {
            throw new BackupException($"{describe}: its ledger is broken at entry {ledger.BrokenAt}: {ledger.Reason}");
        }

        var reports = await store.CountReportsAsync(cancellationToken).ConfigureAwait(false);
        return new BackupResult(describe, reports, ledger.Verified, ledger.HeadHash);
    }
}
