using System.Globalization;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Geography;
using TruceWatch.Core.Obligations;

namespace TruceWatch.Core.Reporting;

/// <summary>Where every obligation of the given agreements stands on a day, in the JSON the CLI prints and the API returns.</summary>
public sealed record ObligationsDocument(string On, IReadOnlyList<ObligationView> Obligations)
{
    public static ObligationsDocument Build(
        IEnumerable<Agreement> agreements, IReadOnlyList<Exchange> exchanges, IGeography? map, DateOnly on, IReadOnlyList<Notification>? notifications = null) =>
        new(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [.. agreements.SelectMany(a => ObligationJudge.Assess(a, exchanges, map, on, notifications))
                .Select(r => new ObligationView(r.AgreementId, r.ObligationId, r.Kind, r.Status.ToString().ToLowerInvariant(), r.Detail))]);
}

/// <summary>One obligation's status and the facts behind it.</summary>
public sealed record ObligationView(string Agreement, string Obligation, string Kind, string Status, string Detail);
