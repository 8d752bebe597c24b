//! The SQLite ledger: an append-only, hash-chained record of every figure,
//! completion, correction and void.
//!
//! Invariants: entries are only ever inserted (triggers refuse UPDATE and
//! DELETE); every write runs in an IMMEDIATE transaction that reads the
//! chain's tip and extends it, so concurrent writers queue up (WAL + busy
//! timeout) and the chain stays one line; a ledger is bound to the plan id
//! it was first written for.

mod hash;
mod schema;

pub use hash::GENESIS;
pub use schema::VERSION;

use crate::entry::{Entry, Kind};
use crate::tr;
use anyhow::{Context, Result, anyhow, bail};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;
use std::path::{Path, PathBuf};

mod busy;
pub mod clock;
mod counted;
pub mod errors;
mod future;
mod open;
mod rows;
mod seal;
pub mod stored;
pub mod verify;
mod writer;

use rows::{each_entry_newest_first, iso_date, row_to_entry, task_entries};
pub use seal::{Sealed, Sealer, recompute_hash};
pub use writer::Writer;
mod versions;

pub use versions::{PlanVersion, TextProblem, content_hash, hash_fingerprint, text_fingerprint};

/// An entry to append; the ledger fills id, time, batch, plan and hashes.
#[derive(Debug)]
pub struct NewEntry {
    pub kind: Kind,
    pub indicator: Option<String>,
    pub task: Option<String>,
    pub period: Option<String>,
    pub year: i32,
    pub value_text: Option<String>,
    pub value: Option<f64>,
    pub reported_on: NaiveDate,
    pub by: String,
    pub source: Option<String>,
    pub note: Option<String>,
    pub target_entry: Option<i64>,
}

impl Clone for NewEntry {
    fn clone(&self) -> Self {
        let mut e = NewEntry {
            kind: self.kind,
            indicator: None,
            task: None,
            period: None,
            year: self.year,
            value_text: None,
            value: self.value,
            reported_on: self.reported_on,
            by: String::new(),
            source: None,
            note: None,
            target_entry: self.target_entry,
        };
        e.clone_from(self);
        e
    }

    /// Field by field, so that the strings reuse their buffers (an import
    /// refills the same entries a million times).
    fn clone_from(&mut self, src: &Self) {
        self.kind = src.kind;
        self.indicator.clone_from(&src.indicator);
        self.task.clone_from(&src.task);
        self.period.clone_from(&src.period);
        self.year = src.year;
        self.value_text.clone_from(&src.value_text);
        self.value = src.value;
        self.reported_on = src.reported_on;
        self.by.clone_from(&src.by);
        self.source.clone_from(&src.source);
        self.note.clone_from(&src.note);
        self.target_entry = src.target_entry;
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Batch {
    pub id: i64,
    pub file: String,
    pub sha256: String,
    pub rows: i64,
    pub by: String,
    pub imported_at: String,
}

/// The last entry of the chain: its id and full hash (32 bytes as stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub id: i64,
    pub hash: Vec<u8>,
}

impl Head {
    /// `ID:HEX`, HEX the first 16 hex digits of the hash (SPEC §3).
    pub fn fingerprint(&self) -> String {
        let hex = hex::encode(&self.hash);
        format!("{}:{}", self.id, &hex[..hex.len().min(16)])
    }
}

pub struct Ledger {
    conn: Connection,
    path: PathBuf,
    /// Writes go ahead with the clock behind the latest write (`--clock-ok`).
    clock_ok: bool,
    /// The plan text writes are made under, recorded as a plan version at
    /// the first write under it (SPEC §2.1; [`Ledger::set_plan_text`]).
    plan_text: Option<String>,
}

/// What [`rows::row_to_entry`] reads of an entry, from [`ENTRY_FROM`]: the
/// compact row (schema 7, `stored`) with what it shares with its batch,
/// its ids and its ledger.
const ENTRY_COLUMNS: &str = "e.id, e.kind, i.id, t.id, e.period, e.year, e.value_text, e.value, e.reported_on, \
     coalesce(e.recorded_at, b.imported_at, ''), coalesce(e.by, b.by, ''), e.source, e.note, e.target_entry, \
     e.batch, coalesce(e.plan_id, m.value, ''), e.hash";

/// The entry `e` joined to its ids (`i` indicator, `t` task), batch `b`
/// and the ledger's plan id `m`, for [`ENTRY_COLUMNS`]. Filter by an id
/// through its code (`item`, e.g. [`INDICATOR_CODE`]), so that the
/// indexes serve.
const ENTRY_FROM: &str = "entry e LEFT JOIN item i ON i.code = e.indicator LEFT JOIN item t ON t.code = e.task \
     LEFT JOIN batch b ON b.id = e.batch LEFT JOIN (SELECT value FROM meta WHERE key = 'plan_id' LIMIT 1) m";

/// SQL: the code of the indicator id bound as `?1` (NULL when the ledger
/// has none).
const INDICATOR_CODE: &str = "(SELECT code FROM item WHERE id = ?1)";

/// The real clock, for `recorded_at` (never settable in a shipped build:
/// [`clock::now`]).
pub fn now_utc() -> String {
    clock::stamp(clock::now())
}

impl Ledger {
    /// Opens (creating if needed) a ledger for writing, migrating an older one.
    ///
    /// Errors ([`errors::explain`]): a file or folder that cannot be written
    /// (read-only media) says so; a full disk says so; a file that is no
    /// SQLite database; a newer schema.
    pub fn open(path: &Path) -> Result<Ledger> {
        let conn = Connection::open(path).map_err(|e| errors::explain(e, path, true))?;
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            bail!(tr!("ledger-read-only", path = path.display().to_string()));
        }
        Self::init(conn, path, true)
    }

