namespace TruceWatch.Storage.Imports;

/// <summary>
/// The SQLite store's import lease: a lock file beside the database (like SQLite's own <c>-wal</c> and <c>-shm</c> files), held open
/// with an OS lock for a whole resumable import. SQLite has one writer at a time anyway, so imports that wait for each other lose
/// nothing; what the lease buys is that an import can tell a dead run (its lock went with its process) from a live one, and continue
/// only the dead.
/// </summary>
internal sealed class FileLease : IDisposable
{
    private readonly FileStream _lock;

    private FileLease(FileStream @lock) => _lock = @lock;

    /// <summary>Takes the lease for the store at <paramref name="databasePath"/>, waiting while another process holds it.</summary>
    public static async Task<FileLease> TakeAsync(string databasePath, CancellationToken cancellationToken)
    {
        var path = databasePath + "-import.lock";
        while (true)
        {
            try
            {
                // FileShare.None is an OS lock (flock on Unix): released when the handle closes or the process dies. The file stays.
                return new FileLease(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _lock.Dispose();
}
