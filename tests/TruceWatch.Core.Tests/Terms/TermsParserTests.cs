using TruceWatch.Core.Agreements;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Terms;

public sealed class TermsParserTests
{
    private const string Header = """
        id: test-terms
        version: 1
        title: Test terms
        parties: [UA, RU]
        """;

    private static TermsResult Parse(string yaml)
    {
        TermsResult? result = null;
        Should.NotThrow(() => result = TermsParser.Parse(yaml), "bad terms must come back as diagnostics, never as an exception");
        return result!;
    }

    private static string Show(TermsResult result) => string.Join(Environment.NewLine, result.Diagnostics);

    private static TermsDiagnostic SingleError(TermsResult result)
    {
        result.Agreement.ShouldBeNull();
        result.IsValid.ShouldBeFalse();
        var error = result.Diagnostics.ShouldHaveSingleItem(Show(result));
        error.Severity.ShouldBe(Severity.Error);
        return error;
    }

    [Fact]
    public void A_file_with_many_mistakes_reports_every_one_with_its_line_and_column()
    {
        const string yaml = """
            id: several-mistakes
            version: 1
            title: Terms with several mistakes
            status: signed
            parties: [UA, R]
            window: { start: 2025-03-18T00:00:00+03:00, duration: P30X }
            colour: blue
            clauses:
              - id: first
                binds: [BY]
                prohibits:
                  domain: [air, space]
                  target: [energi, substation]
                except:
                  - targets: [military]
              - id: second
                prohibits: { means: [missile] }
                severity: high
            """;

        var result = Parse(yaml);

        result.Agreement.ShouldBeNull();
        result.IsValid.ShouldBeFalse();
        var found = result.Diagnostics.Select(d => (d.Line, d.Column)).ToList();
        (int Line, int Column, string Says)[] expected =
        [
            (4, 9, "status 'signed' is not one of proposed, in-force, lapsed, collapsed"),
            (5, 15, "'R' is not a party code"),
            (6, 55, "duration 'P30X' is not an ISO 8601 duration"),
            (7, 1, "unknown key 'colour' in agreement"),
            (10, 13, "binds names BY, which is not among the parties"),
            (12, 21, "domain 'space' is not one of air, sea, land"),
            (13, 16, "target 'energi' is not in the target taxonomy (roots: civilian, energy, military, unknown)"),
            (13, 24, "target 'substation' is not in the target taxonomy (did you mean energy.grid.substation?)"),
            (15, 9, "unknown key 'targets' in except"),
            (15, 9, "except names no condition"),
            (18, 5, "unknown key 'severity' in clause"),
        ];
        foreach (var (line, column, says) in expected)
        {
            result.Diagnostics.ShouldContain(
                d => d.Line == line && d.Column == column && d.Message.Contains(says, StringComparison.Ordinal) && d.Severity == Severity.Error,
                $"expected {line}:{column} {says}{Environment.NewLine}got:{Environment.NewLine}{Show(result)}");
        }

        result.Diagnostics.Count.ShouldBe(expected.Length, Show(result));
        found.ShouldNotBeEmpty();
    }

