using Shouldly;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;
using Xunit;

namespace TruceWatch.Core.Tests.Terms;

public sealed class TermsLintTests
{
    private const string Header = """
        id: lint-test
        version: 1
        title: Lint test
        parties: [UA, RU]
        clauses:
        """;

    private static List<TermsDiagnostic> Warnings(string clauses)
    {
        var result = TermsParser.Parse(Header + "\n" + clauses);
        result.IsValid.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        return [.. result.Diagnostics.Where(d => d.Severity == Severity.Warning)];
    }

    [Fact]
    public void An_excepted_target_outside_the_prohibited_targets_is_warned_about_where_it_is_written()
    {
        var warnings = Warnings("""
              - id: energy
                prohibits: { target: [energy, civilian] }
                except:
                  - target: [military]
            """);

        var warning = warnings.ShouldHaveSingleItem();
        (warning.Line, warning.Column).ShouldBe((9, 17));
        warning.Message.ShouldContain("except target 'military' lies outside the prohibited targets [energy, civilian]");
        warning.Message.ShouldContain("can never apply");
    }

    [Theory]
    [InlineData("{ target: [energy] }", "- target: [energy.grid]")]
    [InlineData("{ target: [energy.grid] }", "- target: [energy]")]
    [InlineData("{ domain: [air] }", "- target: [military]")]
    [InlineData("{ means: [missile] }", "- means: [missile.cruise]")]
    [InlineData("{ domain: [air, sea] }", "- domain: [sea]")]
    public void An_exception_that_overlaps_the_prohibition_is_not_warned_about(string prohibits, string except) =>
        Warnings($"""
              - id: c
                prohibits: {prohibits}
                except:
                  {except}
            """).ShouldBeEmpty();

    [Theory]
    [InlineData("{ means: [missile] }", "- means: [drone.fpv]", "except means 'drone.fpv'")]
    [InlineData("{ domain: [sea] }", "- domain: [land]", "except domain 'land'")]
    public void An_excepted_means_or_domain_outside_the_prohibition_is_warned_about(string prohibits, string except, string expected) =>
        Warnings($"""
              - id: c
                prohibits: {prohibits}
                except:
                  {except}
            """).ShouldHaveSingleItem().Message.ShouldContain(expected);

    [Fact]
    public void An_empty_list_in_a_prohibition_is_warned_about_as_a_clause_that_can_never_be_breached()
    {
        var warning = Warnings("""
              - id: c
                prohibits: { domain: [air], target: [] }
            """).ShouldHaveSingleItem();

        (warning.Line, warning.Column).ShouldBe((7, 41));
        warning.Message.ShouldContain("the clause can never be breached");
    }

    [Fact]
    public void Both_bundled_agreements_lint_clean()
    {
        foreach (var file in Bundled.Files())
        {
            TermsParser.Parse(Bundled.Text(file)).Diagnostics.ShouldBeEmpty(file);
        }
    }

    [Fact]
    public void Warnings_do_not_stop_the_terms_from_loading()
    {
        var result = TermsParser.Parse(Header + "\n  - id: c\n    prohibits: { target: [energy] }\n    except:\n      - target: [military]\n");

        result.IsValid.ShouldBeTrue();
        result.Agreement.ShouldNotBeNull().Clauses.ShouldHaveSingleItem().Except.ShouldHaveSingleItem();
    }
}
