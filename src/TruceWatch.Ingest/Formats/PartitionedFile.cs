using TruceWatch.Core.Reports;

namespace TruceWatch.Ingest.Formats;

/// <summary>
/// Reads one CSV file as several independent parts on several cores: the file is cut at row boundaries (a newline outside quotes),
/// each part is read by its own <see cref="IReportFormat.Read"/> with the header in front of it, and each part folds its items into
/// its own accumulator. Nothing is shared while reading, so nothing is locked; the caller merges the accumulators.
/// Memory is bounded by the format's own streaming, not by the file.
/// </summary>
public static class PartitionedFile
{
    /// <summary>Files smaller than this are read in one part: splitting costs more than it saves.</summary>
    public const long MinimumSplitBytes = 4 << 20;

    /// <summary>
    /// Folds every item of <paramref name="path"/> into per-part accumulators, in parallel, and returns them in file order. Line numbers
    /// of rejected rows are those of the whole file.
    /// </summary>
    public static TAccumulator[] Fold<TAccumulator>(
        string path, IReportFormat format, int parts, Func<TAccumulator> seed, Action<TAccumulator, ImportItem> step, CancellationToken cancellationToken = default) =>
        ForEachPart(path, parts, seed, (accumulator, reader, range) =>
        {
            foreach (var item in format.Read(reader, cancellationToken))
            {
                step(accumulator, range.LinesBefore == 0 || item is not ImportItem.Rejected r ? item : Shift(r, range.LinesBefore));
            }
        }, cancellationToken);

    /// <summary>
    /// Hands each part of <paramref name="path"/> (as text, header first) to <paramref name="read"/> with its own accumulator, in parallel,
    /// and returns the accumulators in file order: for readers other than <see cref="IReportFormat.Read"/>. Rejected rows' line numbers
    /// are the part's; add <see cref="Range.LinesBefore"/> (or use <see cref="Shift(QuarantinedRow, long)"/>) for the whole file's.
    /// </summary>
    public static TAccumulator[] ForEachPart<TAccumulator>(
        string path, int parts, Func<TAccumulator> seed, Action<TAccumulator, TextReader, Range> read, CancellationToken cancellationToken = default)
    {
        var ranges = Split(path, parts);
        var results = new TAccumulator[ranges.Count];
        Parallel.For(0, ranges.Count, new ParallelOptions { MaxDegreeOfParallelism = ranges.Count, CancellationToken = cancellationToken }, i =>
        {
            var accumulator = seed();
            var range = ranges[i];
            using (var reader = OpenText(path, range))
            {
                read(accumulator, reader, range);
            }

            results[i] = accumulator;
        });
        return results;
    }

    /// <summary>A row rejected in a part, with the line number (and the reason's "line N:") of the whole file.</summary>
    public static QuarantinedRow Shift(QuarantinedRow row, long linesBefore)
    {
        if (linesBefore == 0)
        {
            return row;
        }

        var prefix = $"line {row.Line}:";
        var reason = row.Reason.StartsWith(prefix, StringComparison.Ordinal) ? $"line {row.Line + linesBefore}:{row.Reason[prefix.Length..]}" : row.Reason;
        return row with { Line = row.Line + linesBefore, Reason = reason };
    }

    /// <summary>One part of a file as text: the header line, then the part's rows.</summary>
    public static TextReader OpenText(string path, Range range) =>
        new StreamReader(new PartStream(path, range), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);

    /// <summary>A part of a file: the header bytes, then the bytes [Start, End); <see cref="LinesBefore"/> lines of data precede it.</summary>
    public sealed record Range(int HeaderLength, long Start, long End, long LinesBefore);

    /// <summary>Cuts the file into at most <paramref name="parts"/> ranges of about equal size, each starting at the start of a row.</summary>
    public static IReadOnlyList<Range> Split(string path, int parts)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var length = file.Length;
        var buffer = new byte[1 << 20];
        var read = file.Read(buffer, 0, buffer.Length);
        var headerEnd = buffer.AsSpan(0, read).IndexOf((byte)'\n');
        if (headerEnd < 0 || parts < 2 || length < MinimumSplitBytes)
        {
            return [new Range(0, 0, length, 0)];
        }

        var headerLength = headerEnd + 1;
        var ranges = new List<Range>(parts);
        var start = (long)headerLength;
        var linesBefore = 0L;

        // Walk the file once, counting quotes and newlines: a newline is a row boundary only when the quotes before it are balanced
        // ("" inside a quoted field counts twice, so the parity rule holds for RFC 4180).
        var quotes = 0L;
        var lines = 0L;
        var position = 0L;
        var chunkStart = 0L;
        var next = 1;
        var target = length * next / parts;
        var span = buffer.AsSpan(0, read);
        while (true)
        {
            var i = (int)(position - chunkStart);
            while (i < span.Length)
            {
                // Short of where the next cut may fall only the counts matter: count quotes and newlines a vector at a time.
                var cutFrom = target - 1 - chunkStart;
                if (i < cutFrom)
                {
                    var end = (int)Math.Min(span.Length, cutFrom);
                    ReadOnlySpan<byte> block = span[i..end];
                    quotes += block.Count((byte)'"');
                    var newlines = block.Count((byte)'\n');
                    if (chunkStart + i < headerLength && headerLength <= chunkStart + end)
                    {
                        newlines--; // the header's own
                    }

                    lines += newlines;
                    i = end;
                    continue;
                }

                var b = span[i];
                if (b == (byte)'"')
                {
                    quotes++;
                }
                else if (b == (byte)'\n')
                {
                    if (chunkStart + i >= headerLength)
                    {
                        lines++;
                    }

                    if (chunkStart + i + 1 >= target && (quotes & 1) == 0 && chunkStart + i + 1 > start)
                    {
                        var cut = chunkStart + i + 1;
                        ranges.Add(new Range(headerLength, start, cut, linesBefore));
                        start = cut;
                        linesBefore = lines;
                        next++;
                        if (next >= parts)
                        {
                            ranges.Add(new Range(headerLength, start, length, linesBefore));
                            return ranges;
                        }

                        target = length * next / parts;
                    }
                }

                i++;
            }

            chunkStart += span.Length;
            position = chunkStart;
            read = file.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                break;
            }

            span = buffer.AsSpan(0, read);
        }

        if (start < length)
        {
            ranges.Add(new Range(headerLength, start, length, linesBefore));
        }

        return ranges;
    }

    private static ImportItem Shift(ImportItem.Rejected rejected, long lines) => new ImportItem.Rejected(Shift(rejected.Row, lines));

    /// <summary>The header of a file followed by one range of it, as one read-only stream.</summary>
    private sealed class PartStream : Stream
    {
        private readonly FileStream _file;
        private readonly Range _range;
        private long _header;
        private long _position;

        public PartStream(string path, Range range)
        {
            _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            _range = range;
            _position = range.Start;
            if (range.Start == 0)
            {
                _header = range.HeaderLength;
            }
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_header < _range.HeaderLength)
            {
                _file.Position = _header;
                var n = _file.Read(buffer[..(int)Math.Min(buffer.Length, _range.HeaderLength - _header)]);
                _header += n;
                return n;
            }

            var left = _range.End - _position;
            if (left <= 0)
            {
                return 0;
            }

            _file.Position = _position;
            var read = _file.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _file.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
