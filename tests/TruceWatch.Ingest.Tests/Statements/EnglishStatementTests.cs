using System.Globalization;
using Shouldly;
using TruceWatch.Ingest.Statements;
using Xunit;

namespace TruceWatch.Ingest.Tests.Statements;

/// <summary>English translations of the parties' statements, written for these tests after the real Russian and Ukrainian posts.</summary>
public sealed class EnglishStatementTests
{
    private static readonly DateTimeOffset Morning = new(2025, 4, 11, 4, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_Ministry_interception_report_in_English_gives_its_regional_breakdown()
    {
        var read = Extract(StatementSource.RussianMod,
            "From 20:00 MSK on 10 April to 07:00 MSK on 11 April, on-duty air defence systems intercepted and destroyed 99 Ukrainian fixed-wing UAVs: "
            + "43 over the Black Sea, 21 over the territory of the Republic of Crimea, 20 over the Bryansk region, 5 over Kursk region.");

        read.Kind.ShouldBe(StatementKind.StrikeReport);
        read.Window.Start.ShouldBe(DateTimeOffset.Parse("2025-04-10T20:00:00+03:00", CultureInfo.InvariantCulture));
        read.Claims.Select(c => (c.Region?.Key, c.Intercepted)).ShouldBe([("Black Sea", 43), ("UA-43", 21), ("RU-BRY", 20), ("RU-KRS", 5), (null, 10)]);
        read.Claims.ShouldAllBe(c => c.Weapon == "Fixed-wing UAV" && c.Perpetrator.Value == "UA");
    }

    [Fact]
    public void A_count_in_words_over_several_regions_stays_one_claim_that_names_them()
    {
        var read = Extract(StatementSource.RussianMod,
            "Between 10:00 and 11:10 MSK, air defence systems destroyed three Ukrainian UAVs over the Kursk, Belgorod and Rostov regions.");

        var claim = read.Claims.ShouldHaveSingleItem();
        claim.Intercepted.ShouldBe(3);
        claim.Region.ShouldBeNull();
        claim.Regions.Select(r => r.Key).ShouldBe(["RU-KRS", "RU-BEL", "RU-ROS"]);
    }

    [Fact]
    public void An_Air_Force_list_in_English_gives_one_claim_per_weapon()
    {
        var read = Extract(StatementSource.UkrainianAirForce,
            "25.12.2023\n(07:00)\n\nDESTROYED:\n- 28 attack UAVs \"Shahed-136/131\"\n- one guided air missile Kh-59\n- two cruise missiles Kh-101/Kh-555\n- Su-34 fighter-bomber\n\nAir Force of Ukraine");

        read.Claims.Select(c => (c.Weapon, c.Intercepted)).ShouldBe([("Shahed-136", 28), ("Kh-59", 1), ("Kh-101", 2)]);
        read.Window.End.ShouldBe(DateTimeOffset.Parse("2025-12-25T07:00:00+02:00", CultureInfo.InvariantCulture).AddYears(-2));
    }

    [Theory]
    [InlineData("Main events of the day: the Minister of Defence met troops; air defence systems destroyed 20 UAVs.")]
    [InlineData("Servicemen of the Zapad group detected a pickup with a mortar crew; the target was destroyed by an FPV drone.")]
    public void A_post_that_is_no_interception_report_yields_no_claim(string text)
    {
        var read = Extract(StatementSource.RussianMod, text);
        read.Kind.ShouldBe(StatementKind.Other);
        read.Claims.ShouldBeEmpty();
    }

    [Fact]
    public void An_Air_Force_post_naming_only_aircraft_is_no_strike_report() =>
        Extract(StatementSource.UkrainianAirForce, "27.02.2024\n(10.00)\n\nЗНИЩЕНО:\n- винищувач-бомбардувальник Су-34\n\nПовітряні Сили").Kind
            .ShouldBe(StatementKind.Other);

    private static ExtractedStatement Extract(StatementSource source, string text) =>
        StatementExtractor.Default.Extract(new Statement(source, text, Morning));
}
