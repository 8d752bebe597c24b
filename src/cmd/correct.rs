//! `plan correct` and `plan void`: new entries that supersede or withdraw
//! an earlier one (the ledger itself never changes).
//!
//! A correction always targets a figure: correcting a correction targets
//! the figure it corrected. Refused: an unknown entry, an entry of another
//! plan, correcting a void or a completion, voiding a void, and anything
//! about an entry that is already voided. The checks read the ledger inside
//! the write transaction, so they cannot race another writer.

use super::record::{checked_text, fitted, invalid};
use super::{Ctx, reject, today};
use crate::cli::{CorrectArgs, VoidArgs};
use crate::counting;
use crate::entry::{Entry, Kind};
use crate::input;
use crate::ledger::{Ledger, NewEntry, Writer};
use crate::period::Period;
use crate::plan::Plan;
use crate::tr;
use crate::words::date_in_message;
use anyhow::Result;
use chrono::NaiveDate;
use std::process::ExitCode;

/// What both commands take besides the entry: why, when, who.
struct Why {
    reason: String,
    reported_on: NaiveDate,
    /// `--date` was given (else `reported_on` is today's by default).
    dated: bool,
    by: String,
}

fn why(plan: &Plan, reason: &str, date: Option<&str>, by: Option<&str>) -> Result<Why> {
    let reason = invalid("--reason", checked_text(Some(reason)))?.ok_or_else(|| {
        reject(tr!("input-invalid-arg", arg = "--reason", message = tr!("input-reason-empty")))
    })?;
    let today = today()?;
    let reported_on = match date {
        Some(d) => invalid("--date", input::date_in(d, plan.dates, today))?,
        None => today,
    };
    let by = invalid("--by", checked_text(by))?;
    Ok(Why { reason, reported_on, dated: date.is_some(), by: input::who(by.as_deref()) })
}

/// A correction or void is reported no earlier than the entry it changes
/// could be: not before its period starts (a figure), not before the plan
/// (a completion).
fn not_before_target(plan: &Plan, why: &Why, target: &Entry) -> Result<()> {
    let checked = match target.period.as_deref().and_then(|p| p.parse::<Period>().ok()) {
        // Dated today by default: the entry's period has not begun (a
        // PLAN_TODAY set back), which is no fault of a --date nobody typed.
        Some(p) if !why.dated => {
            return invalid("<ENTRY>", input::date::period_begun(p, why.reported_on)).map(|_| ());
        }
        Some(p) => input::date::not_before_period(why.reported_on, p),
        None => input::date::not_before_plan(why.reported_on, plan.start),
    };
    invalid("--date", checked).map(|_| ())
}

impl Why {
    /// A new entry of `kind` about the same indicator, task and period as
    /// `target`, pointing at it, with no value.
    fn entry_on(&self, kind: Kind, target: &Entry) -> NewEntry {
        NewEntry {
            kind,
            indicator: target.indicator.clone(),
            task: target.task.clone(),
            period: target.period.clone(),
            year: target.year as i32,
            value_text: None,
            value: None,
            reported_on: self.reported_on,
            by: self.by.clone(),
            source: None,
            note: Some(self.reason.clone()),
            target_entry: Some(target.id),
        }
    }
}

/// The existing ledger: correcting or voiding never creates one.
fn existing_ledger(ctx: &Ctx, plan: &Plan, id: i64) -> Result<Ledger> {
    let mut ledger = ctx.read_ledger(plan)?.ok_or_else(|| {
        reject(tr!(
            "correct-no-ledger",
            id = id.to_string(),
            file = ctx.ledger_path(plan).display().to_string()
        ))
    })?;
    ledger.allow_clock_behind(ctx.clock_ok);
    ledger.set_plan_text(&plan.text);
    Ok(ledger)
}

