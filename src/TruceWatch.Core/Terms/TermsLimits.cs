using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TruceWatch.Core.Terms;

/// <summary>
/// Bounds on what a terms file may be before it is read into a tree: a size and a nesting depth. YamlDotNet builds its node tree by
/// recursion, so thousands of nested <c>[</c> would overflow the stack and end the process; the event parser used here to measure the
/// depth first is a state machine and does not recurse. Real terms are a few kilobytes, nested five or six levels.
/// </summary>
public static class TermsLimits
{
    /// <summary>The longest terms text read, in characters (1 MiB of ASCII).</summary>
    public const int MaxCharacters = 1 << 20;

    /// <summary>The deepest nesting of lists and mappings read.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// Adds an error at its place and returns <c>true</c> when <paramref name="yaml"/> is too long or too deeply nested to read, or holds a
    /// control character YAML does not allow.
    /// </summary>
    internal static bool Check(string yaml, TermsDiagnostics errors)
    {
        if (yaml.Length > MaxCharacters)
        {
            var (line, column) = Position(yaml, MaxCharacters);
            errors.List.Add(new TermsDiagnostic(Severity.Error, line, column,
                $"the terms are {yaml.Length:N0} characters long; at most {MaxCharacters:N0} are read (this is where the limit falls)"));
            return true;
        }

        // YAML allows no control characters but tab and line breaks; YamlDotNet does not always say so with a position (a NUL in a
        // comment makes it throw an ArgumentException from deep inside), so they are found here first.
        for (var i = 0; i < yaml.Length; i++)
        {
            if (yaml[i] is (< ' ' and not ('\t' or '\n' or '\r')) or '\u007F')
            {
                var (line, column) = Position(yaml, i);
                errors.List.Add(new TermsDiagnostic(Severity.Error, line, column, $"YAML syntax: control character U+{(int)yaml[i]:X4} is not allowed in YAML"));
                return true;
            }
        }

        try
        {
            var parser = new Parser(new StringReader(yaml));
            var depth = 0;
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > MaxDepth)
                        {
                            errors.Add(parser.Current.Start, $"lists and mappings are nested more than {MaxDepth} deep here; terms need a handful of levels");
                            return true;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // Syntax errors are reported, with their place, by the full reading that follows.
        }
        catch (InvalidOperationException)
        {
            // Likewise (YamlDotNet's scanner throws this for some malformed input).
        }

        return false;
    }

    /// <summary>The 1-based line and column of character <paramref name="index"/>.</summary>
    internal static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var start = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                start = i + 1;
            }
        }

        return (line, index - start + 1);
    }
}
