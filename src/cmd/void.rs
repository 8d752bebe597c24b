//! `plan void ENTRY`: a new entry that withdraws an earlier one (the
//! ledger itself never changes). Refused: an unknown entry, an entry of
//! another plan, voiding a void, and an entry already voided. The checks
//! read the ledger inside the write transaction, so they cannot race
//! another writer. The receipt says what counts now.

use super::Ctx;
use super::correct::why::{
    existing_ledger, not_before_target, related, subject, target, unit, voided_by, why,
};
use super::record::fitted;
use super::reject;
use crate::cli::VoidArgs;
use crate::counting;
use crate::entry::Kind;
use crate::period::Period;
use crate::tr;
use crate::words::date_in_message;
use anyhow::Result;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: VoidArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    ctx.check_clock(&plan)?;
    let why = why(&args.reason, args.date, args.by.as_deref())?;
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
    let kind = crate::render::log::kind_label(t.kind, crate::i18n::lang());
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
