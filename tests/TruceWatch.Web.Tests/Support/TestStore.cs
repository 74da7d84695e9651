using TruceWatch.Ingest.Formats;
using TruceWatch.Storage;

namespace TruceWatch.Web.Tests.Support;

/// <summary>Fills a SQLite store through the real importers, the way <c>trucewatch import</c> does.</summary>
internal static class TestStore
{
    /// <summary>Imports CSV text in the named format; fails the test if any row is quarantined.</summary>
    public static async Task<ImportSummary> ImportTextAsync(string dbPath, string fileName, string formatName, string csv, CancellationToken cancellationToken)
    {
        var format = FormatRegistry.Default.ByName(formatName) ?? throw new InvalidOperationException($"No format '{formatName}'.");
        using var reader = new StringReader(csv);
        return await ImportAsync(dbPath, fileName, format, reader, cancellationToken);
    }

    /// <summary>Imports a file whose format is detected from its header.</summary>
    public static async Task<ImportSummary> ImportFileAsync(string dbPath, string path, CancellationToken cancellationToken)
    {
        string header;
        using (var first = new StreamReader(path))
        {
            header = await first.ReadLineAsync(cancellationToken) ?? "";
        }

        var format = FormatRegistry.Default.Detect(header) ?? throw new InvalidOperationException($"No format recognizes the header of {path}.");
        using var reader = new StreamReader(path);
        return await ImportAsync(dbPath, Path.GetFileName(path), format, reader, cancellationToken);
    }

    private static async Task<ImportSummary> ImportAsync(string dbPath, string fileName, IReportFormat format, TextReader reader, CancellationToken cancellationToken)
    {
        await using var store = await StoreFactory.OpenAsync(dbPath, TimeProvider.System, cancellationToken);
        return await store.ImportAsync(new ImportRequest(fileName, format.Name), format.Read(reader, cancellationToken), cancellationToken: cancellationToken);
    }
}
