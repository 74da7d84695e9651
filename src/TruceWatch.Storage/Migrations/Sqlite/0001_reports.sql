-- Sources, import batches, reports and the quarantine.
CREATE TABLE sources (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    reliability TEXT NOT NULL,
    speaks_for  TEXT
);

CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    file_name   TEXT NOT NULL,
    format      TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    accepted    INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0,
    quarantined INTEGER NOT NULL DEFAULT 0
);

-- Report times are UTC instants as .NET ticks (100 ns since 0001-01-01): small keys that sort in time order and keep the exact
-- latest moment a report may describe. Unknown is NULL, never zero. The verbatim row is in payload.
CREATE TABLE reports (
    id               INTEGER PRIMARY KEY,
    source           TEXT NOT NULL,
    source_record_id TEXT NOT NULL,
    import_id        INTEGER NOT NULL REFERENCES imports(id),
    line             INTEGER NOT NULL,
    reported_at      INTEGER,
    start_time       INTEGER,
    end_time         INTEGER,
    latest_time      INTEGER,
    time_precision   TEXT NOT NULL,
    perpetrator      TEXT,
    domain           TEXT,
    means            TEXT,
    means_inferred   INTEGER NOT NULL,
    weapon           TEXT,
    launched         INTEGER,
    intercepted      INTEGER,
    hits             INTEGER,
    country          TEXT,
    admin1           TEXT,
    place            TEXT,
    lat              REAL,
    lon              REAL,
    place_precision  TEXT NOT NULL,
    targets          TEXT,
    killed           INTEGER,
    injured          INTEGER,
    description      TEXT,
    payload          TEXT NOT NULL,
    payload_sha256   TEXT NOT NULL,
    UNIQUE (source, source_record_id)
);

CREATE INDEX reports_by_time ON reports (start_time, latest_time);

CREATE TABLE quarantine (
    id             INTEGER PRIMARY KEY,
    import_id      INTEGER NOT NULL REFERENCES imports(id),
    format         TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    line           INTEGER NOT NULL,
    reason         TEXT NOT NULL,
    payload        TEXT NOT NULL,
    payload_sha256 TEXT NOT NULL,
    UNIQUE (format, payload_sha256, reason)
);
