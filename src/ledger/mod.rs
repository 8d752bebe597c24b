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
}

const ENTRY_COLUMNS: &str = "id, kind, indicator, task, period, year, value_text, value, reported_on, \
     recorded_at, by, source, note, target_entry, batch, plan_id, hash";

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
        let mut ledger = Ledger { conn, path: path.to_path_buf(), clock_ok: false };
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
            ledger.migrate().with_context(|| {
                tr!(
                    "ledger-upgrade-failed",
                    path = path.display().to_string(),
                    version = version.to_string(),
                    known = VERSION.to_string()
                )
            })?;
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

    /// Starts an IMMEDIATE transaction that appends to the chain.
    ///
    /// Errors: [`clock::Behind`] when the clock is behind the ledger's
    /// latest write and [`Ledger::allow_clock_behind`] was not given; a
    /// ledger of another plan; SQLite failures.
    pub fn writer(&mut self, plan_id: &str) -> Result<Writer<'_>> {
        let clock_ok = self.clock_ok;
        let path = self.path.display().to_string();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| errors::explain(e, &self.path, true))?;
        let bound: Option<String> =
            tx.query_row("SELECT value FROM meta WHERE key = 'plan_id'", [], |r| r.get(0)).optional()?;
        match bound {
            Some(id) if id != plan_id => {
                bail!(tr!("ledger-other-plan-write", path = path.as_str(), other = id, plan = plan_id))
            }
            Some(_) => {}
            None => {
                tx.execute("INSERT INTO meta (key, value) VALUES ('plan_id', ?1)", [plan_id])
                    .with_context(|| tr!("ledger-cannot-write", path = path.as_str()))?;
            }
        }
        let tip: Option<(i64, Vec<u8>)> = tx
            .query_row("SELECT id, hash FROM entry ORDER BY id DESC LIMIT 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let (last_id, last_hash) = match tip {
            // A hash that is not 32 bytes was edited outside plan: the chain
            // goes on from it all the same (`plan verify` names it).
            Some((id, h)) => (id, h.try_into().unwrap_or([0xff; 32])),
            None => (0, [0; 32]),
        };
        let now = clock::now();
        let clock_latest = clock::latest(&tx)?;
        let (recorded_at, clock_marked) = match clock::check(clock_latest.as_deref(), now) {
            Ok(()) => (clock::stamp(now), false),
            Err(behind) if clock_ok => (clock::marked(&clock::stamp(now), &behind.latest), true),
            Err(behind) => return Err(behind.into()),
        };
        let sealer = Sealer {
            plan_id: plan_id.to_string(),
            recorded_at,
            batch: None,
            next_id: last_id + 1,
            last_hash,
        };
        Ok(Writer {
            tx,
            path: self.path.clone(),
            sealer,
            open_batch: false,
            batch_first: 0,
            deferred_indexes: Vec::new(),
            clock_latest,
            clock_marked,
            latest_reported: None,
            entries_before: last_id,
        })
    }

    /// Appends `entries` in one transaction; returns their ids.
    pub fn append(&mut self, plan_id: &str, entries: &[NewEntry]) -> Result<Vec<i64>> {
        let mut w = self.writer(plan_id)?;
        let ids = entries.iter().map(|e| w.push(e)).collect::<Result<Vec<_>>>()?;
        w.commit()?;
        Ok(ids)
    }

    pub fn entry(&self, id: i64) -> Result<Option<Entry>> {
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM entry_content WHERE id = ?1");
        Ok(self.conn.query_row(&sql, [id], row_to_entry).optional()?)
    }

    /// Every entry of `indicator` in `years`, in ledger order.
    pub fn indicator_entries(&self, indicator: &str, first: i32, last: i32) -> Result<Vec<Entry>> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entry_content WHERE indicator = ?1 AND year BETWEEN ?2 AND ?3 ORDER BY id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![indicator, first, last], row_to_entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every entry about any task, in ledger order.
    pub fn task_entries(&self) -> Result<Vec<Entry>> {
        task_entries(&self.conn)
    }

    /// The entries of each of `indicators` in years `first..=last`, one
    /// indicator at a time in the order given (those without entries get an
    /// empty list), each by period (then kind, date and ledger order), with
    /// only what deciding what counts needs (SPEC §5): id, kind, indicator,
    /// period, year, value, reported_on, by, note, target_entry; the other
    /// fields are left empty (never verify or re-hash these). Corrections
    /// and voids carry their figure's indicator, period and year. One
    /// prepared statement, a range of the figure index `(indicator, period,
    /// kind, reported_on)` per indicator (the years are a range of period
    /// texts), in one read transaction; memory holds one indicator's
    /// entries: for exports of large ledgers, written as they are counted.
    pub fn for_each_indicator_counting_entries(
        &self,
        indicators: &[&str],
        first: i32,
        last: i32,
        mut f: impl FnMut(&str, Vec<Entry>) -> Result<()>,
    ) -> Result<()> {
        // Period texts start with their year in four digits; other years
        // (never in a plan) are found by `year` alone.
        let (from, to) = if (0..=9998).contains(&first) && (0..=9998).contains(&last) {
            (format!("{first:04}"), format!("{:04}", last + 1))
        } else {
            (String::new(), char::MAX.to_string())
        };
        let bad = |col: usize, what: &str| {
            rusqlite::Error::FromSqlConversionFailure(
                col,
                rusqlite::types::Type::Text,
                format!("invalid {what}").into(),
            )
        };
        self.in_read_transaction(|| {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, kind, period, value, reported_on, by, note, target_entry, year FROM entry
                 WHERE indicator = ?5 AND period >= ?3 AND period < ?4 AND year BETWEEN ?1 AND ?2
                 ORDER BY period",
            )?;
            for &indicator in indicators {
                let mut rows = stmt.query(params![first, last, from, to, indicator])?;
                let mut group: Vec<Entry> = Vec::new();
                while let Some(r) = rows.next()? {
                    let kind = r.get_ref(1)?.as_str()?;
                    let reported_on = r.get_ref(4)?.as_str()?;
                    group.push(Entry {
                        id: r.get(0)?,
                        kind: Kind::parse(kind).ok_or_else(|| bad(1, "kind"))?,
                        indicator: Some(indicator.to_string()),
                        task: None,
                        period: r.get(2)?,
                        year: r.get(8)?,
                        value_text: None,
                        value: r.get(3)?,
                        reported_on: iso_date(reported_on).ok_or_else(|| bad(4, "date"))?,
                        recorded_at: String::new(),
                        by: r.get(5)?,
                        source: None,
                        note: r.get(6)?,
                        target_entry: r.get(7)?,
                        batch: None,
                        plan_id: String::new(),
                        hash: String::new(),
                    });
                }
                f(indicator, group)?;
            }
            Ok(())
        })
    }

    /// Entries matching the filters, in ledger order.
    pub fn entries(
        &self,
        indicator: Option<&str>,
        task: Option<&str>,
        year: Option<i32>,
    ) -> Result<Vec<Entry>> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entry_content
             WHERE (?1 IS NULL OR indicator = ?1) AND (?2 IS NULL OR task = ?2) AND (?3 IS NULL OR year = ?3)
             ORDER BY id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![indicator, task, year], row_to_entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Calls `f` on every entry, newest first, one at a time (a large
    /// ledger has too many to hold at once).
    pub fn for_each_entry_newest_first(&self, f: impl FnMut(Entry) -> Result<()>) -> Result<()> {
        each_entry_newest_first(&self.conn, f)
    }

    /// The ids of every batch.
    pub fn batch_ids(&self) -> Result<std::collections::HashSet<i64>> {
        Ok(self.batch_entries()?.into_keys().collect())
    }

    /// Every batch, with the number of entries it recorded writing (`None`
    /// for a batch written before schema 3, or when the count is no number).
    pub fn batch_entries(&self) -> Result<std::collections::HashMap<i64, Option<i64>>> {
        let mut stmt = self.conn.prepare("SELECT id, entries FROM batch")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, Option<i64>>(1).ok().flatten())))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Calls `f` on every entry in ledger order (streaming, for verify).
    pub fn for_each_entry(&self, mut f: impl FnMut(Entry) -> Result<()>) -> Result<()> {
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM entry_content ORDER BY id");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            f(row_to_entry(row)?)?;
        }
        Ok(())
    }

    /// The batch that imported a file with these bytes, if any.
    pub fn batch_by_sha(&self, sha256: &str) -> Result<Option<Batch>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, file, sha256, rows, by, imported_at FROM batch WHERE sha256 = ?1 ORDER BY id LIMIT 1",
                [sha256],
                |r| {
                    Ok(Batch {
                        id: r.get(0)?,
                        file: r.get(1)?,
                        sha256: r.get(2)?,
                        rows: r.get(3)?,
                        by: r.get(4)?,
                        imported_at: r.get(5)?,
                    })
                },
            )
            .optional()?)
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

