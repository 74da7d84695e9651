using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Shouldly;
using Xunit;

namespace TruceWatch.Cli.Tests;

/// <summary><c>trucewatch verify</c> and <c>trucewatch export --ledger</c>, run as a user would, against a SQLite store.</summary>
public sealed partial class LedgerCliTests : CliTest
{

    [Fact]
    public async Task Verify_passes_a_fresh_import_and_after_tampering_names_the_entry_changed()
    {
        await ImportAsync(Repo.Data("ua-strikes-on-russian-energy", "reports.csv"));

        var intact = await Run("verify", "--db", "t.db");
        Tamper("DROP TRIGGER ledger_no_update", "UPDATE ledger SET payload = replace(payload, '\"line\":9,', '\"line\":99,') WHERE sequence = 2");
        var broken = await Run("verify", "--db", "t.db");

        intact.ExitCode.ShouldBe(0, intact.ToString());
        intact.Stdout.ShouldMatch(@"^ledger intact: 3 entries, head [0-9a-f]{64}\n$");
        broken.ExitCode.ShouldBe(1, broken.ToString());
        broken.Stdout.ShouldStartWith("ledger broken at entry 2: entry 2 was changed");
    }

    [Fact]
    public async Task Verify_refuses_a_store_that_does_not_exist()
    {
        var result = await Run("verify", "--db", "missing.db");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("missing.db: no such store");
        File.Exists(Path.Combine(Dir, "missing.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_exported_ledger_checks_out_with_the_script_in_the_docs_and_the_same_head_as_verify()
    {
        await ImportAsync(Repo.Data("ua-strikes-on-russian-energy", "reports.csv"));
        var bad = Path.Combine(Dir, "ніч.csv");
        await File.WriteAllTextAsync(bad, "source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description\n" +
            "s,1,,2025-03-20,,RU,,,,,,,,,,,,,,,Київ\n" +
            "s,2,,2025-02-30,,RU,,,,,,,,,,,,,,,\"two\nlines\"\n", TestContext.Current.CancellationToken);
        await ImportAsync(bad);

        var verify = await Run("verify", "--db", "t.db");
        var stdout = await Run("export", "--ledger", "--db", "t.db");
        var toFile = await Run("export", "--ledger", "--db", "t.db", "--out", "ledger.jsonl");
        var export = Path.Combine(Dir, "export.jsonl");
        await File.WriteAllTextAsync(export, stdout.Stdout, TestContext.Current.CancellationToken);
        var script = Path.Combine(Dir, "check.py");
        await File.WriteAllTextAsync(script, DocumentedScript(), TestContext.Current.CancellationToken);
        var check = await PythonAsync(script, export);

        verify.ExitCode.ShouldBe(0, verify.ToString());
        var head = VerifiedHead().Match(verify.Stdout);
        head.Success.ShouldBeTrue(verify.Stdout);
        stdout.ExitCode.ShouldBe(0, stdout.ToString());
        stdout.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(7);
        toFile.ExitCode.ShouldBe(0, toFile.ToString());
        (await File.ReadAllTextAsync(Path.Combine(Dir, "ledger.jsonl"), TestContext.Current.CancellationToken)).ShouldBe(stdout.Stdout);
        check.ExitCode.ShouldBe(0, check.ToString());
        check.Stdout.Trim().ShouldBe($"{head.Groups["count"].Value} entries intact; head {head.Groups["head"].Value}");
        head.Groups["count"].Value.ShouldBe("7");
    }

    [Fact]
    public async Task The_documented_script_finds_an_export_edited_after_the_fact()
    {
        await ImportAsync(Repo.Data("ua-strikes-on-russian-energy", "reports.csv"));
        var stdout = await Run("export", "--ledger", "--db", "t.db");
        var lines = stdout.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[1] = lines[1].Replace("\"kind\":\"reports\"", "\"kind\":\"reprts\"", StringComparison.Ordinal);
        var export = Path.Combine(Dir, "export.jsonl");
        await File.WriteAllLinesAsync(export, lines, TestContext.Current.CancellationToken);
        var script = Path.Combine(Dir, "check.py");
        await File.WriteAllTextAsync(script, DocumentedScript(), TestContext.Current.CancellationToken);

        var check = await PythonAsync(script, export);

        check.ExitCode.ShouldBe(1, check.ToString());
        check.Stderr.ShouldContain("broken at entry 2");
    }

    [Fact]
    public async Task A_signed_checkpoint_vouches_for_the_ledger_and_its_exports_and_catches_a_history_cut_short_or_rewritten()
    {
        await ImportAsync(Repo.Data("ua-strikes-on-russian-energy", "reports.csv"));
        var keygen = await Run("keygen", "--out", "monitor");
        var checkpoint = await Run("checkpoint", "--db", "t.db", "--key", "monitor.key", "--out", "day1.json");
        await ImportAsync(Repo.Data("missile-attacks-ukraine", "missile_attacks_daily.csv"));
        await Run("export", "--ledger", "--db", "t.db", "--out", "ledger.jsonl");
        var lines = await File.ReadAllLinesAsync(Path.Combine(Dir, "ledger.jsonl"), TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(Dir, "cut.jsonl"), lines[..2], TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(Dir, "rewritten.jsonl"), Rechained(lines, 2), TestContext.Current.CancellationToken);
        await Run("keygen", "--out", "other");

        var store = await Run("verify", "--db", "t.db", "--checkpoint", "day1.json", "--public-key", "monitor.pub");
        var export = await Run("verify", "--export", "ledger.jsonl", "--checkpoint", "day1.json", "--public-key", "monitor.pub");
        var cut = await Run("verify", "--export", "cut.jsonl", "--checkpoint", "day1.json", "--public-key", "monitor.pub");
        var rewritten = await Run("verify", "--export", "rewritten.jsonl", "--checkpoint", "day1.json", "--public-key", "monitor.pub");
        var wrongKey = await Run("verify", "--export", "ledger.jsonl", "--checkpoint", "day1.json", "--public-key", "other.pub");
        var withoutCheckpoint = await Run("verify", "--export", "rewritten.jsonl");

        keygen.ExitCode.ShouldBe(0, keygen.ToString());
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(Dir, "monitor.key")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        checkpoint.ExitCode.ShouldBe(0, checkpoint.ToString());
        checkpoint.Stdout.ShouldStartWith("Signed checkpoint: entry 3, head ");
        store.ExitCode.ShouldBe(0, store.ToString());
        store.Stdout.ShouldContain("agrees with the checkpoint of");
        export.ExitCode.ShouldBe(0, export.ToString());
        export.Stdout.ShouldBe(store.Stdout);
        cut.ExitCode.ShouldBe(1);
        cut.Stdout.ShouldContain("the ledger has 2 entries but the checkpoint");
        rewritten.ExitCode.ShouldBe(1);
        rewritten.Stdout.ShouldContain("entry 3 has hash");
        rewritten.Stdout.ShouldContain("rewritten");
        wrongKey.ExitCode.ShouldBe(1);
        wrongKey.Stdout.ShouldContain("is NOT signed by other.pub");
        withoutCheckpoint.ExitCode.ShouldBe(0, "a rewritten chain that is consistent in itself only a checkpoint can catch");
    }

    [Fact]
    public async Task A_checkpoint_file_checks_out_with_openssl_alone()
    {
        await ImportAsync(Repo.Data("ua-strikes-on-russian-energy", "reports.csv"));
        await Run("keygen", "--out", "monitor");
        (await Run("checkpoint", "--db", "t.db", "--key", "monitor.key", "--out", "day1.json")).ExitCode.ShouldBe(0);
        using (var checkpoint = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(Dir, "day1.json"), TestContext.Current.CancellationToken)))
        {
            await File.WriteAllTextAsync(Path.Combine(Dir, "signed.txt"), checkpoint.RootElement.GetProperty("signed_text").GetString(), TestContext.Current.CancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(Dir, "signature.der"), Convert.FromBase64String(checkpoint.RootElement.GetProperty("signature").GetString()!), TestContext.Current.CancellationToken);
        }

        var good = await ToolAsync("openssl", "dgst", "-sha256", "-verify", "monitor.pub", "-signature", "signature.der", "signed.txt");
        await File.AppendAllTextAsync(Path.Combine(Dir, "signed.txt"), " ", TestContext.Current.CancellationToken);
        var bad = await ToolAsync("openssl", "dgst", "-sha256", "-verify", "monitor.pub", "-signature", "signature.der", "signed.txt");

        good.ExitCode.ShouldBe(0, good.ToString());
        good.Stdout.Trim().ShouldBe("Verified OK");
        bad.ExitCode.ShouldNotBe(0);
    }

    /// <summary>The export with entry <paramref name="from"/> on changed and every later hash recomputed: consistent in itself.</summary>
    private static IEnumerable<string> Rechained(string[] lines, int from)
    {
        var previous = "";
        for (var i = 0; i < lines.Length; i++)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(lines[i])!.AsObject();
            if (i >= from)
            {
                if (i == from)
                {
                    node["payload"] = "{\"rows\":0,\"accepted\":0,\"duplicates\":0,\"quarantined\":0}";
                }

                node["previous_hash"] = previous;
                node["hash"] = TruceWatch.Core.Ledger.LedgerChain.HashOf(
                    (long)node["sequence"]!, (string)node["at"]!, (string)node["kind"]!, (string)node["subject"]!, previous, (string)node["payload"]!);
            }

            previous = (string)node["hash"]!;
            yield return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
    }

    private async Task<Trucewatch.Outcome> ToolAsync(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Dir };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Trucewatch.Outcome(process.ExitCode, await stdout, await stderr);
    }

