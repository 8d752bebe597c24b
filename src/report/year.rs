//! The one report computation (SPEC §5): year Y judged through a cut-off
//! day E (the year's last day, or the last day of the period reviewed),
//! with lateness of figures and tasks over a window of years (Y alone, or
//! A…B for a span). [`super::review`] decides E and the window; every kind
//! of report goes through [`compute_review`].

use super::pace::{self, Kind as PaceKind};
use super::values::{Val, Values, month_end};
use super::{
    Counts, GroupReport, IndicatorReport, MissingFigure, NextFigure, NoteInput, PeriodReport, PeriodStatus,
    PlannedTarget, Report, Reports, Retired, Review, TaskCounts, YearPoint, YearValue,
};
use crate::counting::{self, Figures};
use crate::entry::Entry;
use crate::period::Period;
use crate::plan::{AttainmentNote, Basis, Group, Indicator, Measure, Plan, Source, Status, Target};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::HashMap;

/// Which years of which indicators a report of `review` needs from the
/// ledger: id → (first year, last year). With [`Series::Charts`], every
/// plan year.
pub fn needs(plan: &Plan, review: &Review, series: Series) -> HashMap<String, (i32, i32)> {
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
    let year = review.target_year();
    let mut out = HashMap::new();
    for ind in plan.indicators() {
        let (a, b) = if series == Series::Charts {
            (plan.start, plan.end)
        } else {
            let from = match ind.basis {
                Basis::End | Basis::Year => review.first_year(),
                Basis::Average | Basis::Compound | Basis::Cumulative => plan.start,
            };
            // The same period last year (cùng kỳ) of level and flow.
            let cung_ky = matches!(ind.measure(), Some(Measure::Level | Measure::Flow));
            (if cung_ky { from.min(year - 1).max(plan.start) } else { from }, year)
        };
        add(plan, &mut out, ind, a, b);
    }
    out
}

/// Options of a report run: what the caller asks to be computed, never
/// how it will be shown (the same options give the same `Report`, and so
/// the same JSON, whatever the output format).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only this group.
    pub group: Option<String>,
    /// Which yearly series each indicator carries.
    pub series: Series,
}

/// Which yearly series (`IndicatorReport::series`) a report computes.
/// A span computes its years A…B whatever this says (SPEC §5 "Review of
/// a span of years"); this decides the series of a year and of a part of
/// a year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Series {
    /// Only what the review judges: a span's years, none for a year or a
    /// part of one (`series` is `[]` in their JSON).
    #[default]
    Judged,
    /// Also each indicator's path across every plan year, to draw it
    /// (read from the ledger for every plan year).
    Charts,
}

/// Computes the year report of `year` as of `as_of` from `entries`
/// (indicator entries covering at least [`needs`], and every task entry).
pub fn compute(plan: &Plan, year: i32, as_of: NaiveDate, entries: &[Entry], opts: &Options) -> Report {
    compute_review(plan, &Review::year(year), as_of, entries, opts)
}

/// Computes the report of `review` (a year, a part of a year, a span) as of
/// `as_of` from `entries` (indicator entries covering at least [`needs`],
/// and every task entry). `ledger_head` is left null for the caller.
pub fn compute_review(
    plan: &Plan,
    review: &Review,
    as_of: NaiveDate,
    entries: &[Entry],
    opts: &Options,
) -> Report {
    let mut figures = counting::count_figures(entries, Some(as_of));
    counting::merge_renamed(&mut figures, &plan.renames());
    compute_counted(plan, review, as_of, &figures, entries, opts)
}