    /// An in-memory ledger, for tests.
    pub fn in_memory() -> Result<Ledger> {
        Self::init(Connection::open_in_memory()?, Path::new(":memory:"), true)
    }

    /// Reads the schema version, migrates, and (`writing`) puts the ledger
    /// in WAL mode; a reader whose place cannot take the WAL switch reads
    /// it as it is.
    fn init(mut conn: Connection, path: &Path, writing: bool) -> Result<Ledger> {
        // SQLite's own words ("file is not a database") are English and
        // say no more than this: the message stands alone.
        let not_ledger = || tr!("ledger-not-a-ledger", path = path.display().to_string());
        // Read-only media, a full disk, a lock: said as such (`errors`);
        // anything else SQLite cannot read is no ledger.
        let explain = |e: rusqlite::Error| match errors::classify(&e) {
            errors::Failure::Other => anyhow!(not_ledger()),
            _ => errors::explain(e, path, writing),
        };
        busy::install(&mut conn)?;
        // Plans that do not depend on the values bound: a statement
        // prepared once is not prepared again for each indicator (without
        // it SQLite re-prepared the report's scan at every new binding,
        // having looked at the bound values while weighing the partial
        // task index: 400 re-preparations for a 400-indicator report).
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true).map_err(explain)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(explain)?;
        if version > VERSION {
            bail!(tr!(
                "ledger-newer",
                path = path.display().to_string(),
                version = version.to_string(),
                known = VERSION.to_string()
            ));
        }
        let read_only = conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false);
        if !read_only {
            // WAL lets readers work while a writer appends; NORMAL sync is
            // durable at each checkpoint and never corrupts in WAL mode.
            match busy::retry(|| conn.pragma_update(None, "journal_mode", "WAL")) {
                Ok(()) => conn.pragma_update(None, "synchronous", "NORMAL").map_err(explain)?,
                Err(e) if busy::is_busy(&e) || writing => return Err(explain(e)),
                // A reader on a place it cannot write reads the ledger as it is.
                Err(_) => {}
            }
        }
        let mut ledger = Ledger { conn, path: path.to_path_buf(), clock_ok: false, plan_text: None };
        if version == 0 {
            ledger.migrate().with_context(not_ledger)?;
        } else if version < VERSION {
            if read_only {
                bail!(tr!(
                    "ledger-read-only-upgrade",
                    path = path.display().to_string(),
                    version = version.to_string(),
                    known = VERSION.to_string()
                ));
            }
            // A large ledger's upgrade takes seconds (schema 7 rewrites the
            // entries: 7.5 s for 1,000,000): said, so that it is not taken
            // for a hang.
            let entries: i64 = ledger
                .conn
                .query_row("SELECT coalesce(max(id), 0) FROM entry", [], |r| r.get(0))
                .unwrap_or(0);
            if version < schema::COMPACT_ROW && entries > 100_000 {
                eprintln!(
                    "{}",
                    tr!(
                        "ledger-upgrading",
                        path = path.display().to_string(),
                        entries = entries.to_string(),
                        version = version.to_string(),
                        known = VERSION.to_string()
                    )
                );
            }
            ledger.migrate().with_context(|| {
                tr!(
                    "ledger-upgrade-failed",
                    path = path.display().to_string(),
                    version = version.to_string(),
                    known = VERSION.to_string()
                )
            })?;
            // Schema 7 rebuilt the entries in less room: the file gives
            // the old pages back. Best effort, without waiting: should
            // another process hold the ledger right now, the free pages
            // stay in the file and later entries fill them.
            if version < schema::COMPACT_ROW {
                ledger.conn.busy_handler(None::<fn(i32) -> bool>).map_err(explain)?;
                let _ = ledger.conn.execute_batch("VACUUM");
                busy::install(&mut ledger.conn).map_err(explain)?;
            }
        }
        Ok(ledger)
    }

    /// Applies the missing migrations in one exclusive transaction; the
    /// version is re-read inside it, so two processes never both migrate.
    fn migrate(&mut self) -> Result<()> {
        // A migration that rebuilds a table drops the old one, whose rows
        // the new one references: foreign keys are off while it runs (they
        // cannot be switched inside a transaction) and checked before the
        // commit.
        self.conn.pragma_update(None, "foreign_keys", false)?;
        let result = self.migrate_unchecked();
        self.conn.pragma_update(None, "foreign_keys", true)?;
        result
    }

    fn migrate_unchecked(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Exclusive)
            .map_err(|e| errors::explain(e, &self.path, true))?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version == 0 {
            let foreign: i64 = tx.query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('meta', 'batch', 'entry')",
                [],
                |r| r.get(0),
            )?;
            if foreign > 0 {
                bail!(tr!("ledger-foreign-tables"));
            }
        }
        for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql)
                .with_context(|| tr!("ledger-migration-step", version = (i + 1).to_string()))?;
        }
        let broken: Option<String> = tx.query_row("PRAGMA foreign_key_check", [], |r| r.get(0)).optional()?;
        if let Some(table) = broken {
            bail!(tr!("ledger-dangling-row", table = table));
        }
        tx.pragma_update(None, "user_version", VERSION)?;
        tx.commit()?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// The plan id this ledger is bound to, if any entry was ever written.
    pub fn plan_id(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'plan_id'", [], |r| r.get(0))
            .optional()?)
    }

    /// The head fingerprint of the chain (SPEC §3): the last entry's id and
    /// the first 16 hex digits of its hash, `None` for an empty ledger.
    /// Reports print it so a signed paper pins the ledger as it was.
    pub fn head(&self) -> Result<Option<Head>> {
        Ok(self
            .conn
            .query_row("SELECT id, hash FROM entry ORDER BY id DESC LIMIT 1", [], |r| {
                // A hash edited behind plan's back may be text: keep its bytes.
                Ok(Head { id: r.get(0)?, hash: r.get_ref(1)?.as_bytes()?.to_vec() })
            })
            .optional()?)
    }

    /// Refuses to read a ledger written for another plan.
    pub fn check_plan(&self, plan_id: &str) -> Result<()> {
        match self.plan_id()? {
            Some(id) if id != plan_id => bail!(tr!(
                "ledger-other-plan-read",
                path = self.path.display().to_string(),
                other = id,
                plan = plan_id
            )),
            _ => Ok(()),
        }
    }

    /// Lets writes go ahead when the clock is behind the ledger's latest
    /// write (`--clock-ok`, SPEC §3 "The clock"); they record that it was.
    pub fn allow_clock_behind(&mut self, ok: bool) {
        self.clock_ok = ok;
    }

    /// `Some` when the computer's clock is behind this ledger's latest
    /// write by more than [`clock::TOLERANCE`] (the rule [`clock::check`]
    /// that every write obeys), for commands that check it before their
    /// input.
    pub fn clock_behind(&self) -> Result<Option<clock::Behind>> {
        Ok(clock::check(clock::latest(&self.conn)?.as_deref(), clock::now()).err())
    }

    /// `PRAGMA integrity_check`: "ok" or the problems found.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// For a new ledger built aside, which no other process can open until
    /// it is moved into place (a first import): the rollback journal in
    /// memory and no syncs while it fills, so each page is written once,
    /// not to the WAL and again at the checkpoint. [`Ledger::share`] puts
    /// it back in WAL mode; the caller syncs the file before moving it.
    pub fn build_unshared(&self) -> Result<()> {
        self.conn.pragma_update(None, "journal_mode", "MEMORY")?;
        self.conn.pragma_update(None, "synchronous", "OFF")?;
        Ok(())
    }

    /// Back to WAL mode after [`Ledger::build_unshared`].
    pub fn share(&self) -> Result<()> {
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(())
    }

    /// Runs `f` in one read transaction (`BEGIN DEFERRED`): every statement
    /// it runs reads the same snapshot, and SQLite takes and drops its
    /// shared lock once rather than once per statement (a report of 400
    /// indicators made 52,832 `fcntl` calls without it). Inside a
    /// transaction already, `f` simply runs in it. Errors: those of `f`,
    /// and SQLite failing to begin (the ledger locked past the busy
    /// timeout).
    pub fn in_read_transaction<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f();
        }
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let out = f();
        // A read transaction has nothing to keep: ending it either way
        // only drops the lock.
        let end = self.conn.execute_batch(if out.is_ok() { "COMMIT" } else { "ROLLBACK" });
        let out = out?;
        end?;
        Ok(out)
    }

    /// Whether the append-only triggers are in place.
    pub fn triggers_present(&self) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN ('entry_no_update', 'entry_no_delete')",
            [],
            |r| r.get(0),
        )?;
        Ok(n == 2)
    }
}

#[cfg(test)]
mod tests;

/// SQLite's query plan of `sql` (every parameter bound to 1), its steps
/// joined by `; `, for the tests that pin which index a statement reads.
#[cfg(test)]
fn query_plan(conn: &Connection, sql: &str) -> String {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).expect("a statement");
    let n = stmt.parameter_count();
    let steps: Vec<String> = stmt
        .query_map(rusqlite::params_from_iter(std::iter::repeat_n(1, n)), |r| r.get(3))
        .expect("a plan")
        .collect::<rusqlite::Result<_>>()
        .expect("its steps");
    steps.join("; ")
}
