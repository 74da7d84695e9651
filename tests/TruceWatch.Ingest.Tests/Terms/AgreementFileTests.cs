using Shouldly;
using TruceWatch.Core.Terms;
using TruceWatch.Ingest.Terms;
using Xunit;

namespace TruceWatch.Ingest.Tests.Terms;

/// <summary>Terms read from files: a huge file is refused unread with one error at a place, never loaded or crashed on.</summary>
public sealed class AgreementFileTests
{
    [Fact]
    public void A_huge_file_is_refused_unread_with_one_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"huge-terms-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var stream = File.Create(path))
            {
                stream.SetLength((4L * TermsLimits.MaxCharacters) + 1);
            }

            var result = AgreementLibrary.ParseFile(path);

            result.Agreement.ShouldBeNull();
            var error = result.Diagnostics.ShouldHaveSingleItem();
            (error.Severity, error.Line, error.Column).ShouldBe((Severity.Error, 1, 1));
            error.Message.ShouldContain("bytes long; terms are read up to");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_within_the_byte_limit_but_over_the_character_limit_gets_the_parser_s_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"long-terms-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, "id: x\n" + new string('#', TermsLimits.MaxCharacters));

            var error = AgreementLibrary.ParseFile(path).Diagnostics.ShouldHaveSingleItem();

            error.Message.ShouldContain("characters long");
            (error.Line, error.Column).ShouldBe((2, TermsLimits.MaxCharacters - 6 + 1));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
