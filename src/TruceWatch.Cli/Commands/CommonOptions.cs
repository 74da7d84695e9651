using System.CommandLine;
using System.Text.Json;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Reporting;
using TruceWatch.Ingest.Terms;

namespace TruceWatch.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public const string DefaultDb = "trucewatch.db";

    public static Option<string> Db() => new("--db")
    {
        Description = "The store: a SQLite file path, or PostgreSQL as postgres://user@host/db or Host=…;Database=… (default: $TRUCEWATCH_DB or trucewatch.db).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRUCEWATCH_DB") is { Length: > 0 } db ? db : DefaultDb,
    };

    /// <summary>Writes an error to stderr in one consistent form and returns the exit code for bad input.</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }

    /// <summary>The terms a file path or bundled id names, or <c>null</c> after printing every diagnostic as <c>ARG:line:col: …</c>.</summary>
    public static Agreement? ResolveTerms(AgreementLibrary library, string fileOrId)
    {
        var result = library.Resolve(fileOrId);
        if (result.IsValid)
        {
            return result.Agreement;
        }

        foreach (var d in result.Diagnostics)
        {
            Console.Error.WriteLine($"{fileOrId}:{d}");
        }

        return null;
    }

    /// <summary>Writes a document to stdout in the JSON the API also returns, followed by a newline.</summary>
    public static async Task WriteJsonAsync<T>(T document, CancellationToken cancellationToken)
    {
        await using var stdout = Console.OpenStandardOutput();
        await JsonSerializer.SerializeAsync(stdout, document, AssessmentDocument.Json, cancellationToken).ConfigureAwait(false);
        await stdout.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}
