using Shouldly;
using Xunit;

namespace TruceWatch.Cli.Tests;

/// <summary><c>trucewatch agreements diff</c> and the version in <c>assess</c> output, on amended terms.</summary>
public sealed class AmendmentCliTests : CliTest
{

    [Fact]
    public async Task Diff_shows_each_clause_added_removed_or_changed_between_two_versions()
    {
        File.Copy(Path.Combine(Repo.Root, "tests", "Shared", "amended-terms.yaml"), Path.Combine(Dir, "amended.yaml"));

        var lint = await Run("agreements", "lint", "amended.yaml");
        var added = await Run("agreements", "diff", "amended.yaml", "--from", "1", "--to", "2");
        var across = await Run("agreements", "diff", "amended.yaml", "--from", "2", "--to", "3");
        var missing = await Run("agreements", "diff", "amended.yaml", "--from", "1", "--to", "7");

        lint.ExitCode.ShouldBe(0, lint.ToString());
        added.ExitCode.ShouldBe(0, added.ToString());
        added.Stdout.ShouldContain("v2 in force from 2025-04-01T12:00:00+03:00: Ports added after the Black Sea talks");
        added.Stdout.ShouldContain("+ clause ports: binds all; prohibits target within [civilian.transport.port]");
        added.Stdout.ShouldContain("1 clause(s) changed");
        across.Stdout.ShouldContain("- clause ports:");
        across.Stdout.ShouldContain("~ clause energy:");
        across.Stdout.ShouldContain("now binds all; prohibits target within [energy]; counts hit");
        across.Stdout.ShouldContain("2 clause(s) changed");
        missing.ExitCode.ShouldBe(1);
        missing.Stderr.ShouldContain("amended has no version 7 (its versions: 1, 2, 3)");
    }
}
