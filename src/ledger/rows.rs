//! Reading entries back: the queries of [`Ledger`] and the row decoder.

use super::*;

impl Ledger {
    pub fn entry(&self, id: i64) -> Result<Option<Entry>> {
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} WHERE e.id = ?1");
        Ok(self.conn.query_row(&sql, [id], row_to_entry).optional()?)
    }

    /// Every entry of `indicator` in `years`, in ledger order.
    pub fn indicator_entries(&self, indicator: &str, first: i32, last: i32) -> Result<Vec<Entry>> {
        indicator_entries(&self.conn, indicator, first, last)
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
    /// codes), in one read transaction; memory holds one indicator's
    /// entries: for exports of large ledgers, written as they are counted.
    pub fn for_each_indicator_counting_entries(
        &self,
        indicators: &[&str],
        first: i32,
        last: i32,
        mut f: impl FnMut(&str, Vec<Entry>) -> Result<()>,
    ) -> Result<()> {
        // Periods in their own spelling are codes that sort by year
        // (`stored::period_code`): the years are a range of codes; other
        // years (never in a plan) are found by `year` alone. Periods
        // stored as texts (not in their own spelling) are read apart.
        let (from, to) = if (0..=9998).contains(&first) && (0..=9998).contains(&last) {
            (i64::from(first) * 100, (i64::from(last) + 1) * 100)
        } else {
            (i64::MIN, i64::MAX)
        };
        let bad = |col: usize, what: &str| {
            rusqlite::Error::FromSqlConversionFailure(
                col,
                rusqlite::types::Type::Integer,
                format!("invalid {what}").into(),
            )
        };
        const COLUMNS: &str = "e.id, e.kind, e.period, e.value, e.reported_on, coalesce(e.by, b.by, ''), \
             e.note, e.target_entry, e.year";
        self.in_read_transaction(|| {
            let mut codes = self.conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM entry e LEFT JOIN batch b ON b.id = e.batch
                 WHERE e.indicator = (SELECT code FROM item WHERE id = ?5)
                   AND e.period >= ?3 AND e.period < ?4 AND e.year BETWEEN ?1 AND ?2
                 ORDER BY e.period"
            ))?;
            let mut texts = self.conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM entry e LEFT JOIN batch b ON b.id = e.batch
                 WHERE e.indicator = (SELECT code FROM item WHERE id = ?3)
                   AND e.period >= '' AND e.year BETWEEN ?1 AND ?2
                 ORDER BY e.period"
            ))?;
            for &indicator in indicators {
                let mut group: Vec<Entry> = Vec::new();
                let mut read = |rows: &mut rusqlite::Rows| -> Result<()> {
                    while let Some(r) = rows.next()? {
                        group.push(Entry {
                            id: r.get(0)?,
                            kind: stored::kind_of_code(r.get(1)?).ok_or_else(|| bad(1, "kind"))?,
                            indicator: Some(indicator.to_string()),
                            task: None,
                            period: period_of(r.get_ref(2)?).map_err(|_| bad(2, "period"))?,
                            year: r.get(8)?,
                            value_text: None,
                            value: r.get(3)?,
                            reported_on: stored::date_of(r.get_ref(4)?).ok_or_else(|| bad(4, "date"))?,
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
                    Ok(())
                };
                read(&mut codes.query(params![first, last, from, to, indicator])?)?;
                read(&mut texts.query(params![first, last, indicator])?)?;
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
        entries_where(&self.conn, indicator, task, year)
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
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} ORDER BY e.id");
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
    let sql =
        format!("SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} WHERE e.task IS NOT NULL ORDER BY e.task, e.id");
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
    let sql = format!("SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} ORDER BY e.id DESC");
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        f(row_to_entry(row)?)?;
    }
    Ok(())
}

pub(super) fn row_to_entry(r: &rusqlite::Row) -> rusqlite::Result<Entry> {
    let bad = |col: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            col,
            rusqlite::types::Type::Text,
            format!("invalid {what}").into(),
        )
    };
    let value: Option<f64> = r.get(7)?;
    Ok(Entry {
        id: r.get(0)?,
        kind: stored::kind_of_code(r.get(1)?).ok_or_else(|| bad(1, "kind"))?,
        indicator: r.get(2)?,
        task: r.get(3)?,
        period: period_of(r.get_ref(4)?).map_err(|_| bad(4, "period"))?,
        year: r.get(5)?,
        value_text: stored::value_text_of(r.get_ref(6)?, value).map_err(|_| bad(6, "value text"))?,
        value,
        reported_on: stored::date_of(r.get_ref(8)?).ok_or_else(|| bad(8, "date"))?,
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

/// The period text stored as `v` (a code of `stored::period_code`, a text
/// or NULL). `Err` for a number no period has.
pub(super) fn period_of(v: rusqlite::types::ValueRef<'_>) -> Result<Option<String>, stored::Unreadable> {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => Ok(None),
        ValueRef::Integer(c) => stored::period_of_code(c).map(Some).ok_or(stored::Unreadable),
        ValueRef::Text(t) => Ok(Some(String::from_utf8_lossy(t).into_owned())),
        _ => Err(stored::Unreadable),
    }
}

/// [`Ledger::indicator_entries`] through `conn` (a ledger's connection or
/// a write's transaction).
pub(super) fn indicator_entries(
    conn: &rusqlite::Connection,
    indicator: &str,
    first: i32,
    last: i32,
) -> Result<Vec<Entry>> {
    let sql = format!(
        "SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM}
         WHERE e.indicator = {INDICATOR_CODE} AND e.year BETWEEN ?2 AND ?3 ORDER BY e.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![indicator, first, last], row_to_entry)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The entries of `indicator`, of `task` and of `year`, each filter only
/// when given, in ledger order, through `conn`. The statement names only
/// the filters given, so that SQLite seeks the figure or task index: with
/// `?1 IS NULL OR …` for each it read the whole table whatever the filter
/// (`record` took 250 ms on a 1,000,000-entry ledger).
pub(super) fn entries_where(
    conn: &rusqlite::Connection,
    indicator: Option<&str>,
    task: Option<&str>,
    year: Option<i32>,
) -> Result<Vec<Entry>> {
    let mut values: Vec<rusqlite::types::Value> = Vec::new();
    values.extend(indicator.map(|i| i.to_string().into()));
    values.extend(task.map(|t| t.to_string().into()));
    values.extend(year.map(|y| i64::from(y).into()));
    let sql = entries_sql(indicator.is_some(), task.is_some(), year.is_some());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values), row_to_entry)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The statement of [`entries_where`] with the filters given, bound in
/// the order indicator, task, year.
fn entries_sql(indicator: bool, task: bool, year: bool) -> String {
    let mut filters = Vec::new();
    if indicator {
        filters.push(format!("e.indicator = (SELECT code FROM item WHERE id = ?{})", filters.len() + 1));
    }
    if task {
        filters.push(format!("e.task = (SELECT code FROM item WHERE id = ?{})", filters.len() + 1));
    }
    if year {
        filters.push(format!("e.year = ?{}", filters.len() + 1));
    }
    let filter = if filters.is_empty() { String::new() } else { format!("WHERE {}", filters.join(" AND ")) };
    format!("SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} {filter} ORDER BY e.id")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entries of an indicator or a task are found through its index,
    /// whatever other filter is given: a filter written `?1 IS NULL OR …`
    /// made SQLite read the whole table.
    #[test]
    fn entries_of_an_indicator_or_task_are_sought_through_an_index() {
        let ledger = Ledger::in_memory().unwrap();
        let plan = |sql: &str| super::super::query_plan(&ledger.conn, sql);
        for year in [false, true] {
            let by_indicator = plan(&entries_sql(true, false, year));
            assert!(by_indicator.contains("SEARCH e USING INDEX entry_by_period"), "{by_indicator}");
            let by_task = plan(&entries_sql(false, true, year));
            assert!(by_task.contains("SEARCH e USING INDEX entry_by_task"), "{by_task}");
        }
        assert_eq!(entries_where(&ledger.conn, Some("a"), Some("t"), Some(2026)).unwrap().len(), 0);
    }
}
