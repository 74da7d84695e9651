-- Resumable imports. content_sha256: the SHA-256 of the imported file, so a re-run of the same bytes finds the import it continues.
-- rows_read: the checkpoint, how many of the file's rows the committed batches have taken (stored, duplicate or quarantined); the
-- counts beside it are kept up to date with every batch, not only at the end.
ALTER TABLE imports ADD COLUMN content_sha256 TEXT;
ALTER TABLE imports ADD COLUMN rows_read INTEGER NOT NULL DEFAULT 0;
CREATE INDEX imports_unfinished ON imports (content_sha256, format) WHERE finished_at IS NULL;