/// [`compute_review`] from figures already counted as of `as_of` (by
/// indicator and period, covering at least [`needs`]; e.g. read by
/// [`crate::ledger::Ledger::counted_figures`]) and entries holding every
/// task entry (others are ignored).
pub fn compute_counted(
    plan: &Plan,
    review: &Review,
    as_of: NaiveDate,
    figures: &Figures,
    task_entries: &[Entry],
    opts: &Options,
) -> Report {
    let done = counting::completions(task_entries, Some(as_of));
    let values = Values::new(plan, figures);
    let scope = Scope {
        year: review.target_year(),
        month: review.month(),
        cutoff: review.cutoff(),
        first_year: review.first_year(),
        as_of,
        part_of_year: review.is_part_of_year() && review.month() < 12,
        span: matches!(review, Review::Span(_)),
        series: match review {
            Review::Span(y) => Some((y.first, y.last)),
            Review::Period(_) if opts.series == Series::Charts => Some((plan.start, plan.end)),
            Review::Period(_) => None,
        },
    };
    let mut report = Report {
        plan: plan.id.clone(),
        title: plan.title.clone(),
        issued_by: plan.issued_by.clone(),
        issued_on: plan.issued_on,
        implements: plan.implements.clone(),
        // No [report]: the style the plan's own number shows (SPEC is silent).
        document: plan.document.clone().unwrap_or_else(|| crate::plan::DocumentHeading {
            style: crate::plan::DocumentStyle::of_plan_number(&plan.id),
            ..Default::default()
        }),
        year: scope.year,
        review: *review,
        period: review.period().map(|p| p.to_string()),
        years: match review {
            Review::Span(y) => Some([y.first, y.last]),
            Review::Period(_) => None,
        },
        through: scope.cutoff,
        as_of,
        ledger_head: None,
        provisional: as_of < scope.cutoff,
        future_entries: Vec::new(),
        start: plan.start,
        end: plan.end,
        lang: plan.lang,
        numbers: plan.numbers,
        attainment: None,
        counts: Counts::default(),
        reports: Reports::default(),
        tasks: TaskCounts::default(),
        rollup_count: 0,
        indicator_count: 0,
        groups: Vec::new(),
        amendments: plan.cited_amendments(
            scope.first_year..=scope.year,
            opts.group.as_deref(),
            &plan.retired().into_iter().map(|(id, _)| id).collect::<Vec<_>>(),
        ),
        retired: plan.retired().into_iter().map(|(id, amendment)| Retired { id, amendment }).collect(),
        orphans: Vec::new(),
        plan_version: None,
        plan_version_recorded: false,
    };
    let mut plan_roll = Rollup::default();
    for g in plan.groups.iter().filter(|g| opts.group.as_deref().is_none_or(|id| id == g.id)) {
        let mut roll = Rollup::default();
        let gr = group_report(plan, g, &scope, figures, &done, &values, &mut roll);
        plan_roll.merge(&roll);
        report.counts.merge(&gr.counts);
        report.reports.merge(&gr.reports);
        report.tasks.merge(&gr.tasks);
        report.rollup_count += gr.rollup_count;
        report.indicator_count += gr.indicator_count;
        report.groups.push(gr);
    }
    report.attainment = plan_roll.result();
    // The document each completion that counts was recorded with.
    let sources: HashMap<i64, &str> =
        task_entries.iter().filter_map(|e| Some((e.id, e.source.as_deref()?))).collect();
    for t in report.groups.iter_mut().flat_map(|g| g.task_list.iter_mut()) {
        t.source = done.get(&t.id).and_then(|(_, id)| sources.get(id)).map(|s| s.to_string());
    }
    report
}

/// The cut-off and windows of one report run.
struct Scope {
    /// Y, whose targets are judged.
    year: i32,
    /// The month E falls in (12 for a whole year).
    month: u32,
    /// E.
    cutoff: NaiveDate,
    /// First year of the window of lateness and tasks (…Y).
    first_year: i32,
    as_of: NaiveDate,
    /// A review of part of a year ending before December: judged by pace.
    part_of_year: bool,
    /// A review of a span of years.
    span: bool,
    /// Years of each indicator's series, if asked.
    series: Option<(i32, i32)>,
}

/// Weighted mean of capped attainments.
#[derive(Debug, Default)]
pub(super) struct Rollup {
    /// (attainment capped to 0..=100, weight > 0)
    items: Vec<(f64, f64)>,
}

impl Rollup {
    pub(super) fn add(&mut self, attainment: f64, weight: f64) {
        self.items.push((attainment.clamp(0.0, 100.0), weight));
    }

