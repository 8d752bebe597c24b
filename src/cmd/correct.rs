//! `plan correct` (and, in `void.rs`, `plan void`): new entries that
//! supersede or withdraw an earlier one (the ledger itself never changes);
//! what both share is in `correct/why.rs`.
//!
//! A correction always targets a figure: correcting a correction targets
//! the figure it corrected. Refused: an unknown entry, an entry of another
//! plan, correcting a void or a completion, voiding a void, and anything
//! about an entry that is already voided. The checks read the ledger inside
//! the write transaction, so they cannot race another writer.

use super::record::{checked_text, fitted, invalid};
use super::{Ctx, reject, today};
use crate::cli::CorrectArgs;
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

pub(super) mod why;

use why::*;

pub fn run_correct(ctx: &Ctx, args: CorrectArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    // The clock first: a date "after today" on a clock set back is no typo.
    ctx.check_clock(&plan)?;
    let why = why(&args.reason, args.date, args.by.as_deref())?;
    let redate = match &args.reported_on {
        Some(d) => Some(invalid("--reported-on", input::date::not_after_today(*d, today()?))?),
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
