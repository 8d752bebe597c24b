//! Which entries count (SPEC §5 "What counts"): the one module that
//! decides it, for report, import, record, log and the ledger's figure
//! index alike.
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

/// Whether `e` re-dates its target (a correction without a value).
pub fn is_redate(e: &Entry) -> bool {
    Counting::from(e).is_redate()
}

/// What the rule reads of an entry (SPEC §5 "What counts"): its place in
/// ledger order (`id`), kind, indicator and period as written, value (and
/// as typed), date and target. Borrowed, so that a reader scanning the
/// ledger hands [`Tally`] its rows without building whole [`Entry`]
/// values (`Ledger::counted_figures`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Counting<'a> {
    pub id: i64,
    pub kind: Kind,
    pub indicator: Option<&'a str>,
    /// The period, if the entry has one.
    pub period: Option<EntryPeriod<'a>>,
    pub value: Option<f64>,
    /// The value exactly as typed.
    pub value_text: Option<&'a str>,
    pub reported_on: NaiveDate,
    pub target_entry: Option<i64>,
}

/// The period of an entry as the rule gets it: as written (`2026-Q2`,
/// read by the rule, once per text), or already read by a reader that
/// stores periods as codes; one that does not read counts nowhere.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EntryPeriod<'a> {
    Written(&'a str),
    Read(Period),
    Unreadable,
}

impl Counting<'_> {
    /// A correction without a value: it re-dates its target.
    fn is_redate(&self) -> bool {
        self.kind == Kind::Correction && self.value.is_none() && self.target_entry.is_some()
    }
}

impl<'a> From<&'a Entry> for Counting<'a> {
    fn from(e: &'a Entry) -> Counting<'a> {
        Counting {
            id: e.id,
            kind: e.kind,
            indicator: e.indicator.as_deref(),
            period: e.period.as_deref().map(EntryPeriod::Written),
            value: e.value,
            value_text: e.value_text.as_deref(),
            reported_on: e.reported_on,
            target_entry: e.target_entry,
        }
    }
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

/// The latest correction of a figure that was not voided, as the rule
/// needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    pub id: i64,
    pub value: Option<f64>,
    pub value_text: Option<String>,
}

/// What counts for the period of the latest figure `entry` (value `value`
/// as typed `value_text`, reported on `reported_on`), given its latest
/// correction that was not voided: the correction's value when it gives
/// one, else the figure's (SPEC §5 "What counts"). The one place that
/// decides it: [`Tally`] calls it, and so does the ledger's figure index
/// (`Ledger::counted_figures`), which finds the latest figure and its
/// corrections without reading every entry.
pub fn counted(
    entry: i64,
    value: f64,
    value_text: Option<String>,
    reported_on: NaiveDate,
    correction: Option<Correction>,
) -> Counted {
    Counted {
        entry,
        value: correction.as_ref().and_then(|c| c.value).unwrap_or(value),
        value_text: correction.as_ref().and_then(|c| c.value_text.clone()).or(value_text).unwrap_or_default(),
        corrected_by: correction.map(|c| c.id),
        reported_on,
    }
}

/// SPEC §5 "What counts", walking entries newest first (descending id),
/// as a stream: a void is met before the entry it withdraws (it is written
/// after it), a correction before its figure, and the first figure met for
/// a period is the latest, the one that counts. Memory: the voided ids,
/// the corrections not yet matched, one result per period; with
/// `superseded`, also the ids of the figures that a later one replaced.
///
/// Used by [`count_figures`] (entries in memory) and by import (the whole
/// ledger streamed from SQLite); the ledger's figure index applies
/// [`counted`] to what it reads.
pub struct Tally {
    as_of: Option<NaiveDate>,
    keep_superseded: bool,
    voided: HashSet<i64>,
    corrections: HashMap<i64, Correction>,
    /// The date each re-dated entry is taken as reported on (its latest
    /// re-dating that counts: met first, newest first).
    redated: HashMap<i64, NaiveDate>,
    figures: Figures,
    /// Period texts repeat (a busy ledger re-submits the same periods):
    /// each is parsed once.
    periods: HashMap<String, Option<Period>>,
    last_id: Option<i64>,
}

