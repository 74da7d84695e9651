using TruceWatch.Core.Obligations;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Formats;
using TruceWatch.Ingest.Reference;

namespace TruceWatch.Ingest.Statements;

/// <summary>
/// The parties' daily statements read as notifications of incidents (for <c>notify</c> duties): every post that is a strike or
/// interception report counts, at the time it was posted, for the party that published it (the Russian Ministry of Defence for RU,
/// the Ukrainian Air Force for UA). Posts about anything else do not.
/// </summary>
public static class StatementNotifications
{
    /// <summary>The bundled statement files in the repository's data folder (found above the working folder or the program), or none.</summary>
    public static IReadOnlyList<string> FindBundled()
    {
        string[][] files = [["data", "russia-mod-statements", "mod_russia_clean.csv"], ["data", "ua-airforce-statements", "statements_uk.csv"]];
        foreach (var start in (string[])[Directory.GetCurrentDirectory(), AppContext.BaseDirectory])
        {
            if (files.Select(f => RepositoryFiles.Above(start, f)).OfType<string>().ToList() is { Count: > 0 } found)
            {
                return found;
            }
        }

        return [];
    }

    /// <summary>The notifications in a statements file (either party's format, told by its header); other files give none.</summary>
    public static IReadOnlyList<Notification> Read(string path, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(path);
        if (FormatRegistry.Default.Detect(reader.ReadLine() ?? "") is not StatementsFormat format)
        {
            return [];
        }

        var party = PartyCode.Parse(format is RussianModStatementsFormat ? "RU" : "UA");
        reader.BaseStream.Position = 0;
        reader.DiscardBufferedData();
        var posted = new HashSet<DateTimeOffset>();
        foreach (var item in format.Read(reader, cancellationToken))
        {
            if (item is ImportItem.Accepted { Record.Report.ReportedAt: { } at })
            {
                posted.Add(at);
            }
        }

        return [.. posted.Order().Select(at => new Notification(party, at))];
    }
}
