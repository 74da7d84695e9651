using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using TruceWatch.Core.Ledger;
using TruceWatch.Storage.Ledger;

namespace TruceWatch.Storage.Sqlite;

/// <summary>
/// Verifies the SQLite ledger straight from SQLite's UTF-8 column bytes: the hashed text is assembled from them and the hashes are
/// compared as bytes, so no entry becomes a .NET object. The same rule and the same messages as <see cref="LedgerVerifier"/>
/// (<see cref="LedgerBreaks"/>), at several times its speed (docs/benchmarks.md).
/// </summary>
internal static class SqliteLedgerVerifier
{
    private const int SqliteRow = 100;
    private const int SqliteDone = 101;
    private const int SqliteNull = 5;
    private const int Hex = 64;

    private static readonly string[] Fields = ["sequence", "at_text", "kind", "subject", "payload", "previous_hash", "hash"];

    public static LedgerVerification Verify(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(db, LedgerRows.Select, out var statement);
        if (rc != 0)
        {
            throw new SqliteException($"Preparing the ledger read failed: {raw.sqlite3_errmsg(db).utf8_to_string()}", rc);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            Span<byte> previous = stackalloc byte[Hex];
            previous.Fill((byte)'0');
            Span<byte> digest = stackalloc byte[32];
            Span<byte> hex = stackalloc byte[Hex];
            long expected = 1;
            while ((rc = raw.sqlite3_step(statement)) == SqliteRow)
            {
                if ((expected & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var sequence = raw.sqlite3_column_int64(statement, 0);
                if (sequence != expected)
                {
                    return Broken(expected, sequence, LedgerBreaks.OutOfSequence(sequence, expected));
                }

                for (var i = 1; i < Fields.Length; i++)
                {
                    if (raw.sqlite3_column_type(statement, i) == SqliteNull)
                    {
                        return Broken(expected, sequence, LedgerBreaks.FieldMissing(sequence, Fields[i]));
                    }
                }

                var at = raw.sqlite3_column_blob(statement, 1);
                if (!IsLedgerTime(at))
                {
                    return Broken(expected, sequence, LedgerBreaks.NotATime(sequence, System.Text.Encoding.UTF8.GetString(at)));
                }

                if (!raw.sqlite3_column_blob(statement, 5).SequenceEqual(previous))
                {
                    return Broken(expected, sequence, LedgerBreaks.DoesNotFollow(sequence));
                }

                var kind = raw.sqlite3_column_blob(statement, 2);
                var subject = raw.sqlite3_column_blob(statement, 3);
                var payload = raw.sqlite3_column_blob(statement, 4);
                var length = 20 + 5 + at.Length + kind.Length + subject.Length + Hex + payload.Length;
                if (length > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }

                // sequence \n at \n kind \n subject \n previous_hash \n payload, exactly as LedgerChain hashes it.
                var text = buffer.AsSpan();
                sequence.TryFormat(text, out var n, default, CultureInfo.InvariantCulture);
                n += Line(text[n..], at);
                n += Line(text[n..], kind);
                n += Line(text[n..], subject);
                n += Line(text[n..], previous);
                n += Line(text[n..], payload);
                SHA256.HashData(text[..n], digest);
                Convert.TryToHexStringLower(digest, hex, out _);
                var hash = raw.sqlite3_column_blob(statement, 6);
                if (!hash.SequenceEqual(hex))
                {
                    return Broken(expected, sequence, LedgerBreaks.Changed(sequence));
                }

                hex.CopyTo(previous);
                expected++;
            }

            if (rc != SqliteDone)
            {
                throw new SqliteException($"Reading the ledger failed: {raw.sqlite3_errmsg(db).utf8_to_string()}", rc);
            }

            return expected == 1 ? LedgerVerification.Intact(0, LedgerChain.Genesis) : LedgerVerification.Intact(expected - 1, System.Text.Encoding.ASCII.GetString(previous));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            statement.Dispose();
        }
    }

    private static LedgerVerification Broken(long expected, long at, string reason) => LedgerVerification.Broken(expected - 1, at, reason);

    private static int Line(Span<byte> buffer, ReadOnlySpan<byte> field)
    {
        buffer[0] = (byte)'\n';
        field.CopyTo(buffer[1..]);
        return 1 + field.Length;
    }

    /// <summary>Whether the bytes are a time as the ledger writes it (<see cref="LedgerRows.AtFormat"/>), as <see cref="LedgerRows"/> requires to read an entry.</summary>
    private static bool IsLedgerTime(ReadOnlySpan<byte> at)
    {
        if (at.Length != 28)
        {
            return false;
        }

        Span<char> chars = stackalloc char[28];
        for (var i = 0; i < 28; i++)
        {
            chars[i] = (char)at[i];
        }

        return DateTimeOffset.TryParseExact(chars, LedgerRows.AtFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out _);
    }
}