/// Gives entries their id and hash, extending the chain from its tip. It
/// needs no database, so an import can seal entries on one thread while
/// another inserts them.
#[derive(Debug, Clone)]
pub struct Sealer {
    plan_id: String,
    recorded_at: String,
    batch: Option<i64>,
    next_id: i64,
    /// The tip's hash (all zeros before the first entry: [`GENESIS`]).
    last_hash: [u8; 32],
}

/// An entry with its id and hash: a row ready to insert.
#[derive(Debug, Clone)]
pub struct Sealed {
    id: i64,
    entry: NewEntry,
    /// `entry.reported_on` as stored.
    reported_on: String,
    batch: Option<i64>,
    hash: [u8; 32],
}

impl Sealer {
    /// Seals `e` as the next entry, into `out` (reusing its buffers).
    pub fn seal_into(&mut self, e: &NewEntry, out: &mut Sealed) {
        out.entry.clone_from(e);
        self.seal_in_place(out);
    }

    /// Seals `e` as the next entry.
    pub fn seal(&mut self, e: &NewEntry) -> Sealed {
        let mut out =
            Sealed { id: 0, entry: e.clone(), reported_on: String::new(), batch: None, hash: [0; 32] };
        self.seal_in_place(&mut out);
        out
    }

    fn seal_in_place(&mut self, out: &mut Sealed) {
        out.id = self.next_id;
        out.batch = self.batch;
        // `Display` is `%Y-%m-%d` without parsing a format string per entry.
        out.reported_on.clear();
        push_date(&mut out.reported_on, out.entry.reported_on);
        let mut prev = [0u8; 64];
        hex::encode_to_slice(self.last_hash, &mut prev).expect("32 bytes make 64 hex digits");
        let e = &out.entry;
        out.hash = hash::entry_hash(
            std::str::from_utf8(&prev).expect("hex is ASCII"),
            &hash::Content {
                id: out.id,
                kind: e.kind.as_str(),
                indicator: e.indicator.as_deref(),
                task: e.task.as_deref(),
                period: e.period.as_deref(),
                year: e.year.into(),
                value_text: e.value_text.as_deref(),
                value: e.value,
                reported_on: &out.reported_on,
                recorded_at: &self.recorded_at,
                by: &e.by,
                source: e.source.as_deref(),
                note: e.note.as_deref(),
                target_entry: e.target_entry,
                batch: out.batch,
                plan_id: &self.plan_id,
            },
        );
        self.next_id += 1;
        self.last_hash = out.hash;
    }
}