    pub(super) fn merge(&mut self, o: &Rollup) {
        self.items.extend_from_slice(&o.items);
    }

    /// Weights are scaled by the largest first, so that their sum cannot
    /// overflow (a plan may give any finite weight); the clamp absorbs
    /// rounding (weights 0.1 and 0.7 at 100 % gave 100.00000000000001).
    pub(super) fn result(&self) -> Option<f64> {
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
    scope: &Scope,
    figures: &Figures,
    done: &HashMap<String, (NaiveDate, i64)>,
    values: &Values,
    roll: &mut Rollup,
) -> GroupReport {
    let lead_name = g.lead.as_deref().map(|a| plan.agency_name(a).to_string());
    let mut gr = GroupReport {
        id: g.id.clone(),
        section: g.section.clone(),
        name: g.name.clone(),
        lead: g.lead.clone(),
        lead_name: lead_name.clone(),
        attainment: None,
        counts: Counts::default(),
        reports: Reports::default(),
        tasks: TaskCounts::default(),
        rollup_count: 0,
        indicator_count: g.indicators.len() as u32,
        indicators: Vec::new(),
        task_list: Vec::new(),
        missing_figures: Vec::new(),
        overdue_tasks: Vec::new(),
        upcoming: Vec::new(),
        next_year_tasks: Vec::new(),
    };
    for ind in &g.indicators {
        let ir = indicator_report(plan, ind, scope, figures, values);
        gr.counts.add(ir.status);
        gr.reports.merge(&ir.reports);
        if ir.in_rollup {
            // A paced indicator counts by its pace (SPEC §5 "Review of a
            // part of the year"), the others by their attainment.
            roll.add(ir.pace_attainment.or(ir.attainment).unwrap_or(0.0), ind.weight);
            gr.rollup_count += 1;
        }
        for p in ir.periods.iter().filter(|p| p.status == PeriodStatus::Missing) {
            gr.missing_figures.push(MissingFigure {
                indicator: ir.id.clone(),
                name: ir.name.clone(),
                period: p.period,
                due: p.due,
                days_overdue: p.days,
                agency: g.lead.clone(),
                agency_name: lead_name.clone(),
            });
        }
        gr.indicators.push(ir);
    }
    gr.missing_figures.sort_by(|a, b| (a.due, &a.indicator).cmp(&(b.due, &b.indicator)));
    gr.attainment = roll.result();
    let begin = NaiveDate::from_ymd_opt(scope.first_year, 1, 1).unwrap_or(scope.cutoff);
    let year_end = month_end(scope.year, 12);
    super::tasks::group_tasks(plan, g, (begin, scope.cutoff), year_end, scope.as_of, done, &mut gr);
    gr
}

/// Where a year's target comes from (SPEC §5 "Target for year Y").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetOrigin {
    /// The plan's target itself (Y is the target year or later, or the
    /// basis judges the whole path: average, compound).
    Final,
    /// The plan's target applies to every year (`basis = "year"`).
    EveryYear,
    /// Y's milestone.
    Milestone,
    /// A straight line from the baseline to the target.
    StraightLine,
    /// The cumulative target scaled pro rata to the years so far.
    ProRata,
}

/// Y's target for `ind` by its basis (SPEC §5 "Target for year Y").
pub fn target_for(plan: &Plan, ind: &Indicator, year: i32) -> Option<Target> {
    target_with_origin(plan, ind, year).map(|t| t.0)
}