/// The entry `id`, which must exist and belong to `plan`.
fn target(w: &Writer, plan: &Plan, id: i64) -> Result<Entry> {
    let e = w.entry(id)?.ok_or_else(|| reject(tr!("correct-no-entry", id = id.to_string())))?;
    if e.plan_id != plan.id {
        return Err(reject(tr!(
            "correct-other-plan",
            id = id.to_string(),
            other = e.plan_id.as_str(),
            plan = plan.id.as_str()
        )));
    }
    // A plan version is the plan's text, never corrected or withdrawn
    // (SPEC §2.1): the plan is changed by editing plan.toml.
    if e.kind == Kind::PlanVersion {
        return Err(reject(tr!("amend-correct-plan-version", id = id.to_string())));
    }
    Ok(e)
}

/// Every entry about the same indicator or task as `e`.
fn related(w: &Writer, e: &Entry) -> Result<Vec<Entry>> {
    w.entries(e.indicator.as_deref(), if e.indicator.is_none() { e.task.as_deref() } else { None })
}

/// The void that withdrew `id`, if any.
fn voided_by(entries: &[Entry], id: i64) -> Option<i64> {
    entries.iter().filter(|e| e.kind == Kind::Void && e.target_entry == Some(id)).map(|e| e.id).min()
}

/// "so_dn Quý 3/2026" or "nhiệm vụ hoi_dn", in the user's language.
fn subject(e: &Entry) -> String {
    match (&e.indicator, &e.task) {
        (Some(i), _) => format!("{i} {}", period_words(e.period.as_deref().unwrap_or_default())),
        (None, Some(t)) => tr!("correct-subject-task", task = t.as_str()),
        (None, None) => "?".to_string(),
    }
}

/// A stored period in words ("Quý 3/2026"), or as stored if unreadable.
fn period_words(p: &str) -> String {
    p.parse::<Period>().map(|p| p.label(crate::i18n::lang())).unwrap_or_else(|_| p.to_string())
}

fn unit(plan: &Plan, e: &Entry) -> String {
    e.indicator.as_deref().and_then(|i| plan.indicator(i)).map(|i| format!(" {}", i.unit)).unwrap_or_default()
}

