using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TruceWatch.Core.Ledger;

/// <summary>
/// Verifies a chain one entry at a time, holding only the last hash: for chains read from a store as a stream, too long to hold in
/// memory. The same rule as <see cref="LedgerChain.Verify"/>, which is this verifier fed from a sequence.
/// </summary>
public sealed class LedgerVerifier
{
    private long _expectedSequence = 1;
    private string _previous = LedgerChain.Genesis;
    private LedgerVerification? _broken;

    /// <summary>False once an entry has not fitted; later entries are then ignored.</summary>
    public bool IsIntact => _broken is null;

    /// <summary>The outcome so far: intact with the entries checked and the head, or where the chain broke.</summary>
    public LedgerVerification Result => _broken ?? LedgerVerification.Intact(_expectedSequence - 1, _previous);

    /// <summary>Checks the next entry; false when it does not fit (and from then on).</summary>
    public bool Add(LedgerEvent e)
    {
        if (_broken is not null)
        {
            return false;
        }

        if (e.Sequence != _expectedSequence)
        {
            return Break(e.Sequence, LedgerBreaks.OutOfSequence(e.Sequence, _expectedSequence));
        }

        if (!string.Equals(e.PreviousHash, _previous, StringComparison.Ordinal))
        {
            return Break(e.Sequence, LedgerBreaks.DoesNotFollow(e.Sequence));
        }

        if (!HashMatches(e))
        {
            return Break(e.Sequence, LedgerBreaks.Changed(e.Sequence));
        }

        _previous = e.Hash;
        _expectedSequence++;
        return true;
    }

    /// <summary>Records a break found outside the chain rule (an entry the store cannot even read) at entry <paramref name="at"/>.</summary>
    public LedgerVerification Fail(long at, string reason)
    {
        Break(at, reason);
        return _broken!;
    }

    private bool Break(long at, string reason)
    {
        _broken = LedgerVerification.Broken(_expectedSequence - 1, at, reason);
        return false;
    }

    /// <summary>
    /// <see cref="LedgerChain.HashOf"/> compared without allocating: the hashed text is encoded into a stack or pooled buffer and the
    /// digest compared as hex with the stored hash. Verifying is reading a whole chain, so this is the loop that counts.
    /// </summary>
    private static bool HashMatches(LedgerEvent e)
    {
        if (e.Hash.Length != 64)
        {
            return false;
        }

        Span<char> hex = stackalloc char[64];
        LedgerChain.HashInto(e.Sequence, e.AtText, e.Kind, e.Subject, e.PreviousHash, e.Payload, hex);
        return hex.SequenceEqual(e.Hash);
    }
}