/// Appends `d` as `Display` writes it (`%Y-%m-%d`), without the formatting
/// machinery for the years every plan has.
fn push_date(out: &mut String, d: NaiveDate) {
    use chrono::Datelike;
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&y) {
        use std::fmt::Write as _;
        write!(out, "{d}").expect("write to a String");
        return;
    }
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let y = y as u32;
    let text = [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ];
    out.push_str(std::str::from_utf8(&text).expect("ASCII digits"));
}

/// An open append transaction. Dropping it without `commit` writes nothing.
pub struct Writer<'c> {
    tx: rusqlite::Transaction<'c>,
    /// The ledger's file, for messages ([`errors::explain`]).
    path: PathBuf,
    /// The chain's tip as this transaction has extended it.
    sealer: Sealer,
    /// A batch was opened and its row is not written yet.
    open_batch: bool,
    /// The id of the open batch's first entry.
    batch_first: i64,
    /// Indexes dropped by [`Writer::defer_figure_index`], to create at the commit.
    deferred_indexes: Vec<String>,
    /// The time this write was compared with ([`clock::latest`]).
    clock_latest: Option<String>,
    /// Written with the clock found behind (`--clock-ok`).
    clock_marked: bool,
    /// The latest date an entry of this write is reported on.
    latest_reported: Option<NaiveDate>,
    /// Entries in the ledger before this write.
    entries_before: i64,
}

/// Rows per multi-row INSERT of [`Writer::insert`]: a statement runs its
/// set-up once for all of them.
const ROWS_PER_INSERT: usize = 32;

/// Parameters of each row of [`insert_sql`], after the shared ones.
const ROW_PARAMS: usize = 13;
const SHARED_PARAMS: usize = 2;

/// `INSERT INTO entry` of `rows` rows. What every entry of a transaction
/// shares is bound once: `?1` the time (NULL in a batch, whose row holds
/// it), `?2` the batch. The plan id is the ledger's (`meta`), so `plan_id`
/// stays NULL (schema version 5). The id is left to SQLite, which appends
/// at the end of the table without searching it; [`Writer::insert`] checks
/// it is the sealed one.
fn insert_sql(rows: usize) -> String {
    use std::fmt::Write as _;
    let mut sql = String::from(
        "INSERT INTO entry (recorded_at, batch, kind, indicator, task, period, year, value_text, \
         value, reported_on, by, source, note, target_entry, hash) VALUES ",
    );
    for r in 0..rows {
        sql.push_str(if r == 0 { "(?1, ?2" } else { ", (?1, ?2" });
        for c in 0..ROW_PARAMS {
            write!(sql, ", ?{}", SHARED_PARAMS + r * ROW_PARAMS + c + 1).expect("write to a String");
        }
        sql.push(')');
    }
    sql
}

