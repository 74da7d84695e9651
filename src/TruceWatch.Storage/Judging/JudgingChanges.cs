using System.Globalization;
using TruceWatch.Storage.Ledger;

namespace TruceWatch.Storage.Judging;

/// <summary>The ledger entries judging makes, the same on every backend: a new terms version, and each finished job's verdicts.</summary>
internal static class JudgingChanges
{
    /// <summary>A terms version judged with for the first time.</summary>
    public static LedgerChange Terms(TermsVersion terms) =>
        new("terms", string.Create(CultureInfo.InvariantCulture, $"agreement:{terms.AgreementId}:v{terms.Version}"), ImportChanges.Write(w =>
        {
            w.WriteString("agreement", terms.AgreementId);
            w.WriteNumber("version", terms.Version);
            w.WriteString("sha256", terms.Sha256);
        }));

    /// <summary>A finished job: every report it judged with its verdict, under which terms.</summary>
    public static LedgerChange Assessments(JudgingJob job, int agreementVersion, IReadOnlyList<StoredVerdict> verdicts) =>
        new("assessments", string.Create(CultureInfo.InvariantCulture, $"job:{job.Id}"), ImportChanges.Write(w =>
        {
            w.WriteString("agreement", job.AgreementId);
            w.WriteNumber("version", agreementVersion);
            w.WriteString("terms_sha256", job.TermsSha256);
            w.WriteStartArray("verdicts");
            foreach (var v in verdicts)
            {
                w.WriteStartObject();
                w.WriteString("key", v.ReportKey);
                w.WriteString("verdict", v.Verdict);
                if (v.Version is { } version)
                {
                    w.WriteNumber("version", version);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }));
}
