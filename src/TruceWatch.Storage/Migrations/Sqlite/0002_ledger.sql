-- The ledger: the hash chain every state change is appended to, in the same transaction as the change (docs/ledger.md).
-- sequence is the rowid (INTEGER PRIMARY KEY), so appending in order and reading the head cost no extra index.
-- at_text is exactly LedgerEvent.AtText, the text that was hashed. Hashes are unique through an index of its own (not an inline
-- UNIQUE) so that the first load of a store can build it once at the end, as it does the time index: kept up to date entry by
-- entry, random 64-character keys more than doubled the import time of a million rows (docs/benchmarks.md).
CREATE TABLE ledger (
    sequence      INTEGER PRIMARY KEY,
    at_text       TEXT NOT NULL,
    kind          TEXT NOT NULL,
    subject       TEXT NOT NULL,
    payload       TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL
);

CREATE UNIQUE INDEX ledger_by_hash ON ledger (hash);

-- Append-only in the schema, not just by convention: the store never updates or deletes an entry, and neither may anything else
-- that uses the file. Someone who drops these triggers can edit entries, and verification then names the first entry changed.
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'ledger entries are append-only');
END;

CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'ledger entries are append-only');
END;
