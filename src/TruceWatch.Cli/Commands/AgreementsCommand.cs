using System.CommandLine;
using Spectre.Console;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Terms;
using TruceWatch.Ingest.Terms;

namespace TruceWatch.Cli.Commands;

/// <summary><c>trucewatch agreements list|show|lint</c>: the bundled terms, one agreement in full, and a check of terms files.</summary>
internal static class AgreementsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the bundled agreements.");
        list.SetAction(_ => List());

        var id = new Argument<string>("agreement") { Description = "A bundled agreement's id, or a terms file." };
        var show = new Command("show", "Show one agreement's terms as understood.") { id };
        show.SetAction(parse => Show(parse.GetValue(id)!));

        var files = new Argument<string[]>("files") { Description = "Terms files to check.", Arity = ArgumentArity.OneOrMore };
        var lint = new Command("lint", "Check terms files and report every error with line and column (exit 1 on any error).") { files };
        lint.SetAction(parse => Lint(parse.GetValue(files)!));

        var diffId = new Argument<string>("agreement") { Description = "A bundled agreement's id, or a terms file." };
        var fromVersion = new Option<int>("--from") { Description = "The older version.", Required = true };
        var toVersion = new Option<int>("--to") { Description = "The newer version.", Required = true };
        var diff = new Command("diff", "Show what changed, clause by clause, between two versions of amended terms.") { diffId, fromVersion, toVersion };
        diff.SetAction(parse => Diff(parse.GetValue(diffId)!, parse.GetValue(fromVersion), parse.GetValue(toVersion)));

        return new Command("agreements", "Bundled truce terms: list, show, lint, diff.") { list, show, lint, diff };
    }

    private static int List()
    {
        var library = AgreementLibrary.Bundled();
        if (library.Directory is null)
        {
            return CommonOptions.Fail("no agreements folder found (set TRUCEWATCH_AGREEMENTS)");
        }

        var table = new Table().AddColumns("id", "version", "status", "window", "parties", "title");
        foreach (var a in library.Agreements)
        {
            table.AddRow(
                Markup.Escape(a.Id), a.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Status.ToString(),
                Markup.Escape(a.Windows.Count == 0 ? "always" : string.Join("; ", a.Windows)),
                string.Join(", ", a.Parties), Markup.Escape(a.Title));
        }

        AnsiConsole.Write(table);
        var invalid = library.Files.Where(f => !f.Result.IsValid).ToList();
        foreach (var file in invalid)
        {
            Console.Error.WriteLine($"warning: {file.Path} does not load ({file.Result.Diagnostics.Count} error(s); run trucewatch agreements lint {file.Path})");
        }

        return 0;
    }

    private static int Show(string idOrFile)
    {
        if (CommonOptions.ResolveTerms(AgreementLibrary.Bundled(), idOrFile) is not { } a)
        {
            return 1;
        }

        Console.WriteLine($"{a.Title}");
        Console.WriteLine($"  id: {a.Id}  version: {a.Version}  status: {a.Status}  reciprocity: {a.Reciprocity}");
        Console.WriteLine($"  parties: {string.Join(", ", a.Parties)}");
        if (a.Windows.Count == 0)
        {
            Console.WriteLine("  window: none (always applies)");
        }

        foreach (var w in a.Windows)
        {
            var from = w.Start is { } s ? $"from {IsoTime.Format(s)} (inclusive)" : "from any time";
            var to = w.End is { } e ? $"to {IsoTime.Format(e)} (exclusive)" : "open-ended";
            Console.WriteLine($"  window{(w.Name is null ? "" : $" '{w.Name}'")}: {from} {to}{(w.Zone is null ? "" : $", written in {w.Zone}")}");
        }

        foreach (var c in a.Clauses)
        {
            Console.WriteLine($"  clause {c.Id}: binds {c.Binds}; prohibits {Describe(c.Prohibits)}");
            foreach (var exception in c.Except)
            {
                Console.WriteLine($"    except {Describe(exception)}");
            }

            if (c.Counts != Core.Agreements.StrikeStage.Launched)
            {
                Console.WriteLine($"    counts {c.Counts.ToString().ToLowerInvariant()}");
            }

            foreach (var w in c.Windows)
            {
                Console.WriteLine($"    only in {w}");
            }
        }

        foreach (var amendment in a.Amendments)
        {
            var changes = amendment.Add.Select(c => "+" + c.Id).Concat(amendment.Replace.Select(c => "~" + c.Id)).Concat(amendment.Remove.Select(id => "-" + id));
            Console.WriteLine($"  amendment v{amendment.Version} from {IsoTime.Format(amendment.From)}: {string.Join(" ", changes)}{(amendment.Note is null ? "" : $" ({amendment.Note})")}");
        }

        foreach (var reading in a.Interpretations)
        {
            Console.WriteLine($"  interpretation {reading.Name}{(reading.Note is null ? "" : $": {reading.Note}")}");
        }

        foreach (var o in a.Obligations)
        {
            Console.WriteLine($"  obligation {o.Id}: {o.Kind}{(o.Terms is null ? "" : $" ({o.Terms})")}{(o.Within is null ? "" : $" within {o.Within}")}");
        }

        foreach (var corridor in a.Corridors)
        {
            var ring = corridor.Ring;
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"  corridor {corridor.Name}: {ring.Count} corners, lat {ring.Min(p => p.Lat):0.###}–{ring.Max(p => p.Lat):0.###}, lon {ring.Min(p => p.Lon):0.###}–{ring.Max(p => p.Lon):0.###}"));
        }

        return 0;
    }

    private static int Diff(string idOrFile, int from, int to)
    {
        if (CommonOptions.ResolveTerms(AgreementLibrary.Bundled(), idOrFile) is not { } a)
        {
            return 1;
        }

        var versions = string.Join(", ", a.Amendments.Select(x => x.Version).Prepend(a.Version));
        if (a.AsOfVersion(from) is not { } older || a.AsOfVersion(to) is not { } newer)
        {
            return CommonOptions.Fail($"{a.Id} has no version {(a.AsOfVersion(from) is null ? from : to)} (its versions: {versions})");
        }

        Console.WriteLine($"{a.Id}: v{from} → v{to}");
        foreach (var amendment in a.Amendments.Where(x => x.Version > Math.Min(from, to) && x.Version <= Math.Max(from, to)))
        {
            Console.WriteLine($"  v{amendment.Version} in force from {IsoTime.Format(amendment.From)}{(amendment.Note is null ? "" : $": {amendment.Note}")}");
        }

        var changes = 0;
        foreach (var c in older.Clauses.Where(c => newer.Clauses.All(n => n.Id != c.Id)))
        {
            Console.WriteLine($"- clause {c.Id}: {Clause(c)}");
            changes++;
        }

        foreach (var c in newer.Clauses)
        {
            if (older.Clauses.FirstOrDefault(o => o.Id == c.Id) is not { } before)
            {
                Console.WriteLine($"+ clause {c.Id}: {Clause(c)}");
                changes++;
            }
            else if (Clause(before) != Clause(c))
            {
                Console.WriteLine($"~ clause {c.Id}:\n    was {Clause(before)}\n    now {Clause(c)}");
                changes++;
            }
        }

        Console.WriteLine(changes == 0 ? "no clause changed" : $"{changes} clause(s) changed");
        return 0;
    }

    private static string Clause(Core.Agreements.Clause c) =>
        $"binds {c.Binds}; prohibits {Describe(c.Prohibits)}{string.Concat(c.Except.Select(e => $"; except {Describe(e)}"))}" +
        (c.Counts == Core.Agreements.StrikeStage.Launched ? "" : $"; counts {c.Counts.ToString().ToLowerInvariant()}") +
        (c.Windows.Count == 0 ? "" : $"; only in {string.Join(" or ", c.Windows)}");

    private static string Describe(Core.Agreements.Criteria c)
    {
        var parts = new List<string>();
        if (c.Domains is { } d)
        {
            parts.Add($"domain in [{string.Join(", ", d.Select(x => x.ToText()))}]");
        }

        if (c.Means is { } m)
        {
            parts.Add($"means within [{string.Join(", ", m)}]");
        }

        if (c.Targets is { } t)
        {
            parts.Add($"target within [{string.Join(", ", t)}]");
        }

        if (c.Where is { } w)
        {
            var where = new List<string>();
            if (w.Countries is { } countries)
            {
                where.Add($"country in [{string.Join(", ", countries)}]");
            }

            if (w.Admin1 is { } admin1)
            {
                where.Add($"admin1 in [{string.Join(", ", admin1)}]");
            }

            if (w.Beyond is { } beyond)
            {
                where.Add(beyond.ToString());
            }

            if (w.Occupied != Core.Agreements.OccupiedRule.Include)
            {
                where.Add(w.Occupied == Core.Agreements.OccupiedRule.Exclude ? "not in occupied territory" : "only in occupied territory");
            }

            parts.Add($"where {string.Join(", ", where)}");
        }

        return parts.Count == 0 ? "anything" : string.Join(" and ", parts);
    }

    private static int Lint(string[] files)
    {
        var errors = 0;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"{file}: no such file");
                errors++;
                continue;
            }

            var result = AgreementLibrary.ParseFile(file);
            foreach (var d in result.Diagnostics)
            {
                Console.WriteLine($"{file}:{d}");
            }

            var count = result.Diagnostics.Count(d => d.Severity == Severity.Error);
            var warnings = result.Diagnostics.Count - count;
            errors += count;
            if (count == 0)
            {
                var with = warnings == 0 ? "" : $", {warnings} warning(s)";
                Console.WriteLine($"{file}: ok ({result.Agreement!.Id} v{result.Agreement.Version}, {result.Agreement.Clauses.Count} clause(s){with})");
            }
        }

        return errors > 0 ? 1 : 0;
    }
}
