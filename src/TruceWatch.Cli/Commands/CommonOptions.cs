using System.CommandLine;

namespace TruceWatch.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public const string DefaultDb = "trucewatch.db";

    public static Option<string> Db() => new("--db")
    {
        Description = "The store: a SQLite file path (default: $TRUCEWATCH_DB or trucewatch.db).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRUCEWATCH_DB") is { Length: > 0 } db ? db : DefaultDb,
    };

    /// <summary>Writes an error to stderr in one consistent form and returns the exit code for bad input.</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 1;
    }
}
