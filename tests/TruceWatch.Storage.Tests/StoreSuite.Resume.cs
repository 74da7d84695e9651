using Shouldly;
using Xunit;
using TruceWatch.Core.Reports;

namespace TruceWatch.Storage.Tests;

/// <summary>Resumable imports: a run that dies part-way is continued by the next run of the same bytes, from its last checkpoint.</summary>
public abstract partial class StoreSuite
{
    private const string ContentSha = "3f1c2a9be07d44c1a0b56e7f8d9c0b1a2e3f4d5c6b7a8e9f0a1b2c3d4e5f6a7b";

    [Fact]
    public async Task An_import_that_died_after_two_batches_is_continued_from_its_checkpoint_and_ends_as_one_clean_import()
    {
        await using var store = await OpenFreshAsync();
        var all = Items(Generated(60_000) + "s,bad,,2025-13-01,,RU,,,,,,,,,,,,,,,\n").ToList();
        var request = new ImportRequest("big.csv", "canonical", ContentSha);

        // The reader dies at row 55,000: the batches ending at 25,000 and 50,000 are committed, the third is rolled back.
        await Should.ThrowAsync<IOException>(() => store.ImportAsync(request, DiesAt(all, 55_000), cancellationToken: TestContext.Current.CancellationToken));
        (await store.CountReportsAsync(TestContext.Current.CancellationToken)).ShouldBe(50_000);

        var rerun = await store.ImportAsync(request, all, cancellationToken: TestContext.Current.CancellationToken);

        rerun.ResumedAt.ShouldBe(50_000);
        (rerun.Accepted, rerun.Duplicates, rerun.Quarantined).ShouldBe((60_000L, 0L, 1L));
        var stored = await All(store);
        stored.Select(r => r.Report.Key).ShouldBe(all.OfType<ImportItem.Accepted>().Select(a => a.Record.Report.Key), ignoreOrder: true);
        (await store.QuarantineAsync(cancellationToken: TestContext.Current.CancellationToken)).ShouldHaveSingleItem().Line.ShouldBe(60_002);

        var ledger = await Ledger(store);
        ledger.Count(e => e.Kind == "import").ShouldBe(1);
        ledger.Single(e => e.Kind == "import.resumed").Payload.ShouldBe("""{"from_row":50000}""");
        ledger.Single(e => e.Kind == "import.finished").Payload.ShouldContain("\"accepted\":60000");
        ReportsNamed(ledger).Count.ShouldBe(60_000);
        (await store.VerifyLedgerAsync(TestContext.Current.CancellationToken)).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_finished_import_is_not_continued_and_other_bytes_start_an_import_of_their_own()
    {
        await using var store = await OpenFreshAsync();
        var first = await store.ImportAsync(new ImportRequest("a.csv", "canonical", ContentSha), Items(Generated(10)), cancellationToken: TestContext.Current.CancellationToken);
        var other = "0" + ContentSha[1..];
        await Should.ThrowAsync<IOException>(() =>
            store.ImportAsync(new ImportRequest("b.csv", "canonical", other), DiesAt(Items(Generated(30_000, from: 10)).ToList(), 26_000), cancellationToken: TestContext.Current.CancellationToken));

        var again = await store.ImportAsync(new ImportRequest("a.csv", "canonical", ContentSha), Items(Generated(10)), cancellationToken: TestContext.Current.CancellationToken);

        again.ResumedAt.ShouldBeNull();
        again.ImportId.ShouldNotBe(first.ImportId);
        (again.Accepted, again.Duplicates).ShouldBe((0L, 10L));

        // The same bytes in another format are another import too.
        var asOther = await store.ImportAsync(new ImportRequest("b.csv", "jsonl", other), Items(Generated(5, from: 10)), cancellationToken: TestContext.Current.CancellationToken);
        asOther.ResumedAt.ShouldBeNull();
    }

    [Fact]
    public async Task An_import_without_its_content_named_never_continues_another()
    {
        await using var store = await OpenFreshAsync();
        await Should.ThrowAsync<IOException>(() =>
            store.ImportAsync(new ImportRequest("b.csv", "canonical", ContentSha), DiesAt(Items(Generated(30_000)).ToList(), 26_000), cancellationToken: TestContext.Current.CancellationToken));

        var plain = await store.ImportAsync(new ImportRequest("b.csv", "canonical"), Items(Generated(30_000)), cancellationToken: TestContext.Current.CancellationToken);

        plain.ResumedAt.ShouldBeNull();
        (plain.Accepted, plain.Duplicates).ShouldBe((5_000L, 25_000L));
    }

    /// <summary>The rows of <paramref name="items"/> up to <paramref name="row"/>, then the failure a crashing reader (or a dying disk) gives.</summary>
    private static IEnumerable<ImportItem> DiesAt(IReadOnlyList<ImportItem> items, int row)
    {
        for (var i = 0; i < row; i++)
        {
            yield return items[i];
        }

        throw new IOException($"the reader died at row {row}");
    }
}
