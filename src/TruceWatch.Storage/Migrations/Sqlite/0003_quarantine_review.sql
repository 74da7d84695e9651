-- Review of quarantined rows: each row has a status (open until someone decides), who decided, when and why, and a version that
-- every edit must name (optimistic concurrency: a stale edit is refused, never silently applied). Decisions go to the ledger.
ALTER TABLE quarantine ADD COLUMN status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'corrected'));
ALTER TABLE quarantine ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE quarantine ADD COLUMN decided_by TEXT;
ALTER TABLE quarantine ADD COLUMN decided_at TEXT;
ALTER TABLE quarantine ADD COLUMN note TEXT;

CREATE INDEX quarantine_by_status ON quarantine (status, import_id);
