//! What counts for each period of an indicator (SPEC §5 "What counts"),
//! read through the figure index `entry_by_period (indicator, period, kind,
//! reported_on, id, value, value_text, target_entry)`, which covers every
//! column read here (no table seek per entry): a report reads its
//! indicators in one read transaction ([`Ledger::counted_many`]) with the
//! same few prepared statements whatever the number of indicators and
//! periods.
//!
//! Per indicator, one ordered scan of the index over the reviewed years (a
//! range of period texts) reads the entries, counted in memory by
//! [`counting::Tally`], the one rule. A busy ledger re-submits some periods
//! thousands of times: a period with more than [`SCAN_PER_PERIOD`] entries
//! is left by the scan (which goes on after it) and read by seeks instead:
//! - its voids and corrections (rare) are read whole;
//! - the figures are walked one reporting date at a time (a seek each): the
//!   first date is the earliest report (lateness), and the latest figure in
//!   ledger order is the largest of each date's last id;
//! - the counted figure's row and its latest correction are read by id,
//!   and [`counting::counted`] decides its value, as for every other caller.
//!
//! Whenever those seeks could disagree with [`counting::count_figures`]
//! (a void among the period's entries, a figure without a value, a date or
//! period text that does not sort as it reads), the period's entries are
//! read whole and counted by `count_figures` itself. Voids and corrections
//! carry their target's indicator and period (`plan correct`, `plan void`),
//! so a period's entries hold everything that decides what counts in it.

use super::{ENTRY_COLUMNS, ENTRY_FROM, Ledger, row_to_entry, stored};
use crate::counting::{self, EntryPeriod, PeriodFigures};
use crate::entry::Kind;
use crate::period::Period;
use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, params};
use std::collections::BTreeMap;

/// The scan of one indicator's periods from a first one (codes `?2..?3`).
const SCAN_SQL: &str = "SELECT period, id, kind, value, value_text, reported_on, target_entry FROM entry
     WHERE indicator = ?1 AND period >= ?2 AND period < ?3 ORDER BY period";

/// The scan again after a period left to the seeks (`?2`, excluded).
const SCAN_AFTER_SQL: &str =
    "SELECT period, id, kind, value, value_text, reported_on, target_entry FROM entry
     WHERE indicator = ?1 AND period > ?2 AND period < ?3 ORDER BY period";

/// Whether an indicator has a period stored as a text (texts sort after
/// numbers).
const TEXT_PERIOD_SQL: &str = "SELECT 1 FROM entry WHERE indicator = ?1 AND period >= '' LIMIT 1";

/// The seeks of a period left by the scan: its voids and corrections
/// (kinds `?3`, `?4`)…
const CORRECTIONS_SQL: &str = "SELECT id, kind, target_entry, value, value_text, reported_on FROM entry
     WHERE indicator = ?1 AND period = ?2 AND kind IN (?3, ?4)";

/// …whether a figure's date is stored as a text…
const TEXT_DATE_SQL: &str =
    "SELECT 1 FROM entry WHERE indicator = ?1 AND period = ?2 AND kind = ?3 AND reported_on >= '' LIMIT 1";

/// …the first reporting date…
const FIRST_DAY_SQL: &str = "SELECT reported_on, value IS NULL FROM entry
     WHERE indicator = ?1 AND period = ?2 AND kind = ?3 ORDER BY reported_on LIMIT 1";

/// …the next one…
const NEXT_DAY_SQL: &str = "SELECT reported_on FROM entry
     WHERE indicator = ?1 AND period = ?2 AND kind = ?3 AND reported_on > ?4
     ORDER BY reported_on LIMIT 1";

/// …and the latest figure of a day, in ledger order.
const LAST_OF_DAY_SQL: &str = "SELECT id FROM entry
     WHERE indicator = ?1 AND period = ?2 AND kind = ?3 AND reported_on = ?4
     ORDER BY id DESC LIMIT 1";

/// A correction of the period, as the shortcut needs it.
struct Correction {
    id: i64,
    target: Option<i64>,
    value: Option<f64>,
    value_text: Option<String>,
}

/// How many entries of one period the scan reads before it leaves the
/// period to the index's seeks ([`Ledger::period_shortcut`]): a period
/// re-submitted more often than this is cheaper to seek through (a few
/// seeks per reporting date) than to read whole.
const SCAN_PER_PERIOD: usize = 32;

