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
    // Version 7, for import speed and size (issue #25: the entry row was
    // wider than the data): the compact row. Kinds are integers; indicator
    // and task ids are the codes of table `item`; a period in its own
    // spelling is the number `YYYY00 + n`, a reporting date `YYYYMMDD`;
    // the value as typed is stored only when it is not the number's own
    // rendering (NULL: plain `1234.5`; 1: `1.234,5`; 2: `1,234.5`; 0: no
    // text); `by` is NULL when it is the batch's. Any text that would not
    // come back the same (an older ledger's, or one edited behind plan's
    // back) is kept as it was, so every hash verifies or fails as before
    // (`ledger::stored` holds the rules; the view `entry_content` rebuilds
    // every text for readers outside plan). The figure index is built on
    // the integers, and holds every column a report's scan reads (value,
    // value as typed, target), so that the scan never visits the table:
    // a 400-indicator report reading 10,000 entries spent a table seek on
    // each (`bench/report.sh`). `id` comes before them, so that the
    // entries of one period, kind and day stay in ledger order (the seeks
    // for the latest of a day; after the value they cost a sort of the
    // day: `report --year 2030` on the bench ledger took 66 ms, not 11).
    r#"
CREATE TABLE item (
    code INTEGER PRIMARY KEY,
    id   TEXT NOT NULL UNIQUE
) STRICT;
CREATE TRIGGER item_no_update BEFORE UPDATE ON item
BEGIN SELECT RAISE(ABORT, 'plan ledger ids are append-only'); END;
CREATE TRIGGER item_no_delete BEFORE DELETE ON item
BEGIN SELECT RAISE(ABORT, 'plan ledger ids are append-only'); END;
INSERT INTO item (id)
SELECT id FROM (SELECT indicator AS id FROM entry WHERE indicator IS NOT NULL
                UNION SELECT task FROM entry WHERE task IS NOT NULL)
ORDER BY id;

DROP VIEW entry_content;
CREATE TABLE entry_v7 (
    id           INTEGER PRIMARY KEY,
    kind         INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 4),
    indicator    INTEGER,
    task         INTEGER,
    period       ANY,
    year         INTEGER NOT NULL,
    value_text   ANY,
    value        REAL,
    reported_on  ANY NOT NULL,
    recorded_at  TEXT,
    by           TEXT,
    source       TEXT,
    note         TEXT,
    target_entry INTEGER REFERENCES entry(id),
    batch        INTEGER,
    plan_id      TEXT,
    hash         BLOB NOT NULL
) STRICT;
INSERT INTO entry_v7
SELECT e.id,
       CASE e.kind WHEN 'figure' THEN 0 WHEN 'completion' THEN 1 WHEN 'correction' THEN 2
                   WHEN 'void' THEN 3 WHEN 'plan_version' THEN 4 END,
       (SELECT code FROM item WHERE id = e.indicator),
       (SELECT code FROM item WHERE id = e.task),
       CASE WHEN e.period GLOB '[0-9][0-9][0-9][0-9]'
                 THEN CAST(e.period AS INTEGER) * 100
            WHEN e.period GLOB '[0-9][0-9][0-9][0-9]-H[12]'
                 THEN CAST(substr(e.period, 1, 4) AS INTEGER) * 100 + 10 + CAST(substr(e.period, 7, 1) AS INTEGER)
            WHEN e.period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'
                 THEN CAST(substr(e.period, 1, 4) AS INTEGER) * 100 + 20 + CAST(substr(e.period, 7, 1) AS INTEGER)
            WHEN e.period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(e.period, 6, 2) BETWEEN '01' AND '12'
                 THEN CAST(substr(e.period, 1, 4) AS INTEGER) * 100 + 30 + CAST(substr(e.period, 6, 2) AS INTEGER)
            ELSE e.period END,
       e.year,
       CASE WHEN e.value IS NULL THEN e.value_text
            WHEN e.value_text IS NULL THEN 0
            WHEN e.value_text IS p.plain AND p.plain_ok THEN NULL
            WHEN p.plain_ok AND e.value_text IS replace(p.grouped, ',', '.') || coalesce(',' || p.frac, '') THEN 1
            WHEN p.plain_ok AND e.value_text IS p.grouped || coalesce('.' || p.frac, '') THEN 2
            ELSE e.value_text END,
       e.value,
       CASE WHEN e.reported_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                 AND date(e.reported_on) IS e.reported_on
            THEN CAST(replace(e.reported_on, '-', '') AS INTEGER)
            ELSE e.reported_on END,
       e.recorded_at,
       CASE WHEN e.batch IS NOT NULL AND e.by IS (SELECT b.by FROM batch b WHERE b.id = e.batch)
            THEN NULL ELSE e.by END,
       e.source, e.note, e.target_entry, e.batch, e.plan_id, e.hash