impl Tally {
    /// An empty tally of what counts as of `as_of` (every entry when
    /// `None`); `superseded`: whether to list the replaced figures.
    pub fn new(as_of: Option<NaiveDate>, superseded: bool) -> Tally {
        Tally {
            as_of,
            keep_superseded: superseded,
            voided: HashSet::new(),
            corrections: HashMap::new(),
            redated: HashMap::new(),
            figures: Figures::new(),
            periods: HashMap::new(),
            last_id: None,
        }
    }

    /// Takes the next entry. Entries must come in descending id order
    /// (checked in debug builds); those reported after `as_of` are ignored,
    /// an entry re-dated by a later correction by its new date.
    pub fn push(&mut self, e: Counting<'_>) {
        debug_assert!(self.last_id.is_none_or(|last| e.id < last), "entries newest first");
        self.last_id = Some(e.id);
        let date = self.redated.get(&e.id).copied().unwrap_or(e.reported_on);
        if self.as_of.is_some_and(|d| date > d) {
            return;
        }
        match e.kind {
            Kind::Void => self.voided.extend(e.target_entry),
            // A re-dating is met before its target (written after it).
            Kind::Correction if e.is_redate() => {
                if !self.voided.contains(&e.id)
                    && let Some(t) = e.target_entry
                {
                    self.redated.entry(t).or_insert(date);
                }
            }
            Kind::Correction => {
                if !self.voided.contains(&e.id)
                    && let Some(t) = e.target_entry
                {
                    self.corrections.entry(t).or_insert_with(|| Correction {
                        id: e.id,
                        value: e.value,
                        value_text: e.value_text.map(str::to_string),
                    });
                }
            }
            Kind::Figure => self.figure(e, date),
            Kind::Completion | Kind::PlanVersion => {}
        }
    }

    fn figure(&mut self, e: Counting<'_>, reported_on: NaiveDate) {
        let correction = self.corrections.remove(&e.id);
        let (Some(ind), Some(period), Some(value)) = (e.indicator, e.period, e.value) else {
            return;
        };
        let period = match period {
            EntryPeriod::Read(p) => Some(p),
            EntryPeriod::Unreadable => None,
            EntryPeriod::Written(text) => match self.periods.get(text) {
                Some(p) => *p,
                None => *self.periods.entry(text.to_string()).or_insert_with(|| text.parse::<Period>().ok()),
            },
        };
        let Some(p) = period else { return };
        if self.voided.contains(&e.id) {
            return;
        }
        let by_period = match self.figures.get_mut(ind) {
            Some(m) => m,
            None => self.figures.entry(ind.to_string()).or_default(),
        };
        match by_period.entry(p) {
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(PeriodFigures {
                    counted: Some(counted(
                        e.id,
                        value,
                        e.value_text.map(str::to_string),
                        reported_on,
                        correction,
                    )),
                    first_reported: Some(reported_on),
                    superseded: Vec::new(),
                });
            }
            std::collections::btree_map::Entry::Occupied(mut o) => {
                let slot = o.get_mut();
                if slot.first_reported.is_none_or(|d| reported_on < d) {
                    slot.first_reported = Some(reported_on);
                }
                if self.keep_superseded {
                    slot.superseded.push(e.id);
                }
            }
        }
    }

    /// What counts, by indicator and period; `superseded` in ledger order.
    pub fn finish(mut self) -> Figures {
        for by_period in self.figures.values_mut() {
            for f in by_period.values_mut() {
                f.superseded.reverse();
            }
        }
        self.figures
    }
}