impl Ledger {
    /// What counts for each indicator of `needs` (id, first and last year)
    /// in its years, as of `as_of` (SPEC §5 "What counts"): the
    /// [`Ledger::counted_figures`] of each, read in one read transaction
    /// (one snapshot, no lock taken per statement) by the same few
    /// statements, prepared once. Indicators without a figure counted are
    /// left out.
    ///
    /// Errors: as [`Ledger::counted_figures`].
    pub fn counted_many(&self, needs: &[(String, i32, i32)], as_of: NaiveDate) -> Result<counting::Figures> {
        self.in_read_transaction(|| {
            let mut out = counting::Figures::new();
            for (id, first, last) in needs {
                let by_period = self.counted_figures(id, *first, *last, as_of)?;
                if !by_period.is_empty() {
                    out.insert(id.clone(), by_period);
                }
            }
            Ok(out)
        })
    }

    /// For each period of `indicator` in years `first..=last` that has a
    /// figure reported by `as_of`, what counts (SPEC §5 "What counts"): the
    /// same as [`counting::count_figures`] over
    /// [`Ledger::indicator_entries`]`(indicator, first, last)` as of
    /// `as_of`, except that `superseded` is left empty (a report does not
    /// list them).
    ///
    /// One ordered scan of the figure index over the years (a range of
    /// period texts), counted in memory by [`counting::Tally`]; a period
    /// re-submitted more than `SCAN_PER_PERIOD` (32) times is left by the
    /// scan (which goes on after it) and read by a few seeks per reporting
    /// date instead, decided by [`counting::counted`].
    ///
    /// Errors: SQLite failures, and an entry whose kind or date cannot be
    /// read (as [`Ledger::indicator_entries`]).
    pub fn counted_figures(
        &self,
        indicator: &str,
        first: i32,
        last: i32,
        as_of: NaiveDate,
    ) -> Result<BTreeMap<Period, PeriodFigures>> {
        self.counted_scan(indicator, first, last, as_of, SCAN_PER_PERIOD)
    }

    /// [`Ledger::counted_figures`] with the scan reading at most
    /// `per_period` entries of a period (tests vary it).
    fn counted_scan(
        &self,
        indicator: &str,
        first: i32,
        last: i32,
        as_of: NaiveDate,
        per_period: usize,
    ) -> Result<BTreeMap<Period, PeriodFigures>> {
        Reader { conn: &self.conn }.counted_scan(indicator, first, last, as_of, per_period)
    }

    /// What counts in every period of each of `ids` (an indicator and its
    /// old ids), counting every entry whatever its date, with the old ids'
    /// figures merged into the new by `renames`
    /// ([`counting::merge_renamed`]), read one year at a time from `last`
    /// back until `enough` says the merged figures read are enough or no
    /// earlier year holds an entry: what [`counting::count_figures`] over
    /// every entry of `ids` gives for those years, without reading the
    /// years before them (a busy ledger holds years of re-submissions;
    /// `record` reads back only to the figure its new one is compared
    /// with).
    ///
    /// Errors: as [`Ledger::counted_figures`].
    pub fn counted_back(
        &self,
        ids: &[&str],
        renames: &[(String, String)],
        last: i32,
        enough: impl FnMut(&counting::Figures) -> bool,
    ) -> Result<counting::Figures> {
        Reader { conn: &self.conn }.counted_back(ids, renames, last, enough)
    }
}

impl super::Writer<'_> {
    /// [`Ledger::counted_back`] inside this write's transaction: a check
    /// made on it (`record`'s tenfold guard) cannot race another writer.
    pub fn counted_back(
        &self,
        ids: &[&str],
        renames: &[(String, String)],
        last: i32,
        enough: impl FnMut(&counting::Figures) -> bool,
    ) -> Result<counting::Figures> {
        Reader { conn: &self.tx }.counted_back(ids, renames, last, enough)
    }
}

/// The figure index read through one connection (a ledger's, or a
/// write's transaction).
struct Reader<'c> {
    conn: &'c rusqlite::Connection,
}

