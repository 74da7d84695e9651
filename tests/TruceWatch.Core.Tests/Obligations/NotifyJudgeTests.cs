using TruceWatch.Core.Agreements;
using TruceWatch.Core.Obligations;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Obligations;

/// <summary>
/// A duty to report incidents within a period, judged by the parties' published statements: each day of the window must be reported by
/// each party before its deadline (the day's end plus the period), in Kyiv days.
/// </summary>
public sealed class NotifyJudgeTests
{
    private static readonly Agreement Deal = Some.Agreement("""
        id: deal
        version: 1
        title: Truce with reporting
        parties: [UA, RU]
        window: { start: 2025-05-08T00:00, end: 2025-05-11T00:00, zone: Europe/Kyiv }
        obligations:
          - { id: tell, kind: notify, within: PT24H }
        """);

    private static Notification Post(string party, string at) =>
        new(PartyCode.Parse(party), DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Both parties post every morning from 1 to 31 May 2025, except the posts named in <paramref name="without"/>.</summary>
    private static List<Notification> Daily(params string[] without)
    {
        var posts = new List<Notification>();
        for (var day = new DateOnly(2025, 5, 1); day <= new DateOnly(2025, 5, 31); day = day.AddDays(1))
        {
            foreach (var party in (string[])["UA", "RU"])
            {
                if (!without.Contains($"{party} {day:yyyy-MM-dd}"))
                {
                    posts.Add(Post(party, $"{day:yyyy-MM-dd}T08:00:00+03:00"));
                }
            }
        }

        return posts;
    }

    private static ObligationAssessment Status(IReadOnlyList<Notification>? posts, string today) =>
        ObligationJudge.Assess(Deal, [], null, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), posts).Single();

    [Fact]
    public void Every_day_reported_by_both_parties_in_time_is_met_once_the_last_deadline_has_passed()
    {
        var met = Status(Daily(), "2025-05-13");

        met.Status.ShouldBe(ObligationStatus.Met);
        met.Detail.ShouldBe("6 party-day(s) reported within PT24H, none late");
    }

    [Theory]
    [InlineData("2025-05-09", ObligationStatus.Pending, "no day of the window has reached its deadline (within PT24H)")]
    [InlineData("2025-05-11", ObligationStatus.Pending, "2 party-day(s) reported within PT24H, none late; the window runs on")]
    [InlineData("2025-05-12", ObligationStatus.Pending, "4 party-day(s) reported within PT24H, none late; the window runs on")]
    public void While_deadlines_are_still_ahead_it_is_pending(string today, ObligationStatus status, string detail)
    {
        var result = Status(Daily(), today);

        result.Status.ShouldBe(status);
        result.Detail.ShouldBe(detail);
    }

    [Fact]
    public void A_day_a_party_let_pass_without_a_report_is_missed_and_named()
    {
        // RU's post of the 10th reports the 9th: in time. No post on the 10th or 11th leaves the 10th unreported by its deadline.
        var missed = Status(Daily("RU 2025-05-10", "RU 2025-05-11"), "2025-05-13");

        missed.Status.ShouldBe(ObligationStatus.Missed);
        missed.Detail.ShouldBe("RU published no incident report for 2025-05-10 by 2025-05-12T00:00:00+03:00");
    }

    [Fact]
    public void A_report_posted_after_the_deadline_is_late_and_the_day_missed()
    {
        // The 9th's deadline is the 11th at 00:00; UA's first post after the 8th's comes half an hour later.
        var posts = Daily("UA 2025-05-09", "UA 2025-05-10", "UA 2025-05-11");
        posts.Add(Post("UA", "2025-05-11T00:30:00+03:00"));

        var result = Status(posts, "2025-05-13");

        result.Status.ShouldBe(ObligationStatus.Missed);
        result.Detail.ShouldStartWith("UA published no incident report for 2025-05-09 by 2025-05-11T00:00:00+03:00");
    }

    [Fact]
    public void Without_the_statements_of_a_party_or_outside_their_span_nothing_is_concluded()
    {
        Status(null, "2025-05-13").Status.ShouldBe(ObligationStatus.Unknown);
        var one = Status(Daily().Where(n => n.Party.Value == "UA").ToList(), "2025-05-13");
        one.Status.ShouldBe(ObligationStatus.Unknown);
        one.Detail.ShouldBe("no statements of RU are loaded");

        var early = Status(Daily().Where(n => n.PostedAt < new DateTimeOffset(2025, 5, 9, 0, 0, 0, TimeSpan.FromHours(3))).ToList(), "2025-05-20");
        early.Status.ShouldBe(ObligationStatus.Unknown);
        early.Detail.ShouldContain("not 2025-05-08");
    }
}
