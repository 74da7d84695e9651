using System.CommandLine;
using Spectre.Console;
using TruceWatch.Core.Judgement;
using TruceWatch.Ingest.Geography;
using TruceWatch.Ingest.Terms;
using TruceWatch.Storage;
using TruceWatch.Storage.Judging;
using TruceWatch.Storage.Postgres;

namespace TruceWatch.Cli.Commands;

/// <summary>
/// <c>trucewatch judge</c>: judges every stored report not yet judged under the current terms and stores the verdicts (with their ledger
/// entries); <c>trucewatch work</c>: a worker that takes judging jobs from the shared queue, for spreading the work over processes or nodes.
/// </summary>
internal static class JudgeCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var agreements = Agreements();
        var workers = new Option<int>("--workers") { Description = "Workers in this process (each takes its own jobs).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("judge", "Judge every stored report not yet judged under the current terms, and store the verdicts.") { db, agreements, workers };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(db)!, parse.GetValue(agreements) ?? [], parse.GetValue(workers), queue: true, watch: false, cancellationToken));
        return command;
    }

    public static Command CreateWork()
    {
        var db = CommonOptions.Db();
        var agreements = Agreements();
        var workers = new Option<int>("--workers") { Description = "Workers in this process.", DefaultValueFactory = _ => 1 };
        var watch = new Option<bool>("--watch") { Description = "Keep waiting for new jobs (every 5 s) instead of stopping when the queue is empty." };
        var command = new Command("work", "Take judging jobs from the store's shared queue until it is empty (or, with --watch, until stopped).") { db, agreements, workers, watch };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(db)!, parse.GetValue(agreements) ?? [], parse.GetValue(workers), queue: false, parse.GetValue(watch), cancellationToken));
        return command;
    }

    private static Option<string[]> Agreements() => new("--agreement")
    {
        Description = "Terms to judge with: a bundled agreement's id or a terms file (repeatable; default: every bundled agreement).",
        AllowMultipleArgumentsPerToken = true,
    };

    private static async Task<int> RunAsync(string db, string[] names, int workerCount, bool queue, bool watch, CancellationToken cancellationToken)
    {
        if (workerCount < 1)
        {
            return CommonOptions.Fail("--workers must be 1 or more");
        }

        if (!PostgresLocation.IsPostgres(db) && !File.Exists(db))
        {
            return CommonOptions.Fail($"{db}: no such store");
        }

        if (ResolveTerms(names) is not { } terms)
        {
            return 1;
        }

        await using var store = await StoreFactory.OpenAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        var name = $"{Environment.MachineName}:{Environment.ProcessId}";
        if (queue)
        {
            var queued = await new JudgingWorker(store, terms, name, MapGeography.Bundled).QueueAsync(cancellationToken).ConfigureAwait(false);
            Console.Error.WriteLine($"Queued {queued} job(s) of up to {JudgingWorker.JobSize:N0} reports under {string.Join(", ", terms.Select(t => $"{t.Agreement.Id} v{t.Agreement.Version}"))}");
        }

        var total = default(WorkDone);
        do
        {
            var progress = new Progress<WorkDone>(d => Console.Error.WriteLine($"  … {d.Jobs} job(s), {d.Verdicts:N0} verdicts"));
            var results = await Task.WhenAll(Enumerable.Range(1, workerCount).Select(i =>
                Task.Run(() => new JudgingWorker(store, terms, $"{name}/{i}", MapGeography.Bundled).DrainAsync(workerCount == 1 ? progress : null, cancellationToken), cancellationToken))).ConfigureAwait(false);
            total = results.Aggregate(total, (a, b) => new WorkDone(a.Jobs + b.Jobs, a.Verdicts + b.Verdicts, a.Failed + b.Failed, a.Superseded + b.Superseded));
            if (watch)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
        }
        while (watch && !cancellationToken.IsCancellationRequested);

        Console.WriteLine($"Ran {total.Jobs} job(s): {total.Verdicts:N0} verdicts stored" +
            (total.Failed > 0 ? $", {total.Failed} job(s) failed (retried up to {JudgingWorker.MaxAttempts} times)" : "") +
            (total.Superseded > 0 ? $", {total.Superseded} job(s) set aside: their terms are no longer in force" : ""));
        if (queue)
        {
            await PrintTallyAsync(store, terms, cancellationToken).ConfigureAwait(false);
        }

        var counts = await store.JudgingJobsAsync(cancellationToken).ConfigureAwait(false);
        return counts.Failed > 0 && total.Failed > 0 ? 2 : 0;
    }

    /// <summary>The stored verdicts per agreement: what the judged store now says.</summary>
    private static async Task PrintTallyAsync(IReportStore store, IReadOnlyList<TermsInForce> terms, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumn("agreement");
        foreach (var v in Verdicts.All)
        {
            table.AddColumn(new TableColumn(v.ToText()).RightAligned());
        }

        foreach (var t in terms)
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            await foreach (var a in store.AssessmentsAsync(t.Agreement.Id, cancellationToken).ConfigureAwait(false))
            {
                counts[a.Verdict] = counts.GetValueOrDefault(a.Verdict) + 1;
            }

            table.AddRow([Markup.Escape($"{t.Agreement.Id} v{t.Agreement.Version}"), .. Verdicts.All.Select(v => counts.GetValueOrDefault(v.ToText()).ToString("N0", System.Globalization.CultureInfo.InvariantCulture))]);
        }

        AnsiConsole.Write(table);
    }

    /// <summary>The named terms (ids or files) with their files' hashes, or every bundled agreement; <c>null</c> after printing why not.</summary>
    private static List<TermsInForce>? ResolveTerms(string[] names)
    {
        var library = AgreementLibrary.Bundled();
        if (names.Length == 0)
        {
            var all = library.Files.Where(f => f.Result.IsValid).Select(f => TermsInForce.Of(f.Result.Agreement!, f.Path)).ToList();
            if (all.Count == 0)
            {
                CommonOptions.Fail("no bundled agreements found (set TRUCEWATCH_AGREEMENTS or pass --agreement FILE)");
                return null;
            }

            return all;
        }

        var terms = new List<TermsInForce>();
        foreach (var name in names)
        {
            if (CommonOptions.ResolveTerms(library, name) is not { } agreement)
            {
                return null;
            }

            var path = File.Exists(name) ? name : library.Files.First(f => f.Result.IsValid && f.Result.Agreement!.Id == agreement.Id).Path;
            terms.Add(TermsInForce.Of(agreement, path));
        }

        return terms;
    }
}
