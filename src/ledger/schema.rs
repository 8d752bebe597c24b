//! The ledger's schema, as an append-only list of migrations keyed by
//! `PRAGMA user_version`. Never edit a migration that has shipped: add one.

/// Migration `i` takes a ledger from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE batch (
    id          INTEGER PRIMARY KEY,
    file        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    rows        INTEGER NOT NULL,
    by          TEXT NOT NULL,
    imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX batch_by_sha ON batch(sha256);

CREATE TABLE entry (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('figure', 'completion', 'correction', 'void')),
    indicator    TEXT,
    task         TEXT,
    period       TEXT,
    year         INTEGER NOT NULL,
    value_text   TEXT,
    value        REAL,
    reported_on  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    by           TEXT NOT NULL,
    source       TEXT,
    note         TEXT,
    target_entry INTEGER REFERENCES entry(id),
    batch        INTEGER REFERENCES batch(id),
    plan_id      TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
) STRICT;
CREATE INDEX entry_by_indicator ON entry(indicator, year) WHERE indicator IS NOT NULL;
CREATE INDEX entry_by_task ON entry(task) WHERE task IS NOT NULL;

CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
BEGIN SELECT RAISE(ABORT, 'plan ledger entries are append-only: record a correction instead'); END;
CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
BEGIN SELECT RAISE(ABORT, 'plan ledger entries are append-only: record a void instead'); END;
CREATE TRIGGER batch_no_update BEFORE UPDATE ON batch
BEGIN SELECT RAISE(ABORT, 'plan ledger batches are append-only'); END;
CREATE TRIGGER batch_no_delete BEFORE DELETE ON batch
BEGIN SELECT RAISE(ABORT, 'plan ledger batches are append-only'); END;
"#];

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;
