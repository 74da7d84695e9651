using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace TruceWatch.Storage;

/// <summary>
/// Runs a lazy sequence (an import's parser) on another thread, a bounded number of chunks ahead of the consumer (the store's
/// writer), so parsing and writing use both cores. A sequence already in memory is returned as it is.
/// </summary>
internal static class ReadAhead
{
    private const int ChunkSize = 256;
    private const int ChunksAhead = 4;

    public static IEnumerable<T> Of<T>(IEnumerable<T> source, CancellationToken cancellationToken)
    {
        if (source is ICollection<T> or IReadOnlyCollection<T>)
        {
            return source;
        }

        return Pump(source, cancellationToken);
    }

    private static IEnumerable<T> Pump<T>(IEnumerable<T> source, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<T[]>(ChunksAhead);
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Run(() =>
        {
            try
            {
                var chunk = new List<T>(ChunkSize);
                foreach (var item in source)
                {
                    chunk.Add(item);
                    if (chunk.Count == ChunkSize)
                    {
                        queue.Add([.. chunk], stop.Token);
                        chunk.Clear();
                    }
                }

                if (chunk.Count > 0)
                {
                    queue.Add([.. chunk], stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped (or the caller cancelled); nothing more to read.
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, CancellationToken.None);

        try
        {
            foreach (var chunk in queue.GetConsumingEnumerable(cancellationToken))
            {
                foreach (var item in chunk)
                {
                    yield return item;
                }
            }

            producer.GetAwaiter().GetResult();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            producer.Wait(CancellationToken.None);
        }
    }
}
