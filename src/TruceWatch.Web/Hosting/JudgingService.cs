using TruceWatch.Ingest.Terms;
using TruceWatch.Storage;
using TruceWatch.Storage.Judging;

namespace TruceWatch.Web.Hosting;

/// <summary>
/// Keeps the stored verdicts current while the server runs: on start and then every minute it records the agreements' terms versions
/// (a changed terms file is a new version, and everything is judged again under it), queues what is not yet judged (new imports) and
/// works the queue. Other workers (<c>trucewatch work</c>, other servers) share the same queue.
/// </summary>
internal sealed partial class JudgingService(IReportStore store, AgreementLibrary library, Core.Geography.IGeography map, TimeProvider time, ILogger<JudgingService> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var terms = library.Files.Where(f => f.Result.IsValid).Select(f => TermsInForce.Of(f.Result.Agreement!, f.Path)).ToList();
        var worker = new JudgingWorker(store, terms, $"serve:{Environment.MachineName}:{Environment.ProcessId}", map);
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                var queued = await worker.QueueAsync(stoppingToken).ConfigureAwait(false);
                var done = await worker.DrainAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                if (queued > 0 || done.Jobs > 0)
                {
                    Judged(logger, done.Verdicts, done.Jobs, done.Failed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Judged {Verdicts} reports in {Jobs} jobs ({Failed} failed)")]
    private static partial void Judged(ILogger logger, long verdicts, int jobs, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Judging stopped with an error; trying again in a minute")]
    private static partial void Failed(ILogger logger, Exception error);
}
