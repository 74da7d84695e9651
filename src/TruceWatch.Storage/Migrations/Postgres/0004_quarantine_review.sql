-- Review of quarantined rows: each row has a status (open until someone decides), who decided, when and why, and a version that
-- every edit must name (optimistic concurrency: a stale edit is refused, never silently applied). Decisions go to the ledger.
ALTER TABLE quarantine ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'corrected'));
ALTER TABLE quarantine ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE quarantine ADD COLUMN decided_by text;
ALTER TABLE quarantine ADD COLUMN decided_at timestamptz;
ALTER TABLE quarantine ADD COLUMN note text;

CREATE INDEX quarantine_by_status ON quarantine (status, import_id);