/// Y's target for `ind` and where it comes from.
///
/// The revision in force for `year` replaces the target, `by` and the
/// milestones first (SPEC §2.1): a year is judged by what was in force
/// for it, whatever the review's date.
pub fn target_with_origin(plan: &Plan, ind: &Indicator, year: i32) -> Option<(Target, TargetOrigin)> {
    let in_force = ind.in_force(year);
    let ind: &Indicator = &in_force;
    let target = ind.target?;
    let milestone = ind.milestones.get(&year).map(|&m| (target.at(m), TargetOrigin::Milestone));
    match ind.basis {
        Basis::End => {
            if milestone.is_some() {
                return milestone;
            }
            if year >= ind.by {
                return Some((target, TargetOrigin::Final));
            }
            let b = ind.baseline.filter(|b| b.year < year)?;
            let frac = f64::from(year - b.year) / f64::from(ind.by - b.year);
            let t = target.map(|bound| {
                let v = b.value + (bound - b.value) * frac;
                // The same point, without the overflow of `bound - b.value`
                // when both are huge and of opposite signs.
                if v.is_finite() { v } else { b.value * (1.0 - frac) + bound * frac }
            });
            Some((t, TargetOrigin::StraightLine))
        }
        Basis::Year => milestone.or(Some((target, TargetOrigin::EveryYear))),
        Basis::Average | Basis::Compound => milestone.or(Some((target, TargetOrigin::Final))),
        Basis::Cumulative => milestone.or_else(|| {
            let frac = f64::from(year - plan.start + 1) / f64::from(ind.by - plan.start + 1);
            if frac >= 1.0 {
                Some((target, TargetOrigin::Final))
            } else {
                Some((target.scaled(frac), TargetOrigin::ProRata))
            }
        }),
    }
}

/// The value of `ind` compared with the target in `year` through the end
/// of `month`, by its basis: for average, compound and cumulative, the
/// earlier plan years count whole and `year` up to the cut-off.
pub fn basis_value(plan: &Plan, ind: &Indicator, year: i32, month: u32, values: &Values) -> Val {
    match ind.basis {
        Basis::End | Basis::Year => values.through(ind, year, month),
        Basis::Average | Basis::Compound | Basis::Cumulative => {
            let mut vals = Vec::new();
            let mut partial = false;
            let mut estimate = false;
            for y in plan.start..=year {
                match values.through(ind, y, if y == year { month } else { 12 }) {
                    Val::Some(v) => {
                        partial |= v.partial;
                        estimate |= v.estimate;
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
                        return Val::NotApplicable(AttainmentNote::GrowthAtMostMinus100);
                    }
                    let product: f64 = vals.iter().map(|v| 1.0 + v / 100.0).product();
                    (product.powf(1.0 / n) - 1.0) * 100.0
                }
            };
            if value.is_finite() {
                Val::Some(YearValue { value, partial, estimate })
            } else {
                Val::NotApplicable(AttainmentNote::NotFinite)
            }
        }
    }
}

fn some(v: &Val) -> Option<YearValue> {
    match v {
        Val::Some(y) => Some(*y),
        _ => None,
    }
}

