//! `plan report`: load the plan, read what the year needs, compute, render.

use super::{Ctx, today};
use crate::cli::{ReportArgs, ReportFormat as Format};
use crate::counting::Figures;
use crate::plan::{self, Plan};
use crate::render::{self, report as rr};
use crate::report::{self, Options, Report, Review};
use anyhow::{Result, anyhow, bail};
use chrono::{Datelike, NaiveDate};
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: ReportArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let today = today()?;
    let as_of = match args.as_of {
        Some(d) => crate::input::as_of(d, today)
            .map_err(|m| anyhow!(crate::tr!("input-invalid-arg", arg = "--as-of", message = m)))?,
        None => today,
    };
    let review = review(&plan, &args, as_of)?;
    if let Some(g) = &args.group
        && !plan.groups.iter().any(|x| &x.id == g)
    {
        // An indicator or task id is no group: say what it is (SPEC §4 "an id of the wrong kind").
        if plan.indicator(g).is_some() || plan.task(g).is_some() {
            let kind = if plan.task(g).is_some() { "task" } else { "indicator" };
            bail!(crate::tr!("commands-group-wrong-kind", id = g.as_str(), kind = kind));
        }
        bail!(match plan::suggest(g, plan.groups.iter().map(|x| x.id.as_str())) {
            Some(s) => crate::tr!("report-unknown-group-suggest", group = g.as_str(), suggestion = s),
            None => crate::tr!("report-unknown-group", group = g.as_str(), plan = plan.id.as_str()),
        });
    }
    let opts = Options { group: args.group.clone(), series: args.format == Format::Html };
    // The formats made for signing verify the whole chain first (SPEC §3).
    let signed = matches!(args.format, Format::Html | Format::Docx | Format::Xlsx);
    let r = build_review(ctx, &plan, &review, as_of, &opts, today, signed)?;
    super::warn_future_entries(&r.future_entries, today);
    // Rendered in memory (a report is small), then written where it goes.
    let mut out = Vec::new();
    match args.format {
        Format::Table => rr::write_table(&r, args.detail, &mut out)?,
        Format::Md => rr::write_markdown(&r, args.detail, &mut out)?,
        Format::Csv => rr::write_tidy_csv(&r, &mut out)?,
        Format::Json => rr::write_report_json(&r, &mut out)?,
        Format::Html => render::html::write(&r, &plan, &mut out)?,
        Format::Docx => render::docx::write(&r, &plan, &mut out)?,
        Format::Xlsx => out = render::xlsx::report(&r)?,
    }
    if matches!(args.format, Format::Docx | Format::Xlsx) {
        render::write_binary(&out, args.output.as_deref())?;
    } else {
        render::write_text(&out, args.output.as_deref())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// What `--year`, `--period` or `--years` asks for (the year of `as_of`
/// when none is given), inside the plan's years.
fn review(plan: &Plan, args: &ReportArgs, as_of: NaiveDate) -> Result<Review> {
    if let Some(p) = args.period {
        plan.within_years(&format!("--period {p}"), p.year, p.year).map_err(|m| anyhow!(m))?;
        return Ok(Review::Period(p));
    }
    if let Some(y) = args.years {
        plan.within_years(&format!("--years {y}"), y.first, y.last).map_err(|m| anyhow!(m))?;
        return Ok(Review::Span(y));
    }
    let year = args.year.unwrap_or(as_of.year());
    plan.within_years(&format!("--year {year}"), year, year).map_err(|m| anyhow!(m))?;
    Ok(Review::year(year))
}

/// Reads only what `review` needs (what counts per indicator and period,
/// through the ledger's figure index, and the task entries),
/// computes the report and stamps it with the ledger's head fingerprint
/// and the entries reported after `today`. The ledger's protections are
/// checked first, and with `signed` its whole chain (SPEC §3): a ledger
/// found tampered with gives no report, and so no fingerprint.
pub fn build_review(
    ctx: &Ctx,
    plan: &Plan,
    review: &Review,
    as_of: NaiveDate,
    opts: &Options,
    today: NaiveDate,
    signed: bool,
) -> Result<Report> {
    let mut figures = Figures::new();
    let mut tasks = Vec::new();
    let mut head = None;
    let mut future = Vec::new();
    if let Some(ledger) = ctx.reading_ledger(plan, true)? {
        // One read transaction: one snapshot, SQLite's lock taken once.
        ledger.in_read_transaction(|| {
            super::verify::trusted(&ledger, plan, signed)?;
            future = ledger.reported_after(today)?;
            // What counts per period, not every entry: a busy ledger holds
            // thousands of re-submissions of each period.
            let mut needs: Vec<(String, i32, i32)> =
                report::needs(plan, review, opts.series).into_iter().map(|(id, (a, b))| (id, a, b)).collect();
            needs.sort_unstable();
            figures = ledger.counted_many(&needs, as_of)?;
            tasks = ledger.task_entries()?;
            head = ledger.head()?.map(|h| h.fingerprint());
            Ok(())
        })?;
    }
    let mut r = report::compute_counted(plan, review, as_of, &figures, &tasks, opts);
    r.ledger_head = head;
    r.future_entries = future;
    Ok(r)
}
