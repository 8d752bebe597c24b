//! Which entries count (SPEC §5 "What counts"), shared by report, import,
//! record and log.
//!
//! For each (indicator, period): entries reported after `as_of` are
//! ignored; the latest figure in ledger order that was not voided counts,
//! with the value of its latest non-voided correction if it has one; the
//! earliest-dated non-voided figure decides lateness. For a task, the
//! earliest-dated non-voided completion is when it was done.

use crate::entry::{Entry, Kind};
use crate::period::Period;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Whether a figure of `period` reported on `reported_on` is an estimate
/// (ước thực hiện, SPEC §5 "Estimates"): dated before the period ended. One
/// dated on or after its last day is official.
pub fn is_estimate(period: Period, reported_on: NaiveDate) -> bool {
    reported_on < period.end()
}

/// The figure that counts for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    /// The figure entry that counts.
    pub entry: i64,
    /// Its value, after its latest correction.
    pub value: f64,
    pub value_text: String,
    /// The correction that set `value`, if any.
    pub corrected_by: Option<i64>,
    pub reported_on: NaiveDate,
}

/// What the ledger says about one period of one indicator.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeriodFigures {
    pub counted: Option<Counted>,
    /// Date of the earliest-dated figure that was not voided (lateness).
    pub first_reported: Option<NaiveDate>,
    /// Ids of non-voided figures that a later figure superseded.
    pub superseded: Vec<i64>,
}

/// Figures by indicator and period, as of a date.
pub type Figures = HashMap<String, BTreeMap<Period, PeriodFigures>>;

/// Ids of entries withdrawn by a void that counts as of `as_of`.
fn voided<'a>(entries: impl Iterator<Item = &'a Entry>, as_of: Option<NaiveDate>) -> HashSet<i64> {
    entries
        .filter(|e| e.kind == Kind::Void && as_of.is_none_or(|d| e.reported_on <= d))
        .filter_map(|e| e.target_entry)
        .collect()
}

/// Counts figures of `entries` (any order; ids give ledger order).
pub fn count_figures(entries: &[Entry], as_of: Option<NaiveDate>) -> Figures {
    let visible = |e: &&Entry| as_of.is_none_or(|d| e.reported_on <= d);
    let void = voided(entries.iter(), as_of);
    // Latest non-voided correction per figure.
    let mut corrections: HashMap<i64, &Entry> = HashMap::new();
    for e in entries.iter().filter(visible) {
        if e.kind == Kind::Correction
            && !void.contains(&e.id)
            && let Some(t) = e.target_entry
        {
            let slot = corrections.entry(t).or_insert(e);
            if e.id > slot.id {
                *slot = e;
            }
        }
    }
    let mut sorted: Vec<&Entry> =
        entries.iter().filter(visible).filter(|e| e.kind == Kind::Figure && !void.contains(&e.id)).collect();
    sorted.sort_by_key(|e| e.id);
    // One pass keeps, per (indicator, period), the latest figure and the
    // earliest date; the `Counted` (with its texts) is built once per
    // period at the end, not once per figure (a busy ledger re-submits the
    // same periods many times). Period texts repeat: each is parsed once.
    struct Slot<'e> {
        latest: &'e Entry,
        first_reported: NaiveDate,
        superseded: Vec<i64>,
    }
    let mut slots: HashMap<&str, BTreeMap<Period, Slot>> = HashMap::new();
    let mut periods: HashMap<&str, Option<Period>> = HashMap::new();
    for e in sorted {
        let (Some(ind), Some(text)) = (e.indicator.as_deref(), e.period.as_deref()) else { continue };
        let Some(p) = *periods.entry(text).or_insert_with(|| text.parse::<Period>().ok()) else { continue };
        if e.value.is_none() {
            continue;
        }
        match slots.entry(ind).or_default().entry(p) {
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(Slot { latest: e, first_reported: e.reported_on, superseded: Vec::new() });
            }
            std::collections::btree_map::Entry::Occupied(mut o) => {
                let slot = o.get_mut();
                if e.reported_on < slot.first_reported {
                    slot.first_reported = e.reported_on;
                }
                slot.superseded.push(slot.latest.id);
                slot.latest = e;
            }
        }
    }
    slots
        .into_iter()
        .map(|(ind, by_period)| {
            let by_period = by_period
                .into_iter()
                .map(|(p, slot)| {
                    let e = slot.latest;
                    let corr = corrections.get(&e.id);
                    let counted = Counted {
                        entry: e.id,
                        value: corr.and_then(|c| c.value).or(e.value).unwrap_or_default(),
                        value_text: corr
                            .and_then(|c| c.value_text.clone())
                            .or_else(|| e.value_text.clone())
                            .unwrap_or_default(),
                        corrected_by: corr.map(|c| c.id),
                        reported_on: e.reported_on,
                    };
                    let pf = PeriodFigures {
                        counted: Some(counted),
                        first_reported: Some(slot.first_reported),
                        superseded: slot.superseded,
                    };
                    (p, pf)
                })
                .collect();
            (ind.to_string(), by_period)
        })
        .collect()
}

