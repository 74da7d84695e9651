using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reports;

namespace TruceWatch.Core.Reporting;

/// <summary>
/// One agreement judged under every reading side by side — the terms as written (<c>base</c>) and each named interpretation — with the
/// scorecard of each and, incident by incident, where the readings disagree: <c>{ agreement, readings: [...], disagreements: [...] }</c>.
/// </summary>
public sealed record ReadingsDocument(AgreementRef Agreement, int Incidents, IReadOnlyList<ReadingSummary> Readings, IReadOnlyList<Disagreement> Disagreements)
{
    /// <summary>The name of the terms as written among the readings.</summary>
    public const string Base = "base";

    public static ReadingsDocument Build(Agreement agreement, IReadOnlyList<Incident> incidents, Geography.IGeography? map = null)
    {
        var readings = new List<(string Name, string? Note, Agreement Terms)> { (Base, "the terms as written", agreement) };
        readings.AddRange(agreement.Interpretations.Select(i => (i.Name, i.Note, i.Apply(agreement))));
        var tallies = readings.Select(_ => new VerdictTally(agreement.Parties)).ToList();
        var disagreements = new List<Disagreement>();
        var verdicts = new Verdict[readings.Count];
        foreach (var incident in incidents)
        {
            for (var r = 0; r < readings.Count; r++)
            {
                verdicts[r] = Judge.Decide(incident, readings[r].Terms, map);
                tallies[r].Add(incident.Perpetrator, verdicts[r]);
            }

            if (verdicts.Any(v => v != verdicts[0]))
            {
                disagreements.Add(new Disagreement(
                    incident.Id.Value,
                    [.. incident.Reports.Select(x => x.Key.ToString())],
                    incident.Time.Start is { } start ? IsoTime.FormatKyiv(start) : null,
                    readings.Select((reading, r) => (reading.Name, Verdict: verdicts[r].ToText())).ToDictionary(x => x.Name, x => x.Verdict, StringComparer.Ordinal)));
            }
        }

        return new ReadingsDocument(
            AgreementRef.During(agreement, null, null),
            incidents.Count,
            [.. readings.Select((reading, r) => new ReadingSummary(reading.Name, reading.Note, tallies[r].ToSummary()))],
            disagreements);
    }
}

/// <summary>One reading's scorecard.</summary>
public sealed record ReadingSummary(string Name, string? Note, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Summary);

/// <summary>An incident the readings judge differently, with each reading's verdict.</summary>
public sealed record Disagreement(long Incident, IReadOnlyList<string> Reports, string? Occurred, IReadOnlyDictionary<string, string> Verdicts);