fn indicator_report(
    plan: &Plan,
    ind: &Indicator,
    scope: &Scope,
    figures: &Figures,
    values: &Values,
) -> IndicatorReport {
    let year = scope.year;
    // Y's revision, if one is in force (SPEC §2.1): its final target and `by`.
    let now = ind.in_force(year);
    let origin = target_with_origin(plan, ind, year);
    let target = origin.map(|t| t.0);
    let mut val = basis_value(plan, ind, year, scope.month, values);
    let ytd = some(&values.through(ind, year, scope.month));
    // A span judges B; an `end` basis with no value in B is judged on its
    // latest year with one within A…B (SPEC §5 "Review of a span").
    let mut value_year = None;
    if scope.span {
        if matches!(val, Val::Missing) && ind.basis == Basis::End {
            let last_shown = year.min(scope.as_of.year());
            for y in (scope.first_year..=last_shown).rev().filter(|&y| y < year) {
                if let Val::Some(v) = values.year_value(ind, y) {
                    val = Val::Some(YearValue { partial: true, ..v });
                    value_year = Some(y);
                    break;
                }
            }
        } else if matches!(val, Val::Some(_)) {
            value_year = Some(year);
        }
    }
    let (value, partial, estimate, na) = match &val {
        Val::Some(v) => (Some(v.value), v.partial, v.estimate, None),
        Val::Missing => (None, false, false, None),
        Val::NotApplicable(why) => (None, false, false, Some(why.clone())),
    };
    let (mut status, attainment, attainment_note) = match (target, value) {
        (None, _) if now.target.is_none() => (Status::Tracked, None, None),
        (None, _) => (Status::NoTarget, None, None),
        (Some(_), None) => (Status::NoData, None, na.clone().or(Some(AttainmentNote::NoData))),
        (Some(t), Some(v)) => match t.attainment(v) {
            Ok(a) => (t.status(v), Some(a), None),
            Err(why) => (t.status(v), None, Some(why)),
        },
    };
    // Part of a year: pace, for what accumulates and for levels.
    let paced = match (target, scope.part_of_year && na.is_none()) {
        (Some(t), true) => {
            pace_kind(plan, ind, year, values).map(|k| pace::judge(t, value, k, pace::elapsed(scope.month)))
        }
        _ => None,
    };
    if let Some(p) = paced {
        status = p.status;
    }
    let expected = paced.and_then(|p| p.expected);
    let pace_attainment = paced.and_then(|p| p.pace_attainment);
    let progress = match (target, now.target, value) {
        (None, Some(fin), Some(v)) => fin.attainment(v).ok(),
        _ => None,
    };
    let (periods, reports) = lateness(plan, ind, scope.first_year, year, scope.cutoff, scope.as_of, figures);
    // An indicator with a target counts in the roll-up when it has an
    // attainment (its pace attainment when paced; one in progress is left
    // out), or as 0 once one of its figures (or an input's) is overdue in
    // Y (through E); while nothing is due yet it is left out.
    let in_rollup = match (target, value) {
        (None, _) => false,
        (Some(_), Some(_)) if paced.is_some() => pace_attainment.is_some(),
        (Some(_), Some(_)) => attainment.is_some(),
        (Some(t), None) => {
            na.is_none() && t.attainment(1.0).is_ok() && any_missing(plan, ind, scope, figures)
        }
    };
    let attainment_note_input = match &attainment_note {
        Some(AttainmentNote::InputZero { input, year }) => Some(NoteInput { id: input.clone(), year: *year }),
        _ => None,
    };
    // Cùng kỳ: recorded level and flow only (a rate's or a derived
    // value's change is not "so với cùng kỳ").
    let last = match ind.measure() {
        Some(Measure::Level | Measure::Flow) => some(&values.last_year(ind, year, scope.month)),
        _ => None,
    };
    let vs_last_year = match (ytd, last) {
        (Some(t), Some(l)) if l.value != 0.0 => Some(t.value / l.value * 100.0).filter(|x| x.is_finite()),
        _ => None,
    };
    let series = match scope.series {
        Some((a, b)) => (a..=b)
            .map(|y| {
                let t = target_for(plan, ind, y);
                // Years after the review date have nothing to show yet.
                let shown = y <= scope.as_of.year();
                let raw = some(&values.year_value(ind, y)).filter(|_| shown);
                let based = some(&basis_value(plan, ind, y, 12, values)).filter(|_| shown);
                YearPoint {
                    year: y,
                    value: raw.map(|v| v.value),
                    partial: raw.is_some_and(|v| v.partial),
                    estimate: raw.is_some_and(|v| v.estimate) || based.is_some_and(|v| v.estimate),
                    basis_value: based.map(|v| v.value),
                    target: t.map(Target::reference),
                    target_max: t.and_then(Target::upper),
                }
            })
            .collect(),
        None => Vec::new(),
    };
    IndicatorReport {
        id: ind.id.clone(),
        name: ind.name.clone(),
        unit: ind.unit.clone(),
        basis: ind.basis,
        derived: ind.is_derived(),
        weight: ind.weight,
        target_spec: target,
        target_origin: origin.map(|t| t.1),
        final_target: now.target.map(Target::reference),
        final_target_max: now.target.and_then(Target::upper),
        by: now.by,
        revision: now.revision_for(year).map(|r| r.amendment.clone()),
        baseline: ind.baseline,
        ytd: ytd.map(|v| v.value),
        estimate: estimate || ytd.is_some_and(|v| v.estimate),
        last_year: last.map(|v| v.value),
        last_year_estimate: last.is_some_and(|v| v.estimate),
        vs_last_year,
        value,
        target: target.map(Target::reference),
        target_max: target.and_then(Target::upper),
        attainment,
        attainment_note,
        attainment_note_input,
        expected,
        pace_attainment,
        value_year,
        progress,
        status,
        partial,
        in_rollup,
        reports,
        periods,
        series,
        // In force for Y (SPEC §2.1): the same final target the tables word.
        planned_target: now.target.map(|target| PlannedTarget { target, by: now.by }),
        next_figure: next_figure(plan, ind, scope.cutoff),
    }
}