/// Counts figures of `entries` (any order; ids give ledger order), as of
/// `as_of`: a [`Tally`] over them newest first, with `superseded` listed.
pub fn count_figures(entries: &[Entry], as_of: Option<NaiveDate>) -> Figures {
    let mut newest_first: Vec<&Entry> = entries.iter().collect();
    newest_first.sort_unstable_by_key(|e| std::cmp::Reverse(e.id));
    let mut tally = Tally::new(as_of, true);
    for e in newest_first {
        tally.push(e.into());
    }
    tally.finish()
}

/// Figures recorded under an indicator's old ids (`formerly`, SPEC §2.1)
/// count for its new id: for each `(old, new)` of `renames`, the periods
/// of `old` are merged into those of `new` and `old` is removed. The one
/// place that maps old ids to new ones before a report judges them; the
/// figures of each id must have been counted by the rule above.
///
/// Merging follows the rule: in each period the figure latest in ledger
/// order counts (the larger entry id, whichever id it was recorded under),
/// the earliest-dated one decides lateness, and the other counting figure
/// joins those superseded.
pub fn merge_renamed(figures: &mut Figures, renames: &[(String, String)]) {
    for (old, new) in renames {
        let Some(from) = figures.remove(old) else { continue };
        let into = figures.entry(new.clone()).or_default();
        for (period, theirs) in from {
            match into.entry(period) {
                std::collections::btree_map::Entry::Vacant(v) => {
                    v.insert(theirs);
                }
                std::collections::btree_map::Entry::Occupied(mut o) => merge_period(o.get_mut(), theirs),
            }
        }
    }
}

