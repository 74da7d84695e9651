using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using TruceWatch.Core.Ledger;
using Xunit;

namespace TruceWatch.Core.Tests.Ledger;

public sealed class LedgerChainTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 18, 9, 0, 0, TimeSpan.FromHours(2));

    private static List<LedgerEvent> Chain(int n)
    {
        var chain = new List<LedgerEvent>();
        for (var i = 0; i < n; i++)
        {
            chain.Add(LedgerChain.Next(chain.LastOrDefault(), T0.AddSeconds(i), i % 2 == 0 ? "report" : "import", $"s:{i}", $"{{\"n\":{i}}}"));
        }

        return chain;
    }

    [Fact]
    public void The_first_entry_follows_the_genesis_hash_and_each_next_one_its_predecessor()
    {
        var chain = Chain(3);

        chain[0].Sequence.ShouldBe(1);
        chain[0].PreviousHash.ShouldBe(new string('0', 64));
        chain[1].PreviousHash.ShouldBe(chain[0].Hash);
        chain[2].PreviousHash.ShouldBe(chain[1].Hash);
        chain.Select(e => e.Hash).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void The_hash_is_sha256_of_the_documented_text()
    {
        var e = LedgerChain.Next(null, new DateTimeOffset(2025, 3, 18, 7, 0, 0, TimeSpan.Zero), "report", "ua-airforce:1", "{\"a\":1}");

        var text = $"1\n2025-03-18T07:00:00.0000000Z\nreport\nua-airforce:1\n{new string('0', 64)}\n{{\"a\":1}}";
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        e.Hash.ShouldBe(expected);
    }

    [Fact]
    public void An_untouched_chain_verifies_with_its_head()
    {
        var chain = Chain(10);

        var result = LedgerChain.Verify(chain);

        result.IsIntact.ShouldBeTrue();
        result.Verified.ShouldBe(10);
        result.HeadHash.ShouldBe(chain[^1].Hash);
    }

    public static TheoryData<string> Fields => ["at", "kind", "subject", "payload", "hash"];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changing_any_field_of_an_entry_is_found_at_that_entry(string field)
    {
        var chain = Chain(6);
        var e = chain[3];
        chain[3] = field switch
        {
            "at" => e with { At = e.At.AddSeconds(1) },
            "kind" => e with { Kind = "assessment" },
            "subject" => e with { Subject = "s:99" },
            "payload" => e with { Payload = "{\"n\":99}" },
            _ => e with { Hash = new string('a', 64) },
        };

        var result = LedgerChain.Verify(chain);

        result.IsIntact.ShouldBeFalse();
        result.BrokenAt.ShouldBe(4);
        result.Verified.ShouldBe(3);
    }

    [Fact]
    public void A_deleted_entry_is_found_where_it_is_missing()
    {
        var chain = Chain(6);
        chain.RemoveAt(2);

        var result = LedgerChain.Verify(chain);

        result.BrokenAt.ShouldBe(4);
        result.Reason!.ShouldContain("entry 3 is missing");
    }

    [Fact]
    public void Reordered_entries_are_found_at_the_first_out_of_place()
    {
        var chain = Chain(6);
        (chain[2], chain[3]) = (chain[3], chain[2]);

        var result = LedgerChain.Verify(chain);

        result.BrokenAt.ShouldBe(4);
        result.Reason!.ShouldContain("missing");
    }

    [Fact]
    public void A_rewritten_tail_with_recomputed_hashes_still_breaks_at_the_first_rewritten_entry_when_renumbered_over_a_gap()
    {
        var chain = Chain(5);
        var forged = LedgerChain.Next(3, new string('f', 64), T0, "report", "s:x", "{}");
        chain[3] = forged;

        var result = LedgerChain.Verify(chain);

        result.BrokenAt.ShouldBe(4);
        result.Reason!.ShouldContain("previous hash differs");
    }

    [Theory]
    [InlineData("Report")]
    [InlineData("has space")]
    [InlineData("")]
    public void A_kind_must_be_a_lower_case_word(string kind) =>
        Should.Throw<ArgumentException>(() => LedgerChain.Next(null, T0, kind, "s", "p"));

    [Fact]
    public void A_subject_must_be_one_line() =>
        Should.Throw<ArgumentException>(() => LedgerChain.Next(null, T0, "report", "a\nb", "p"));

    [Property(MaxTest = 200)]
    public Property The_chain_verifies_after_any_sequence_of_appends() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Elements("report", "import", "quarantine", "assessment").Zip(Gen.Elements("", "x", "{\"a\":[1,2]}", "line\nbreak", "ünï €"))).ToArbitrary(),
            entries =>
            {
                var chain = new List<LedgerEvent>();
                foreach (var (kind, payload) in entries)
                {
                    chain.Add(LedgerChain.Next(chain.LastOrDefault(), T0.AddMinutes(chain.Count), kind, $"k:{chain.Count}", payload));
                }

                var result = LedgerChain.Verify(chain);
                return result.IsIntact && result.Verified == chain.Count;
            });
}