/// The first period of `ind`'s cadence that ends after `cutoff`, with its
/// due date, when it falls within the plan's years; none for a derived
/// indicator.
fn next_figure(plan: &Plan, ind: &Indicator, cutoff: NaiveDate) -> Option<NextFigure> {
    let Source::Recorded { every, .. } = ind.source else { return None };
    let mut p = Period::containing(cutoff, every);
    if p.end() <= cutoff {
        p = p.next();
    }
    (p.year <= plan.end).then(|| NextFigure { period: p, due: p.due(plan.due_days.of(every)) })
}

/// How `ind` is judged for pace in part of `year` (SPEC §5 "Review of a
/// part of the year"), or `None` when it is judged as for a year (rates,
/// `average` and `compound` bases, derived indicators).
fn pace_kind(plan: &Plan, ind: &Indicator, year: i32, values: &Values) -> Option<PaceKind> {
    let measure = ind.measure()?;
    if measure == Measure::Rate || matches!(ind.basis, Basis::Average | Basis::Compound) {
        return None;
    }
    if ind.basis == Basis::Cumulative {
        // T′: the cumulative target through Y − 1 (0 in the first year).
        let before = if year > plan.start {
            target_for(plan, ind, year - 1).map_or(0.0, Target::reference)
        } else {
            0.0
        };
        return Some(PaceKind::Accumulating { before });
    }
    Some(match measure {
        Measure::Flow => PaceKind::Accumulating { before: 0.0 },
        _ => {
            // v0: Y − 1's year value, else the baseline when its year is Y − 1.
            let last = if year > plan.start {
                some(&values.year_value(ind, year - 1)).map(|v| v.value)
            } else {
                None
            };
            let base = ind.baseline.filter(|b| b.year == year - 1).map(|b| b.value);
            PaceKind::Level { start: last.or(base) }
        }
    })
}

/// Whether a figure of `ind` (for a derived one: of an input, recursively)
/// is missing and overdue in Y through E.
fn any_missing(plan: &Plan, ind: &Indicator, scope: &Scope, figures: &Figures) -> bool {
    match &ind.source {
        Source::Recorded { .. } => {
            lateness(plan, ind, scope.year, scope.year, scope.cutoff, scope.as_of, figures).1.missing > 0
        }
        _ => ind
            .inputs()
            .iter()
            .filter_map(|id| plan.indicator(id))
            .any(|i| any_missing(plan, i, scope, figures)),
    }
}

/// Lateness of each period of `ind`'s cadence in the years `first..=last`
/// that ends on or before `cutoff` (SPEC §5 "Lateness of figures").
fn lateness(
    plan: &Plan,
    ind: &Indicator,
    first: i32,
    last: i32,
    cutoff: NaiveDate,
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
    // An indicator added by an amendment is not expected for the periods
    // that ended before the decision (SPEC §2.1).
    let added = ind.added_by.as_deref().and_then(|a| plan.amendment(a)).map(|a| a.on);
    let expected = |p: &Period| added.is_none_or(|on| p.end() >= on);
    for p in
        (first..=last).flat_map(|y| Period::all_in(y, every)).filter(|p| p.end() <= cutoff && expected(p))
    {
        let due = p.due(due_days);
        let pf = by_period.and_then(|m| m.get(&p));
        let counted = pf.and_then(|f| f.counted.as_ref());
        let value = counted.map(|c| c.value);
        let estimate = counted.is_some_and(|c| counting::is_estimate(p, c.reported_on));
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
        periods.push(PeriodReport { period: p, due, value, reported_on: first, status, days, estimate });
    }
    reports.finish();
    (periods, reports)
}
