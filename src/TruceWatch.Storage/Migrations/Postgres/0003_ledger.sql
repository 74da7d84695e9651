-- The ledger: the hash chain every state change is appended to, in the same transaction as the change (docs/ledger.md).
-- at_text is exactly LedgerEvent.AtText, the text that was hashed. Writers serialise on an advisory lock (PostgresLedger) and
-- append whole batches with binary COPY.
CREATE TABLE ledger (
    sequence      bigint PRIMARY KEY,
    at_text       text NOT NULL,
    kind          text NOT NULL,
    subject       text NOT NULL,
    payload       text NOT NULL,
    previous_hash text NOT NULL,
    hash          text NOT NULL UNIQUE
);

-- Append-only in the schema: any UPDATE, DELETE or TRUNCATE statement on the ledger fails, even one that matches no row. Someone
-- who disables the triggers can edit entries, and verification then names the first entry changed.
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger entries are append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER ledger_no_update_or_delete BEFORE UPDATE OR DELETE ON ledger
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();

CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON ledger
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
