//! The year report (SPEC §5): pure computation from the plan, the ledger's
//! entries, a year and a review date to a plain `Report` struct. No SQLite,
//! no printing: `render` turns the result into bytes.

mod values;

use crate::counting::{self, Figures};
use crate::ledger::Entry;
use crate::period::Period;
use crate::plan::{Basis, Group, Indicator, Lang, Plan, Source, Status, Target};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::HashMap;
use values::{Val, Values};

pub use values::YearValue;

/// Status counts of a group's indicators.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Counts {
    pub exceeded: u32,
    pub met: u32,
    pub not_met: u32,
    pub no_data: u32,
    pub no_target: u32,
}

impl Counts {
    fn add(&mut self, s: Status) {
        match s {
            Status::Exceeded => self.exceeded += 1,
            Status::Met => self.met += 1,
            Status::NotMet => self.not_met += 1,
            Status::NoData => self.no_data += 1,
            Status::NoTarget => self.no_target += 1,
        }
    }

    fn merge(&mut self, o: &Counts) {
        self.exceeded += o.exceeded;
        self.met += o.met;
        self.not_met += o.not_met;
        self.no_data += o.no_data;
        self.no_target += o.no_target;
    }
}

/// Lateness of figures (SPEC §5), with DHIS2-style rates.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Reports {
    pub on_time: u32,
    pub late: u32,
    pub missing: u32,
    pub not_yet_due: u32,
    pub days_late: i64,
    pub days_overdue: i64,
    /// Periods due by `as_of`.
    pub expected: u32,
    /// Of those, periods with a figure.
    pub received: u32,
    /// received / expected × 100, or null when nothing is expected yet.
    pub reporting_rate: Option<f64>,
    /// on time (of the expected) / expected × 100.
    pub on_time_rate: Option<f64>,
    #[serde(skip)]
    on_time_expected: u32,
}

impl Reports {
    fn merge(&mut self, o: &Reports) {
        self.on_time += o.on_time;
        self.late += o.late;
        self.missing += o.missing;
        self.not_yet_due += o.not_yet_due;
        self.days_late += o.days_late;
        self.days_overdue += o.days_overdue;
        self.expected += o.expected;
        self.received += o.received;
        self.on_time_expected += o.on_time_expected;
        self.finish();
    }

    fn finish(&mut self) {
        let rate = |n: u32| (self.expected > 0).then(|| n as f64 / self.expected as f64 * 100.0);
        self.reporting_rate = rate(self.received);
        self.on_time_rate = rate(self.on_time_expected);
    }
}

/// The four classes of task tracking, plus tasks without a deadline.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct TaskCounts {
    pub done_on_time: u32,
    pub done_late: u32,
    pub open_in_time: u32,
    pub open_overdue: u32,
    pub no_deadline: u32,
    pub days_late: i64,
    pub days_overdue: i64,
    /// done / (done + open overdue) × 100 (what has come due), or null.
    pub rate: Option<f64>,
}

impl TaskCounts {
    fn add(&mut self, t: &TaskReport) {
        match t.class {
            TaskClass::DoneOnTime => self.done_on_time += 1,
            TaskClass::DoneLate => {
                self.done_late += 1;
                self.days_late += t.days;
            }
            TaskClass::OpenInTime => self.open_in_time += 1,
            TaskClass::OpenOverdue => {
                self.open_overdue += 1;
                self.days_overdue += t.days;
            }
            TaskClass::NoDeadline => self.no_deadline += 1,
        }
        self.finish();
    }

    fn merge(&mut self, o: &TaskCounts) {
        self.done_on_time += o.done_on_time;
        self.done_late += o.done_late;
        self.open_in_time += o.open_in_time;
        self.open_overdue += o.open_overdue;
        self.no_deadline += o.no_deadline;
        self.days_late += o.days_late;
        self.days_overdue += o.days_overdue;
        self.finish();
    }

