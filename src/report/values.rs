//! Year values (SPEC §5 "Year value") and year-to-date values (§5 "Review
//! of a part of the year"), for recorded and derived indicators, memoised
//! per (indicator, year, cut-off month).
//!
//! One computation serves both: the value of year Y *through month M* looks
//! only at periods that end on or before the last day of month M (E); with
//! M = 12 it is the year value. A value rests on an estimate (a figure
//! dated before its period ended, §5 "Estimates") when any figure it uses
//! does; `estimate` carries that through sums, ratios and growth.

use crate::counting::Figures;
use crate::period::{Cadence, Period};
use crate::plan::{AttainmentNote, Indicator, Measure, Plan, Source};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;

/// A year (or year-to-date) value, whether it is partial (not every
/// period is in) and whether it rests on an estimate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearValue {
    pub value: f64,
    pub partial: bool,
    pub estimate: bool,
}

/// A value, no data, or "n/a" with the reason (division by zero…; SPEC
/// §5: never NaN or inf).
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Some(YearValue),
    Missing,
    NotApplicable(AttainmentNote),
}

pub struct Values<'a> {
    plan: &'a Plan,
    figures: &'a Figures,
    cache: RefCell<HashMap<(String, i32, u32), Val>>,
}

/// The last day of month `month` (1..=12) of `year`: the cut-off day E.
pub fn month_end(year: i32, month: u32) -> chrono::NaiveDate {
    Period { year, cadence: Cadence::Month, index: month.clamp(1, 12) }.end()
}

impl<'a> Values<'a> {
    pub fn new(plan: &'a Plan, figures: &'a Figures) -> Self {
        Values { plan, figures, cache: RefCell::new(HashMap::new()) }
    }

    /// The year value of `ind` in `year` (every period of the year).
    pub fn year_value(&self, ind: &Indicator, year: i32) -> Val {
        self.through(ind, year, 12)
    }

    /// The value of `ind` in `year` through the end of month `month`
    /// (1..=12): the year-to-date value (lũy kế); the year value for 12.
    pub fn through(&self, ind: &Indicator, year: i32, month: u32) -> Val {
        let key = (ind.id.clone(), year, month);
        if let Some(v) = self.cache.borrow().get(&key) {
            return v.clone();
        }
        // Finite figures can still overflow (a sum of flows, huge / tiny):
        // n/a, never inf, in the report.
        let v = match self.compute(ind, year, month) {
            Val::Some(y) if !y.value.is_finite() => Val::NotApplicable(AttainmentNote::NotFinite),
            v => v,
        };
        self.cache.borrow_mut().insert(key, v.clone());
        v
    }

    fn compute(&self, ind: &Indicator, year: i32, month: u32) -> Val {
        match &ind.source {
            Source::Recorded { measure, every } => self.recorded(ind, *measure, *every, year, month),
            Source::Ratio { num, den } => {
                let (Some(n), Some(d)) = (self.plan.indicator(num), self.plan.indicator(den)) else {
                    return Val::Missing;
                };
                match (self.through(n, year, month), self.through(d, year, month)) {
                    (Val::NotApplicable(w), _) | (_, Val::NotApplicable(w)) => Val::NotApplicable(w),
                    (Val::Some(n), Val::Some(d)) => {
                        if d.value == 0.0 {
                            Val::NotApplicable(AttainmentNote::InputZero { input: den.clone(), year })
                        } else {
                            Val::Some(YearValue {
                                value: n.value / d.value * 100.0,
                                partial: n.partial || d.partial,
                                estimate: n.estimate || d.estimate,
                            })
                        }
                    }
                    _ => Val::Missing,
                }
            }
            Source::Growth { of } => {
                let Some(src) = self.plan.indicator(of) else { return Val::Missing };
                let this = self.through(src, year, month);
                let last = self.last_year(src, year, month);
                match (this, last) {
                    (Val::NotApplicable(w), _) | (_, Val::NotApplicable(w)) => Val::NotApplicable(w),
                    (Val::Some(t), Val::Some(l)) => {
                        if l.value == 0.0 {
                            Val::NotApplicable(AttainmentNote::InputZero {
                                input: of.clone(),
                                year: year - 1,
                            })
                        } else {
                            Val::Some(YearValue {
                                value: (t.value / l.value - 1.0) * 100.0,
                                partial: t.partial || l.partial,
                                estimate: t.estimate || l.estimate,
                            })
                        }
                    }
                    _ => Val::Missing,
                }
            }
        }
    }

    /// The value of `src` for the same part of the year before `year`
    /// (cùng kỳ): through the same month of `year - 1`; for the first plan
    /// year, the baseline when the whole year is asked and the baseline
    /// year is `year - 1` (a yearly baseline says nothing of a half year).
    pub fn last_year(&self, src: &Indicator, year: i32, month: u32) -> Val {
        if year > self.plan.start {
            return self.through(src, year - 1, month);
        }
        match src.baseline {
            Some(b) if month == 12 && b.year == year - 1 => {
                Val::Some(YearValue { value: b.value, partial: false, estimate: false })
            }
            _ => Val::Missing,
        }
    }

    /// SPEC §5 "Year value" and "Review of a part of the year" for a
    /// recorded indicator, through the end of `month`.
    fn recorded(&self, ind: &Indicator, measure: Measure, every: Cadence, year: i32, month: u32) -> Val {
        let Some(periods) = self.figures.get(&ind.id) else { return Val::Missing };
        // (value, estimate) of the figure that counts for `p`.
        let counted = |p: &Period| {
            periods
                .get(p)
                .and_then(|f| f.counted.as_ref())
                .map(|c| (c.value, crate::counting::is_estimate(*p, c.reported_on)))
        };
        let cutoff = month_end(year, month);
        if month == 12
            && let Some((value, estimate)) = counted(&Period::year(year))
        {
            return Val::Some(YearValue { value, partial: false, estimate });
        }
        let in_scope: Vec<Period> = Period::all_in(year, every).filter(|p| p.end() <= cutoff).collect();
        if every == Cadence::Year || in_scope.is_empty() {
            // A yearly figure was looked at above; a part of the year ends
            // no yearly period.
            return Val::Missing;
        }
        let subs: Vec<(Period, f64, bool)> =
            in_scope.iter().filter_map(|p| counted(p).map(|(v, e)| (*p, v, e))).collect();
        let Some(&(last, last_value, last_estimate)) = subs.last() else { return Val::Missing };
        match measure {
            Measure::Level | Measure::Rate => Val::Some(YearValue {
                value: last_value,
                partial: last.end() < cutoff,
                estimate: last_estimate,
            }),
            Measure::Flow => Val::Some(YearValue {
                value: subs.iter().map(|s| s.1).sum(),
                partial: subs.len() < in_scope.len() || in_scope.last().is_some_and(|p| p.end() < cutoff),
                estimate: subs.iter().any(|s| s.2),
            }),
        }
    }
}