impl Writer<'_> {
    /// Opens a batch; later entries belong to it. Its row is written by
    /// [`Writer::close_batch`], once the rows are known, and must be before
    /// the commit.
    pub fn open_batch(&mut self) -> Result<i64> {
        let id: i64 = self.tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM batch", [], |r| r.get(0))?;
        self.sealer.batch = Some(id);
        self.open_batch = true;
        self.batch_first = self.sealer.next_id;
        Ok(id)
    }

    /// A sealer that goes on from the chain's tip, for entries to insert
    /// with [`Writer::insert`].
    pub fn sealer(&self) -> Sealer {
        self.sealer.clone()
    }

    /// Entries in the ledger (before this transaction, until it appends).
    pub fn entries_before(&self) -> i64 {
        self.sealer.next_id - 1
    }

    /// Drops the index of entries by indicator until the commit, which
    /// builds it again: for a bulk load of figures at least as large as the
    /// ledger, sorting once beats inserting into it row by row. Readers
    /// never see it missing (the drop is part of the transaction). The task
    /// index stays: an import adds at most one completion per task.
    pub fn defer_figure_index(&mut self) -> Result<()> {
        const NAME: &str = "entry_by_period";
        let sql: Option<String> = self
            .tx
            .query_row("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1", [NAME], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(sql) = sql else { return Ok(()) };
        // The commit sorts every entry for the index: with helper threads.
        // (A memory map of the table would save a copy of each page, but
        // count the whole ledger in the import's memory.)
        self.tx.pragma_update(None, "threads", 2)?;
        self.tx.execute_batch(&format!("DROP INDEX {NAME}"))?;
        self.deferred_indexes.push(sql);
        Ok(())
    }

    /// Writes the open batch's row: `rows` of the file, and the entries
    /// this writer appended since [`Writer::open_batch`] (for `verify`).
    pub fn close_batch(&mut self, file: &str, sha256: &str, rows: i64, by: &str) -> Result<()> {
        let Some(id) = self.sealer.batch.filter(|_| self.open_batch) else {
            bail!("no batch is open");
        };
        let entries = self.sealer.next_id - self.batch_first;
        self.tx.execute(
            "INSERT INTO batch (id, file, sha256, rows, by, imported_at, entries) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id, file, sha256, rows, by, self.sealer.recorded_at, entries],
        )
        .map_err(|e| errors::explain(e, &self.path, true))?;
        self.open_batch = false;
        Ok(())
    }

    /// Appends one entry; returns its id.
    pub fn push(&mut self, e: &NewEntry) -> Result<i64> {
        // Sealed by a copy: `insert` moves the tip once the row is in.
        let sealed = self.sealer.clone().seal(e);
        self.insert(std::slice::from_ref(&sealed))?;
        Ok(sealed.id)
    }

    /// Appends entries sealed by a [`Writer::sealer`], which must be the
    /// next ones of this chain, in order. A full disk or read-only media
    /// says so ([`errors::explain`]); the transaction then writes nothing.
    pub fn insert(&mut self, sealed: &[Sealed]) -> Result<()> {
        self.insert_rows(sealed).map_err(|e| errors::explain_any(e, &self.path, true))
    }

    fn insert_rows(&mut self, sealed: &[Sealed]) -> Result<()> {
        for (i, s) in sealed.iter().enumerate() {
            if s.id != self.sealer.next_id + i as i64 || s.batch != self.sealer.batch {
                bail!(
                    "entry #{} does not follow the chain's tip #{} of batch {:?}",
                    s.id,
                    self.sealer.next_id - 1 + i as i64,
                    self.sealer.batch
                );
            }
        }
        static GROUP_SQL: std::sync::LazyLock<String> =
            std::sync::LazyLock::new(|| insert_sql(ROWS_PER_INSERT));
        static ONE_SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| insert_sql(1));
        let mut groups = sealed.chunks_exact(ROWS_PER_INSERT);
        if groups.len() > 0 {
            let mut stmt = self.tx.prepare_cached(&GROUP_SQL)?;
            for group in &mut groups {
                self.execute_insert(&mut stmt, group)?;
            }
        }
        if !groups.remainder().is_empty() {
            let mut stmt = self.tx.prepare_cached(&ONE_SQL)?;
            for s in groups.remainder() {
                self.execute_insert(&mut stmt, std::slice::from_ref(s))?;
            }
        }
        self.latest_reported = self.latest_reported.max(sealed.iter().map(|s| s.entry.reported_on).max());
        if let Some(last) = sealed.last() {
            self.sealer.next_id = last.id + 1;
            self.sealer.last_hash = last.hash;
        }
        Ok(())
    }

    /// Runs `stmt` (an [`insert_sql`] of `rows.len()` rows) on `rows`.
    fn execute_insert(&self, stmt: &mut rusqlite::Statement, rows: &[Sealed]) -> Result<()> {
        let recorded_at = self.sealer.batch.is_none().then_some(&self.sealer.recorded_at);
        stmt.raw_bind_parameter(1, recorded_at)?;
        stmt.raw_bind_parameter(2, self.sealer.batch)?;
        for (r, s) in rows.iter().enumerate() {
            bind_row(stmt, SHARED_PARAMS + r * ROW_PARAMS, s)?;
        }
        stmt.raw_execute()?;
        let last = rows.last().map_or(0, |s| s.id);
        let got = self.tx.last_insert_rowid();
        if got != last {
            bail!("the ledger gave entry #{got} the id sealed as #{last}: another writer?");
        }
        Ok(())
    }

    /// The entry `id`, read inside this transaction.
    pub fn entry(&self, id: i64) -> Result<Option<Entry>> {
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM entry_content WHERE id = ?1");
        Ok(self.tx.query_row(&sql, [id], row_to_entry).optional()?)
    }

    /// Entries matching the filters, read inside this transaction: a check
    /// made on them (a task already done, an entry already voided) cannot
    /// race another writer.
    pub fn entries(&self, indicator: Option<&str>, task: Option<&str>) -> Result<Vec<Entry>> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entry_content
             WHERE (?1 IS NULL OR indicator = ?1) AND (?2 IS NULL OR task = ?2) ORDER BY id"
        );
        let mut stmt = self.tx.prepare(&sql)?;
        let rows = stmt.query_map(params![indicator, task], row_to_entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// [`Ledger::task_entries`], read inside this transaction.
    pub fn task_entries(&self) -> Result<Vec<Entry>> {
        task_entries(&self.tx)
    }

    /// [`Ledger::for_each_entry_newest_first`], read inside this transaction.
    pub fn for_each_entry_newest_first(&self, f: impl FnMut(Entry) -> Result<()>) -> Result<()> {
        each_entry_newest_first(&self.tx, f)
    }

    pub fn commit(self) -> Result<()> {
        if self.open_batch {
            bail!("batch #{} has no row: close it before the commit", self.sealer.batch.unwrap_or_default());
        }
        let path = self.path.clone();
        let explain = |e: rusqlite::Error| errors::explain(e, &path, true);
        for sql in &self.deferred_indexes {
            self.tx.execute_batch(sql).map_err(explain)?;
        }
        clock::record(&self.tx, &self.sealer.recorded_at, self.clock_latest.as_deref(), self.clock_marked)
            .and_then(|()| {
                future::record_latest_reported(&self.tx, self.latest_reported, self.entries_before == 0)
            })
            .map_err(|e| errors::explain_any(e, &path, true))?;
        self.tx.commit().map_err(explain)?;
        Ok(())
    }
}

