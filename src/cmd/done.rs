//! `plan done TASK`: a completion entry.
//!
//! A task is done once: while a completion of it counts (one that was not
//! voided), another is refused, naming the earlier entry. The check reads
//! the ledger inside the write transaction, so two clerks cannot both mark
//! the same task done.

use super::ask::{Asker, Cancelled};
use super::record::{ask_provenance, checked_text, fitted, invalid, provenance, usage_error};
use super::{Ctx, Reported, reject, today};
use crate::cli::DoneArgs;
use crate::counting;
use crate::entry::Kind;
use crate::input;
use crate::ledger::NewEntry;
use crate::plan::{Plan, Task};
use crate::render::labels::Labels;
use crate::tr;
use anyhow::Result;
use chrono::Datelike;
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: DoneArgs) -> Result<ExitCode> {
    let Some(task_id) = args.task.clone() else {
        if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
            return interactive(ctx, args);
        }
        return usage_error("done", &tr!("commands-done-missing-task"));
    };
    let plan = ctx.load_plan()?;
    // The clock first: a date "after today" on a clock set back is no typo.
    ctx.check_clock(&plan)?;
    let today = today()?;
    let task = invalid("<TASK>", input::task(&plan, &task_id))?;
    let p = &args.provenance;
    let reported_on = match p.date {
        Some(d) => invalid(
            "--date",
            input::date::not_after_today(d, today).and_then(|d| input::date::not_before_plan(d, plan.start)),
        )?,
        None => invalid("--date", input::date::not_before_plan(today, plan.start))?,
    };
    let by = invalid("--by", checked_text(p.by.as_deref()))?;
    let completion = completion_entry(
        task,
        reported_on,
        input::who(by.as_deref()),
        invalid("--source", checked_text(p.source.as_deref()))?,
        invalid("--note", checked_text(p.note.as_deref()))?,
    );
    write(ctx, &plan, task, &completion)
}

/// The completion entry of `task`, reported on `reported_on`.
fn completion_entry(
    task: &Task,
    reported_on: chrono::NaiveDate,
    by: String,
    source: Option<String>,
    note: Option<String>,
) -> NewEntry {
    NewEntry {
        kind: Kind::Completion,
        indicator: None,
        task: Some(task.id.clone()),
        period: None,
        year: reported_on.year(),
        value_text: None,
        value: None,
        reported_on,
        by,
        source,
        note,
        target_entry: None,
    }
}

/// Appends the completion (refused while an earlier one counts) and prints
/// the receipt.
fn write(ctx: &Ctx, plan: &Plan, task: &Task, completion: &NewEntry) -> Result<ExitCode> {
    let mut ledger = ctx.open_ledger(plan)?;
    let mut w = ledger.writer(&plan.id)?;
    let earlier = w.entries(None, Some(&task.id))?;
    if let Some((date, id)) = counting::completions(&earlier, None).get(&task.id) {
        return Err(reject(tr!(
            "commands-done-already",
            task = task.id.as_str(),
            entry = id.to_string(),
            date = crate::words::date_in_message(*date)
        )));
    }
    let id = w.push(completion)?;
    w.commit()?;

    crate::render::print_line(&fitted(&format!("#{id} {}", summary(plan, task, completion))))?;
    Ok(ExitCode::SUCCESS)
}

/// "done setup (reported 2026-12-20 by lan; on time, due 2026-12-31)".
fn summary(plan: &Plan, task: &Task, completion: &NewEntry) -> String {
    let l = Labels::new(plan.lang);
    let reported_on = completion.reported_on;
    let timing = match task.due {
        Some(due) if reported_on <= due => tr!("commands-done-on-time", due = l.date(due)),
        Some(due) => {
            tr!("commands-done-late", days = l.days((reported_on - due).num_days()), due = l.date(due))
        }
        None => tr!("commands-done-no-deadline"),
    };
    tr!(
        "commands-done-receipt",
        task = task.id.as_str(),
        provenance = provenance(reported_on, &completion.by, completion.source.as_deref()),
        timing = timing
    )
}

/// `done` with no arguments on a terminal: asks for the task, the date and
/// the provenance, shows the entry and asks before writing (SPEC §4).
fn interactive(ctx: &Ctx, args: DoneArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let today = today()?;
    let ledger = ctx.read_ledger(&plan)?;
    if plan.tasks().next().is_none() {
        return Err(reject(tr!("commands-done-no-tasks", plan = plan.id.as_str())));
    }
    let mut clock_ok = ctx.clock_ok;
    let asked = Asker::new().and_then(|mut asker| {
        clock_ok = super::ask::clock_ok(&mut asker, ctx, ledger.as_ref())?;
        let l = Labels::new(plan.lang);
        asker.complete_ids(
            plan.tasks()
                .map(|t| {
                    let due = t.due.map(|d| format!(" ({})", l.date(d))).unwrap_or_default();
                    (t.id.clone(), format!("{} — {}{due}", t.id, t.name))
                })
                .collect(),
        );
        let task = asker.ask(&tr!("commands-ask-task"), "", Some(&tr!("commands-ask-task-help")), |s| {
            input::task(&plan, s)
        })?;
        let date_default = plan.dates.as_typed(args.provenance.date.unwrap_or(today));
        let reported_on = asker.ask(
            &tr!("commands-ask-done-date"),
            &date_default,
            Some(&tr!("commands-ask-date-help", order = plan.dates.pattern())),
            |s| input::completion_date(&plan, s, today),
        )?;
        let (by, source, note) = ask_provenance(&mut asker, &args.provenance)?;
        let completion = completion_entry(task, reported_on, by, source, note);
        eprintln!("\n{}", fitted(&summary(&plan, task, &completion)));
        if !asker.confirm(&tr!("commands-done-confirm"), true)? {
            return Err(Cancelled.into());
        }
        Ok((task.id.clone(), completion))
    });
    match asked {
        Ok((id, completion)) => {
            let task = plan.task(&id).expect("a checked task");
            write(&ctx.with_clock_ok(clock_ok), &plan, task, &completion)
        }
        Err(e) if e.is::<Cancelled>() => {
            eprintln!("{}", tr!("common-cancelled"));
            Err(Reported("cancelled".into()).into())
        }
        Err(e) => Err(e),
    }
}
