using System.Globalization;

namespace TruceWatch.Core.Ledger;

/// <summary>
/// One entry of the append-only, hash-chained record of every state change. Its hash covers its own content and the previous
/// entry's hash, so changing, deleting or reordering any stored entry breaks the chain from that entry on.
/// </summary>
/// <param name="Sequence">1-based position in the chain; no gaps.</param>
/// <param name="At">When it was appended (UTC).</param>
/// <param name="Kind">What changed, a lower-case dotted word (<c>import</c>, <c>report</c>, <c>quarantine</c>, <c>assessment</c>, …).</param>
/// <param name="Subject">What it is about (a report key, an import id, an agreement id and version); no line breaks.</param>
/// <param name="Payload">The content, usually compact JSON; any text.</param>
/// <param name="PreviousHash">The previous entry's hash, or <see cref="LedgerChain.Genesis"/> for the first.</param>
/// <param name="Hash">SHA-256 (lower-case hex) of the entry as described in <see cref="LedgerChain.HashOf"/>.</param>
public sealed record LedgerEvent(long Sequence, DateTimeOffset At, string Kind, string Subject, string Payload, string PreviousHash, string Hash)
{
    /// <summary>The time as hashed: UTC, ISO 8601 with seven fractional digits and <c>Z</c>.</summary>
    public string AtText => At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
