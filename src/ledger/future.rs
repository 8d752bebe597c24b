//! Entries reported after today (SPEC §3 "The clock"): written while the
//! computer's clock ran ahead, they count in no report until re-dated, and
//! every report and `plan log` names them.

use super::Ledger;
use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

/// The `meta` key holding the latest date any entry is reported on: a
/// report whose today is on or after it has no entry reported after today,
/// and finds so without walking the figure index.
const LATEST_KEY: &str = "latest_reported_on";

/// The latest reporting date of the ledger's entries as `meta` records it
/// (`None`: not recorded, or not a date).
fn latest_reported(conn: &Connection) -> Result<Option<NaiveDate>> {
    let text: Option<String> =
        conn.query_row("SELECT value FROM meta WHERE key = ?1", [LATEST_KEY], |r| r.get(0)).optional()?;
    Ok(text.and_then(|t| super::iso_date(&t)))
}

/// After a write whose entries are reported on `written` at the latest
/// (`None`: it wrote none), keeps `meta`'s latest reporting date. A ledger
/// that has none recorded yet (written by an older build) has its entries
/// read once for it; one that was empty before the write needs no read.
pub(super) fn record_latest_reported(
    conn: &Connection,
    written: Option<NaiveDate>,
    was_empty: bool,
) -> Result<()> {
    let latest = match latest_reported(conn)? {
        Some(known) => match written {
            Some(w) if w > known => w,
            _ => return Ok(()),
        },
        None if was_empty => match written {
            Some(w) => w,
            None => return Ok(()),
        },
        None => {
            let mut stmt = conn.prepare("SELECT reported_on FROM entry")?;
            let mut rows = stmt.query([])?;
            let mut latest = written;
            while let Some(r) = rows.next()? {
                // An unreadable date is named by `plan verify`; it is no
                // date to report on.
                let d = super::stored::date_of(r.get_ref(0)?);
                latest = latest.max(d);
            }
            match latest {
                Some(l) => l,
                None => return Ok(()),
            }
        }
    };
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![LATEST_KEY, latest.to_string()],
    )?;
    Ok(())
}

