using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TruceWatch.Core.Ledger;

/// <summary>
/// The hash chain: how an entry's hash is computed, how a new entry follows the last, and verification of a whole chain.
/// </summary>
/// <remarks>
/// The hash is SHA-256 over the UTF-8 bytes of <c>sequence \n at \n kind \n subject \n previous_hash \n payload</c>, hex in lower case.
/// Only the payload may contain line breaks, and it comes last, so the text is unambiguous. <c>docs/ledger.md</c> has a short script
/// that checks an exported chain without TruceWatch.
/// </remarks>
public static class LedgerChain
{
    /// <summary>The previous hash of the first entry: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The hash of an entry's content following <paramref name="previousHash"/>.</summary>
    public static string HashOf(long sequence, string atText, string kind, string subject, string previousHash, string payload)
    {
        Span<char> hex = stackalloc char[64];
        HashInto(sequence, atText, kind, subject, previousHash, payload, hex);
        return new string(hex);
    }

    /// <summary>
    /// The hash as 64 lower-case hex characters written into <paramref name="hex"/>, without allocating: the hashed text is encoded into
    /// a stack or pooled buffer. Appending and verifying both run this once per entry, so it is the ledger's hot path.
    /// </summary>
    internal static void HashInto(long sequence, string atText, string kind, string subject, string previousHash, string payload, Span<char> hex)
    {
        const int StackLimit = 1024;
        var utf8 = Encoding.UTF8;
        var max = 20 + 5 + utf8.GetMaxByteCount(atText.Length + kind.Length + subject.Length + previousHash.Length + payload.Length);
        var rented = max > StackLimit ? System.Buffers.ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[StackLimit];
            sequence.TryFormat(buffer, out var n, default, CultureInfo.InvariantCulture);
            n += Line(buffer[n..], atText);
            n += Line(buffer[n..], kind);
            n += Line(buffer[n..], subject);
            n += Line(buffer[n..], previousHash);
            buffer[n++] = (byte)'\n';
            n += utf8.GetBytes(payload, buffer[n..]);
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(buffer[..n], digest);
            Convert.TryToHexStringLower(digest, hex, out _);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes '\n' then <paramref name="field"/>; the number of bytes written.</summary>
    private static int Line(Span<byte> buffer, string field)
    {
        buffer[0] = (byte)'\n';
        return 1 + Encoding.UTF8.GetBytes(field, buffer[1..]);
    }

    /// <summary>The entry that follows <paramref name="last"/> (or starts the chain when it is <c>null</c>).</summary>
    public static LedgerEvent Next(LedgerEvent? last, DateTimeOffset at, string kind, string subject, string payload) =>
        Next(last?.Sequence ?? 0, last?.Hash ?? Genesis, at, kind, subject, payload);

    /// <summary>The entry that follows the entry numbered <paramref name="lastSequence"/> whose hash is <paramref name="lastHash"/>.</summary>
    public static LedgerEvent Next(long lastSequence, string lastHash, DateTimeOffset at, string kind, string subject, string payload)
    {
        CheckWord(kind, nameof(kind));
        if (subject.Contains('\n', StringComparison.Ordinal) || subject.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException("A ledger subject is one line.", nameof(subject));
        }

        var sequence = lastSequence + 1;
        var utc = at.ToUniversalTime();
        var draft = new LedgerEvent(sequence, utc, kind, subject, payload, lastHash, "");
        return draft with { Hash = HashOf(sequence, draft.AtText, kind, subject, lastHash, payload) };
    }

    /// <summary>
    /// Recomputes the chain in order and names the first entry that does not fit: a changed entry, a missing one, one out of order,
    /// or a previous hash that is not its predecessor's.
    /// </summary>
    public static LedgerVerification Verify(IEnumerable<LedgerEvent> events)
    {
        var verifier = new LedgerVerifier();
        foreach (var e in events)
        {
            if (!verifier.Add(e))
            {
                break;
            }
        }

        return verifier.Result;
    }

    private static void CheckWord(string kind, string name)
    {
        if (kind.Length == 0 || !kind.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
        {
            throw new ArgumentException($"'{kind}' is not a ledger kind (lower-case words joined by dots or dashes).", name);
        }
    }
}

/// <summary>The outcome of verifying a chain: how many entries checked out, and where it broke if it did.</summary>
public sealed record LedgerVerification(bool IsIntact, long Verified, string HeadHash, long? BrokenAt, string? Reason)
{
    public static LedgerVerification Intact(long count, string head) => new(true, count, head, null, null);

    public static LedgerVerification Broken(long verified, long at, string reason) => new(false, verified, "", at, reason);
}
