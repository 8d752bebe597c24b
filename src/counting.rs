//! Which entries count (SPEC §5 "What counts"), shared by report, import,
//! record and log.
//!
//! For each (indicator, period): entries reported after `as_of` are
//! ignored; the latest figure in ledger order that was not voided counts,
//! with the value of its latest non-voided correction if it has one; the
//! earliest-dated non-voided figure decides lateness. For a task, the
//! earliest-dated non-voided completion is when it was done.
//!
//! A correction without a value re-dates its target (`plan correct ENTRY
//! --reported-on D`, SPEC §3 "The clock"): it is reported on the new date,
//! and from that date on its target counts as reported then (the latest
//! such correction that was not voided). The target keeps its old date in
//! the ledger.

use crate::ledger::{Entry, Kind};
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

/// Whether `e` re-dates its target (a correction without a value).
pub fn is_redate(e: &Entry) -> bool {
    e.kind == Kind::Correction && e.value.is_none() && e.target_entry.is_some()
}

/// The dates entries are taken as reported on, as of `as_of`: an entry's
/// own date, or that of its latest re-dating correction that counts
/// (dated by `as_of`, not voided).
pub struct Dates {
    redated: HashMap<i64, (i64, NaiveDate)>,
}

impl Dates {
    /// The re-datings among `entries` (any order).
    pub fn of<'a>(entries: impl Iterator<Item = &'a Entry> + Clone, as_of: Option<NaiveDate>) -> Dates {
        let shown = |d: NaiveDate| as_of.is_none_or(|a| d <= a);
        let void: HashSet<i64> = entries
            .clone()
            .filter(|e| e.kind == Kind::Void && shown(e.reported_on))
            .filter_map(|e| e.target_entry)
            .collect();
        let mut redated: HashMap<i64, (i64, NaiveDate)> = HashMap::new();
        for e in entries.filter(|e| is_redate(e) && shown(e.reported_on) && !void.contains(&e.id)) {
            let t = e.target_entry.expect("a re-dating has a target");
            let slot = redated.entry(t).or_insert((e.id, e.reported_on));
            if e.id > slot.0 {
                *slot = (e.id, e.reported_on);
            }
        }
        Dates { redated }
    }

    /// The date `e` is taken as reported on.
    pub fn of_entry(&self, e: &Entry) -> NaiveDate {
        self.redated.get(&e.id).map_or(e.reported_on, |(_, d)| *d)
    }

    /// The re-dating correction that set `e`'s date, if any.
    pub fn redated_by(&self, id: i64) -> Option<i64> {
        self.redated.get(&id).map(|(r, _)| *r)
    }
}

/// Ids of entries withdrawn by a void that counts as of `as_of`.
fn voided<'a>(
    entries: impl Iterator<Item = &'a Entry>,
    dates: &Dates,
    as_of: Option<NaiveDate>,
) -> HashSet<i64> {
    entries
        .filter(|e| e.kind == Kind::Void && as_of.is_none_or(|d| dates.of_entry(e) <= d))
        .filter_map(|e| e.target_entry)
        .collect()
}

/// Counts figures of `entries` (any order; ids give ledger order).
pub fn count_figures(entries: &[Entry], as_of: Option<NaiveDate>) -> Figures {
    let dates = Dates::of(entries.iter(), as_of);
    let visible = |e: &&Entry| as_of.is_none_or(|d| dates.of_entry(e) <= d);
    let void = voided(entries.iter(), &dates, as_of);
    // Latest non-voided correction of the value per figure.
    let mut corrections: HashMap<i64, &Entry> = HashMap::new();
    for e in entries.iter().filter(visible) {
        if e.kind == Kind::Correction
            && e.value.is_some()
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
                v.insert(Slot { latest: e, first_reported: dates.of_entry(e), superseded: Vec::new() });
            }
            std::collections::btree_map::Entry::Occupied(mut o) => {
                let slot = o.get_mut();
                if dates.of_entry(e) < slot.first_reported {
                    slot.first_reported = dates.of_entry(e);
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
                        reported_on: dates.of_entry(e),
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
    let dates = Dates::of(entries.iter(), as_of);
    let void = voided(entries.iter(), &dates, as_of);
    let mut out: HashMap<String, (NaiveDate, i64)> = HashMap::new();
    for e in entries {
        let date = dates.of_entry(e);
        if e.kind != Kind::Completion || void.contains(&e.id) || as_of.is_some_and(|d| date > d) {
            continue;
        }
        let Some(task) = &e.task else { continue };
        let slot = out.entry(task.clone()).or_insert((date, e.id));
        if (date, e.id) < *slot {
            *slot = (date, e.id);
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

    #[test]
    fn a_correction_without_a_value_re_dates_its_target() {
        use Kind::*;
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        // #1 written with the clock a year ahead (dated 2027-07-10), #2 a
        // value correction, #3 re-dates #1 to 2026-07-10.
        let es = vec![
            entry(1, Figure, "a", "2026-H1", Some(98.0), "2027-07-10", None),
            entry(2, Correction, "a", "2026-H1", Some(99.0), "2026-07-11", Some(1)),
            entry(3, Correction, "a", "2026-H1", None, "2026-07-10", Some(1)),
        ];
        // As of 2026-07-12: #1 counts, dated 2026-07-10, with #2's value
        // (the re-dating changes no value).
        let f = count_figures(&es, Some(d("2026-07-12")));
        let pf = &f["a"][&p("2026-H1")];
        let c = pf.counted.as_ref().unwrap();
        assert_eq!((c.entry, c.value, c.corrected_by, c.reported_on), (1, 99.0, Some(2), d("2026-07-10")));
        assert_eq!(pf.first_reported, Some(d("2026-07-10")));
        // Before the new date, nothing counts; without #3, #1 stays in 2027.
        assert!(!count_figures(&es, Some(d("2026-07-09"))).contains_key("a"));
        assert!(!count_figures(&es[..2], Some(d("2026-07-12"))).contains_key("a"));
        // A void of the re-dating puts the old date back.
        let mut voided = es.clone();
        voided.push(entry(4, Void, "a", "2026-H1", None, "2026-07-12", Some(3)));
        assert!(!count_figures(&voided, Some(d("2026-07-12"))).contains_key("a"));
        // A completion re-dated.
        let mut done = entry(5, Completion, "", "", None, "2027-07-10", None);
        done.task = Some("t".into());
        let mut redate = entry(6, Correction, "", "", None, "2026-07-10", Some(5));
        redate.task = Some("t".into());
        let both = vec![done, redate];
        assert_eq!(completions(&both, Some(d("2026-07-12")))["t"], (d("2026-07-10"), 5));
        assert!(completions(&both[..1], Some(d("2026-07-12"))).is_empty());
    }
}
