using System.Reflection;
using System.Text;

namespace TruceWatch.Ingest.Reference;

/// <summary>The small bundled reference tables (weapon catalog, gazetteer): read from the assembly, one record a line.</summary>
internal static class ReferenceFile
{
    /// <summary>The text of an embedded resource; a missing one is a build error, so it throws.</summary>
    public static string Read(string resourceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The bundled reference file {resourceName} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The data lines with their 1-based numbers: the header line, blank lines and <c>#</c> comments are skipped.</summary>
    public static IEnumerable<(int Line, string Text)> DataLines(string text)
    {
        using var reader = new StringReader(text);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 || string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            yield return (lineNumber, line);
        }
    }
}
