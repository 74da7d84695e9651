using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TruceWatch.Core.Ledger;

/// <summary>
/// A signed statement that the ledger had <see cref="Sequence"/> entries ending in <see cref="Head"/> at <see cref="At"/>. Published
/// (daily, say), it lets anyone holding the public key check that a later export still contains that exact history: nothing before
/// the checkpoint was changed, removed or reordered, and nothing was cut from its end.
/// </summary>
/// <remarks>
/// The signature is ECDSA P-256 with SHA-256 over the UTF-8 bytes of <see cref="SignedText"/>, DER-encoded (RFC 3279), the form
/// <c>openssl dgst -sha256 -verify key.pub -signature sig.der signed.txt</c> checks. docs/ledger.md shows how.
/// </remarks>
public sealed record LedgerCheckpoint(long Sequence, string Head, DateTimeOffset At, string KeyId, string Signature)
{
    /// <summary>The exact text signed: four lines, each ending in a line feed.</summary>
    public string SignedText => FormatSignedText(Sequence, Head, At);

    /// <summary>The time as signed: UTC, seconds, <c>Z</c>.</summary>
    public string AtText => At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Signs the chain's state with <paramref name="key"/>.</summary>
    public static LedgerCheckpoint Sign(long sequence, string head, DateTimeOffset at, ECDsa key)
    {
        var whole = new DateTimeOffset(at.UtcDateTime.Ticks - (at.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var text = FormatSignedText(sequence, head, whole);
        var signature = key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new LedgerCheckpoint(sequence, head, whole, KeyIdOf(key), Convert.ToBase64String(signature));
    }

    /// <summary>Whether the signature is <paramref name="key"/>'s over this checkpoint's text (a key with another id never matches).</summary>
    public bool IsSignedBy(ECDsa key)
    {
        if (!string.Equals(KeyId, KeyIdOf(key), StringComparison.Ordinal))
        {
            return false;
        }

        var signature = new byte[(Signature.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(Signature, signature, out var length)
            && key.VerifyData(Encoding.UTF8.GetBytes(SignedText), signature.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>A key's id: SHA-256 (hex) of its public key in SubjectPublicKeyInfo DER form, so a checkpoint names the key that signed it.</summary>
    public static string KeyIdOf(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    /// <summary>
    /// Checks that a chain agrees with this checkpoint: its entry <see cref="Sequence"/> has hash <see cref="Head"/>. The chain itself must
    /// have been verified; <paramref name="hashAtSequence"/> is that entry's hash, or <c>null</c> when the chain is shorter.
    /// </summary>
    public string? Disagreement(long chainLength, string? hashAtSequence) =>
        chainLength < Sequence
            ? string.Create(CultureInfo.InvariantCulture, $"the ledger has {chainLength} entries but the checkpoint of {AtText} vouches for {Sequence}: entries were removed")
            : !string.Equals(hashAtSequence, Head, StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"entry {Sequence} has hash {hashAtSequence} but the checkpoint of {AtText} signed {Head}: the history up to it was rewritten")
                : null;

    private static string FormatSignedText(long sequence, string head, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"trucewatch ledger checkpoint\nsequence {sequence}\nhead {head}\nat {at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\n");
}
