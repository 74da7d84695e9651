using System.Text;
using Shouldly;
using TruceWatch.Ingest.Formats;
using Xunit;

namespace TruceWatch.Ingest.Tests.Formats;

public sealed class PartitionedFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trucewatch-parts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Parts_start_at_the_first_row_boundary_past_their_share_and_know_the_lines_before_them(int parts)
    {
        // Quoted fields with newlines and doubled quotes in them, so a newline is a row boundary only where the quotes balance.
        var path = Path.Combine(_dir, "rows.csv");
        var text = new StringBuilder("source,\"a \"\"quoted\"\" header\",description\n");
        var random = new Random(7);
        for (var i = 0; text.Length < (PartitionedFile.MinimumSplitBytes * 2) + 12345; i++)
        {
            text.Append("s,").Append(i).Append(',');
            text.Append(random.Next(4) switch
            {
                0 => "\"two\nlines\"",
                1 => "\"a \"\"quote\"\" and\n\n blank line\"",
                2 => new string('x', random.Next(200)),
                _ => "",
            });
            text.Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        var bytes = File.ReadAllBytes(path);

        var ranges = PartitionedFile.Split(path, parts);

        ranges.Count.ShouldBe(parts);
        ranges.ShouldBe(Reference(bytes, parts));
        ranges[^1].End.ShouldBe(bytes.Length);
    }

    /// <summary>The rule, byte by byte: the first newline at or past each share's end with balanced quotes before it.</summary>
    private static List<PartitionedFile.Range> Reference(byte[] bytes, int parts)
    {
        var headerLength = Array.IndexOf(bytes, (byte)'\n') + 1;
        var ranges = new List<PartitionedFile.Range>();
        long start = headerLength, linesBefore = 0, quotes = 0, lines = 0;
        var next = 1;
        for (var i = 0; i < bytes.Length && next < parts; i++)
        {
            if (bytes[i] == (byte)'"')
            {
                quotes++;
            }
            else if (bytes[i] == (byte)'\n')
            {
                lines += i >= headerLength ? 1 : 0;
                if (i + 1 >= (long)bytes.Length * next / parts && quotes % 2 == 0 && i + 1 > start)
                {
                    ranges.Add(new PartitionedFile.Range(headerLength, start, i + 1, linesBefore));
                    (start, linesBefore) = (i + 1, lines);
                    next++;
                }
            }
        }

        ranges.Add(new PartitionedFile.Range(headerLength, start, bytes.Length, linesBefore));
        return ranges;
    }
}
