using Shouldly;
using Xunit;

namespace TruceWatch.Cli.Tests;

/// <summary><c>trucewatch agreements show</c> on a terms file with the newer parts of the language.</summary>
public sealed class AgreementsShowCliTests : CliTest
{
    [Fact]
    public async Task Agreements_show_lists_corridors_and_how_soon_incidents_must_be_reported()
    {
        File.WriteAllText(Path.Combine(Dir, "corridor.yaml"), """
            id: corridor-test
            version: 1
            title: Grain corridor (test)
            parties: [UA, RU]
            window: { start: 2025-03-25T00:00, zone: Europe/Kyiv }
            corridors:
              - name: western-corridor
                polygon: [[30.4, 46.5], [31.2, 46.5], [30.6, 45.0], [29.6, 45.0]]
            clauses:
              - id: no-strikes-in-the-corridor
                binds: all
                where: { corridor: [western-corridor] }
                prohibits: { domain: [air, sea] }
            obligations:
              - { id: report-incidents, kind: notify, within: PT12H }
            """);

        var show = await Run("agreements", "show", "corridor.yaml");

        show.ExitCode.ShouldBe(0, show.ToString());
        show.Stdout.ShouldContain("corridor western-corridor: 4 corners, lat 45–46.5, lon 29.6–31.2");
        show.Stdout.ShouldContain("obligation report-incidents: notify within PT12H");
    }
}
