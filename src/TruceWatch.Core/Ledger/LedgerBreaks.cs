using System.Globalization;

namespace TruceWatch.Core.Ledger;

/// <summary>How a break in the chain is described, the same wherever a chain is verified (in memory, a store's own reader, an export).</summary>
public static class LedgerBreaks
{
    public static string Missing(long expected, long found) => Text($"entry {expected} is missing (found {found} next)");

    public static string OutOfOrder(long sequence, long expected) => Text($"entry {sequence} is out of order (expected {expected})");

    public static string DoesNotFollow(long sequence) => Text($"entry {sequence} does not follow entry {sequence - 1}: its previous hash differs");

    public static string Changed(long sequence) => Text($"entry {sequence} was changed: its content does not match its hash");

    public static string FieldMissing(long sequence, string field) => Text($"entry {sequence} was changed: its {field} is missing");

    public static string NotATime(long sequence, string atText) => Text($"entry {sequence} was changed: its time '{atText}' is not a ledger time");

    /// <summary>The break for entry <paramref name="sequence"/> arriving when <paramref name="expected"/> was due.</summary>
    public static string OutOfSequence(long sequence, long expected) => sequence > expected ? Missing(expected, sequence) : OutOfOrder(sequence, expected);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