/// Binds `s` as the row whose first parameter follows `at`.
fn bind_row(stmt: &mut rusqlite::Statement, at: usize, s: &Sealed) -> rusqlite::Result<()> {
    let e = &s.entry;
    stmt.raw_bind_parameter(at + 1, e.kind.as_str())?;
    stmt.raw_bind_parameter(at + 2, &e.indicator)?;
    stmt.raw_bind_parameter(at + 3, &e.task)?;
    stmt.raw_bind_parameter(at + 4, &e.period)?;
    stmt.raw_bind_parameter(at + 5, e.year)?;
    stmt.raw_bind_parameter(at + 6, &e.value_text)?;
    stmt.raw_bind_parameter(at + 7, e.value)?;
    stmt.raw_bind_parameter(at + 8, &s.reported_on)?;
    stmt.raw_bind_parameter(at + 9, &e.by)?;
    stmt.raw_bind_parameter(at + 10, &e.source)?;
    stmt.raw_bind_parameter(at + 11, &e.note)?;
    stmt.raw_bind_parameter(at + 12, e.target_entry)?;
    stmt.raw_bind_parameter(at + 13, &s.hash[..])?;
    Ok(())
}

/// A stored date, `YYYY-MM-DD`, read without a general date parser (a
/// large export reads one per entry).
fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| {
        b.get(r)?.iter().try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return s.parse().ok();
    }
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

fn task_entries(conn: &Connection) -> Result<Vec<Entry>> {
    // Ordered as the partial index is (task, id): `ORDER BY id` alone made
    // SQLite scan the whole table in rowid order instead of the index.
    let sql = format!("SELECT {ENTRY_COLUMNS} FROM entry_content WHERE task IS NOT NULL ORDER BY task, id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], row_to_entry)?;
    let mut entries: Vec<Entry> = rows.collect::<rusqlite::Result<_>>()?;
    entries.sort_by_key(|e| e.id);
    Ok(entries)
}

fn each_entry_newest_first(conn: &Connection, mut f: impl FnMut(Entry) -> Result<()>) -> Result<()> {
    let sql = format!("SELECT {ENTRY_COLUMNS} FROM entry_content ORDER BY id DESC");
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        f(row_to_entry(row)?)?;
    }
    Ok(())
}

fn row_to_entry(r: &rusqlite::Row) -> rusqlite::Result<Entry> {
    let kind: String = r.get(1)?;
    let reported_on: String = r.get(8)?;
    let bad = |col: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            col,
            rusqlite::types::Type::Text,
            format!("invalid {what}").into(),
        )
    };
    Ok(Entry {
        id: r.get(0)?,
        kind: Kind::parse(&kind).ok_or_else(|| bad(1, "kind"))?,
        indicator: r.get(2)?,
        task: r.get(3)?,
        period: r.get(4)?,
        year: r.get(5)?,
        value_text: r.get(6)?,
        value: r.get(7)?,
        reported_on: reported_on.parse().map_err(|_| bad(8, "date"))?,
        recorded_at: r.get(9)?,
        by: r.get(10)?,
        source: r.get(11)?,
        note: r.get(12)?,
        target_entry: r.get(13)?,
        batch: r.get(14)?,
        plan_id: r.get(15)?,
        hash: {
            let mut hex = String::with_capacity(64);
            hash::to_hex(r.get_ref(16)?.as_bytes()?, &mut hex);
            hex
        },
    })
}