/// What counts in one period given what counts under two ids of it.
fn merge_period(ours: &mut PeriodFigures, theirs: PeriodFigures) {
    ours.first_reported = match (ours.first_reported, theirs.first_reported) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    ours.superseded.extend(theirs.superseded);
    let loser = match (&ours.counted, theirs.counted) {
        (Some(a), Some(b)) if b.entry > a.entry => ours.counted.replace(b).map(|c| c.entry),
        (Some(_), Some(b)) => Some(b.entry),
        (None, b) => {
            ours.counted = b;
            None
        }
        (Some(_), None) => None,
    };
    ours.superseded.extend(loser);
    ours.superseded.sort_unstable();
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
    fn a_stream_newest_first_counts_as_the_rule_says() {
        use Kind::*;
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        // Ledger order (ids 1..=7), period 2026-Q1 of "a":
        //   1 figure 100 (03/04), 2 figure 110 (01/04: dated earlier),
        //   3 correction of 2 -> 111, 4 correction of 2 -> 112,
        //   5 void of 4, 6 figure 120 (05/04) without a later correction,
        //   7 correction of 6 -> 125, reported 20/04.
        let es = [
            entry(1, Figure, "a", "2026-Q1", Some(100.0), "2026-04-03", None),
            entry(2, Figure, "a", "2026-Q1", Some(110.0), "2026-04-01", None),
            entry(3, Correction, "a", "2026-Q1", Some(111.0), "2026-04-04", Some(2)),
            entry(4, Correction, "a", "2026-Q1", Some(112.0), "2026-04-04", Some(2)),
            entry(5, Void, "a", "2026-Q1", None, "2026-04-04", Some(4)),
            entry(6, Figure, "a", "2026-Q1", Some(120.0), "2026-04-05", None),
            entry(7, Correction, "a", "2026-Q1", Some(125.0), "2026-04-20", Some(6)),
        ];
        let mut t = Tally::new(None, true);
        es.iter().rev().for_each(|e| t.push(e.into()));
        let f = t.finish();
        let pf = &f["a"][&p("2026-Q1")];
        // The latest figure (6) counts with its correction (7): 125.
        let c = pf.counted.as_ref().unwrap();
        assert_eq!((c.entry, c.value, c.value_text.as_str(), c.corrected_by), (6, 125.0, "125", Some(7)));
        assert_eq!(c.reported_on, d("2026-04-05"));
        // Lateness: the earliest date of any figure, 01/04 (entry 2).
        assert_eq!(pf.first_reported, Some(d("2026-04-01")));
        // Replaced: 1 and 2, in ledger order.
        assert_eq!(pf.superseded, vec![1, 2]);

        // As of 10/04 the correction 7 is not yet reported: 120 counts.
        let mut t = Tally::new(Some(d("2026-04-10")), false);
        es.iter().rev().for_each(|e| t.push(e.into()));
        let f = t.finish();
        let pf = &f["a"][&p("2026-Q1")];
        assert_eq!(pf.counted.as_ref().unwrap().value, 120.0);
        assert!(pf.superseded.is_empty(), "not listed without `superseded`");

        // As of 02/04 only figure 2 (01/04) is in: 110, uncorrected (3 and 4
        // are dated 04/04).
        let mut t = Tally::new(Some(d("2026-04-02")), true);
        es.iter().rev().for_each(|e| t.push(e.into()));
        let c = t.finish()["a"][&p("2026-Q1")].counted.clone().unwrap();
        assert_eq!((c.entry, c.value, c.corrected_by), (2, 110.0, None));
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

    #[test]
    fn figures_under_an_old_id_count_for_the_new_one_in_ledger_order() {
        use Kind::*;
        // viec_lam (old) and lao_dong (new), period 2026:
        //   1 viec_lam 2026 = 40 (05/01/2027), 2 lao_dong 2026 = 42 (20/01),
        //   3 viec_lam 2026 = 41 (25/01: latest in ledger order, counts),
        //   4 viec_lam 2027-H1 = 20 (only under the old id).
        let es = vec![
            entry(1, Figure, "viec_lam", "2026", Some(40.0), "2027-01-05", None),
            entry(2, Figure, "lao_dong", "2026", Some(42.0), "2027-01-20", None),
            entry(3, Figure, "viec_lam", "2026", Some(41.0), "2027-01-25", None),
            entry(4, Figure, "viec_lam", "2027-H1", Some(20.0), "2027-07-10", None),
        ];
        let mut f = count_figures(&es, None);
        merge_renamed(&mut f, &[("viec_lam".into(), "lao_dong".into())]);
        assert!(!f.contains_key("viec_lam"));
        let pf = &f["lao_dong"][&p("2026")];
        assert_eq!(pf.counted.as_ref().map(|c| (c.entry, c.value)), Some((3, 41.0)));
        // Lateness by the earliest date of any of them: 05/01/2027 (#1).
        assert_eq!(pf.first_reported, Some("2027-01-05".parse().unwrap()));
        assert_eq!(pf.superseded, vec![1, 2]);
        assert_eq!(f["lao_dong"][&p("2027-H1")].counted.as_ref().map(|c| c.value), Some(20.0));
    }

    #[test]
    fn figures_that_cannot_count_are_skipped() {
        use Kind::*;
        // No value, an unreadable period, a voided figure: none counts,
        // none is "replaced", none decides lateness.
        let es = vec![
            entry(1, Figure, "a", "2026", None, "2027-01-02", None),
            entry(2, Figure, "a", "2026-Q5", Some(3.0), "2027-01-03", None),
            entry(3, Figure, "a", "2026", Some(4.0), "2027-01-04", None),
            entry(4, Void, "a", "2026", None, "2027-01-05", Some(3)),
            entry(5, Figure, "a", "2026", Some(5.0), "2027-01-06", None),
        ];
        let f = count_figures(&es, None);
        assert_eq!(f["a"].len(), 1);
        let pf = &f["a"][&p("2026")];
        assert_eq!(pf.counted.as_ref().unwrap().value, 5.0);
        assert_eq!(pf.first_reported, Some("2027-01-06".parse().unwrap()));
        assert!(pf.superseded.is_empty());
    }
}