    public static TheoryData<string, int, int, string> SingleMistakes => new()
    {
        {
            Header + "\n",
            1, 1, "missing 'clauses'"
        },
        {
            Header + "\nwindow: { start: 2025-03-18T00:00:00+03:00, end: 2025-04-17T00:00:00+03:00, duration: P30D }\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n",
            5, 87, "give either 'end' or 'duration', not both"
        },
        {
            Header + "\nwindow: { start: 2025-03-18T00:00:00+03:00, duration: thirty days }\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n",
            5, 55, "duration 'thirty days' is not an ISO 8601 duration (e.g. P30D, PT30H, P1M)"
        },
        {
            Header + "\nwindow: { start: 2025-03-18T00:00:00+03:00, end: 2025-03-01T00:00:00+03:00 }\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n",
            5, 50, "the window ends before it starts"
        },
        {
            Header + "\nwindow: { start: 2025-03-18T00:00:00 }\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n",
            5, 18, "start '2025-03-18T00:00:00' must be an ISO 8601 time with offset"
        },
        {
            Header + "\nwindow: { start: 2025-03-18 }\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n",
            5, 18, "start '2025-03-18' must be an ISO 8601 time with offset"
        },
        {
            Header + "\nwindow: { duration: P30D }\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n",
            5, 9, "a window needs a start, an end, or both"
        },
        {
            Header + "\nclauses:\n  - id: a\n    prohibits: { target: [energy.grid.substations] }\n",
            7, 27, "target 'energy.grid.substations' is not in the target taxonomy (did you mean energy, energy.grid, energy.grid.substation?)"
        },
        {
            Header + "\nclauses:\n  - id: a\n    prohibits: { means: [cruise] }\n",
            7, 26, "means 'cruise' is not in the means taxonomy (did you mean missile.cruise?)"
        },
        {
            Header + "\nclauses:\n  - id: a\n    prohibits: { target: [energy/grid] }\n",
            7, 27, "target 'energy/grid' is not a dot path"
        },
        {
            Header + "\nclauses:\n  - id: a\n    binds: [russia]\n    prohibits: { target: [energy] }\n",
            7, 13, "binds names RUSSIA, which is not among the parties [UA, RU]"
        },
        {
            Header + "\nclauses:\n  - id: a\n    binds: [X]\n    prohibits: { target: [energy] }\n",
            7, 13, "'X' is not a party code"
        },
        {
            Header + "\nclauses:\n  - id: a\n    binds: everyone\n    prohibits: { target: [energy] }\n",
            7, 12, "binds must be 'all' or a list of party codes"
        },
        {
            Header + "\nclauses:\n  - id: a\n    binds: all\n",
            6, 5, "clause 'a' needs 'prohibits'"
        },
        {
            Header + "\nclauses:\n  - id: a\n    prohibits: {}\n",
            7, 16, "prohibits names no condition (domain, means, target or where)"
        },
        {
            Header + "\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n  - id: a\n    prohibits: { target: [civilian] }\n",
            8, 9, "clause id 'a' is used twice"
        },
        {
            Header + "\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n    except: { target: [military] }\n",
            8, 13, "except must be a list of conditions"
        },
        {
            Header + "\nclauses: []\n",
            5, 10, "clauses must be a non-empty list"
        },
        {
            "id: t\nversion: 1\ntitle: T\nparties: [UA, RU, UA]\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n",
            4, 19, "party UA is listed twice"
        },
        {
            "id: t\nversion: 1\ntitle: T\nparties: []\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n",
            4, 10, "parties must be a non-empty list of party codes"
        },
        {
            "id: t\nversion: 1\ntitle: T\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n",
            1, 1, "missing 'parties'"
        },
        {
            "id: Energy Moratorium\nversion: 1\ntitle: T\nparties: [UA, RU]\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n",
            1, 5, "id 'Energy Moratorium' must be lower-case words joined by dashes"
        },
        {
            "id: t\nversion: 0\ntitle: T\nparties: [UA, RU]\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n",
            2, 10, "version must be a whole number from 1 up"
        },
        {
            "id: t\nversion: one\ntitle: T\nparties: [UA, RU]\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n",
            2, 10, "version must be a whole number from 1 up"
        },
        {
            "id: t\nversion: 1\ntitle: ''\nparties: [UA, RU]\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n",
            3, 8, "'title' must be a non-empty text"
        },
        {
            Header + "\nreciprocity: tit-for-tat\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n",
            5, 14, "reciprocity 'tit-for-tat' is not one of mutual, unilateral"
        },
        {
            Header + "\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\nobligations:\n  - id: pow\n    terms: all-for-all\n",
            9, 5, "missing 'kind'"
        },
        {
            "",
            1, 1, "terms must be a mapping"
        },
        {
            "- just\n- a list\n",
            1, 1, "terms must be a mapping"
        },
    };

