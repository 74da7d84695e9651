using TruceWatch.Core.Incidents;

namespace TruceWatch.Core.Judgement;

/// <summary>An incident judged against one version of one agreement.</summary>
public sealed record Assessment(
    IncidentId IncidentId,
    string AgreementId,
    int AgreementVersion,
    Verdict Verdict,
    AssessmentTrace Trace);
