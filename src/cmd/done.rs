//! `plan done TASK`: a completion entry.
//!
//! A task is done once: while a completion of it counts (one that was not
//! voided), another is refused, naming the earlier entry. The check reads
//! the ledger inside the write transaction, so two clerks cannot both mark
//! the same task done.

use super::record::{checked_text, invalid, provenance};
use super::{Ctx, reject, today};
use crate::cli::DoneArgs;
use crate::counting;
use crate::input;
use crate::ledger::{Kind, NewEntry};
use anyhow::Result;
use chrono::Datelike;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: DoneArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let today = today()?;
    let task = invalid("<TASK>", input::task(&plan, &args.task))?;
    let p = &args.provenance;
    let reported_on = match &p.date {
        Some(d) => invalid("--date", input::completion_date(&plan, d, today))?,
        None => invalid("--date", input::date::not_before_plan(today, plan.start))?,
    };
    let by = invalid("--by", checked_text(p.by.as_deref()))?;
    let completion = NewEntry {
        kind: Kind::Completion,
        indicator: None,
        task: Some(task.id.clone()),
        period: None,
        year: reported_on.year(),
        value_text: None,
        value: None,
        reported_on,
        by: input::who(by.as_deref()),
        source: invalid("--source", checked_text(p.source.as_deref()))?,
        note: invalid("--note", checked_text(p.note.as_deref()))?,
        target_entry: None,
    };

    let mut ledger = ctx.open_ledger(&plan)?;
    let mut w = ledger.writer(&plan.id)?;
    let earlier = w.entries(None, Some(&task.id))?;
    if let Some((date, id)) = counting::completions(&earlier, None).get(&task.id) {
        return Err(reject(crate::tr!(
            "done-already",
            task = task.id.as_str(),
            id = id.to_string(),
            date = date.to_string()
        )));
    }
    let id = w.push(&completion)?;
    w.commit()?;

    let timing = match task.due {
        Some(due) if reported_on <= due => format!("on time, due {due}"),
        Some(due) => format!("{} d late, due {due}", (reported_on - due).num_days()),
        None => "no deadline".to_string(),
    };
    println!(
        "#{id} done {} ({}; {timing})",
        task.id,
        provenance(reported_on, &completion.by, completion.source.as_deref())
    );
    Ok(ExitCode::SUCCESS)
}
