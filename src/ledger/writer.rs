//! Appending: the IMMEDIATE transaction that extends the chain, its batch
//! and its multi-row inserts.

use super::*;

impl Ledger {
    /// Starts an IMMEDIATE transaction that appends to the chain.
    ///
    /// Errors: [`clock::Behind`] when the clock is behind the ledger's
    /// latest write and [`Ledger::allow_clock_behind`] was not given; a
    /// ledger of another plan; SQLite failures.
    pub fn writer(&mut self, plan_id: &str) -> Result<Writer<'_>> {
        let clock_ok = self.clock_ok;
        let plan_text = self.plan_text.clone();
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
        let mut w = Writer {
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
            batch_by: None,
            codes: std::collections::HashMap::new(),
            last_code: None,
            row_codes: Vec::new(),
        };
        if let Some(text) = &plan_text {
            w.record_plan_version(text)?;
        }
        Ok(w)
    }

    /// Appends `entries` in one transaction; returns their ids.
    pub fn append(&mut self, plan_id: &str, entries: &[NewEntry]) -> Result<Vec<i64>> {
        let mut w = self.writer(plan_id)?;
        let ids = entries.iter().map(|e| w.push(e)).collect::<Result<Vec<_>>>()?;
        w.commit()?;
        Ok(ids)
    }
}

/// An open append transaction. Dropping it without `commit` writes nothing.
pub struct Writer<'c> {
    pub(super) tx: rusqlite::Transaction<'c>,
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
    /// The open batch's `by`: an entry of the batch with the same `by`
    /// stores NULL (schema 7).
    batch_by: Option<String>,
    /// The `item` code of each indicator or task id met (schema 7).
    codes: std::collections::HashMap<String, i64>,
    /// The last id [`Writer::code`] was asked for, and its code.
    last_code: Option<(String, i64)>,
    /// The indicator and task codes of the rows being inserted.
    row_codes: Vec<(Option<i64>, Option<i64>)>,
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
    /// Opens a batch signed by `by`; later entries belong to it. Its row is
    /// written by [`Writer::close_batch`], once the rows are known, and must
    /// be before the commit.
    pub fn open_batch(&mut self, by: &str) -> Result<i64> {
        let id: i64 = self.tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM batch", [], |r| r.get(0))?;
        self.batch_by = Some(by.to_string());
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
    pub fn close_batch(&mut self, file: &str, sha256: &str, rows: i64) -> Result<()> {
        let Some(id) = self.sealer.batch.filter(|_| self.open_batch) else {
            bail!("no batch is open");
        };
        let by = self.batch_by.clone().unwrap_or_default();
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
        self.row_codes.clear();
        for s in sealed {
            let indicator = s.entry.indicator.as_deref().map(|id| self.code(id)).transpose()?;
            let task = s.entry.task.as_deref().map(|id| self.code(id)).transpose()?;
            self.row_codes.push((indicator, task));
        }
        static GROUP_SQL: std::sync::LazyLock<String> =
            std::sync::LazyLock::new(|| insert_sql(ROWS_PER_INSERT));
        static ONE_SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| insert_sql(1));
        let mut groups = sealed.chunks_exact(ROWS_PER_INSERT);
        let mut at = 0;
        if groups.len() > 0 {
            let mut stmt = self.tx.prepare_cached(&GROUP_SQL)?;
            for group in &mut groups {
                self.execute_insert(&mut stmt, group, at)?;
                at += group.len();
            }
        }
        if !groups.remainder().is_empty() {
            let mut stmt = self.tx.prepare_cached(&ONE_SQL)?;
            for s in groups.remainder() {
                self.execute_insert(&mut stmt, std::slice::from_ref(s), at)?;
                at += 1;
            }
        }
        self.latest_reported = self.latest_reported.max(sealed.iter().map(|s| s.entry.reported_on).max());
        if let Some(last) = sealed.last() {
            self.sealer.next_id = last.id + 1;
            self.sealer.last_hash = last.hash;
        }
        Ok(())
    }

    /// The `item` code of indicator or task `id`, given it on first use.
    fn code(&mut self, id: &str) -> Result<i64> {
        // Rows come grouped by indicator: the last id met, without hashing.
        if let Some((last, c)) = &self.last_code
            && last == id
        {
            return Ok(*c);
        }
        let c = self.code_of(id)?;
        match &mut self.last_code {
            Some((last, code)) => {
                last.clear();
                last.push_str(id);
                *code = c;
            }
            None => self.last_code = Some((id.to_string(), c)),
        }
        Ok(c)
    }

    /// [`Writer::code`] without its last-met cache.
    fn code_of(&mut self, id: &str) -> Result<i64> {
        if let Some(&c) = self.codes.get(id) {
            return Ok(c);
        }
        let found: Option<i64> = self
            .tx
            .prepare_cached("SELECT code FROM item WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        let code = match found {
            Some(c) => c,
            None => self
                .tx
                .prepare_cached("INSERT INTO item (id) VALUES (?1) RETURNING code")?
                .query_row([id], |r| r.get(0))?,
        };
        self.codes.insert(id.to_string(), code);
        Ok(code)
    }

    /// Runs `stmt` (an [`insert_sql`] of `rows.len()` rows) on `rows`, the
    /// rows from `at` of the ones being inserted (their codes).
    fn execute_insert(&self, stmt: &mut rusqlite::Statement, rows: &[Sealed], at: usize) -> Result<()> {
        let recorded_at = self.sealer.batch.is_none().then_some(&self.sealer.recorded_at);
        stmt.raw_bind_parameter(1, recorded_at)?;
        stmt.raw_bind_parameter(2, self.sealer.batch)?;
        for (r, s) in rows.iter().enumerate() {
            let by =
                if self.batch_by.as_deref() == Some(s.entry.by.as_str()) { None } else { Some(&s.entry.by) };
            bind_row(stmt, SHARED_PARAMS + r * ROW_PARAMS, s, self.row_codes[at + r], by)?;
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
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} WHERE e.id = ?1");
        Ok(self.tx.query_row(&sql, [id], row_to_entry).optional()?)
    }

    /// Entries matching the filters, read inside this transaction: a check
    /// made on them (a task already done, an entry already voided) cannot
    /// race another writer.
    pub fn entries(&self, indicator: Option<&str>, task: Option<&str>) -> Result<Vec<Entry>> {
        super::rows::entries_where(&self.tx, indicator, task, None)
    }

    /// The entries of `indicator`'s period `period` (as written), read
    /// inside this transaction, in ledger order: one seek of the figure
    /// index. A figure's corrections and voids carry its indicator and
    /// period (`plan correct`, `plan void`), so these are every entry that
    /// decides what counts in it.
    pub fn period_entries(&self, indicator: &str, period: &str) -> Result<Vec<Entry>> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM}
             WHERE e.indicator = {INDICATOR_CODE} AND e.period = ?2 ORDER BY e.id"
        );
        let mut stmt = self.tx.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![indicator, stored::period_value(period)], row_to_entry)?;
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

