//! The statuses of `plan log`: what became of each entry (superseded,
//! corrected, voided, re-dated) and whether it was back-dated or reported
//! after today. Computed over the whole ledger (or one indicator's or
//! task's entries, which carry their corrections and voids), so that a
//! filtered view says the same about an entry as the full one. Pure: no
//! words, no format.

use crate::counting;
use crate::entry::{Entry, Kind};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// An entry reported more than this many days before it was written is
/// flagged as back-dated.
pub const BACKDATED_DAYS: i64 = 30;

/// An entry as `log` shows it: the stored fields and what became of it.
#[derive(Debug, Serialize)]
pub struct LogEntry {
    /// The stored entry.
    #[serde(flatten)]
    pub entry: Entry,
    /// The year of its period.
    pub year: i64,
    /// A later figure for the same period (or a later correction of the
    /// same figure) that counts instead.
    pub superseded_by: Option<i64>,
    /// The void that cancels it.
    pub voided_by: Option<i64>,
    /// The correction whose value counts for this figure.
    pub corrected_by: Option<i64>,
    /// Reported more than [`BACKDATED_DAYS`] before it was written.
    pub backdated: bool,
    /// Days between the reported date and the day it was written.
    pub backdated_days: Option<i64>,
    /// The correction without a value that re-dates this entry (`plan
    /// correct ENTRY --reported-on D`); its date is the one that counts.
    pub redated_by: Option<i64>,
    /// Reported after today (SPEC §3 "The clock": written while the clock
    /// ran ahead, and not re-dated): no report counts it yet.
    pub reported_after_today: bool,
}

/// Computes each entry's status over the whole ledger, as of `today`.
pub fn annotate(entries: Vec<Entry>, today: NaiveDate) -> Vec<LogEntry> {
    let dates = counting::Dates::of(entries.iter(), Some(today));
    let voids: HashMap<i64, i64> = {
        let mut m = HashMap::new();
        for e in entries.iter().filter(|e| e.kind == Kind::Void) {
            if let Some(t) = e.target_entry {
                m.entry(t).or_insert(e.id);
            }
        }
        m
    };
    let voided: HashSet<i64> = voids.keys().copied().collect();
    // Figures: which one counts for each period, and with which correction.
    let mut superseded_by: HashMap<i64, i64> = HashMap::new();
    let mut corrected_by: HashMap<i64, i64> = HashMap::new();
    for periods in counting::count_figures(&entries, None).values() {
        for pf in periods.values() {
            if let Some(c) = &pf.counted {
                for s in &pf.superseded {
                    superseded_by.insert(*s, c.entry);
                }
                if let Some(k) = c.corrected_by {
                    corrected_by.insert(c.entry, k);
                }
            }
        }
    }
    // A figure that no longer counts may still have been corrected; and an
    // earlier correction of a figure is superseded by its latest one.
    let mut latest_correction: HashMap<i64, i64> = HashMap::new();
    for e in
        entries.iter().filter(|e| e.kind == Kind::Correction && e.value.is_some() && !voided.contains(&e.id))
    {
        if let Some(t) = e.target_entry {
            let slot = latest_correction.entry(t).or_insert(e.id);
            *slot = (*slot).max(e.id);
        }
    }
    for (fig, corr) in &latest_correction {
        corrected_by.entry(*fig).or_insert(*corr);
    }
    entries
        .into_iter()
        .map(|e| {
            let superseded = match e.kind {
                Kind::Figure => superseded_by.get(&e.id).copied(),
                Kind::Correction if e.value.is_some() && !voided.contains(&e.id) => e
                    .target_entry
                    .and_then(|t| latest_correction.get(&t))
                    .copied()
                    .filter(|&latest| latest != e.id),
                _ => None,
            };
            let days = recorded_on(&e.recorded_at).map(|r| (r - e.reported_on).num_days());
            LogEntry {
                year: e.year,
                superseded_by: superseded,
                voided_by: voids.get(&e.id).copied(),
                corrected_by: if e.kind == Kind::Figure { corrected_by.get(&e.id).copied() } else { None },
                backdated: days.is_some_and(|d| d > BACKDATED_DAYS),
                backdated_days: days.filter(|&d| d > BACKDATED_DAYS),
                redated_by: dates.redated_by(e.id),
                reported_after_today: dates.of_entry(&e) > today,
                entry: e,
            }
        })
        .collect()
}

/// The UTC day of a `recorded_at` timestamp.
fn recorded_on(recorded_at: &str) -> Option<NaiveDate> {
    recorded_at.get(..10)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entry about indicator `a`, reported 2027-01-10 and recorded
    /// 2027-03-01 (so backdated).
    fn entry(id: i64, kind: Kind, period: &str, value: Option<f64>, target: Option<i64>) -> Entry {
        let mut e = crate::counting::tests::entry(id, kind, "a", period, value, "2027-01-10", target);
        e.recorded_at = "2027-03-01T08:00:00.000Z".into();
        e
    }

    #[test]
    fn statuses() {
        use Kind::*;
        let es = vec![
            entry(1, Figure, "2026", Some(1.0), None),
            entry(2, Figure, "2026", Some(2.0), None),
            entry(3, Correction, "2026", Some(3.0), Some(2)),
            entry(4, Correction, "2026", Some(4.0), Some(2)),
            entry(5, Figure, "2027", Some(5.0), None),
            entry(6, Void, "2027", None, Some(5)),
        ];
        let got: Vec<_> = annotate(es, "2030-01-01".parse().unwrap())
            .into_iter()
            .map(|e| (e.entry.id, e.superseded_by, e.voided_by, e.corrected_by, e.backdated))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, Some(2), None, None, true),
                (2, None, None, Some(4), true),
                (3, Some(4), None, None, true),
                (4, None, None, None, true),
                (5, None, Some(6), None, true),
                (6, None, None, None, true),
            ]
        );
    }
}
