using System.Security.Cryptography;
using Shouldly;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Ingest.Terms;
using TruceWatch.Storage.Judging;
using Xunit;

namespace TruceWatch.Storage.Tests;

/// <summary>The storage suite's judging part: terms versions, the shared job queue, stored verdicts and their ledger entries.</summary>
public abstract partial class StoreSuite
{
    private static readonly TimeSpan Stale = JudgingWorker.StaleAfter;

    /// <summary>The bundled agreements with the SHA-256 of their files, as the CLI and the server hold them.</summary>
    protected static IReadOnlyList<TermsInForce> BundledTerms() =>
        [.. AgreementLibrary.Load(Repo.Agreements).Files.Where(f => f.Result.IsValid)
            .Select(f => new TermsInForce(f.Result.Agreement!, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f.Path)))))];

    [Fact]
    public async Task Queued_jobs_judge_every_stored_report_once_per_agreement_as_the_judge_does_and_record_it_in_the_ledger()
    {
        await using var store = await OpenFreshAsync();
        await Import(store, File.ReadAllText(Repo.Data("ua-strikes-on-russian-energy", "reports.csv")), "reports.csv");
        await Import(store, Generated(2_500), "generated.csv");
        var terms = BundledTerms();
        var worker = new JudgingWorker(store, terms, "w1");

        var queued = await worker.QueueAsync(TestContext.Current.CancellationToken);
        var done = await worker.DrainAsync(cancellationToken: TestContext.Current.CancellationToken);

        queued.ShouldBe(terms.Count * 3, "2,567 reports make 3 jobs of up to 1,000 per agreement");
        done.Jobs.ShouldBe(queued);
        done.Verdicts.ShouldBe(terms.Count * 2_567L);
        var reports = await All(store);
        foreach (var t in terms)
        {
            var stored = new List<StoredAssessment>();
            await foreach (var a in store.AssessmentsAsync(t.Agreement.Id, TestContext.Current.CancellationToken))
            {
                stored.Add(a);
            }

            stored.Select(a => a.ReportId).ShouldBe(reports.Select(r => r.Id).Order());
            stored.ShouldAllBe(a => a.TermsSha256 == t.Sha256 && a.AgreementVersion == t.Agreement.Version);
            var expected = reports.ToDictionary(r => r.Id, r => Judge.Decide(Incident.FromReport(new IncidentId(r.Id), r.Report), t.Agreement).ToText());
            stored.ShouldAllBe(a => a.Verdict == expected[a.ReportId]);
            stored.Where(a => a.Verdict == "indeterminate").ShouldAllBe(a => a.Missing != null);
        }

        var ledger = await Ledger(store);
        ledger.Where(e => e.Kind == "terms").Select(e => e.Subject).Order().ShouldBe(terms.Select(t => $"agreement:{t.Agreement.Id}:v{t.Agreement.Version}").Order());
        ledger.Count(e => e.Kind == "assessments").ShouldBe(queued);
        (await Verify(store)).IsIntact.ShouldBeTrue();
        (await store.JudgingJobsAsync(TestContext.Current.CancellationToken)).ShouldBe(new JobCounts(0, 0, queued, 0));
    }

    [Fact]
    public async Task After_new_reports_only_they_are_queued_and_after_the_terms_change_everything_is_judged_again()
    {
        await using var store = await OpenFreshAsync();
        await Import(store, Generated(1_500));
        var terms = BundledTerms().Take(1).ToList();
        var worker = new JudgingWorker(store, terms, "w1");
        await worker.QueueAsync(TestContext.Current.CancellationToken);
        await worker.DrainAsync(cancellationToken: TestContext.Current.CancellationToken);

        var nothingNew = await worker.QueueAsync(TestContext.Current.CancellationToken);
        await Import(store, Generated(10, from: 5_000));
        var onlyNew = await worker.QueueAsync(TestContext.Current.CancellationToken);
        var newDone = await worker.DrainAsync(cancellationToken: TestContext.Current.CancellationToken);
        var changed = new[] { terms[0] with { Sha256 = new string('a', 64) } };
        var rejudge = new JudgingWorker(store, changed, "w2");
        var all = await rejudge.QueueAsync(TestContext.Current.CancellationToken);
        var allDone = await rejudge.DrainAsync(cancellationToken: TestContext.Current.CancellationToken);

        nothingNew.ShouldBe(0);
        onlyNew.ShouldBe(1);
        newDone.Verdicts.ShouldBe(10);
        all.ShouldBe(2);
        allDone.Verdicts.ShouldBe(1_510);
        (await Ledger(store)).Count(e => e.Kind == "terms").ShouldBe(2);
        await foreach (var a in store.AssessmentsAsync(terms[0].Agreement.Id, TestContext.Current.CancellationToken))
        {
            a.TermsSha256.ShouldBe(changed[0].Sha256);
        }
    }

    [Fact]
    public async Task Workers_sharing_one_queue_run_every_job_exactly_once()
    {
        await using var store = await OpenFreshAsync();
        await Import(store, Generated(6_000));
        var terms = BundledTerms();
        await new JudgingWorker(store, terms, "queue").QueueAsync(TestContext.Current.CancellationToken);
        var stores = new List<IReportStore>();
        for (var i = 0; i < 3; i++)
        {
            stores.Add(await ReopenAsync());
        }

        try
        {
            var results = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => new JudgingWorker(s, terms, $"w{i}").DrainAsync(cancellationToken: TestContext.Current.CancellationToken))));

            results.Sum(r => r.Jobs).ShouldBe(terms.Count * 6);
            results.Sum(r => r.Verdicts).ShouldBe(terms.Count * 6_000L);
            var ledger = await Ledger(store);
            ledger.Where(e => e.Kind == "assessments").Select(e => e.Subject).Distinct().Count().ShouldBe(terms.Count * 6);
            (await Verify(store)).IsIntact.ShouldBeTrue();
        }
        finally
        {
            foreach (var s in stores)
            {
                await s.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_job_whose_worker_went_silent_is_given_to_another_and_the_first_cannot_complete_it()
    {
        await using var store = await OpenFreshAsync();
        await Import(store, Generated(10));
        var terms = BundledTerms().Take(1).ToList();
        await new JudgingWorker(store, terms, "queue").QueueAsync(TestContext.Current.CancellationToken);

        var first = await store.ClaimJudgingJobAsync("silent", Stale, TestContext.Current.CancellationToken);
        var meanwhile = await store.ClaimJudgingJobAsync("other", Stale, TestContext.Current.CancellationToken);
        var retaken = await store.ClaimJudgingJobAsync("rescuer", TimeSpan.Zero, TestContext.Current.CancellationToken);
        var late = await store.CompleteJudgingJobAsync(first!, 1, [new StoredVerdict(1, "gen:0", "violation", "late", null)], TestContext.Current.CancellationToken);
        var rescued = await store.CompleteJudgingJobAsync(retaken!, 1, [new StoredVerdict(1, "gen:0", "violation", "rescued", null)], TestContext.Current.CancellationToken);

        first.ShouldNotBeNull();
        meanwhile.ShouldBeNull("the only job is held and not yet stale");
        retaken!.Id.ShouldBe(first.Id);
        retaken.Attempts.ShouldBe(2);
        late.ShouldBeFalse();
        rescued.ShouldBeTrue();
        (await store.JudgingJobsAsync(TestContext.Current.CancellationToken)).ShouldBe(new JobCounts(0, 0, 1, 0));
        (await Ledger(store)).Count(e => e.Kind == "assessments").ShouldBe(1);
    }

    [Fact]
    public async Task A_job_queued_under_terms_no_longer_in_force_is_set_aside_as_superseded()
    {
        await using var store = await OpenFreshAsync();
        await Import(store, Generated(10));
        var terms = BundledTerms().Take(1).ToList();
        await new JudgingWorker(store, terms, "old").QueueAsync(TestContext.Current.CancellationToken);

        var done = await new JudgingWorker(store, [terms[0] with { Sha256 = new string('b', 64) }], "new").DrainAsync(cancellationToken: TestContext.Current.CancellationToken);

        done.Superseded.ShouldBe(1);
        done.Jobs.ShouldBe(0);
        (await store.JudgingJobsAsync(TestContext.Current.CancellationToken)).Failed.ShouldBe(1);
    }
}
