using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Shouldly;
using Xunit;

namespace TruceWatch.Cli.Tests;

/// <summary>An import killed with SIGKILL at random points and run again ends with exactly the database of one clean import.</summary>
public sealed class ImportKillTests : CliTest
{
    [Fact]
    public async Task An_import_killed_at_random_points_and_run_again_ends_equal_to_one_clean_import()
    {
        (await Run("bench", "generate", "--reports", "200000", "--seed", "11", "--out", "gen.csv")).ExitCode.ShouldBe(0);
        WithBadRows(Path.Combine(Dir, "gen.csv"), Path.Combine(Dir, "big.csv"));

        var clock = Stopwatch.StartNew();
        var clean = await Run("import", "big.csv", "--db", "clean.db");
        var cleanTime = clock.Elapsed;
        clean.ExitCode.ShouldBe(0, clean.ToString());
        clean.Stdout.ShouldContain("200,000 new, 0 already present, 4 quarantined");

        // Kill points spread over the first nine tenths of a clean run's time; the seed is printed so a failure can be replayed.
        var seed = Environment.TickCount;
        TestContext.Current.TestOutputHelper?.WriteLine($"kill seed {seed}, clean import {cleanTime.TotalSeconds:F1} s");
        var random = new Random(seed);
        // Kill, run again, kill again… until a run gets to the end on its own (or six kills), as an operator would.
        var killedMidway = 0;
        Trucewatch.Outcome? finished = null;
        for (var attempt = 0; attempt < 6 && finished is null; attempt++)
        {
            using var import = Trucewatch.Start(Dir, "import", "big.csv", "--db", "killed.db");
            var stdout = import.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = import.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await Task.Delay(cleanTime * (0.1 + 0.8 * random.NextDouble()), TestContext.Current.CancellationToken);
            if (!import.HasExited)
            {
                import.Kill(entireProcessTree: true);
                killedMidway++;
            }

            await import.WaitForExitAsync(TestContext.Current.CancellationToken);
            if (import.ExitCode == 0)
            {
                finished = new Trucewatch.Outcome(0, await stdout, await stderr);
            }
            else
            {
                await Task.WhenAll(stdout, stderr);
            }
        }

        var last = finished ?? await Run("import", "big.csv", "--db", "killed.db");
        last.ExitCode.ShouldBe(0, last.ToString());
        killedMidway.ShouldBeGreaterThan(0, "no kill landed while an import was running");
        Digest("killed.db").ShouldBe(Digest("clean.db"), $"after {killedMidway} kills mid-import; last run:\n{last}");
        var verify = await Run("verify", "--db", "killed.db");
        verify.ExitCode.ShouldBe(0, verify.ToString());
        verify.Stdout.ShouldContain("intact");
    }

    /// <summary>The generated file with a bad row after every 50,000th, so quarantine is part of what must come out equal.</summary>
    private static void WithBadRows(string from, string to)
    {
        using var writer = new StreamWriter(to, append: false, new UTF8Encoding(false));
        var n = 0;
        foreach (var line in File.ReadLines(from))
        {
            writer.Write(line);
            writer.Write('\n');
            if (n++ > 0 && n % 50_000 == 1)
            {
                writer.Write($"broken,{n},,2025-13-45,,RU,,,,,,,,,,,,,,,\n");
            }
        }
    }

    /// <summary>
    /// Everything an import leaves in the store, ids included: the reports, the quarantine and the import (one, finished, with its counts),
    /// hashed row by row in id order. The ledger is left to <c>verify</c>: a resumed import's ledger says so with an extra entry.
    /// </summary>
    private string Digest(string db)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Dir, db)};Pooling=False;Mode=ReadOnly");
        connection.Open();
        var digest = new StringBuilder();
        foreach (var sql in (string[])[
            "SELECT * FROM reports ORDER BY id",
            "SELECT id, import_id, format, file_name, line, reason, payload, payload_sha256, status FROM quarantine ORDER BY id",
            // The import that stored the rows, finished, with its counts. A kill that lands after the last commit but before the process
            // ends makes the operator's next run a second import of nothing new: a true record of a run, so it is left out here.
            "SELECT id, file_name, format, finished_at IS NOT NULL, accepted, duplicates, quarantined, rows_read, content_sha256 FROM imports WHERE accepted > 0 ORDER BY id"])
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!));
                    hash.AppendData("\u001f"u8);
                }

                hash.AppendData("\u001e"u8);
            }

            digest.Append(CultureInfo.InvariantCulture, $"{sql}: {rows} rows, {Convert.ToHexStringLower(hash.GetHashAndReset())}\n");
        }

        return digest.ToString();
    }
}