/// Recomputes `e`'s hash (as hex) from its content and `prev`.
pub fn recompute_hash(prev: &str, e: &Entry) -> String {
    // `Display` is `%Y-%m-%d` without parsing a format string per entry.
    let reported_on = e.reported_on.to_string();
    let h = hash::entry_hash(
        prev,
        &hash::Content {
            id: e.id,
            kind: e.kind.as_str(),
            indicator: e.indicator.as_deref(),
            task: e.task.as_deref(),
            period: e.period.as_deref(),
            year: e.year,
            value_text: e.value_text.as_deref(),
            value: e.value,
            reported_on: &reported_on,
            recorded_at: &e.recorded_at,
            by: &e.by,
            source: e.source.as_deref(),
            note: e.note.as_deref(),
            target_entry: e.target_entry,
            batch: e.batch,
            plan_id: &e.plan_id,
        },
    );
    let mut hex = String::with_capacity(64);
    hash::to_hex(&h, &mut hex);
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(ind: &str, period: &str, v: f64) -> NewEntry {
        NewEntry {
            kind: Kind::Figure,
            indicator: Some(ind.into()),
            task: None,
            period: Some(period.into()),
            year: period[..4].parse().unwrap(),
            value_text: Some(v.to_string()),
            value: Some(v),
            reported_on: "2027-01-10".parse().unwrap(),
            by: "test".into(),
            source: None,
            note: None,
            target_entry: None,
        }
    }

    #[test]
    fn counting_entries_come_one_indicator_at_a_time_in_the_order_asked() {
        let mut l = Ledger::in_memory().unwrap();
        let mut late = figure("b", "2027-Q1", 3.0);
        late.note = Some("n".into());
        late.reported_on = "2027-04-05".parse().unwrap();
        l.append(
            "P",
            &[
                figure("b", "2028-Q1", 1.0),
                figure("a", "2027-Q2", 2.0),
                late,
                figure("a", "2026", 4.0),
                figure("b", "2029", 5.0),
            ],
        )
        .unwrap();
        let mut got = Vec::new();
        l.for_each_indicator_counting_entries(&["a", "b"], 2027, 2028, |ind, es| {
            got.push((ind.to_string(), es.iter().map(|e| (e.id, e.value, e.year)).collect::<Vec<_>>()));
            Ok(())
        })
        .unwrap();
        // 2026 and 2029 are outside; within an indicator, by year, then ledger order.
        assert_eq!(
            got,
            vec![
                ("a".to_string(), vec![(2, Some(2.0), 2027)]),
                ("b".to_string(), vec![(3, Some(3.0), 2027), (1, Some(1.0), 2028)]),
            ]
        );
        let mut notes = Vec::new();
        l.for_each_indicator_counting_entries(&["a", "b"], 2027, 2027, |_, es| {
            notes.extend(es.into_iter().map(|e| (e.note, e.reported_on.to_string(), e.by, e.indicator)));
            Ok(())
        })
        .unwrap();
        assert_eq!(
            notes,
            vec![
                (None, "2027-01-10".into(), "test".into(), Some("a".into())),
                (Some("n".into()), "2027-04-05".into(), "test".into(), Some("b".into())),
            ]
        );
        assert_eq!(iso_date("2027-02-29"), None);
        assert_eq!(iso_date("2028-02-29"), NaiveDate::from_ymd_opt(2028, 2, 29));
    }

    #[test]
    fn migrate_twice_is_harmless() {
        let mut l = Ledger::in_memory().unwrap();
        assert_eq!(l.schema_version().unwrap(), VERSION);
        l.migrate().unwrap();
        assert_eq!(l.schema_version().unwrap(), VERSION);
    }

    #[test]
    fn appends_chain_and_refuse_edits() {
        let mut l = Ledger::in_memory().unwrap();
        let ids = l.append("P", &[figure("a", "2026", 1.0), figure("a", "2027", 2.0)]).unwrap();
        assert_eq!(ids, vec![1, 2]);
        let e1 = l.entry(1).unwrap().unwrap();
        let e2 = l.entry(2).unwrap().unwrap();
        assert_eq!(recompute_hash(GENESIS, &e1), e1.hash);
        assert_eq!(recompute_hash(&e1.hash, &e2), e2.hash);
        assert!(l.conn.execute("UPDATE entry SET value = 9 WHERE id = 1", []).is_err());
        assert!(l.conn.execute("DELETE FROM entry WHERE id = 1", []).is_err());
        assert_eq!(l.indicator_entries("a", 2027, 2027).unwrap().len(), 1);
    }

    /// A ledger as version 1 wrote it: hashes as hex, with `prev_hash`.
    fn version_1_ledger(path: &Path, values: &[f64]) {
        let conn = Connection::open(path).unwrap();
        conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute("INSERT INTO meta (key, value) VALUES ('plan_id', 'P')", []).unwrap();
        conn.execute(
            "INSERT INTO batch (id, file, sha256, rows, by, imported_at) VALUES (1, 'a.csv', 'x', 1, 'b', 't')",
            [],
        )
        .unwrap();
        let mut prev = GENESIS.to_string();
        for (i, v) in values.iter().enumerate() {
            let id = i as i64 + 1;
            let target = (id > 1).then_some(1);
            let c = hash::Content {
                id,
                kind: if id > 1 { "correction" } else { "figure" },
                indicator: Some("a"),
                task: None,
                period: Some("2026"),
                year: 2026,
                value_text: Some("v"),
                value: Some(*v),
                reported_on: "2026-05-01",
                recorded_at: "2026-05-02T00:00:00.000Z",
                by: "b",
                source: None,
                note: None,
                target_entry: target,
                batch: Some(1),
                plan_id: "P",
            };
            let h = hex::encode(hash::entry_hash(&prev, &c));
            conn.execute(
                "INSERT INTO entry (id, kind, indicator, period, year, value_text, value, reported_on,
                     recorded_at, by, target_entry, batch, plan_id, prev_hash, hash)
                 VALUES (?1, ?2, 'a', '2026', 2026, 'v', ?3, '2026-05-01', '2026-05-02T00:00:00.000Z',
                     'b', ?4, 1, 'P', ?5, ?6)",
                params![id, c.kind, v, target, prev, h],
            )
            .unwrap();
            prev = h;
        }
    }

    #[test]
    fn version_1_ledgers_migrate_with_their_chain_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        version_1_ledger(&path, &[1.0, 2.0, 3.0]);
        let mut l = Ledger::open(&path).unwrap();
        assert_eq!(l.schema_version().unwrap(), VERSION);
        assert!(l.triggers_present().unwrap());
        let entries = l.entries(None, None, None).unwrap();
        assert_eq!(entries.len(), 3);
        let mut prev = GENESIS.to_string();
        for e in &entries {
            assert_eq!(recompute_hash(&prev, e), e.hash, "entry #{}", e.id);
            prev.clone_from(&e.hash);
        }
        assert_eq!(entries[2].target_entry, Some(1));
        // The chain goes on from the migrated tip.
        l.append("P", &[figure("a", "2027", 4.0)]).unwrap();
        let e4 = l.entry(4).unwrap().unwrap();
        assert_eq!(recompute_hash(&prev, &e4), e4.hash);
        assert!(l.conn.execute("DELETE FROM entry WHERE id = 1", []).is_err());
    }

    #[test]
    fn a_read_only_old_ledger_asks_for_an_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        version_1_ledger(&path, &[1.0]);
        let conn = Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let err = Ledger::init(conn, &path, false).err().expect("a read-only v1 ledger cannot be read");
        assert!(err.to_string().contains("schema version 1 and is read-only here"), "{err}");
    }

    #[test]
    fn a_hash_edited_into_garbage_survives_the_migration_as_garbage() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        version_1_ledger(&path, &[1.0, 2.0]);
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("DROP TRIGGER entry_no_update; UPDATE entry SET hash = 'not hex' WHERE id = 2;")
            .unwrap();
        drop(conn);
        let l = Ledger::open(&path).unwrap();
        let e2 = l.entry(2).unwrap().unwrap();
        assert_eq!(e2.hash, hex::encode("not hex"));
        assert_ne!(recompute_hash(&l.entry(1).unwrap().unwrap().hash, &e2), e2.hash);
    }

    proptest::proptest! {
        #[test]
        fn dates_are_pushed_as_displayed(days in -4_000_000i32..4_000_000) {
            let d = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            let mut s = String::from("x");
            push_date(&mut s, d);
            proptest::prop_assert_eq!(s, format!("x{d}"));
        }
    }

    #[test]
    fn sealed_entries_must_follow_the_tip() {
        let mut l = Ledger::in_memory().unwrap();
        let mut w = l.writer("P").unwrap();
        let mut sealer = w.sealer();
        let first = sealer.seal(&figure("a", "2026", 1.0));
        let second = sealer.seal(&figure("a", "2027", 2.0));
        let err = w.insert(std::slice::from_ref(&second)).unwrap_err();
        assert!(err.to_string().contains("does not follow"), "{err}");
        w.insert(&[first, second]).unwrap();
        w.commit().unwrap();
        let e2 = l.entry(2).unwrap().unwrap();
        assert_eq!(recompute_hash(&l.entry(1).unwrap().unwrap().hash, &e2), e2.hash);
    }

    #[test]
    fn bound_to_one_plan() {
        let mut l = Ledger::in_memory().unwrap();
        l.append("P", &[figure("a", "2026", 1.0)]).unwrap();
        let err = l.append("Q", &[figure("a", "2026", 1.0)]).unwrap_err();
        assert!(err.to_string().contains("belongs to plan `P`"), "{err}");
        assert_eq!(l.entries(None, None, None).unwrap().len(), 1);
    }

    #[test]
    fn uncommitted_writer_writes_nothing() {
        let mut l = Ledger::in_memory().unwrap();
        {
            let mut w = l.writer("P").unwrap();
            w.push(&figure("a", "2026", 1.0)).unwrap();
        }
        assert!(l.entries(None, None, None).unwrap().is_empty());
    }

    /// One recorded entry, then a batch of two: what schema version 5
    /// stores once (the batch's time, the ledger's plan).
    fn recorded_then_imported(l: &mut Ledger) {
        l.append("P", &[figure("a", "2026", 1.0)]).unwrap();
        let mut w = l.writer("P").unwrap();
        w.open_batch().unwrap();
        w.push(&figure("a", "2027", 2.0)).unwrap();
        w.push(&figure("a", "2028", 3.0)).unwrap();
        w.close_batch("f.csv", "sha", 2, "b").unwrap();
        w.commit().unwrap();
    }

    fn stored_time_and_plan(l: &Ledger) -> Vec<(Option<String>, Option<String>)> {
        let mut stmt = l.conn.prepare("SELECT recorded_at, plan_id FROM entry ORDER BY id").unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }

    fn chain_holds(l: &Ledger) -> bool {
        let mut prev = GENESIS.to_string();
        l.entries(None, None, None).unwrap().iter().all(|e| {
            let ok = recompute_hash(&prev, e) == e.hash;
            prev.clone_from(&e.hash);
            ok
        })
    }

    #[test]
    fn a_batch_time_and_the_plan_id_are_stored_once_and_read_with_every_entry() {
        let mut l = Ledger::in_memory().unwrap();
        recorded_then_imported(&mut l);
        let stored = stored_time_and_plan(&l);
        assert!(stored[0].0.is_some(), "a recorded entry keeps its own time");
        assert_eq!(stored[1..], [(None, None), (None, None)]);
        assert!(stored.iter().all(|(_, plan)| plan.is_none()));
        let entries = l.entries(None, None, None).unwrap();
        let imported_at: String =
            l.conn.query_row("SELECT imported_at FROM batch", [], |r| r.get(0)).unwrap();
        assert_eq!(entries[1].recorded_at, imported_at);
        assert_eq!(entries[2].recorded_at, imported_at);
        assert!(entries.iter().all(|e| e.plan_id == "P"));
        assert!(chain_holds(&l));
        // The hash still covers the batch's time: an edit shows.
        l.conn.execute_batch("DROP TRIGGER batch_no_update; UPDATE batch SET imported_at = 'x'").unwrap();
        let e2 = l.entry(2).unwrap().unwrap();
        assert_ne!(recompute_hash(&l.entry(1).unwrap().unwrap().hash, &e2), e2.hash);
    }

    #[test]
    fn an_edited_plan_id_breaks_the_first_entry() {
        let mut l = Ledger::in_memory().unwrap();
        recorded_then_imported(&mut l);
        l.conn.execute("UPDATE meta SET value = 'Q' WHERE key = 'plan_id'", []).unwrap();
        assert!(!chain_holds(&l));
        assert_ne!(recompute_hash(GENESIS, &l.entry(1).unwrap().unwrap()), l.entry(1).unwrap().unwrap().hash);
    }

    /// An empty ledger file at schema `version`, as that version created it.
    fn schema_at(path: &Path, version: usize) -> Connection {
        let conn = Connection::open(path).unwrap();
        for sql in &schema::MIGRATIONS[..version] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", version as i64).unwrap();
        conn
    }

    #[test]
    fn version_4_ledgers_store_each_shared_field_once_after_the_migration() {
        let mut mem = Ledger::in_memory().unwrap();
        recorded_then_imported(&mut mem);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v4.db");
        drop(schema_at(&path, 4));
        // Every field written out in full, as schema version 4 stored it.
        mem.conn.execute("ATTACH DATABASE ?1 AS old", [path.to_str().unwrap()]).unwrap();
        mem.conn
            .execute_batch(
                "INSERT INTO old.meta SELECT * FROM main.meta;
                 INSERT INTO old.batch SELECT * FROM main.batch;
                 INSERT INTO old.entry SELECT * FROM main.entry_content;",
            )
            .unwrap();
        let full: i64 = mem
            .conn
            .query_row("SELECT count(*) FROM old.entry WHERE recorded_at <> '' AND plan_id = 'P'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(full, 3);
        mem.conn.execute("DETACH DATABASE old", []).unwrap();
        let l = Ledger::open(&path).unwrap();
        assert_eq!(l.schema_version().unwrap(), VERSION);
        assert_eq!(stored_time_and_plan(&l), stored_time_and_plan(&mem));
        let (before, after) = (mem.entries(None, None, None).unwrap(), l.entries(None, None, None).unwrap());
        assert_eq!(format!("{before:?}"), format!("{after:?}"));
        assert!(chain_holds(&l));
        assert!(l.triggers_present().unwrap());
    }

    #[test]
    fn a_failed_upgrade_says_so_and_leaves_the_ledger_as_it_was() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v4.db");
        {
            let conn = schema_at(&path, 4);
            // A correction of an entry that is not there (edited in).
            conn.pragma_update(None, "foreign_keys", false).unwrap();
            conn.execute(
                "INSERT INTO entry (id, kind, indicator, period, year, reported_on, recorded_at, by,
                     target_entry, plan_id, hash)
                 VALUES (1, 'correction', 'a', '2026', 2026, '2026-05-01', 't', 'b', 9, 'P', x'00')",
                [],
            )
            .unwrap();
        }
        let err = format!("{:#}", Ledger::open(&path).err().expect("the upgrade cannot finish"));
        assert!(err.contains("cannot upgrade the ledger"), "{err}");
        assert!(err.contains("from schema version 4 to 5; it is left as it was"), "{err}");
        assert!(err.contains("a row of `entry` refers to a row that is not there"), "{err}");
        let conn = Connection::open(&path).unwrap();
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        let plan_id: String = conn.query_row("SELECT plan_id FROM entry", [], |r| r.get(0)).unwrap();
        assert_eq!((version, plan_id.as_str()), (4, "P"));
    }
}
