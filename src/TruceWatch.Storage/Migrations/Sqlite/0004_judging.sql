-- Stored judgements. terms_versions: every version of an agreement's terms ever judged with (its file's SHA-256), each recorded in the
-- ledger once. judging_jobs: the work queue; a job judges one run of up to 1,000 reports against one terms version, and any number of
-- workers take jobs from it. assessments: the latest verdict per report and agreement, with the terms version it was made under.
CREATE TABLE terms_versions (
    agreement_id TEXT NOT NULL,
    version      INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    PRIMARY KEY (agreement_id, sha256)
);

CREATE TABLE judging_jobs (
    id              INTEGER PRIMARY KEY,
    agreement_id    TEXT NOT NULL,
    terms_sha256    TEXT NOT NULL,
    first_report_id INTEGER NOT NULL,
    last_report_id  INTEGER NOT NULL,
    state           TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    queued_at       TEXT NOT NULL,
    taken_by        TEXT,
    taken_at        TEXT,
    finished_at     TEXT,
    error           TEXT
);

CREATE INDEX judging_jobs_by_state ON judging_jobs (state, id);

CREATE TABLE assessments (
    agreement_id      TEXT NOT NULL,
    report_id         INTEGER NOT NULL REFERENCES reports (id),
    agreement_version INTEGER NOT NULL,
    terms_sha256      TEXT NOT NULL,
    verdict           TEXT NOT NULL,
    reason            TEXT NOT NULL,
    missing           TEXT,
    job_id            INTEGER NOT NULL,
    judged_at         TEXT NOT NULL,
    PRIMARY KEY (agreement_id, report_id)
);