impl Reader<'_> {
    /// [`Ledger::counted_back`] through this reader's connection.
    fn counted_back(
        &self,
        ids: &[&str],
        renames: &[(String, String)],
        last: i32,
        mut enough: impl FnMut(&counting::Figures) -> bool,
    ) -> Result<counting::Figures> {
        let merged = |read: &counting::Figures| {
            let mut figures = read.clone();
            counting::merge_renamed(&mut figures, renames);
            figures
        };
        // Every date counts: the latest a date can be.
        let any_date = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a date");
        let mut out = counting::Figures::new();
        // The first year each id has an entry in (a period stored as a
        // text, which sorts after the codes, reads every year whole).
        let mut first_years = Vec::new();
        for id in ids {
            let Some(code) = self.item_code(id)? else { continue };
            let first: Option<rusqlite::types::Value> = self
                .conn
                .prepare_cached("SELECT period FROM entry WHERE indicator = ?1 ORDER BY period LIMIT 1")?
                .query_row([code], |r| r.get(0))
                .optional()?;
            let texts = self.conn.prepare_cached(TEXT_PERIOD_SQL)?.exists([code])?;
            match first {
                Some(rusqlite::types::Value::Integer(c)) if !texts => {
                    first_years.push((*id, i32::try_from(c.div_euclid(100)).unwrap_or(i32::MIN)));
                }
                Some(_) => {
                    let whole = self.counted_whole(id, i32::MIN, i32::MAX, any_date)?;
                    if !whole.is_empty() {
                        out.insert(id.to_string(), whole);
                    }
                }
                None => {}
            }
        }
        // Codes of years before 0 are no period's (they count nowhere).
        let Some(earliest) = first_years.iter().map(|(_, y)| (*y).max(0)).min() else {
            return Ok(merged(&out));
        };
        let mut year = last;
        while year >= earliest && !enough(&merged(&out)) {
            for (id, first) in &first_years {
                if year < *first {
                    continue;
                }
                let by_period = self.counted_scan(id, year, year, any_date, SCAN_PER_PERIOD)?;
                if !by_period.is_empty() {
                    out.entry(id.to_string()).or_default().extend(by_period);
                }
            }
            year -= 1;
        }
        Ok(merged(&out))
    }

    fn counted_scan(
        &self,
        indicator: &str,
        first: i32,
        last: i32,
        as_of: NaiveDate,
        per_period: usize,
    ) -> Result<BTreeMap<Period, PeriodFigures>> {
        // Periods in their own spelling are codes that sort by year
        // (`stored::period_code`), so a span of years is a range of codes;
        // dates are `YYYYMMDD` numbers, which sort as the dates do.
        let four_digits = 0..=9998;
        if first > last
            || !four_digits.contains(&first)
            || !four_digits.contains(&last)
            || as_of.year() > 9999
        {
            return self.counted_whole(indicator, first, last, as_of);
        }
        let Some(code) = self.item_code(indicator)? else { return Ok(BTreeMap::new()) };
        // A period stored as a text (not in its own spelling) could share
        // its period with a code: counted whole. Texts sort after numbers.
        let mut texts = self.conn.prepare_cached(TEXT_PERIOD_SQL)?;
        if texts.exists([code])? {
            return self.counted_whole(indicator, first, last, as_of);
        }
        // The scan from the first year, and on after a period left to the
        // seeks: one lower bound each, so that SQLite seeks to it (with
        // both it took one and filtered by the other, reading the skipped
        // periods again on every restart).
        let mut scan = self.conn.prepare_cached(SCAN_SQL)?;
        let mut scan_after = self.conn.prepare_cached(SCAN_AFTER_SQL)?;
        let from = i64::from(first) * 100;
        let to = (i64::from(last) + 1) * 100;
        // Entries of the periods read whole (their periods apart, one per
        // period), and the periods left to seeks.
        let mut light: Vec<Scanned> = Vec::new();
        let mut periods: Vec<Option<Period>> = Vec::new();
        let mut heavy: Vec<(i64, Period)> = Vec::new();
        let mut after: Option<i64> = None;
        loop {
            let mut rows = match after {
                None => scan.query(params![code, from, to])?,
                Some(a) => scan_after.query(params![code, a, to])?,
            };
            // The current period is the last of `periods`: `None` for a
            // number no period has (an entry edited behind plan's back),
            // which counts nowhere.
            let mut current: Option<i64> = None;
            let (mut in_current, mut current_start) = (0, 0);
            let mut left = None;
            while let Some(r) = rows.next()? {
                let period: i64 = r.get(0)?;
                if current != Some(period) {
                    current = Some(period);
                    periods.push(stored::period_read(period));
                    (in_current, current_start) = (0, light.len());
                }
                in_current += 1;
                if in_current > per_period {
                    light.truncate(current_start);
                    left = current;
                    break;
                }
                light.push(scanned(r, periods.len() - 1)?);
            }
            match left {
                Some(period) => {
                    // Unreadable periods count nowhere (as in `count_figures`).
                    if let Some(p) = stored::period_read(period) {
                        heavy.push((period, p));
                    }
                    after = Some(period);
                }
                None => break,
            }
        }
        light.sort_unstable_by_key(|e| std::cmp::Reverse(e.id));
        let mut tally = counting::Tally::new(Some(as_of), false);
        for e in &light {
            tally.push(counting::Counting {
                id: e.id,
                kind: e.kind,
                indicator: Some(indicator),
                period: Some(periods[e.period].map_or(EntryPeriod::Unreadable, EntryPeriod::Read)),
                value: e.value,
                value_text: e.value_text.as_deref(),
                reported_on: e.reported_on,
                target_entry: e.target_entry,
            });
        }
        let mut out = tally.finish().remove(indicator).unwrap_or_default();
        for (stored_period, period) in heavy {
            let figures = match self.period_shortcut(code, stored_period, as_of)? {
                Some(f) => f,
                None => self.period_whole(indicator, code, stored_period, period, as_of)?,
            };
            if let Some(f) = figures {
                out.insert(period, f);
            }
        }
        Ok(out)
    }

    /// The `item` code of indicator or task `id`, if the ledger has it.
    fn item_code(&self, id: &str) -> Result<Option<i64>> {
        let mut stmt = self.conn.prepare_cached("SELECT code FROM item WHERE id = ?1")?;
        Ok(stmt.query_row([id], |r| r.get(0)).optional()?)
    }

    /// What counts in one period (indicator `code`, period `period` as
    /// stored) through the index, or `None` when the shortcut could
    /// disagree with `count_figures` (the caller then reads the period
    /// whole). `Some(None)`: no figure counts.
    fn period_shortcut(
        &self,
        code: i64,
        period: i64,
        as_of: NaiveDate,
    ) -> Result<Option<Option<PeriodFigures>>> {
        let (figure, correction, void) = (
            stored::kind_code(Kind::Figure),
            stored::kind_code(Kind::Correction),
            stored::kind_code(Kind::Void),
        );
        // Voids and corrections, whatever their date (filtered here).
        let mut corrections = Vec::new();
        {
            let mut stmt = self.conn.prepare_cached(CORRECTIONS_SQL)?;
            let mut rows = stmt.query(params![code, period, correction, void])?;
            while let Some(r) = rows.next()? {
                let kind: i64 = r.get(1)?;
                let value: Option<f64> = r.get(3)?;
                // A correction without a value re-dates its target
                // (`counting::Dates`), whatever its own date: counted whole.
                if kind == correction && value.is_none() {
                    return Ok(None);
                }
                let Some(date) = day(r.get_ref(5)?) else { return Ok(None) };
                if date > as_of {
                    continue;
                }
                if kind == void {
                    return Ok(None);
                }
                let Ok(value_text) = stored::value_text_of(r.get_ref(4)?, value) else { return Ok(None) };
                corrections.push(Correction { id: r.get(0)?, target: r.get(2)?, value, value_text });
            }
        }
        let as_of_code = stored::date_code(as_of).expect("a year of 0-9999, checked by the caller");
        // A date stored as a text (outside years 0–9999) sorts after every
        // number: the period is read whole.
        let mut text_date = self.conn.prepare_cached(TEXT_DATE_SQL)?;
        if text_date.exists(params![code, period, figure])? {
            return Ok(None);
        }
        let mut first_day = self.conn.prepare_cached(FIRST_DAY_SQL)?;
        let mut next_day = self.conn.prepare_cached(NEXT_DAY_SQL)?;
        let mut last_of_day = self.conn.prepare_cached(LAST_OF_DAY_SQL)?;
        let Some((mut today, no_value)) = first_day
            .query_row(params![code, period, figure], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, bool>(1)?)))
            .optional()?
        else {
            return Ok(Some(None));
        };
        let Some(first_reported) = day(rusqlite::types::ValueRef::Integer(today)) else { return Ok(None) };
        if first_reported > as_of {
            return Ok(Some(None));
        }
        if no_value {
            return Ok(None);
        }
        let mut latest = 0;
        loop {
            let id: i64 = last_of_day.query_row(params![code, period, figure, today], |r| r.get(0))?;
            latest = latest.max(id);
            match next_day
                .query_row(params![code, period, figure, today], |r| r.get::<_, i64>(0))
                .optional()?
            {
                Some(d) if d <= as_of_code => today = d,
                _ => break,
            }
        }
        let mut row =
            self.conn.prepare_cached("SELECT value, value_text, reported_on FROM entry WHERE id = ?1")?;
        let (value, value_text, reported_on) = row.query_row([latest], |r| {
            let value: Option<f64> = r.get(0)?;
            Ok((value, stored::value_text_of(r.get_ref(1)?, value), day(r.get_ref(2)?)))
        })?;
        let (Some(value), Ok(value_text), Some(reported_on)) = (value, value_text, reported_on) else {
            return Ok(None);
        };
        let correction = corrections
            .into_iter()
            .filter(|c| c.target == Some(latest))
            .max_by_key(|c| c.id)
            .map(|c| counting::Correction { id: c.id, value: c.value, value_text: c.value_text });
        let counted = counting::counted(latest, value, value_text, reported_on, correction);
        Ok(Some(Some(PeriodFigures {
            counted: Some(counted),
            first_reported: Some(first_reported),
            superseded: Vec::new(),
        })))
    }

    /// What counts in one period (as stored: `stored_period`), from all
    /// its entries.
    fn period_whole(
        &self,
        indicator: &str,
        code: i64,
        stored_period: i64,
        period: Period,
        as_of: NaiveDate,
    ) -> Result<Option<PeriodFigures>> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} WHERE e.indicator = ?1 AND e.period = ?2 ORDER BY e.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let entries: Vec<_> =
            stmt.query_map(params![code, stored_period], row_to_entry)?.collect::<rusqlite::Result<_>>()?;
        let mut counted = counting::count_figures(&entries, Some(as_of));
        Ok(counted.get_mut(indicator).and_then(|by_period| by_period.remove(&period)).map(|mut f| {
            f.superseded.clear();
            f
        }))
    }

    /// What counts in every period, from every entry of the years.
    fn counted_whole(
        &self,
        indicator: &str,
        first: i32,
        last: i32,
        as_of: NaiveDate,
    ) -> Result<BTreeMap<Period, PeriodFigures>> {
        let entries = super::rows::indicator_entries(self.conn, indicator, first, last)?;
        let mut counted = counting::count_figures(&entries, Some(as_of));
        let mut by_period = counted.remove(indicator).unwrap_or_default();
        by_period.values_mut().for_each(|f| f.superseded.clear());
        Ok(by_period)
    }
}

