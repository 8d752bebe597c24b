//! Year values (SPEC §5 "Year value"), for recorded and derived
//! indicators, memoised per (indicator, year).

use crate::counting::Figures;
use crate::period::{Cadence, Period};
use crate::plan::{Indicator, Measure, Plan, Source};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;

/// A year value and whether it is partial (not every period is in).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearValue {
    pub value: f64,
    pub partial: bool,
}

/// A value, no data, or "n/a" with the reason (division by zero…).
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Some(YearValue),
    Missing,
    NotApplicable(String),
}

pub struct Values<'a> {
    plan: &'a Plan,
    figures: &'a Figures,
    cache: RefCell<HashMap<(String, i32), Val>>,
}

impl<'a> Values<'a> {
    pub fn new(plan: &'a Plan, figures: &'a Figures) -> Self {
        Values { plan, figures, cache: RefCell::new(HashMap::new()) }
    }

    pub fn year_value(&self, ind: &Indicator, year: i32) -> Val {
        let key = (ind.id.clone(), year);
        if let Some(v) = self.cache.borrow().get(&key) {
            return v.clone();
        }
        // Finite figures can still overflow (a sum of flows, huge / tiny):
        // n/a, never inf, in the report.
        let v = match self.compute(ind, year) {
            Val::Some(y) if !y.value.is_finite() => Val::NotApplicable("not a finite number".into()),
            v => v,
        };
        self.cache.borrow_mut().insert(key, v.clone());
        v
    }

    fn compute(&self, ind: &Indicator, year: i32) -> Val {
        match &ind.source {
            Source::Recorded { measure, every } => self.recorded(ind, *measure, *every, year),
            Source::Ratio { num, den } => {
                let (Some(n), Some(d)) = (self.plan.indicator(num), self.plan.indicator(den)) else {
                    return Val::Missing;
                };
                match (self.year_value(n, year), self.year_value(d, year)) {
                    (Val::NotApplicable(w), _) | (_, Val::NotApplicable(w)) => Val::NotApplicable(w),
                    (Val::Some(n), Val::Some(d)) => {
                        if d.value == 0.0 {
                            Val::NotApplicable(format!("`{den}` is 0 in {year}"))
                        } else {
                            Val::Some(YearValue {
                                value: n.value / d.value * 100.0,
                                partial: n.partial || d.partial,
                            })
                        }
                    }
                    _ => Val::Missing,
                }
            }
            Source::Growth { of } => {
                let Some(src) = self.plan.indicator(of) else { return Val::Missing };
                let this = self.year_value(src, year);
                let last = if year == self.plan.start {
                    match src.baseline {
                        Some(b) if b.year == self.plan.start - 1 => {
                            Val::Some(YearValue { value: b.value, partial: false })
                        }
                        _ => Val::Missing,
                    }
                } else {
                    self.year_value(src, year - 1)
                };
                match (this, last) {
                    (Val::NotApplicable(w), _) | (_, Val::NotApplicable(w)) => Val::NotApplicable(w),
                    (Val::Some(t), Val::Some(l)) => {
                        if l.value == 0.0 {
                            Val::NotApplicable(format!("`{of}` is 0 in {}", year - 1))
                        } else {
                            Val::Some(YearValue {
                                value: (t.value / l.value - 1.0) * 100.0,
                                partial: t.partial || l.partial,
                            })
                        }
                    }
                    _ => Val::Missing,
                }
            }
        }
    }

    fn recorded(&self, ind: &Indicator, measure: Measure, every: Cadence, year: i32) -> Val {
        let Some(periods) = self.figures.get(&ind.id) else { return Val::Missing };
        let counted = |p: &Period| periods.get(p).and_then(|f| f.counted.as_ref()).map(|c| c.value);
        if let Some(v) = counted(&Period::year(year)) {
            return Val::Some(YearValue { value: v, partial: false });
        }
        if every == Cadence::Year {
            return Val::Missing;
        }
        let subs: Vec<(Period, f64)> =
            Period::all_in(year, every).filter_map(|p| counted(&p).map(|v| (p, v))).collect();
        let Some(&(last, last_value)) = subs.last() else { return Val::Missing };
        match measure {
            Measure::Level | Measure::Rate => {
                Val::Some(YearValue { value: last_value, partial: !last.is_last_of_year() })
            }
            Measure::Flow => Val::Some(YearValue {
                value: subs.iter().map(|(_, v)| v).sum(),
                partial: subs.len() < every.per_year() as usize,
            }),
        }
    }
}
