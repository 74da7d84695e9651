namespace TruceWatch.Storage.Ledger;

/// <summary>
/// A state change to append to the ledger: what changed (<c>kind</c>), what it is about (<c>subject</c>, one line) and its content
/// (<c>payload</c>). Sequence, time and hashes are added by the backend's appender when it joins the chain.
/// </summary>
internal readonly record struct LedgerChange(string Kind, string Subject, string Payload);