/// For each task, the date it was done (earliest non-voided completion) and
/// that entry's id.
pub fn completions(entries: &[Entry], as_of: Option<NaiveDate>) -> HashMap<String, (NaiveDate, i64)> {
    let void = voided(entries.iter(), as_of);
    let mut out: HashMap<String, (NaiveDate, i64)> = HashMap::new();
    for e in entries {
        if e.kind != Kind::Completion || void.contains(&e.id) || as_of.is_some_and(|d| e.reported_on > d) {
            continue;
        }
        let Some(task) = &e.task else { continue };
        let slot = out.entry(task.clone()).or_insert((e.reported_on, e.id));
        if (e.reported_on, e.id) < *slot {
            *slot = (e.reported_on, e.id);
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn entry(
        id: i64,
        kind: Kind,
        ind: &str,
        period: &str,
        value: Option<f64>,
        date: &str,
        target: Option<i64>,
    ) -> Entry {
        Entry {
            id,
            kind,
            indicator: (!ind.is_empty()).then(|| ind.to_string()),
            task: None,
            period: (!period.is_empty()).then(|| period.to_string()),
            year: period.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0),
            value_text: value.map(|v| v.to_string()),
            value,
            reported_on: date.parse().unwrap(),
            recorded_at: String::new(),
            by: "t".into(),
            source: None,
            note: None,
            target_entry: target,
            batch: None,
            plan_id: "P".into(),
            hash: String::new(),
        }
    }

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn latest_figure_counts_with_its_latest_correction() {
        use Kind::*;
        let es = vec![
            entry(1, Figure, "a", "2026", Some(10.0), "2027-01-05", None),
            entry(2, Figure, "a", "2026", Some(11.0), "2027-01-20", None),
            entry(3, Correction, "a", "2026", Some(12.0), "2027-01-21", Some(2)),
            entry(4, Correction, "a", "2026", Some(13.0), "2027-01-22", Some(2)),
        ];
        let f = count_figures(&es, None);
        let pf = &f["a"][&p("2026")];
        let c = pf.counted.as_ref().unwrap();
        assert_eq!((c.entry, c.value, c.corrected_by), (2, 13.0, Some(4)));
        assert_eq!(pf.first_reported, Some("2027-01-05".parse().unwrap()));
        assert_eq!(pf.superseded, vec![1]);
    }

    #[test]
    fn voids_and_as_of() {
        use Kind::*;
        let es = vec![
            entry(1, Figure, "a", "2026", Some(10.0), "2027-01-05", None),
            entry(2, Figure, "a", "2026", Some(11.0), "2027-01-20", None),
            entry(3, Void, "a", "2026", None, "2027-01-25", Some(2)),
            entry(4, Figure, "a", "2026-Q1", Some(1.0), "2027-03-01", None),
        ];
        let f = count_figures(&es, None);
        assert_eq!(f["a"][&p("2026")].counted.as_ref().unwrap().value, 10.0);
        // Before the void was dated, entry 2 counted.
        let f = count_figures(&es, Some("2027-01-22".parse().unwrap()));
        assert_eq!(f["a"][&p("2026")].counted.as_ref().unwrap().value, 11.0);
        assert!(!f["a"].contains_key(&p("2026-Q1")));
        // Voided first figure: lateness by the next one.
        let es2 = vec![
            entry(1, Figure, "a", "2026", Some(10.0), "2027-01-05", None),
            entry(2, Void, "a", "2026", None, "2027-01-06", Some(1)),
            entry(3, Figure, "a", "2026", Some(9.0), "2027-02-01", None),
        ];
        let f = count_figures(&es2, None);
        assert_eq!(f["a"][&p("2026")].first_reported, Some("2027-02-01".parse().unwrap()));
    }

    #[test]
    fn a_figure_before_its_period_ends_is_an_estimate() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert!(is_estimate(p("2027-Q3"), d("2027-09-29")));
        assert!(!is_estimate(p("2027-Q3"), d("2027-09-30")), "on the last day: official");
        assert!(!is_estimate(p("2027-Q3"), d("2027-10-02")));
        assert!(is_estimate(p("2027"), d("2027-12-16")), "a yearly figure due before the year ends");
    }

    #[test]
    fn a_voided_correction_restores_the_figure() {
        use Kind::*;
        let es = vec![
            entry(1, Figure, "a", "2026", Some(10.0), "2027-01-05", None),
            entry(2, Correction, "a", "2026", Some(12.0), "2027-01-06", Some(1)),
            entry(3, Void, "a", "2026", None, "2027-01-07", Some(2)),
        ];
        let f = count_figures(&es, None);
        assert_eq!(f["a"][&p("2026")].counted.as_ref().unwrap().value, 10.0);
    }
}
