//! Exports for other systems (SPEC §4.3): the figures that count, as typed
//! values, which each format's writer only reads (`dhis2.rs`: DHIS2 data
//! value sets as JSON, CSV or ADX).
//!
//! What counts is decided by `crate::counting` (SPEC §5 "What counts"):
//! entries reported after `as_of` are ignored; for each period the latest
//! figure not voided counts, with the value of its latest correction. This
//! module only picks the periods asked for and keeps, beside each value,
//! who stored it, its note and its dates.

pub mod dhis2;

use crate::counting;
use crate::entry::{Entry, Kind};
use crate::period::Period;
use crate::plan::{Indicator, Plan};
use chrono::NaiveDate;
use std::collections::HashMap;

/// The periods an export covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// Every period of the plan's years.
    All,
    /// The periods that lie within this one: `--year 2027` is the year and
    /// every half, quarter and month of it; `--period 2027-H1` is H1, Q1,
    /// Q2 and January to June.
    Within(Period),
}

impl Span {
    /// Whether the figure of `p` is exported.
    pub fn covers(self, p: Period) -> bool {
        match self {
            Span::All => true,
            Span::Within(w) => w.start() <= p.start() && p.end() <= w.end(),
        }
    }

    /// The first and last year the span touches in `plan`.
    pub fn years(self, plan: &Plan) -> (i32, i32) {
        match self {
            Span::All => (plan.start, plan.end),
            Span::Within(w) => (w.year, w.year),
        }
    }
}

/// One figure that counts, with what an exported value carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure<'p> {
    /// The indicator's id (borrowed from the plan).
    pub indicator: &'p str,
    pub period: Period,
    /// The value that counts (after its latest correction), in the
    /// indicator's unit.
    pub value: f64,
    /// Who reported the value: the correction's author when it was
    /// corrected, else the figure's.
    pub by: String,
    /// The note of the entry that set the value (a correction's reason).
    pub note: Option<String>,
    /// The date the figure was reported (its entry's `--date`).
    pub reported_on: NaiveDate,
    /// The date the value was set: the correction's date, else
    /// `reported_on`.
    pub updated_on: NaiveDate,
}

/// The figures of `ind` that count as of `as_of`, in `span`, in period
/// order. `entries` are the indicator's entries (any order, others are
/// ignored, but those under its `formerly` ids count for it; their `by`
/// and `note` are moved into the figures); a derived indicator has none.
pub fn figures<'p>(
    ind: &'p Indicator,
    mut entries: Vec<Entry>,
    span: Span,
    as_of: NaiveDate,
) -> Vec<Figure<'p>> {
    let mut counted = counting::count_figures(&entries, Some(as_of));
    // Figures under its old ids count for it (SPEC §2.1 `formerly`).
    let renames: Vec<(String, String)> = ind.formerly.iter().map(|o| (o.clone(), ind.id.clone())).collect();
    counting::merge_renamed(&mut counted, &renames);
    let Some(periods) = counted.remove(&ind.id) else { return Vec::new() };
    let index: HashMap<i64, usize> = entries.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
    periods
        .into_iter()
        .filter(|(p, _)| span.covers(*p))
        .filter_map(|(period, f)| {
            let c = f.counted?;
            let figure = *index.get(&c.entry)?;
            let setter = c.corrected_by.and_then(|id| index.get(&id).copied()).unwrap_or(figure);
            // As counted: a re-dated figure (`plan correct --reported-on`) by its new date.
            let reported_on = c.reported_on;
            // Each entry sets at most one period's value: its strings can move.
            let e = &mut entries[setter];
            debug_assert!(matches!(e.kind, Kind::Figure | Kind::Correction));
            Some(Figure {
                indicator: &ind.id,
                period,
                value: c.value,
                by: std::mem::take(&mut e.by),
                note: e.note.take(),
                reported_on,
                updated_on: if setter == figure { reported_on } else { e.reported_on },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::counting::tests::entry;
    use crate::plan::load_str;

    fn plan() -> Plan {
        load_str(
            r#"
[plan]
id = "P"
title = "t"
start = 2026
end = 2030
[[group]]
id = "g"
name = "g"
[[group.indicator]]
id = "a"
name = "a"
measure = "flow"
every = "quarter"
"#,
            "plan.toml",
        )
        .plan
        .expect("valid plan")
    }

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn a_span_covers_the_periods_inside_it() {
        let h1 = Span::Within(p("2027-H1"));
        for inside in ["2027-H1", "2027-Q1", "2027-Q2", "2027-01", "2027-06"] {
            assert!(h1.covers(p(inside)), "{inside}");
        }
        for outside in ["2027", "2027-H2", "2027-Q3", "2027-07", "2026-Q1"] {
            assert!(!h1.covers(p(outside)), "{outside}");
        }
        let y = Span::Within(p("2027"));
        assert!(y.covers(p("2027")) && y.covers(p("2027-12")) && !y.covers(p("2028-01")));
        assert!(Span::All.covers(p("2030-Q4")));
    }

    #[test]
    fn the_value_that_counts_keeps_its_setters_author_note_and_dates() {
        use Kind::{Correction, Void};
        let plan = plan();
        let ind = plan.indicator("a").unwrap();
        let fig = Kind::Figure;
        let mut es = vec![
            entry(1, fig, "a", "2027-Q1", Some(10.0), "2027-04-05", None),
            entry(2, fig, "a", "2027-Q2", Some(20.0), "2027-07-05", None),
            entry(3, Correction, "a", "2027-Q2", Some(21.0), "2027-07-20", Some(2)),
            entry(4, fig, "a", "2027-Q3", Some(30.0), "2027-10-05", None),
            entry(5, Void, "a", "2027-Q3", None, "2027-10-06", Some(4)),
            entry(6, fig, "a", "2027-Q4", Some(40.0), "2028-01-05", None),
        ];
        es[0].note = Some("first".into());
        es[2].by = "hoa".into();
        es[2].note = Some("official".into());
        let got = figures(ind, es.clone(), Span::All, "2027-12-31".parse().unwrap());
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        // Q3 was voided; Q4 was reported after as_of.
        assert_eq!(
            got,
            vec![
                Figure {
                    indicator: "a",
                    period: p("2027-Q1"),
                    value: 10.0,
                    by: "t".into(),
                    note: Some("first".into()),
                    reported_on: d("2027-04-05"),
                    updated_on: d("2027-04-05"),
                },
                Figure {
                    indicator: "a",
                    period: p("2027-Q2"),
                    value: 21.0,
                    by: "hoa".into(),
                    note: Some("official".into()),
                    reported_on: d("2027-07-05"),
                    updated_on: d("2027-07-20"),
                },
            ]
        );
        // Before the correction was dated, the figure's own value counted.
        let got = figures(ind, es, Span::Within(p("2027-Q2")), "2027-07-10".parse().unwrap());
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].value, got[0].by.as_str()), (20.0, "t"));
    }

    #[test]
    fn a_re_dated_figure_is_sent_with_its_new_date() {
        let plan = plan();
        let ind = plan.indicator("a").unwrap();
        // #1 dated a year ahead (the clock ran ahead); #2 re-dates it to 2027-04-05.
        let es = vec![
            entry(1, Kind::Figure, "a", "2027-Q1", Some(10.0), "2028-04-05", None),
            entry(2, Kind::Correction, "a", "2027-Q1", None, "2027-04-05", Some(1)),
        ];
        let got = figures(ind, es, Span::All, "2027-12-31".parse().unwrap());
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].value, got[0].reported_on, got[0].updated_on),
            (10.0, d("2027-04-05"), d("2027-04-05"))
        );
    }
}
