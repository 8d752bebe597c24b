//! The ledger's schema, as an append-only list of migrations keyed by
//! `PRAGMA user_version`. Never edit a migration that has shipped: add one.

/// Migration `i` takes a ledger from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    r#"
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
"#,
    // Version 2, for import speed (a million-row import took 2.9 times as long
    // as sqlite3's `.import`): `kind IN (...)` became ORs, which SQLite checks
    // without building a temporary table per row; the hash is stored as 32
    // bytes rather than 64 hex digits; `prev_hash` is gone, as it only repeated
    // the previous entry's hash (which the hash still covers); `batch` is no
    // longer a foreign key, so that an import can write its batch row last,
    // when its rows are counted (`plan verify` checks that each batch exists).
    // The table is
    // rebuilt in id order with the same content, so every hash stays valid.
    // Dropping the old table takes its indexes and triggers with it (its
    // implicit delete fires no trigger); they are created again.
    r#"
CREATE TABLE entry_v2 (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL
                 CHECK (kind = 'figure' OR kind = 'completion' OR kind = 'correction' OR kind = 'void'),
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
    batch        INTEGER,
    plan_id      TEXT NOT NULL,
    hash         BLOB NOT NULL
) STRICT;
INSERT INTO entry_v2
SELECT id, kind, indicator, task, period, year, value_text, value, reported_on, recorded_at, by,
       source, note, target_entry, batch, plan_id,
       -- A hash edited into something not hex is kept as it is, for verify to find.
       coalesce(unhex(hash), CAST(hash AS BLOB))
FROM entry ORDER BY id;
DROP TABLE entry;
ALTER TABLE entry_v2 RENAME TO entry;

CREATE INDEX entry_by_indicator ON entry(indicator, year) WHERE indicator IS NOT NULL;
CREATE INDEX entry_by_task ON entry(task) WHERE task IS NOT NULL;

CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
BEGIN SELECT RAISE(ABORT, 'plan ledger entries are append-only: record a correction instead'); END;
CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
BEGIN SELECT RAISE(ABORT, 'plan ledger entries are append-only: record a void instead'); END;
"#,
    // Version 3: a batch records how many entries it wrote (`rows` counts
    // the file's rows, unchanged ones included), so that `plan verify` finds
    // a chain whose tail was cut off (SPEC §3). NULL for older batches.
    r#"
ALTER TABLE batch ADD COLUMN entries INTEGER;
"#,
    // Version 4, for report speed (a review of five years on a million
    // entries read every one of them): the figure index orders each
    // indicator's entries by period, kind and reporting date, so that what
    // counts in a period (SPEC §5) is found by a few seeks per period and
    // date (`Ledger::counted_figures`), and a span of years is a range of
    // periods (their texts start with the year). It replaces the index by
    // (indicator, year), so an import still builds one figure index.
    r#"
DROP INDEX entry_by_indicator;
CREATE INDEX entry_by_period ON entry(indicator, period, kind, reported_on) WHERE indicator IS NOT NULL;
"#,
    // Version 5, for import speed and size (a million-row import wrote 137
    // MB of entries; sqlite3's `.import` of the same file, 40 MB): what an
    // entry shares with its batch or its ledger is stored once. `recorded_at`
    // is NULL when it is the batch's `imported_at` (every entry an import
    // writes), `plan_id` NULL when it is the ledger's (`meta`), which is
    // every entry `plan` writes, since a ledger is bound to one plan. A
    // value that differs (an older ledger's, or one edited behind plan's
    // back) is kept as it was, so every hash still verifies or fails as
    // before. The view `entry_content` gives each entry every field its
    // hash covers (SPEC §3); read entries through it.
    r#"