    [Theory]
    [MemberData(nameof(SingleMistakes))]
    public void Each_mistake_is_reported_at_its_line_and_column(string yaml, int line, int column, string says)
    {
        var error = SingleError(Parse(yaml));
        error.Message.ShouldContain(says, Case.Sensitive);
        (error.Line, error.Column).ShouldBe((line, column), error.ToString());
    }

    [Fact]
    public void Bad_YAML_syntax_is_reported_at_its_place_and_stops_the_reading()
    {
        var result = Parse("""
            id: bad-syntax
            version: 1
            title: Truce: the sequel
            parties: [UA, RU
            """);

        var error = SingleError(result);
        error.Message.ShouldStartWith("YAML syntax: ");
        error.Message.ShouldNotStartWith("YAML syntax: (");
        (error.Line, error.Column).ShouldBe((3, 13), error.ToString());
    }

    [Fact]
    public void An_unclosed_flow_sequence_is_a_syntax_error_not_a_crash()
    {
        var error = SingleError(Parse(Header.Replace("parties: [UA, RU]", "parties: [UA, RU", StringComparison.Ordinal) + "\nclauses: []\n"));
        error.Message.ShouldStartWith("YAML syntax: ");
        error.Line.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public void A_key_given_twice_is_an_error_not_a_crash()
    {
        var result = Parse(Header + "\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\nclauses: []\n");
        result.IsValid.ShouldBeFalse(Show(result));
        result.Diagnostics.ShouldNotBeEmpty();
        result.Diagnostics[0].Line.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public void A_diagnostic_prints_as_line_colon_column_severity_message() =>
        new TermsDiagnostic(Severity.Error, 12, 7, "unknown key 'x'").ToString().ShouldBe("12:7: error: unknown key 'x'");

    [Theory]
    [InlineData("P99999Y")]
    [InlineData("P999999M")]
    [InlineData("P9999999D")]
    public void A_duration_too_long_for_the_calendar_is_an_error_not_a_crash(string duration)
    {
        var result = Parse(Header + $"\nwindow: {{ start: 2025-03-18T00:00:00+03:00, duration: {duration} }}\nclauses:\n  - id: a\n    prohibits: {{ target: [energy] }}\n");
        var error = SingleError(result);
        (error.Line, error.Column).ShouldBe((5, 55));
    }

    [Fact]
    public void A_window_in_UTC_written_with_Z_is_read()
    {
        var result = Parse(Header + "\nwindow: { start: 2025-03-17T21:00:00Z, end: 2025-04-16T21:00Z }\nclauses:\n  - id: a\n    prohibits: { target: [energy] }\n");
        result.Diagnostics.ShouldBeEmpty(Show(result));
        var window = result.Agreement.ShouldNotBeNull().Windows.ShouldHaveSingleItem();
        window.Start.ShouldBe(Bundled.EnergyMoratorium.Windows[0].Start);
        window.End.ShouldBe(Bundled.EnergyMoratorium.Windows[0].End);
    }

    [Fact]
    public void Every_feature_of_the_terms_language_is_read()
    {
        var a = Some.Agreement("""
            id: full-terms.v2
            version: 2
            title: Every feature
            status: in-force
            source: a test
            parties: [ua, RU, md]
            window:
              start: 2025-05-01T12:30+03:00
              end: 2025-06-01T00:00:00+00:00
            clauses:
              - id: sea
                note: the naval war
                binds: [RU, UA]
                prohibits:
                  domain: sea
                  means: [naval, missile.anti-ship]
                  target: [civilian.transport.port, energy.oil.terminal]
                except:
                  - target: military
                  - { domain: [land, air], means: drone.fpv }
            obligations:
              - id: pow
                kind: prisoner-exchange
                note: later
              - id: bodies
                kind: prisoner-exchange
                terms: 1000-for-1000
                ref: istanbul
            reciprocity: unilateral
            """);

        a.Id.ShouldBe("full-terms.v2");
        a.Version.ShouldBe(2);
        a.Status.ShouldBe(AgreementStatus.InForce);
        a.Parties.Select(p => p.Value).ShouldBe(["UA", "RU", "MD"]);
        a.Windows.ShouldHaveSingleItem().ShouldBe(new AgreementWindow(Some.Instant("2025-05-01T12:30:00+03:00"), Some.Instant("2025-06-01T00:00:00Z")));
        a.Reciprocity.ShouldBe(Reciprocity.Unilateral);
        a.Obligations.ShouldBe([new Obligation("pow", "prisoner-exchange", null), new Obligation("bodies", "prisoner-exchange", "1000-for-1000") { Count = 1000, Ref = "istanbul" }]);

        var clause = a.Clauses.ShouldHaveSingleItem();
        clause.Binds.IsAll.ShouldBeFalse();
        clause.Binds.Parties.ShouldBe([PartyCode.Russia, PartyCode.Ukraine]);
        clause.Binds.ToString().ShouldBe("[RU, UA]");
        clause.Prohibits.Domains.ShouldBe([StrikeDomain.Sea]);
        clause.Prohibits.Means.ShouldNotBeNull().Select(m => m.Value).ShouldBe(["naval", "missile.anti-ship"]);
        clause.Prohibits.Targets.ShouldNotBeNull().Select(t => t.Value).ShouldBe(["civilian.transport.port", "energy.oil.terminal"]);
        clause.Except.Count.ShouldBe(2);
        clause.Except[0].Targets.ShouldNotBeNull().Select(t => t.Value).ShouldBe(["military"]);
        clause.Except[1].Domains.ShouldBe([StrikeDomain.Land, StrikeDomain.Air]);
        clause.Except[1].Means.ShouldNotBeNull().Select(m => m.Value).ShouldBe(["drone.fpv"]);
    }

    [Theory]
    [InlineData("status: proposed", AgreementStatus.Proposed)]
    [InlineData("status: in-force", AgreementStatus.InForce)]
    [InlineData("status: lapsed", AgreementStatus.Lapsed)]
    [InlineData("status: collapsed", AgreementStatus.Collapsed)]
    [InlineData("", AgreementStatus.Proposed)]
    public void Status_is_read_and_defaults_to_proposed(string line, AgreementStatus expected) =>
        Some.Terms(line, "- id: a\n  prohibits: { target: [energy] }").Status.ShouldBe(expected);

    [Fact]
    public void Omitted_binds_reciprocity_window_and_obligations_take_their_defaults()
    {
        var a = Some.Terms("", "- id: a\n  prohibits: { target: [energy] }");
        a.Clauses[0].Binds.IsAll.ShouldBeTrue();
        a.Clauses[0].Binds.ToString().ShouldBe("all");
        a.Clauses[0].Except.ShouldBeEmpty();
        a.Reciprocity.ShouldBe(Reciprocity.Mutual);
        a.Windows.ShouldBeEmpty();
        a.Obligations.ShouldBeEmpty();
    }

    [Fact]
    public void Errors_in_different_clauses_and_sections_are_all_reported_together()
    {
        var result = Parse("""
            id: t
            version: 1
            title: T
            parties: [UA, RU]
            window: { start: 2025-03-18T00:00:00+03:00, end: 2025-04-17T00:00:00+03:00, duration: P30D }
            clauses:
              - id: a
                binds: [PL]
                prohibits: { target: [energi] }
              - id: b
                prohibits: { domain: [space] }
            """);

        result.Diagnostics.Select(d => (d.Line, d.Column)).ShouldBe([(5, 87), (8, 13), (9, 27), (11, 27)], ignoreOrder: true, Show(result));
    }
}