    fn finish(&mut self) {
        let done = self.done_on_time + self.done_late;
        let due = done + self.open_overdue;
        self.rate = (due > 0).then(|| done as f64 / due as f64 * 100.0);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodStatus {
    OnTime,
    Late,
    Missing,
    NotYetDue,
}

/// One period of a recorded indicator in the year (`--detail`).
#[derive(Debug, Clone, Serialize)]
pub struct PeriodReport {
    pub period: Period,
    pub due: NaiveDate,
    /// The value that counts, after corrections.
    pub value: Option<f64>,
    /// Date of the earliest figure that was not voided.
    pub reported_on: Option<NaiveDate>,
    pub status: PeriodStatus,
    /// Days late (late) or overdue (missing); 0 otherwise.
    pub days: i64,
}

/// A point of an indicator's path across the plan years (for charts).
#[derive(Debug, Clone, Serialize)]
pub struct YearPoint {
    pub year: i32,
    pub value: Option<f64>,
    pub target: Option<f64>,
    pub target_max: Option<f64>,
    pub partial: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorReport {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub basis: Basis,
    pub derived: bool,
    pub weight: f64,
    /// Y's target as text in the plan's number style ("" when none).
    pub target_text: String,
    /// The value compared with the target (after the basis is applied).
    pub value: Option<f64>,
    /// Y's target: the bound of a one-sided or `~` target, the lower bound of a range.
    pub target: Option<f64>,
    /// The upper bound of a range target.
    pub target_max: Option<f64>,
    pub attainment: Option<f64>,
    /// Why `attainment` is null when there is a value and a target.
    pub attainment_note: Option<String>,
    /// Attainment against the final target when Y has none (progress).
    pub progress: Option<f64>,
    pub status: Status,
    pub partial: bool,
    /// Whether the indicator counts in the group's attainment, and as what.
    pub in_rollup: bool,
    pub reports: Reports,
    pub periods: Vec<PeriodReport>,
    pub series: Vec<YearPoint>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskClass {
    DoneOnTime,
    DoneLate,
    OpenInTime,
    OpenOverdue,
    NoDeadline,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskReport {
    pub id: String,
    pub name: String,
    pub lead: Option<String>,
    pub lead_name: Option<String>,
    pub deliverable: Option<String>,
    pub due: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    pub class: TaskClass,
    /// Days late (done late) or overdue (open overdue).
    pub days: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupReport {
    pub id: String,
    pub section: Option<String>,
    pub name: String,
    pub lead: Option<String>,
    pub lead_name: Option<String>,
    pub attainment: Option<f64>,
    pub counts: Counts,
    pub reports: Reports,
    pub tasks: TaskCounts,
    pub indicators: Vec<IndicatorReport>,
    pub task_list: Vec<TaskReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub plan: String,
    pub title: String,
    pub issued_by: Option<String>,
    pub year: i32,
    pub as_of: NaiveDate,
    pub start: i32,
    pub end: i32,
    pub lang: Lang,
    pub numbers: crate::number::NumberStyle,
    pub attainment: Option<f64>,
    pub counts: Counts,
    pub reports: Reports,
    pub tasks: TaskCounts,
    pub groups: Vec<GroupReport>,
}

/// Which years of which indicators a report needs from the ledger:
/// id → (first year, last year). With `series`, every plan year.
pub fn needs(plan: &Plan, year: i32, series: bool) -> HashMap<String, (i32, i32)> {
    fn add(plan: &Plan, out: &mut HashMap<String, (i32, i32)>, ind: &Indicator, a: i32, b: i32) {
        let slot = out.entry(ind.id.clone()).or_insert((a, b));
        *slot = (slot.0.min(a), slot.1.max(b));
        // Derived indicators are acyclic (checked on load), so this ends.
        match &ind.source {
            Source::Recorded { .. } => {}
            Source::Ratio { num, den } => {
                for id in [num, den] {
                    if let Some(i) = plan.indicator(id) {
                        add(plan, out, i, a, b);
                    }
                }
            }
            Source::Growth { of } => {
                if let Some(i) = plan.indicator(of) {
                    add(plan, out, i, (a - 1).max(plan.start), b);
                }
            }
        }
    }
    let mut out = HashMap::new();
    for ind in plan.indicators() {
        let (a, b) = if series {
            (plan.start, plan.end)
        } else {
            match ind.basis {
                Basis::End | Basis::Year => (year, year),
                Basis::Average | Basis::Compound | Basis::Cumulative => (plan.start, year),
            }
        };
        add(plan, &mut out, ind, a, b);
    }
    out
}

/// Options of a report run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only this group.
    pub group: Option<String>,
    /// Compute each indicator's path across the plan years (for charts).
    pub series: bool,
}

/// Computes the report of `year` as of `as_of` from `entries` (indicator
/// entries covering at least [`needs`], and every task entry).
pub fn compute(plan: &Plan, year: i32, as_of: NaiveDate, entries: &[Entry], opts: &Options) -> Report {
    let figures = counting::count_figures(entries, Some(as_of));
    let done = counting::completions(entries, Some(as_of));
    let values = Values::new(plan, &figures);
    let mut report = Report {
        plan: plan.id.clone(),
        title: plan.title.clone(),
        issued_by: plan.issued_by.clone(),
        year,
        as_of,
        start: plan.start,
        end: plan.end,
        lang: plan.lang,
        numbers: plan.numbers,
        attainment: None,
        counts: Counts::default(),
        reports: Reports::default(),
        tasks: TaskCounts::default(),
        groups: Vec::new(),
    };
    let mut plan_roll = Rollup::default();
    for g in plan.groups.iter().filter(|g| opts.group.as_deref().is_none_or(|id| id == g.id)) {
        let mut roll = Rollup::default();
        let gr = group_report(plan, g, year, as_of, &figures, &done, &values, opts, &mut roll);
        plan_roll.merge(&roll);
        report.counts.merge(&gr.counts);
        report.reports.merge(&gr.reports);
        report.tasks.merge(&gr.tasks);
        report.groups.push(gr);
    }
    report.attainment = plan_roll.result();
    report
}

/// Weighted mean of capped attainments.
#[derive(Debug, Default)]
struct Rollup {
    /// (attainment capped to 0..=100, weight > 0)
    items: Vec<(f64, f64)>,
}

impl Rollup {
    fn add(&mut self, attainment: f64, weight: f64) {
        self.items.push((attainment.clamp(0.0, 100.0), weight));
    }

    fn merge(&mut self, o: &Rollup) {
        self.items.extend_from_slice(&o.items);
    }

    /// Weights are scaled by the largest first, so that their sum cannot
    /// overflow (a plan may give any finite weight); the clamp absorbs
    /// rounding (weights 0.1 and 0.7 at 100 % gave 100.00000000000001).
    fn result(&self) -> Option<f64> {
        let max = self.items.iter().fold(0.0, |m: f64, &(_, w)| m.max(w));
        if max <= 0.0 {
            return None;
        }
        let (sum, weight) =
            self.items.iter().fold((0.0, 0.0), |(s, t), &(a, w)| (s + a * (w / max), t + w / max));
        Some((sum / weight).clamp(0.0, 100.0))
    }
}

fn group_report(
    plan: &Plan,
    g: &Group,
    year: i32,
    as_of: NaiveDate,
    figures: &Figures,
    done: &HashMap<String, (NaiveDate, i64)>,
    values: &Values,
    opts: &Options,
    roll: &mut Rollup,
) -> GroupReport {
    let mut gr = GroupReport {
        id: g.id.clone(),
        section: g.section.clone(),
        name: g.name.clone(),
        lead: g.lead.clone(),
        lead_name: g.lead.as_deref().map(|a| plan.agency_name(a).to_string()),
        attainment: None,
        counts: Counts::default(),
        reports: Reports::default(),
        tasks: TaskCounts::default(),
        indicators: Vec::new(),
        task_list: Vec::new(),
    };
    for ind in &g.indicators {
        let ir = indicator_report(plan, ind, year, as_of, figures, values, opts);
        gr.counts.add(ir.status);
        gr.reports.merge(&ir.reports);
        if ir.in_rollup {
            roll.add(ir.attainment.unwrap_or(0.0), ind.weight);
        }
        gr.indicators.push(ir);
    }
    gr.attainment = roll.result();
    let year_start = NaiveDate::from_ymd_opt(year, 1, 1).expect("valid year");
    for t in &g.tasks {
        let done_on = done.get(&t.id).map(|d| d.0);
        let in_year = match t.due {
            Some(due) => due.year() == year || (due.year() < year && done_on.is_none_or(|d| d >= year_start)),
            None => done_on.is_none_or(|d| d >= year_start),
        };
        if !in_year {
            continue;
        }
        let (class, days) = match (t.due, done_on) {
            (None, _) => (TaskClass::NoDeadline, 0),
            (Some(due), Some(d)) if d <= due => (TaskClass::DoneOnTime, 0),
            (Some(due), Some(d)) => (TaskClass::DoneLate, (d - due).num_days()),
            (Some(due), None) if as_of <= due => (TaskClass::OpenInTime, 0),
            (Some(due), None) => (TaskClass::OpenOverdue, (as_of - due).num_days()),
        };
        let tr = TaskReport {
            id: t.id.clone(),
            name: t.name.clone(),
            lead: t.lead.clone(),
            lead_name: t.lead.as_deref().map(|a| plan.agency_name(a).to_string()),
            deliverable: t.deliverable.clone(),
            due: t.due,
            done_on,
            class,
            days,
        };
        gr.tasks.add(&tr);
        gr.task_list.push(tr);
    }
    gr
}

/// Y's target for `ind` by its basis (SPEC §5 "Target for year Y").
pub fn target_for(plan: &Plan, ind: &Indicator, year: i32) -> Option<Target> {
    let target = ind.target?;
    let milestone = ind.milestones.get(&year).map(|&m| target.at(m));
    match ind.basis {
        Basis::End => {
            if milestone.is_some() {
                return milestone;
            }
            if year >= ind.by {
                return Some(target);
            }
            let b = ind.baseline.filter(|b| b.year < year)?;
            let frac = f64::from(year - b.year) / f64::from(ind.by - b.year);
            Some(target.map(|bound| {
                let v = b.value + (bound - b.value) * frac;
                // The same point, without the overflow of `bound - b.value`
                // when both are huge and of opposite signs.
                if v.is_finite() { v } else { b.value * (1.0 - frac) + bound * frac }
            }))
        }
        Basis::Year | Basis::Average | Basis::Compound => Some(milestone.unwrap_or(target)),
        Basis::Cumulative => milestone.or_else(|| {
            let frac = f64::from(year - plan.start + 1) / f64::from(ind.by - plan.start + 1);
            Some(target.scaled(frac.min(1.0)))
        }),
    }
}

/// The value of `ind` compared with the target in `year`, by its basis.
pub fn basis_value(plan: &Plan, ind: &Indicator, year: i32, values: &Values) -> Val {
    match ind.basis {
        Basis::End | Basis::Year => values.year_value(ind, year),
        Basis::Average | Basis::Compound | Basis::Cumulative => {
            let mut vals = Vec::new();
            let mut partial = false;
            for y in plan.start..=year {
                match values.year_value(ind, y) {
                    Val::Some(v) => {
                        partial |= v.partial;
                        vals.push(v.value);
                    }
                    Val::Missing => partial = true,
                    Val::NotApplicable(why) => return Val::NotApplicable(why),
                }
            }
            if vals.is_empty() {
                return Val::Missing;
            }
            let n = vals.len() as f64;
            let value = match ind.basis {
                Basis::Average => vals.iter().sum::<f64>() / n,
                Basis::Cumulative => vals.iter().sum::<f64>(),
                _ => {
                    if vals.iter().any(|v| 1.0 + v / 100.0 <= 0.0) {
                        return Val::NotApplicable("a yearly growth of -100 % or less".into());
                    }
                    let product: f64 = vals.iter().map(|v| 1.0 + v / 100.0).product();
                    (product.powf(1.0 / n) - 1.0) * 100.0
                }
            };
            if value.is_finite() {
                Val::Some(YearValue { value, partial })
            } else {
                Val::NotApplicable("not a finite number".into())
            }
        }
    }
}

fn indicator_report(
    plan: &Plan,
    ind: &Indicator,
    year: i32,
    as_of: NaiveDate,
    figures: &Figures,
    values: &Values,
    opts: &Options,
) -> IndicatorReport {
    let target = target_for(plan, ind, year);
    let val = basis_value(plan, ind, year, values);
    let (value, partial, na) = match &val {
        Val::Some(v) => (Some(v.value), v.partial, None),
        Val::Missing => (None, false, None),
        Val::NotApplicable(why) => (None, false, Some(why.clone())),
    };
    let (status, attainment, attainment_note) = match (target, value) {
        (None, _) => (Status::NoTarget, None, None),
        (Some(_), None) => (Status::NoData, None, na.clone().or(Some("no data".into()))),
        (Some(t), Some(v)) => match t.attainment(v) {
            Ok(a) => (t.status(v), Some(a), None),
            Err(why) => (t.status(v), None, Some(why.to_string())),
        },
    };
    let progress = match (target, ind.target, value) {
        (None, Some(fin), Some(v)) => fin.attainment(v).ok(),
        _ => None,
    };
    let (periods, reports) = lateness(plan, ind, year, as_of, figures);
    // An indicator with a target counts in the roll-up when it has an
    // attainment, or as 0 once one of its figures (or an input's) is
    // overdue in Y; while nothing is due yet it is left out.
    let in_rollup = match (target, value) {
        (None, _) => false,
        (Some(_), Some(_)) => attainment.is_some(),
        (Some(t), None) => {
            na.is_none() && t.attainment(1.0).is_ok() && any_missing(plan, ind, year, as_of, figures)
        }
    };
    let series = if opts.series {
        plan.years()
            .map(|y| {
                let t = target_for(plan, ind, y);
                let (value, partial) = match basis_value(plan, ind, y, values) {
                    Val::Some(v) if y <= as_of.year() => (Some(v.value), v.partial),
                    _ => (None, false),
                };
                YearPoint {
                    year: y,
                    value,
                    target: t.map(Target::reference),
                    target_max: t.and_then(Target::upper),
                    partial,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    IndicatorReport {
        id: ind.id.clone(),
        name: ind.name.clone(),
        unit: ind.unit.clone(),
        basis: ind.basis,
        derived: ind.is_derived(),
        weight: ind.weight,
        target_text: target.map(|t| t.words(plan.lang, plan.numbers, None)).unwrap_or_default(),
        value,
        target: target.map(Target::reference),
        target_max: target.and_then(Target::upper),
        attainment,
        attainment_note,
        progress,
        status,
        partial,
        in_rollup,
        reports,
        periods,
        series,
    }
}

/// Whether a figure of `ind` (for a derived one: of an input, recursively)
/// is missing and overdue in `year`.
fn any_missing(plan: &Plan, ind: &Indicator, year: i32, as_of: NaiveDate, figures: &Figures) -> bool {
    match &ind.source {
        Source::Recorded { .. } => lateness(plan, ind, year, as_of, figures).1.missing > 0,
        _ => ind
            .inputs()
            .iter()
            .filter_map(|id| plan.indicator(id))
            .any(|i| any_missing(plan, i, year, as_of, figures)),
    }
}

/// Lateness of each period of `ind`'s cadence in `year` (SPEC §5).
fn lateness(
    plan: &Plan,
    ind: &Indicator,
    year: i32,
    as_of: NaiveDate,
    figures: &Figures,
) -> (Vec<PeriodReport>, Reports) {
    let mut reports = Reports::default();
    let mut periods = Vec::new();
    let Some(every) = ind.cadence() else {
        return (periods, reports);
    };
    let due_days = plan.due_days.of(every);
    let by_period = figures.get(&ind.id);
    for p in Period::all_in(year, every) {
        let due = p.due(due_days);
        let pf = by_period.and_then(|m| m.get(&p));
        let value = pf.and_then(|f| f.counted.as_ref()).map(|c| c.value);
        let first = pf.and_then(|f| f.first_reported);
        let is_due = due <= as_of;
        let (status, days) = match first {
            Some(d) if d <= due => (PeriodStatus::OnTime, 0),
            Some(d) => (PeriodStatus::Late, (d - due).num_days()),
            None if is_due => (PeriodStatus::Missing, (as_of - due).num_days()),
            None => (PeriodStatus::NotYetDue, 0),
        };
        match status {
            PeriodStatus::OnTime => reports.on_time += 1,
            PeriodStatus::Late => {
                reports.late += 1;
                reports.days_late += days;
            }
            PeriodStatus::Missing => {
                reports.missing += 1;
                reports.days_overdue += days;
            }
            PeriodStatus::NotYetDue => reports.not_yet_due += 1,
        }
        if is_due {
            reports.expected += 1;
            if first.is_some() {
                reports.received += 1;
            }
            if status == PeriodStatus::OnTime {
                reports.on_time_expected += 1;
            }
        }
        periods.push(PeriodReport { period: p, due, value, reported_on: first, status, days });
    }
    reports.finish();
    (periods, reports)
}

#[cfg(test)]
mod tests;