CREATE TABLE entry_v5 (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL
                 CHECK (kind = 'figure' OR kind = 'completion' OR kind = 'correction' OR kind = 'void'),
    indicator    TEXT,
    task         TEXT,
    period       TEXT,
    year         INTEGER NOT NULL,
    value_text   TEXT,
    value        REAL,
    reported_on  TEXT NOT NULL,
    recorded_at  TEXT,
    by           TEXT NOT NULL,
    source       TEXT,
    note         TEXT,
    target_entry INTEGER REFERENCES entry(id),
    batch        INTEGER,
    plan_id      TEXT,
    hash         BLOB NOT NULL
) STRICT;
INSERT INTO entry_v5
SELECT e.id, e.kind, e.indicator, e.task, e.period, e.year, e.value_text, e.value, e.reported_on,
       CASE WHEN e.recorded_at IS (SELECT b.imported_at FROM batch b WHERE b.id = e.batch)
            THEN NULL ELSE e.recorded_at END,
       e.by, e.source, e.note, e.target_entry, e.batch,
       CASE WHEN e.plan_id IS (SELECT m.value FROM meta m WHERE m.key = 'plan_id')
            THEN NULL ELSE e.plan_id END,
       e.hash
FROM entry e ORDER BY e.id;
DROP TABLE entry;
ALTER TABLE entry_v5 RENAME TO entry;

CREATE INDEX entry_by_period ON entry(indicator, period, kind, reported_on) WHERE indicator IS NOT NULL;
CREATE INDEX entry_by_task ON entry(task) WHERE task IS NOT NULL;

CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
BEGIN SELECT RAISE(ABORT, 'plan ledger entries are append-only: record a correction instead'); END;
CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
BEGIN SELECT RAISE(ABORT, 'plan ledger entries are append-only: record a void instead'); END;

-- A batch or meta row gone missing leaves an empty text, which no hash
-- covers: `plan verify` names the entry. Joins rather than a subquery per
-- row: a million entries read through the view in 0.3 s, not 0.6 (0.12 s
-- from the table alone).
CREATE VIEW entry_content AS
SELECT e.id, e.kind, e.indicator, e.task, e.period, e.year, e.value_text, e.value, e.reported_on,
       coalesce(e.recorded_at, b.imported_at, '') AS recorded_at,
       e.by, e.source, e.note, e.target_entry, e.batch,
       coalesce(e.plan_id, m.value, '') AS plan_id,
       e.hash
FROM entry e
LEFT JOIN batch b ON b.id = e.batch
LEFT JOIN (SELECT value FROM meta WHERE key = 'plan_id' LIMIT 1) m;
"#,
    // Version 6: the ledger keeps every version of the plan it worked
    // under (SPEC §2.1). A version is an entry of kind `plan_version` in the
    // chain (its `value_text` the SHA-256 of the text, as hex, so the
    // chain's hash covers it); the text lies in `plan_text`, keyed by that
    // hash, with the entry that recorded it (so reports find the version
    // by one seek, not a scan of the entries). `plan_text` is append-only
    // like the entries. The entry table's CHECK on `kind` admits the new
    // kind: only the CHECK's text is changed (SQLite's documented way to
    // loosen a constraint, `writable_schema`), the rows are not rewritten,
    // so a million-entry ledger migrates at once and every hash stays.
    r#"
CREATE TABLE plan_text (
    hash  BLOB PRIMARY KEY,
    entry INTEGER NOT NULL,
    text  TEXT NOT NULL
) STRICT;
CREATE TRIGGER plan_text_no_update BEFORE UPDATE ON plan_text
BEGIN SELECT RAISE(ABORT, 'plan ledger plan versions are append-only'); END;
CREATE TRIGGER plan_text_no_delete BEFORE DELETE ON plan_text
BEGIN SELECT RAISE(ABORT, 'plan ledger plan versions are append-only'); END;

PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'OR kind = ''void''', 'OR kind = ''void'' OR kind = ''plan_version''')
 WHERE type = 'table' AND name = 'entry' AND instr(sql, 'kind = ''plan_version''') = 0;
PRAGMA writable_schema = RESET;
"#,
];

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;
