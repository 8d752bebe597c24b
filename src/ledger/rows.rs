//! Reading entries back: the queries of [`Ledger`] and the row decoder.

use super::*;

impl Ledger {
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
}

/// A stored date, `YYYY-MM-DD`, read without a general date parser (a
/// large export reads one per entry).
pub(super) fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| {
        b.get(r)?.iter().try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return s.parse().ok();
    }
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

pub(super) fn task_entries(conn: &Connection) -> Result<Vec<Entry>> {
    // Ordered as the partial index is (task, id): `ORDER BY id` alone made
    // SQLite scan the whole table in rowid order instead of the index.
    let sql = format!("SELECT {ENTRY_COLUMNS} FROM entry_content WHERE task IS NOT NULL ORDER BY task, id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], row_to_entry)?;
    let mut entries: Vec<Entry> = rows.collect::<rusqlite::Result<_>>()?;
    entries.sort_by_key(|e| e.id);
    Ok(entries)
}

pub(super) fn each_entry_newest_first(
    conn: &Connection,
    mut f: impl FnMut(Entry) -> Result<()>,
) -> Result<()> {
    let sql = format!("SELECT {ENTRY_COLUMNS} FROM entry_content ORDER BY id DESC");
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        f(row_to_entry(row)?)?;
    }
    Ok(())
}

pub(super) fn row_to_entry(r: &rusqlite::Row) -> rusqlite::Result<Entry> {
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