/// Binds `s` as the row whose first parameter follows `at`, in the
/// compact row of schema 7 ([`stored`]): `codes` its indicator and task
/// codes, `by` NULL when it is the batch's.
fn bind_row(
    stmt: &mut rusqlite::Statement,
    at: usize,
    s: &Sealed,
    (indicator, task): (Option<i64>, Option<i64>),
    by: Option<&String>,
) -> rusqlite::Result<()> {
    let e = &s.entry;
    stmt.raw_bind_parameter(at + 1, stored::kind_code(e.kind))?;
    stmt.raw_bind_parameter(at + 2, indicator)?;
    stmt.raw_bind_parameter(at + 3, task)?;
    match e.period.as_deref() {
        None => stmt.raw_bind_parameter(at + 4, rusqlite::types::Null)?,
        Some(p) => match stored::period_code(p) {
            Some(c) => stmt.raw_bind_parameter(at + 4, c)?,
            None => stmt.raw_bind_parameter(at + 4, p)?,
        },
    }
    stmt.raw_bind_parameter(at + 5, e.year)?;
    let text = e.value_text.as_deref();
    stmt.raw_bind_parameter(at + 6, stored::ValueText::of(text, e.value).value(text))?;
    stmt.raw_bind_parameter(at + 7, e.value)?;
    match stored::date_code(e.reported_on) {
        Some(c) => stmt.raw_bind_parameter(at + 8, c)?,
        None => stmt.raw_bind_parameter(at + 8, &s.reported_on)?,
    }
    stmt.raw_bind_parameter(at + 9, by)?;
    stmt.raw_bind_parameter(at + 10, &e.source)?;
    stmt.raw_bind_parameter(at + 11, &e.note)?;
    stmt.raw_bind_parameter(at + 12, e.target_entry)?;
    stmt.raw_bind_parameter(at + 13, &s.hash[..])?;
    Ok(())
}