/// An entry as the scan reads it (the columns of [`SCAN_SQL`]): what the
/// rule reads ([`counting::Counting`]), its period an index into the
/// scan's list of periods (one per period, not per entry).
struct Scanned {
    id: i64,
    kind: Kind,
    period: usize,
    value: Option<f64>,
    value_text: Option<String>,
    reported_on: NaiveDate,
    target_entry: Option<i64>,
}

/// The scan's row `r`, of the period at `period` in the scan's list.
fn scanned(r: &rusqlite::Row, period: usize) -> rusqlite::Result<Scanned> {
    let bad = |col: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            col,
            rusqlite::types::Type::Integer,
            format!("invalid {what}").into(),
        )
    };
    let value: Option<f64> = r.get(3)?;
    Ok(Scanned {
        id: r.get(1)?,
        kind: stored::kind_of_code(r.get(2)?).ok_or_else(|| bad(2, "kind"))?,
        period,
        value_text: stored::value_text_of(r.get_ref(4)?, value).map_err(|_| bad(4, "value text"))?,
        value,
        reported_on: stored::date_of(r.get_ref(5)?).ok_or_else(|| bad(5, "date"))?,
        target_entry: r.get(6)?,
    })
}

/// A stored date, if it is stored as a `YYYYMMDD` number (years 0–9999:
/// the dates whose stored forms sort as the dates do).
fn day(v: rusqlite::types::ValueRef<'_>) -> Option<NaiveDate> {
    matches!(v, rusqlite::types::ValueRef::Integer(_)).then(|| stored::date_of(v)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::NewEntry;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A ledger written as `plan record`, `correct` and `void` write it:
    /// corrections and voids carry their target's indicator and period.
    struct Book {
        ledger: Ledger,
        written: Vec<NewEntry>,
    }

    impl Book {
        fn new() -> Book {
            Book { ledger: Ledger::in_memory().unwrap(), written: Vec::new() }
        }

        fn push(&mut self, e: NewEntry) -> i64 {
            let id = self.ledger.append("P", std::slice::from_ref(&e)).unwrap()[0];
            self.written.push(e);
            id
        }

        fn fig(&mut self, ind: &str, period: &str, value: Option<f64>, date: NaiveDate) -> i64 {
            self.push(NewEntry {
                kind: Kind::Figure,
                indicator: Some(ind.into()),
                task: None,
                period: Some(period.into()),
                year: period[..4].parse().unwrap(),
                value_text: value.map(|v| format!("{v}")),
                value,
                reported_on: date,
                by: "t".into(),
                source: None,
                note: None,
                target_entry: None,
            })
        }

        /// A correction (with `value`) or a void (without) of entry `target`.
        fn on(&mut self, target: i64, value: Option<f64>, date: NaiveDate, void: bool) -> i64 {
            let t = self.written[(target - 1) as usize].clone();
            self.push(NewEntry {
                kind: if void { Kind::Void } else { Kind::Correction },
                value_text: value.map(|v| format!("{v}")),
                value,
                reported_on: date,
                target_entry: Some(target),
                ..t
            })
        }

        /// `counted_figures` and the straightforward count over every entry
        /// of the years, which must agree.
        fn both(
            &self,
            ind: &str,
            first: i32,
            last: i32,
            as_of: NaiveDate,
        ) -> (BTreeMap<Period, PeriodFigures>, BTreeMap<Period, PeriodFigures>) {
            let fast = self.ledger.counted_figures(ind, first, last, as_of).unwrap();
            // The scan leaving every period (0) or every re-submitted one
            // (1) to the seeks gives the same.
            for per_period in [0, 1] {
                let seeks = self.ledger.counted_scan(ind, first, last, as_of, per_period).unwrap();
                assert_eq!(seeks, fast, "scan of at most {per_period} entries per period");
            }
            let entries = self.ledger.indicator_entries(ind, first, last).unwrap();
            let mut slow = counting::count_figures(&entries, Some(as_of)).remove(ind).unwrap_or_default();
            slow.values_mut().for_each(|f| f.superseded.clear());
            (fast, slow)
        }
    }

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn what_counts_through_the_index_by_hand() {
        let mut b = Book::new();
        // 2026-Q1 of "a": reported on 4 April, re-submitted on 10 April,
        // then a back-dated figure dated 2 April (written last, so it is
        // the latest in ledger order and counts; lateness from 2 April).
        let f1 = b.fig("a", "2026-Q1", Some(10.0), d("2026-04-04"));
        let f2 = b.fig("a", "2026-Q1", Some(11.0), d("2026-04-10"));
        let f3 = b.fig("a", "2026-Q1", Some(12.0), d("2026-04-02"));
        // The year 2026 of "a": an estimate in December, then the official
        // figure in January, corrected twice.
        let y1 = b.fig("a", "2026", Some(100.0), d("2026-12-20"));
        let y2 = b.fig("a", "2026", Some(105.0), d("2027-01-12"));
        let c1 = b.on(y2, Some(106.0), d("2027-01-15"), false);
        let c2 = b.on(y2, Some(107.0), d("2027-01-20"), false);
        // 2027-H1 of "a": the latest figure voided, so the first counts.
        let h1 = b.fig("a", "2027-H1", Some(1.0), d("2027-07-05"));
        let h2 = b.fig("a", "2027-H1", Some(2.0), d("2027-07-06"));
        b.on(h2, None, d("2027-07-08"), true);
        // Another indicator's figure of the same period is not "a"'s.
        b.fig("b", "2026-Q1", Some(99.0), d("2026-04-01"));

        let (fast, slow) = b.both("a", 2026, 2027, d("2030-01-01"));
        assert_eq!(fast, slow);
        let q1 = &fast[&p("2026-Q1")];
        assert_eq!(q1.counted.as_ref().map(|c| (c.entry, c.value)), Some((f3, 12.0)));
        assert_eq!(q1.first_reported, Some(d("2026-04-02")));
        let y = &fast[&p("2026")];
        let c = y.counted.as_ref().unwrap();
        assert_eq!((c.entry, c.value, c.corrected_by), (y2, 107.0, Some(c2)));
        assert_eq!(y.first_reported, Some(d("2026-12-20")));
        assert_eq!(fast[&p("2027-H1")].counted.as_ref().map(|c| c.entry), Some(h1));

        // As of 5 April: only the figures dated by then; f3 is the latest.
        let (fast, slow) = b.both("a", 2026, 2026, d("2026-04-05"));
        assert_eq!(fast, slow);
        assert_eq!(fast[&p("2026-Q1")].counted.as_ref().map(|c| c.entry), Some(f3));
        assert!(!fast.contains_key(&p("2026")), "nothing reported for the year yet");
        // As of 3 April the back-dated f3 is the only one.
        let (fast, _) = b.both("a", 2026, 2026, d("2026-04-03"));
        assert_eq!(fast[&p("2026-Q1")].counted.as_ref().map(|c| c.value), Some(12.0));
        // As of 16 January: the official figure with its first correction;
        // the estimate of December is superseded.
        let (fast, slow) = b.both("a", 2026, 2026, d("2027-01-16"));
        assert_eq!(fast, slow);
        let c = fast[&p("2026")].counted.clone().unwrap();
        assert_eq!((c.entry, c.value, c.corrected_by), (y2, 106.0, Some(c1)));
        // As of 25 December: the estimate, dated before its year ended.
        let (fast, _) = b.both("a", 2026, 2026, d("2026-12-25"));
        let c = fast[&p("2026")].counted.clone().unwrap();
        assert_eq!(c.entry, y1);
        assert!(counting::is_estimate(p("2026"), c.reported_on));
        // As of 7 July the void is not dated yet: h2 counts.
        let (fast, slow) = b.both("a", 2027, 2027, d("2027-07-07"));
        assert_eq!(fast, slow);
        assert_eq!(fast[&p("2027-H1")].counted.as_ref().map(|c| c.entry), Some(h2));
        // Years are ranges of periods: 2027 alone holds no 2026 period.
        assert_eq!(fast.keys().copied().collect::<Vec<_>>(), vec![p("2027-H1")]);
        let _ = f1 + f2;
    }

    #[test]
    fn a_figure_without_a_value_and_a_voided_correction_are_read_whole() {
        let mut b = Book::new();
        b.fig("a", "2026-03", None, d("2026-04-01"));
        b.fig("a", "2026-03", Some(5.0), d("2026-04-03"));
        let f = b.fig("a", "2026-04", Some(7.0), d("2026-05-03"));
        let c = b.on(f, Some(8.0), d("2026-05-04"), false);
        b.on(c, None, d("2026-05-05"), true);
        let (fast, slow) = b.both("a", 2026, 2026, d("2026-12-31"));
        assert_eq!(fast, slow);
        // The figure without a value neither counts nor dates the report.
        assert_eq!(fast[&p("2026-03")].first_reported, Some(d("2026-04-03")));
        // The correction was voided: the figure's own value counts.
        let c = fast[&p("2026-04")].counted.clone().unwrap();
        assert_eq!((c.value, c.corrected_by), (7.0, None));
    }

    #[derive(Debug, Clone)]
    enum Op {
        Figure { ind: usize, period: usize, value: Option<f64>, day: i64 },
        Correct { target: usize, value: Option<f64>, day: i64 },
        Void { target: usize, day: i64 },
    }

    /// The indicators, periods and first day of the generated ledgers.
    const INDS: [&str; 2] = ["a", "b"];
    const PERIODS: [&str; 6] = ["2026", "2026-Q1", "2026-12", "2027-H2", "2027", "2028-Q4"];

    /// Day `n` of the generated ledgers (day 0: 2026-01-01).
    fn day(n: i64) -> NaiveDate {
        d("2026-01-01") + chrono::Days::new(n as u64)
    }

    /// A ledger written by `ops` (a correction or void of an entry not yet
    /// written is skipped).
    fn replay(ops: Vec<Op>) -> Book {
        let mut b = Book::new();
        for op in ops {
            let n = b.written.len();
            match op {
                Op::Figure { ind, period, value, day: x } => {
                    b.fig(INDS[ind], PERIODS[period], value, day(x));
                }
                Op::Correct { target, value, day: x } if n > 0 => {
                    b.on((target % n) as i64 + 1, value, day(x), false);
                }
                Op::Void { target, day: x } if n > 0 => {
                    b.on((target % n) as i64 + 1, None, day(x), true);
                }
                _ => {}
            }
        }
        b
    }

    fn op() -> impl Strategy<Value = Op> {
        let value = prop_oneof![9 => (0u8..50).prop_map(|v| Some(f64::from(v))), 1 => Just(None)];
        prop_oneof![
            6 => (0..2usize, 0..6usize, value.clone(), 0..700i64)
                .prop_map(|(ind, period, value, day)| Op::Figure { ind, period, value, day }),
            2 => (any::<usize>(), value, 0..700i64).prop_map(|(target, value, day)| Op::Correct { target, value, day }),
            1 => (any::<usize>(), 0..700i64).prop_map(|(target, day)| Op::Void { target, day }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// On any ledger of figures, re-submissions, back-dated figures,
        /// corrections and voids (of figures, corrections and voids), and
        /// any cut-off and span of years, the index agrees with counting
        /// every entry.
        #[test]
        /// `record`'s read back (an indicator and its old id, from a
        /// period's year back to the figure it is compared with) finds
        /// what counting every entry finds: the figure the period's new
        /// one would replace, and the one it is compared with.
        fn reading_back_finds_what_counting_every_entry_finds(
            ops in proptest::collection::vec(op(), 1..40),
        ) {
            let b = replay(ops);
            // "b" is "a"'s old id (SPEC §2.1).
            let renames = [("b".to_string(), "a".to_string())];
            let merged = |read: &counting::Figures| {
                let mut f = read.clone();
                counting::merge_renamed(&mut f, &renames);
                f.values_mut().for_each(|m| m.values_mut().for_each(|p| p.superseded.clear()));
                f
            };
            let cleared = |mut f: counting::Figures| {
                f.values_mut().for_each(|m| m.values_mut().for_each(|p| p.superseded.clear()));
                f
            };
            let mut every = Vec::new();
            for ind in INDS {
                every.extend(b.ledger.indicator_entries(ind, i32::MIN, i32::MAX).unwrap());
            }
            let all = merged(&counting::count_figures(&every, None));
            for text in PERIODS {
                let period = p(text);
                let read = b
                    .ledger
                    .counted_back(&INDS, &renames, period.year, |r| {
                        crate::input::number::compared_with(r, "a", period).is_some()
                    })
                    .unwrap();
                let read = cleared(read);
                prop_assert_eq!(
                    crate::input::number::compared_with(&read, "a", period),
                    crate::input::number::compared_with(&all, "a", period)
                );
                let of = |f: &counting::Figures| f.get("a").and_then(|m| m.get(&period)).cloned();
                prop_assert_eq!(of(&read), of(&all));
            }
        }

        fn the_index_agrees_with_counting_every_entry(
            ops in proptest::collection::vec(op(), 1..40),
            cuts in proptest::collection::vec((0..760i64, 2026..2029i32, 0..3i32), 1..4),
        ) {
            let b = replay(ops);
            for (x, first, len) in cuts {
                for ind in INDS {
                    let (fast, slow) = b.both(ind, first, first + len, day(x));
                    prop_assert_eq!(fast, slow);
                }
            }
        }
    }

    #[test]
    fn a_schema_3_ledger_migrates_to_the_period_index() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            for sql in &super::super::schema::MIGRATIONS[..3] {
                conn.execute_batch(sql).unwrap();
            }
            conn.pragma_update(None, "user_version", 3).unwrap();
        }
        // Entries written by this build into the old schema, as an older
        // build wrote them (the chain does not depend on the index).
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            let mut mem = Book::new();
            let f = mem.fig("a", "2026-Q2", Some(3.0), d("2026-07-02"));
            mem.fig("a", "2026-Q2", Some(4.0), d("2026-07-09"));
            mem.on(f + 1, Some(4.5), d("2026-07-10"), false);
            mem.ledger.conn.execute("ATTACH DATABASE ?1 AS old", [path.to_str().unwrap()]).unwrap();
            mem.ledger.conn.execute_batch("INSERT INTO old.entry SELECT * FROM main.entry_content; INSERT INTO old.meta SELECT * FROM main.meta;").unwrap();
            drop(conn);
        }
        let l = Ledger::open(&path).unwrap();
        assert_eq!(l.schema_version().unwrap(), crate::ledger::VERSION);
        let indexes: Vec<String> = l
            .conn
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'entry' ORDER BY name",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(indexes, vec!["entry_by_period", "entry_by_task"]);
        let c = l.counted_figures("a", 2026, 2026, d("2026-12-31")).unwrap()[&p("2026-Q2")]
            .counted
            .clone()
            .unwrap();
        assert_eq!((c.entry, c.value, c.corrected_by), (2, 4.5, Some(3)));
    }

    /// Every statement of the scan and the seeks reads the figure index
    /// alone (no table seek per entry) in the order it needs (no sort):
    /// the index holds the columns read, and `id` before them keeps one
    /// day's entries in ledger order.
    #[test]
    fn the_scan_and_the_seeks_read_only_the_figure_index_in_order() {
        let book = Book::new();
        let all = [
            SCAN_SQL,
            SCAN_AFTER_SQL,
            TEXT_PERIOD_SQL,
            CORRECTIONS_SQL,
            TEXT_DATE_SQL,
            FIRST_DAY_SQL,
            NEXT_DAY_SQL,
            LAST_OF_DAY_SQL,
        ];
        for sql in all {
            let steps = super::super::query_plan(&book.ledger.conn, sql);
            assert!(steps.contains("USING COVERING INDEX entry_by_period"), "{sql}: {steps}");
            assert!(!steps.contains("TEMP B-TREE"), "{sql}: {steps}");
        }
    }

    /// The scan is prepared once for a whole report, whatever the number
    /// of indicators: SQLite does not prepare it again for each new
    /// binding (it did, 400 times for 400 indicators, until the ledger
    /// asked for plans that do not depend on bound values).
    #[test]
    fn a_report_prepares_its_scan_once() {
        let mut book = Book::new();
        for ind in ["a", "b", "c", "d"] {
            book.fig(ind, "2026-Q1", Some(1.0), d("2026-04-02"));
        }
        let needs: Vec<(String, i32, i32)> =
            ["a", "b", "c", "d"].iter().map(|i| (i.to_string(), 2026, 2026)).collect();
        let counted = book.ledger.counted_many(&needs, d("2026-12-31")).unwrap();
        assert_eq!(counted.len(), 4);
        let scan = book.ledger.conn.prepare_cached(SCAN_SQL).unwrap();
        assert_eq!(scan.get_status(rusqlite::StatementStatus::RePrepare), 0);
    }
}
