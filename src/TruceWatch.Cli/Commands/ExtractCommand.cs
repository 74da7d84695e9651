using System.CommandLine;
using System.Text;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Statements;

namespace TruceWatch.Cli.Commands;

/// <summary>
/// <c>trucewatch extract [--source ru-mod|ua-airforce|auto] [--posted-at TIME] [FILE|-]</c>: reads one statement's text and prints the claims the
/// statement extractor finds in it as JSON, so an analyst can check the parser on any text they paste. Bad input (no file, an empty text, an unknown
/// source or time) exits with 2 and one line on stderr.
/// </summary>
internal static class ExtractCommand
{
    /// <summary>The exit code for input the command cannot read.</summary>
    public const int BadInput = 2;

    public static Command Create()
    {
        var file = new Argument<string>("file")
        {
            Description = "The statement's text (UTF-8); - or nothing reads it from stdin.",
            DefaultValueFactory = _ => "-",
        };
        var source = new Option<string>("--source")
        {
            Description = "Whose statement it is: ru-mod (Russian MoD, Moscow time), ua-airforce (Ukrainian Air Force, Kyiv time), or auto (guessed from the language and wording).",
            DefaultValueFactory = _ => StatementSources.Auto,
        };
        var postedAt = new Option<string?>("--posted-at")
        {
            Description = "When the statement was posted (ISO 8601 with offset, or a date = its start in the source's zone); dates and times written without a year, month or day are read relative to it. Default: now.",
        };
        var command = new Command("extract", "Print the claims one statement's text makes (perpetrator, window, weapon, region, counts) as JSON.") { file, source, postedAt };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(file)!, parse.GetValue(source)!, parse.GetValue(postedAt), TimeProvider.System, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, string sourceName, string? postedAtText, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!StatementSources.TryParse(sourceName, out var chosen))
        {
            return Fail($"--source '{sourceName}' is not one of {StatementSources.RussianMod}, {StatementSources.UkrainianAirForce}, {StatementSources.Auto}");
        }

        string text;
        if (path == "-")
        {
            if (!Console.IsInputRedirected)
            {
                return Fail("no statement given: name a FILE, or pipe the text into 'trucewatch extract -'");
            }

            using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
            text = await stdin.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (!File.Exists(path))
        {
            return Fail($"{path}: no such file");
        }
        else
        {
            try
            {
                text = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail($"{path}: {e.Message}");
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail($"{(path == "-" ? "stdin" : path)}: the statement is empty");
        }

        var source = chosen ?? StatementSources.Detect(text);
        var zone = source == StatementSource.RussianMod ? TimeWindows.MoscowZone : IsoTime.Kyiv;
        var postedAt = clock.GetUtcNow();
        if (postedAtText is not null && !IsoTime.TryParse(postedAtText, zone, out postedAt, out _, out var error))
        {
            return Fail($"--posted-at {error}");
        }

        var read = StatementExtractor.Default.Extract(new Statement(source, text, postedAt));
        await using var stdout = Console.OpenStandardOutput();
        await stdout.WriteAsync(ExtractJson.Write(read), cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return BadInput;
    }
}
