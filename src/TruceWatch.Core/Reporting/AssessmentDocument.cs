using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;

namespace TruceWatch.Core.Reporting;

/// <summary>
/// The assessments of a set of incidents under one agreement, in the shape the CLI prints and the API returns:
/// <c>{ agreement: {id, version, title, versions}, incidents: [... each with its version ...], summary: { party: { verdict: count } } }</c>.
/// </summary>
public sealed record AssessmentDocument(
    AgreementRef Agreement,
    IReadOnlyList<IncidentAssessment> Incidents,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Summary)
{
    /// <summary>The key under which incidents whose perpetrator is unknown are counted.</summary>
    public const string UnknownParty = VerdictTally.UnknownParty;

    /// <summary>Serializer settings shared by the CLI and the API so both print the same JSON.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,

        // Offsets (+02:00) and Cyrillic place names are written as they are, not as \u escapes: the output is read by people.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Judges every incident and builds the document; incidents keep their given order. Under conditional reciprocity, a party's acts
    /// after its duties were suspended are permitted, and their trace says by whose violations (<see cref="Reciprocal"/>).
    /// </summary>
    public static AssessmentDocument Build(Agreement agreement, IEnumerable<Incident> incidents, Geography.IGeography? map = null)
    {
        var list = incidents as IReadOnlyList<Incident> ?? [.. incidents];
        var assessments = list.Select(i => Judge.Assess(i, agreement, map)).ToList();
        var suspensions = Reciprocal.Suspensions(agreement, list, [.. assessments.Select(a => a.Verdict)]);
        var items = new List<IncidentAssessment>(list.Count);
        var tally = new VerdictTally(agreement.Parties);
        for (var i = 0; i < list.Count; i++)
        {
            var assessment = assessments[i];
            if (Reciprocal.Covering(suspensions, list[i]) is { } suspension && Reciprocal.Apply(assessment.Verdict, suspension) != assessment.Verdict)
            {
                assessment = assessment with { Verdict = Verdict.Permitted, Trace = assessment.Trace with { Reason = "permitted: " + suspension.Reason, MissingFacts = [] } };
            }

            items.Add(IncidentAssessment.From(list[i], assessment));
            tally.Add(list[i].Perpetrator, assessment.Verdict);
        }

        return new AssessmentDocument(AgreementRef.To(agreement, items.Select(i => i.Version)), items, tally.ToSummary());
    }
}

/// <summary>
/// Which agreement: its id, the version of the terms as first written, its title, and <see cref="Versions"/>, the versions actually
/// used (amended terms judge each incident under the version in force then; each incident's own is in its <c>version</c>).
/// </summary>
public sealed record AgreementRef(string Id, int Version, string Title, IReadOnlyList<int> Versions)
{
    /// <summary>The versions used, as people read them: <c>v1</c>, <c>v1–v3</c> or <c>v1, v3</c>.</summary>
    [JsonIgnore]
    public string VersionsText => Versions.Count switch
    {
        0 => $"v{Version}",
        _ when Versions[^1] - Versions[0] == Versions.Count - 1 && Versions.Count > 1 => $"v{Versions[0]}–v{Versions[^1]}",
        _ => string.Join(", ", Versions.Select(v => $"v{v}")),
    };

    /// <summary>A reference to terms used in the versions given.</summary>
    public static AgreementRef To(Agreement agreement, IEnumerable<int> versions) =>
        new(agreement.Id, agreement.Version, agreement.Title, [.. versions.Distinct().Order()]);

    /// <summary>A reference to terms used in every version in force during [<paramref name="from"/>, <paramref name="to"/>) (open where <c>null</c>).</summary>
    public static AgreementRef During(Agreement agreement, DateTimeOffset? from, DateTimeOffset? to) =>
        To(agreement, Judge.VersionsDuring(agreement, from, to));
}

/// <summary>When an incident happened, as precisely as known.</summary>
public sealed record Occurred(string Start, string? End, string Precision);

/// <summary>One incident's verdict with its trace.</summary>
public sealed record IncidentAssessment(long Id, IReadOnlyList<string> Reports, string? Perpetrator, Occurred? Occurred, string? Weapon, string? Means, string? Place, string Verdict, int Version, TraceView Trace)
{
    public static IncidentAssessment From(Incident incident, Assessment assessment) => new(
        incident.Id.Value,
        [.. incident.Reports.Select(r => r.Key.ToString())],
        incident.Perpetrator?.Value,
        incident.Time.Start is { } start
            ? new Occurred(IsoTime.FormatKyiv(start), incident.Time.End is { } end ? IsoTime.FormatKyiv(end) : null, incident.Time.Precision.ToText())
            : null,
        incident.Weapon,
        incident.Means?.Value,
        PlaceText(incident.Place),
        assessment.Verdict.ToText(),
        assessment.AgreementVersion,
        TraceView.From(assessment.Trace));

    private static string? PlaceText(Place place)
    {
        var parts = new[] { place.Name, place.Admin1, place.Country }.Where(p => !string.IsNullOrEmpty(p)).Distinct().ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}

/// <summary>An assessment trace in plain values for JSON.</summary>
public sealed record TraceView(string Reason, IReadOnlyList<string> Missing, ConditionView Window, IReadOnlyList<ClauseView> Clauses)
{
    public static TraceView From(AssessmentTrace trace) => new(
        trace.Reason,
        trace.MissingFacts,
        ConditionView.From(trace.Window),
        [.. trace.Clauses.Select(c => new ClauseView(
            c.ClauseId,
            c.Outcome.ToString().ToLowerInvariant(),
            [.. c.Conditions.Select(ConditionView.From)],
            [.. c.Exceptions.Select(e => new ExceptionView(e.Index, e.Value.ToText(), [.. e.Conditions.Select(ConditionView.From)]))]))]);
}

/// <summary>One condition: its name, value (true / false / unknown), what the terms expect, and the fact it read.</summary>
public sealed record ConditionView(string Condition, string Value, string Expected, string Fact, string? FactValue)
{
    public static ConditionView From(ConditionTrace c) => new(c.Condition, c.Value.ToText(), c.Expected, c.Fact, c.FactValue);
}

/// <summary>One clause's outcome with its conditions and exceptions.</summary>
public sealed record ClauseView(string Id, string Outcome, IReadOnlyList<ConditionView> Conditions, IReadOnlyList<ExceptionView> Exceptions);

/// <summary>One exception's value with its conditions.</summary>
public sealed record ExceptionView(int Index, string Value, IReadOnlyList<ConditionView> Conditions);