    private async Task ImportAsync(string file)
    {
        var result = await Run("import", file, "--db", "t.db");
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    private void Tamper(params string[] statements)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Dir, "t.db")};Pooling=False");
        connection.Open();
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The checking script exactly as docs/ledger.md prints it: the test fails if the docs and the export drift apart.</summary>
    private static string DocumentedScript()
    {
        var docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "ledger.md"));
        var match = PythonBlock().Match(docs);
        match.Success.ShouldBeTrue("docs/ledger.md has a ```python block");
        return match.Groups["code"].Value;
    }

    /// <summary>Runs <c>python3 script file</c>; skipped where there is no python3, except under CI (<c>CI=true</c>), where it must run.</summary>
    private static async Task<Trucewatch.Outcome> PythonAsync(string script, string file)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(file);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"python3 is needed to check the export with the script in docs/ledger.md, and CI=true: {e.Message}");
            }

            Assert.Skip($"python3 is not installed, so the documented script cannot be run: {e.Message}");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return new Trucewatch.Outcome(process.ExitCode, await stdout, await stderr);
        }
    }

    [GeneratedRegex(@"```python\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex PythonBlock();

    [GeneratedRegex(@"^ledger intact: (?<count>\d+) entries, head (?<head>[0-9a-f]{64})$", RegexOptions.Multiline)]
    private static partial Regex VerifiedHead();
}