pub fn run_correct(ctx: &Ctx, args: CorrectArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    // The clock first: a date "after today" on a clock set back is no typo.
    ctx.check_clock(&plan)?;
    let why = why(&plan, &args.reason, args.date.as_deref(), args.by.as_deref())?;
    let redate = match &args.reported_on {
        Some(d) => Some(invalid("--reported-on", input::date_in(d, plan.dates, today()?))?),
        None => None,
    };
    let mut ledger = existing_ledger(ctx, &plan, args.entry)?;
    let mut w = ledger.writer(&plan.id)?;
    let t = target(&w, &plan, args.entry)?;
    let mut receipts = Vec::new();
    let mut others = Vec::new();
    let mut figure_done = None;
    if let Some(text) = args.value.as_deref() {
        let (figure, rel, line) = correct_value(&mut w, &plan, &why, &t, text, args.yes)?;
        receipts.push(line);
        others = rel;
        figure_done = Some(figure);
    }
    if let Some(d) = redate {
        receipts.push(redate_entry(&mut w, &plan, &why, &t, d)?);
    }
    w.commit()?;
    for line in receipts {
        crate::render::print_line(&fitted(&line))?;
    }
    let Some(figure) = figure_done else { return Ok(ExitCode::SUCCESS) };
    let counted = counting::count_figures(&others, None);
    let superseded_by = figure
        .indicator
        .as_ref()
        .zip(figure.period.as_deref().and_then(|p| p.parse::<Period>().ok()))
        .and_then(|(i, p)| counted.get(i)?.get(&p)?.counted.as_ref().map(|c| c.entry))
        .filter(|&c| c != figure.id);
    if let Some(c) = superseded_by {
        eprintln!(
            "{}",
            fitted(&tr!(
                "correct-superseded",
                target = figure.id.to_string(),
                counting = c.to_string(),
                subject = subject(&figure)
            ))
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Appends the correction of `t`'s figure to the value `text` (refused
/// when it jumps tenfold against the value it corrects, unless `yes`):
/// returns the figure, its related entries and the receipt.
fn correct_value(
    w: &mut Writer,
    plan: &Plan,
    why: &Why,
    t: &Entry,
    text: &str,
    yes: bool,
) -> Result<(Entry, Vec<Entry>, String)> {
    let figure = match t.kind {
        Kind::Figure | Kind::PlanVersion => t.clone(),
        Kind::Correction => {
            let Some(f) = t.target_entry else {
                return Err(reject(tr!("correct-of-nothing", id = t.id.to_string())));
            };
            target(w, plan, f)?
        }
        Kind::Void => {
            return Err(reject(tr!(
                "correct-a-void",
                id = t.id.to_string(),
                target = t.target_entry.unwrap_or_default().to_string(),
                task = if t.task.is_some() { "yes" } else { "no" }
            )));
        }
        Kind::Completion => {
            return Err(reject(tr!(
                "correct-a-completion",
                id = t.id.to_string(),
                task = t.task.as_deref().unwrap_or_default()
            )));
        }
    };
    if figure.kind != Kind::Figure {
        return Err(reject(tr!(
            "correct-not-a-figure",
            id = t.id.to_string(),
            target = figure.id.to_string()
        )));
    }
    // The value by the rules of the figure's indicator (the plan may no
    // longer have it: then by the number rules alone).
    let value = match figure.indicator.as_deref().and_then(|i| plan.indicator(i)) {
        Some(ind) => invalid("<VALUE>", input::figure_value(ind, text, plan.numbers))?,
        None => invalid("<VALUE>", input::value(text, plan.numbers))?,
    };
    not_before_target(plan, why, &figure)?;
    let others = related(w, &figure)?;
    if let Some(v) = voided_by(&others, figure.id) {
        return Err(reject(tr!("correct-voided", id = figure.id.to_string(), void = v.to_string())));
    }
    // The value it has now: its latest value correction that was not voided.
    let now = others
        .iter()
        .filter(|e| {
            e.kind == Kind::Correction
                && e.value.is_some()
                && e.target_entry == Some(figure.id)
                && voided_by(&others, e.id).is_none()
        })
        .max_by_key(|e| e.id)
        .unwrap_or(&figure);
    let was = now.value_text.clone().unwrap_or_default();
    // The tenfold guard of `record`, against the value it corrects (SPEC §4).
    if !yes
        && let (Some(previous), Some(period)) =
            (now.value, figure.period.as_deref().and_then(|p| p.parse::<Period>().ok()))
    {
        let c = counting::Counted {
            entry: now.id,
            value: previous,
            value_text: was.clone(),
            corrected_by: None,
            reported_on: now.reported_on,
        };
        if let Some(m) = input::number::jump_from(period, &c, value, text.trim()) {
            return invalid("<VALUE>", Err(format!("{m}; {}", tr!("correct-jump-yes"))));
        }
    }
    let correction = NewEntry {
        value_text: Some(text.trim().to_string()),
        value: Some(value),
        ..why.entry_on(Kind::Correction, &figure)
    };
    let id = w.push(&correction)?;
    let line = tr!(
        "correct-receipt",
        id = id.to_string(),
        target = figure.id.to_string(),
        subject = subject(&figure),
        value = text.trim(),
        unit = unit(plan, &figure),
        was = was,
        date = date_in_message(why.reported_on),
        by = why.by.as_str(),
        reason = why.reason.as_str()
    );
    Ok((figure, others, line))
}

/// Appends the entry that re-dates `t` to `date` (SPEC §3 "The clock"): a
/// correction without a value, reported on the new date, which the count
/// takes as `t`'s date (`counting`); `t` keeps its old date in the trail.
fn redate_entry(w: &mut Writer, plan: &Plan, why: &Why, t: &Entry, date: NaiveDate) -> Result<String> {
    let checked = match t.period.as_deref().and_then(|p| p.parse::<Period>().ok()) {
        Some(p) => input::date::not_before_period(date, p),
        None => input::date::not_before_plan(date, plan.start),
    };
    invalid("--reported-on", checked)?;
    let others = related(w, t)?;
    if let Some(v) = voided_by(&others, t.id) {
        return Err(reject(tr!("correct-voided", id = t.id.to_string(), void = v.to_string())));
    }
    let entry = NewEntry { reported_on: date, ..why.entry_on(Kind::Correction, t) };
    let id = w.push(&entry)?;
    Ok(tr!(
        "correct-redate-receipt",
        id = id.to_string(),
        target = t.id.to_string(),
        subject = subject(t),
        date = date_in_message(date),
        was = date_in_message(t.reported_on),
        by = why.by.as_str(),
        reason = why.reason.as_str()
    ))
}

pub fn run_void(ctx: &Ctx, args: VoidArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    ctx.check_clock(&plan)?;
    let why = why(&plan, &args.reason, args.date.as_deref(), args.by.as_deref())?;
    let mut ledger = existing_ledger(ctx, &plan, args.entry)?;
    let mut w = ledger.writer(&plan.id)?;
    let t = target(&w, &plan, args.entry)?;
    if t.kind == Kind::Void {
        return Err(reject(tr!(
            "void-a-void",
            id = t.id.to_string(),
            target = t.target_entry.unwrap_or_default().to_string(),
            task = if t.task.is_some() { "yes" } else { "no" }
        )));
    }
    let mut others = related(&w, &t)?;
    if let Some(v) = voided_by(&others, t.id) {
        return Err(reject(tr!("void-already", id = t.id.to_string(), void = v.to_string())));
    }
    not_before_target(&plan, &why, &t)?;
    let void = why.entry_on(Kind::Void, &t);
    let id = w.push(&void)?;
    others.extend(w.entry(id)?);
    w.commit()?;
    let kind = super::log::kind_label(t.kind, crate::i18n::lang());
    let what = match (t.kind, &t.value_text) {
        (Kind::Completion, _) => tr!("void-what-completion", task = t.task.as_deref().unwrap_or_default()),
        (_, Some(v)) => format!("{kind} {} = {v}{}", subject(&t), unit(&plan, &t)),
        (_, None) => format!("{kind} {}", subject(&t)),
    };
    crate::render::print_line(&fitted(&tr!(
        "void-receipt",
        id = id.to_string(),
        target = t.id.to_string(),
        what = what,
        date = date_in_message(why.reported_on),
        by = why.by.as_str(),
        reason = why.reason.as_str()
    )))?;
    // What counts now, so the clerk sees the effect.
    if let (Some(ind), Some(p)) = (&t.indicator, t.period.as_deref().and_then(|p| p.parse::<Period>().ok())) {
        let now = counting::count_figures(&others, None);
        match now.get(ind).and_then(|m| m.get(&p)).and_then(|f| f.counted.as_ref()) {
            Some(c) => eprintln!(
                "{}",
                fitted(&tr!(
                    "void-now-counts",
                    indicator = ind.as_str(),
                    period = p.label(crate::i18n::lang()),
                    entry = c.entry.to_string(),
                    value = c.value_text.as_str(),
                    unit = unit(&plan, &t)
                ))
            ),
            None => eprintln!(
                "{}",
                fitted(&tr!(
                    "void-now-none",
                    indicator = ind.as_str(),
                    period = p.label(crate::i18n::lang())
                ))
            ),
        }
    } else if let Some(task) = &t.task {
        match counting::completions(&others, None).get(task) {
            Some((d, e)) => eprintln!(
                "{}",
                fitted(&tr!(
                    "void-task-still-done",
                    task = task.as_str(),
                    entry = e.to_string(),
                    date = date_in_message(*d)
                ))
            ),
            None => eprintln!("{}", fitted(&tr!("void-task-open", task = task.as_str()))),
        }
    }
    Ok(ExitCode::SUCCESS)
}