FROM entry e
LEFT JOIN (
    -- The plain rendering (`ledger::stored::plain_into`): a whole number
    -- below 10^15 in digits, another its 15 significant digits, taken
    -- only when they are its shortest (it reads back as the same number)
    -- and within 10^-4..10^15; split for the grouped renderings.
    SELECT v.value,
           v.plain,
           (v.value = CAST(v.value AS INTEGER) AND abs(v.value) < 1e15)
             OR (abs(v.value) >= 1e-4 AND abs(v.value) < 1e15 AND CAST(v.plain AS REAL) = v.value
                 AND instr(v.plain, 'e') = 0) AS plain_ok,
           printf('%,d', CAST(CASE WHEN instr(v.plain, '.') > 0 THEN substr(v.plain, 1, instr(v.plain, '.') - 1)
                                   ELSE v.plain END AS INTEGER)) AS grouped,
           CASE WHEN instr(v.plain, '.') > 0 THEN substr(v.plain, instr(v.plain, '.') + 1) END AS frac
    FROM (SELECT DISTINCT value,
                 CASE WHEN value = CAST(value AS INTEGER) AND abs(value) < 1e15
                      THEN CAST(CAST(value AS INTEGER) AS TEXT) ELSE printf('%.15g', value) END AS plain
          FROM entry WHERE value IS NOT NULL) v
) p ON p.value = e.value
ORDER BY e.id;
DROP TABLE entry;
ALTER TABLE entry_v7 RENAME TO entry;

CREATE INDEX entry_by_period ON entry(indicator, period, kind, reported_on, id, value, value_text, target_entry)
    WHERE indicator IS NOT NULL;
CREATE INDEX entry_by_task ON entry(task) WHERE task IS NOT NULL;

CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
BEGIN SELECT RAISE(ABORT, 'plan ledger entries are append-only: record a correction instead'); END;
CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
BEGIN SELECT RAISE(ABORT, 'plan ledger entries are append-only: record a void instead'); END;

-- Every field the hash covers, as text (SPEC §3), rebuilt from the compact
-- row (`ledger::stored`). A batch, meta or item row gone missing leaves an
-- empty text or NULL, which no hash covers: `plan verify` names the entry.
CREATE VIEW entry_content AS
SELECT e.id,
       CASE e.kind WHEN 0 THEN 'figure' WHEN 1 THEN 'completion' WHEN 2 THEN 'correction'
                   WHEN 3 THEN 'void' WHEN 4 THEN 'plan_version' END AS kind,
       i.id AS indicator,
       t.id AS task,
       CASE WHEN typeof(e.period) <> 'integer' THEN e.period
            WHEN e.period % 100 = 0 THEN printf('%04d', e.period / 100)
            WHEN e.period % 100 < 20 THEN printf('%04d-H%d', e.period / 100, e.period % 100 - 10)
            WHEN e.period % 100 < 30 THEN printf('%04d-Q%d', e.period / 100, e.period % 100 - 20)
            ELSE printf('%04d-%02d', e.period / 100, e.period % 100 - 30) END AS period,
       e.year,
       CASE WHEN e.value_text IS NULL THEN CASE WHEN e.value IS NOT NULL THEN (CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END) END
            WHEN typeof(e.value_text) <> 'integer' THEN e.value_text
            WHEN e.value_text = 1 THEN replace(printf('%,d', CAST(CASE WHEN instr((CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END), '.') > 0 THEN substr((CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END), 1, instr((CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END), '.') - 1) ELSE (CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END) END AS INTEGER)), ',', '.') || coalesce(',' || CASE WHEN instr((CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END), '.') > 0 THEN substr((CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END), instr((CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END), '.') + 1) END, '')
            WHEN e.value_text = 2 THEN printf('%,d', CAST(CASE WHEN instr((CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END), '.') > 0 THEN substr((CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END), 1, instr((CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END), '.') - 1) ELSE (CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END) END AS INTEGER)) || coalesce('.' || CASE WHEN instr((CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END), '.') > 0 THEN substr((CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END), instr((CASE WHEN e.value = CAST(e.value AS INTEGER) AND abs(e.value) < 1e15 THEN CAST(CAST(e.value AS INTEGER) AS TEXT) ELSE printf('%.15g', e.value) END), '.') + 1) END, '') END AS value_text,
       e.value,
       CASE WHEN typeof(e.reported_on) <> 'integer' THEN e.reported_on
            ELSE printf('%04d-%02d-%02d', e.reported_on / 10000, e.reported_on / 100 % 100, e.reported_on % 100)
       END AS reported_on,
       coalesce(e.recorded_at, b.imported_at, '') AS recorded_at,
       coalesce(e.by, b.by, '') AS by,
       e.source, e.note, e.target_entry, e.batch,
       coalesce(e.plan_id, m.value, '') AS plan_id,
       e.hash
FROM entry e
LEFT JOIN item i ON i.code = e.indicator
LEFT JOIN item t ON t.code = e.task
LEFT JOIN batch b ON b.id = e.batch
LEFT JOIN (SELECT value FROM meta WHERE key = 'plan_id' LIMIT 1) m;
"#,
];

/// The version that made the entry row compact (it rebuilds the table).
pub const COMPACT_ROW: i64 = 7;

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;
