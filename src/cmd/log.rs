//! `plan log`: the audit trail, entry by entry, with what became of each
//! (superseded, corrected, voided) and whether it was back-dated.
//!
//! Statuses ([`crate::report::log`]) are computed over the whole ledger,
//! then the filters apply, so a filtered view says the same about an entry
//! as the full one; [`crate::render::log`] lays them out.

use super::{Ctx, reject};
use crate::cli::{LogArgs, LogFormat as Format};
use crate::entry::{Entry, Kind};
use crate::plan::{self, Plan};
use crate::render::{self, log};
use crate::report::log::{LogEntry, annotate};
use crate::tr;
use anyhow::Result;
use std::io::Write;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: LogArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let today = super::today()?;
    // Corrections and voids carry their target's indicator or task, so the
    // entries of one indicator (task) are enough to compute their statuses.
    let entries = match ctx.reading_ledger(&plan, true)? {
        Some(l) => {
            let mut es = l.entries(args.indicator.as_deref(), args.task.as_deref(), None)?;
            // An indicator's entries include those recorded under its old
            // ids, each shown as recorded (SPEC §2.1 `formerly`).
            if let Some(ind) = args.indicator.as_deref().and_then(|i| plan.indicator(i))
                && !ind.formerly.is_empty()
            {
                for old in &ind.formerly {
                    es.extend(l.entries(Some(old), args.task.as_deref(), None)?);
                }
                es.sort_by_key(|e| e.id);
            }
            // Plan versions are the plan's, listed by `plan history`.
            es.retain(|e| e.kind != Kind::PlanVersion);
            es
        }
        None => Vec::new(),
    };
    check_filter(&plan, &entries, "indicator", args.indicator.as_deref(), |id| plan.indicator(id).is_some())?;
    check_filter(&plan, &entries, "task", args.task.as_deref(), |id| plan.task(id).is_some())?;
    let total = entries.len();
    let shown: Vec<LogEntry> = annotate(entries, today)
        .into_iter()
        .filter(|e| args.year.is_none_or(|y| e.year == i64::from(y)))
        .collect();
    let future: Vec<i64> = shown.iter().filter(|e| e.reported_after_today).map(|e| e.entry.id).collect();
    super::warn_future_entries(&future, today);

    // Rendered in memory, then written where it goes.
    let mut out = Vec::new();
    match args.format {
        Format::Xlsx => {
            let title = format!("{} — {}", plan.id, plan.title);
            out = render::xlsx::workbook(&[log::xlsx_sheet(&shown, plan.lang, title)], plan.lang)?
        }
        Format::Json => render::write_json(&shown, &mut out)?,
        Format::Csv => render::write_csv(&log::csv_grid(&shown), &mut out)?,
        Format::Md if !shown.is_empty() => {
            write!(out, "{}", render::markdown(&log::table_grid(&shown, plan.lang)))?
        }
        _ if !shown.is_empty() => writeln!(out, "{}", render::table(&log::table_grid(&shown, plan.lang)))?,
        _ => {}
    }
    if args.format == Format::Xlsx {
        render::write_binary(&out, args.output.as_deref())?;
    } else {
        render::write_text(&out, args.output.as_deref())?;
    }
    if total == 0 && args.indicator.is_none() && args.task.is_none() {
        eprintln!("{}", tr!("commands-log-empty", ledger = ctx.ledger_path(&plan).display().to_string()));
    } else if shown.is_empty() {
        eprintln!("{}", tr!("commands-log-none-match"));
    }
    Ok(ExitCode::SUCCESS)
}

/// An id filter must name something the plan has, or that the ledger has
/// entries of (an id since removed from the plan).
fn check_filter(
    plan: &Plan,
    entries: &[Entry],
    what: &str,
    id: Option<&str>,
    known: impl Fn(&str) -> bool,
) -> Result<()> {
    let Some(id) = id else { return Ok(()) };
    let has = |e: &Entry| {
        if what == "task" { e.task.as_deref() == Some(id) } else { e.indicator.as_deref() == Some(id) }
    };
    if known(id) || entries.iter().any(has) {
        return Ok(());
    }
    // An id of the other kind: say what it is and which filter takes it
    // (SPEC §4), rather than "did you mean" an id of this kind.
    let other = if what == "task" { plan.indicator(id).is_some() } else { plan.task(id).is_some() };
    if other {
        let key =
            if what == "task" { "commands-log-filter-is-indicator" } else { "commands-log-filter-is-task" };
        return Err(reject(tr!(key, id = id)));
    }
    let candidates: Vec<&str> = if what == "task" {
        plan.tasks().map(|t| t.id.as_str()).collect()
    } else {
        plan.indicators().map(|i| i.id.as_str()).collect()
    };
    let hint = match plan::suggest(id, candidates) {
        Some(s) => tr!("commands-did-you-mean", id = s),
        None => tr!("commands-show-lists-ids"),
    };
    let key = if what == "task" { "commands-log-unknown-task" } else { "commands-log-unknown-indicator" };
    Err(reject(tr!(key, id = id, hint = hint)))
}