impl Ledger {
    /// The entries reported after `today` (SPEC §3 "The clock": written
    /// while the clock ran ahead), in id order, leaving out those re-dated
    /// to a day by `today` by a re-dating that was not voided (a
    /// correction without a value, [`crate::counting::Dates`]).
    ///
    /// Every report runs this, so it seeks rather than scans: it walks the
    /// figure index one (indicator, period) at a time and reads there only
    /// the figures dated after `today` and the corrections and voids (few);
    /// task entries are few and read whole. On a million entries over 120
    /// periods: 0.1 s of CPU for a scan of the table, a few ms for this.
    ///
    /// A ledger whose latest reporting date (kept in `meta` by every write,
    /// `record_latest_reported`) is on or before `today` has none: found
    /// without the walk.
    pub fn reported_after(&self, today: NaiveDate) -> Result<Vec<i64>> {
        if latest_reported(&self.conn)?.is_some_and(|latest| latest <= today) {
            return Ok(Vec::new());
        }
        use super::stored::{date_code, date_of, kind_code};
        use crate::entry::Kind;
        // Dates are `YYYYMMDD` numbers; a date stored as a text (a year
        // past 9999) sorts after them all, so is read too.
        let today_code = date_code(today).unwrap_or(i64::MAX);
        let (figure, correction, void) =
            (kind_code(Kind::Figure), kind_code(Kind::Correction), kind_code(Kind::Void));
        let mut first = self.conn.prepare_cached(
            "SELECT indicator, period FROM entry
             WHERE indicator IS NOT NULL AND period IS NOT NULL ORDER BY indicator, period LIMIT 1",
        )?;
        let mut next = self.conn.prepare_cached(
            "SELECT indicator, period FROM entry
             WHERE indicator IS NOT NULL AND period IS NOT NULL AND (indicator, period) > (?1, ?2)
             ORDER BY indicator, period LIMIT 1",
        )?;
        let mut in_period = self.conn.prepare_cached(
            "SELECT id, kind, reported_on, target_entry, value FROM entry
                 WHERE indicator = ?1 AND period = ?2 AND kind = ?4 AND reported_on > ?3
             UNION ALL
             SELECT id, kind, reported_on, target_entry, value FROM entry
                 WHERE indicator = ?1 AND period = ?2 AND kind = ?5
             UNION ALL
             SELECT id, kind, reported_on, target_entry, value FROM entry
                 WHERE indicator = ?1 AND period = ?2 AND kind = ?6",
        )?;
        let mut tasks = self.conn.prepare_cached(
            "SELECT id, kind, reported_on, target_entry, value FROM entry INDEXED BY entry_by_task
             WHERE task IS NOT NULL AND indicator IS NULL",
        )?;
        let mut future = Vec::new();
        let mut voided = std::collections::HashSet::new();
        let mut redatings = Vec::new();
        let mut take = |r: &rusqlite::Row| -> rusqlite::Result<()> {
            let id: i64 = r.get(0)?;
            // An unreadable date is named by `plan verify`; it is no date
            // to report on.
            let date = date_of(r.get_ref(2)?);
            let after = date.is_some_and(|d| d > today);
            if after {
                future.push(id);
            }
            match (r.get::<_, i64>(1)?, r.get::<_, Option<i64>>(3)?) {
                (k, Some(t)) if k == void => {
                    voided.insert(t);
                }
                (k, Some(t))
                    if k == correction
                        && r.get::<_, Option<f64>>(4)?.is_none()
                        && date.is_some()
                        && !after =>
                {
                    redatings.push((id, t));
                }
                _ => {}
            }
            Ok(())
        };
        let pair = |r: &rusqlite::Row| {
            Ok((r.get::<_, rusqlite::types::Value>(0)?, r.get::<_, rusqlite::types::Value>(1)?))
        };
        let mut at = first.query_row([], pair).optional()?;
        while let Some((indicator, period)) = at {
            let mut rows =
                in_period.query(params![indicator, period, today_code, figure, correction, void])?;
            while let Some(r) = rows.next()? {
                take(r)?;
            }
            at = next.query_row(params![indicator, period], pair).optional()?;
        }
        let mut rows = tasks.query([])?;
        while let Some(r) = rows.next()? {
            take(r)?;
        }
        let redated: std::collections::HashSet<i64> =
            redatings.into_iter().filter(|(r, _)| !voided.contains(r)).map(|(_, t)| t).collect();
        future.retain(|id| !redated.contains(id));
        future.sort_unstable();
        Ok(future)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Kind, NewEntry};
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
    fn entries_reported_after_today_unless_re_dated() {
        let mut l = Ledger::in_memory().unwrap();
        let on = |mut e: NewEntry, d: &str| {
            e.reported_on = d.parse().unwrap();
            e
        };
        let redate = |target: i64, ind: &str, period: &str, d: &str| NewEntry {
            kind: Kind::Correction,
            value: None,
            value_text: None,
            target_entry: Some(target),
            ..on(figure(ind, period, 0.0), d)
        };
        let done = NewEntry {
            kind: Kind::Completion,
            indicator: None,
            task: Some("t".into()),
            period: None,
            value: None,
            value_text: None,
            ..on(figure("a", "2027", 0.0), "2028-01-01")
        };
        l.append(
            "P",
            &[
                on(figure("a", "2027-Q1", 1.0), "2028-01-01"), // #1 future
                on(figure("a", "2027-Q2", 2.0), "2027-07-01"), // #2 not
                on(figure("b", "2027", 3.0), "2028-02-01"),    // #3 future, re-dated by #5
                done,                                          // #4 future (a task)
                redate(3, "b", "2027", "2027-12-31"),          // #5
                on(figure("b", "2027", 4.0), "2028-03-01"),    // #6 future, re-dated by #7, voided by #8
                redate(6, "b", "2027", "2027-12-30"),          // #7
                NewEntry {
                    kind: Kind::Void,
                    target_entry: Some(7),
                    ..on(figure("b", "2027", 0.0), "2027-12-31")
                },
            ],
        )
        .unwrap();
        let today: NaiveDate = "2027-12-31".parse().unwrap();
        assert_eq!(l.reported_after(today).unwrap(), vec![1, 4, 6]);
        // A day later #1 and #4 are no longer after today; #6 still is.
        assert_eq!(l.reported_after("2028-01-01".parse().unwrap()).unwrap(), vec![6]);
    }

    #[test]
    fn the_latest_reporting_date_is_kept_by_every_write_and_found_for_older_ledgers() {
        let mut l = Ledger::in_memory().unwrap();
        let on = |mut e: NewEntry, d: &str| {
            e.reported_on = d.parse().unwrap();
            e
        };
        let latest = |l: &Ledger| latest_reported(&l.conn).unwrap().map(|d| d.to_string());
        // The first write into an empty ledger: the latest of its dates.
        l.append(
            "P",
            &[on(figure("a", "2027-Q1", 1.0), "2027-04-20"), on(figure("a", "2027-Q2", 2.0), "2027-07-03")],
        )
        .unwrap();
        assert_eq!(latest(&l).as_deref(), Some("2027-07-03"));
        // An earlier date leaves it; a later one moves it.
        l.append("P", &[on(figure("a", "2027-Q1", 3.0), "2027-05-01")]).unwrap();
        assert_eq!(latest(&l).as_deref(), Some("2027-07-03"));
        l.append("P", &[on(figure("a", "2027-Q3", 4.0), "2027-10-02")]).unwrap(); // #4
        assert_eq!(latest(&l).as_deref(), Some("2027-10-02"));
        // Today on or after it: nothing after today, without the walk;
        // before it: the walk finds #4.
        assert_eq!(l.reported_after("2027-10-02".parse().unwrap()).unwrap(), Vec::<i64>::new());
        assert_eq!(l.reported_after("2027-10-01".parse().unwrap()).unwrap(), vec![4]);
        // A ledger written by an older build has no such date: reports
        // walk the index, and the next write reads every entry for it.
        l.conn.execute("DELETE FROM meta WHERE key = ?1", [LATEST_KEY]).unwrap();
        assert_eq!(l.reported_after("2027-10-01".parse().unwrap()).unwrap(), vec![4]);
        l.append("P", &[on(figure("b", "2027-Q1", 5.0), "2027-04-02")]).unwrap();
        assert_eq!(latest(&l).as_deref(), Some("2027-10-02"));
    }
}
