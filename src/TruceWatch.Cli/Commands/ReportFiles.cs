using System.Text;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Formats;

namespace TruceWatch.Cli.Commands;

/// <summary>Opening an input file and choosing its format.</summary>
internal static class ReportFiles
{
    public static StreamReader Open(string path) =>
        new(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true,
            new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 1 << 16 });

    /// <summary>The format named, or for <c>auto</c> the one whose header the file's first line matches; <c>null</c> with an error otherwise.</summary>
    public static IReportFormat? Choose(string path, string formatName, out string? error)
    {
        error = null;
        var registry = FormatRegistry.Default;
        if (!string.Equals(formatName, "auto", StringComparison.OrdinalIgnoreCase))
        {
            var named = registry.ByName(formatName);
            if (named is null)
            {
                error = $"unknown format '{formatName}' (known: auto, {string.Join(", ", registry.All.Select(f => f.Name))})";
            }

            return named;
        }

        using var reader = Open(path);
        var header = reader.ReadLine() ?? "";
        var detected = registry.Detect(header);
        if (detected is null)
        {
            var shown = header.Length > 120 ? header[..120] + "…" : header;
            error = $"{path}:1: cannot tell the format from the header '{shown}' (known: {string.Join(", ", registry.All.Select(f => f.Name))}; pass --format)";
        }

        return detected;
    }

    /// <summary>Every accepted report of a file, in file order, with the rejected rows counted.</summary>
    public static (List<Report> Reports, List<QuarantinedRow> Rejected) ReadAll(string path, IReportFormat format, CancellationToken cancellationToken)
    {
        var reports = new List<Report>();
        var rejected = new List<QuarantinedRow>();
        using var reader = Open(path);
        foreach (var item in format.Read(reader, cancellationToken))
        {
            switch (item)
            {
                case ImportItem.Accepted a:
                    reports.Add(a.Record.Report);
                    break;
                case ImportItem.Rejected r:
                    rejected.Add(r.Row);
                    break;
            }
        }

        return (reports, rejected);
    }
}
