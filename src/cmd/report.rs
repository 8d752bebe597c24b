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
    let as_of = args.as_of.unwrap_or(today);
    let review = review(&plan, &args, as_of)?;
    if let Some(g) = &args.group
        && !plan.groups.iter().any(|x| &x.id == g)
    {
        bail!(match plan::suggest(g, plan.groups.iter().map(|x| x.id.as_str())) {
            Some(s) => crate::tr!("report-unknown-group-suggest", group = g.as_str(), suggestion = s),
            None => crate::tr!("report-unknown-group", group = g.as_str(), plan = plan.id.as_str()),
        });
    }
    let opts = Options { group: args.group.clone(), series: args.format == Format::Html };
    let r = build_review(ctx, &plan, &review, as_of, &opts)?;
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
/// computes the report and stamps it with the ledger's head fingerprint.
pub fn build_review(
    ctx: &Ctx,
    plan: &Plan,
    review: &Review,
    as_of: NaiveDate,
    opts: &Options,
) -> Result<Report> {
    let mut figures = Figures::new();
    let mut tasks = Vec::new();
    let mut head = None;
    if let Some(ledger) = ctx.read_ledger(plan)? {
        // What counts per period, not every entry: a busy ledger holds
        // thousands of re-submissions of each period.
        for (id, (a, b)) in report::needs(plan, review, opts.series) {
            let by_period = ledger.counted_figures(&id, a, b, as_of)?;
            if !by_period.is_empty() {
                figures.insert(id, by_period);
            }
        }
        tasks = ledger.task_entries()?;
        head = ledger.head()?.map(|h| h.fingerprint());
    }
    let mut r = report::compute_counted(plan, review, as_of, &figures, &tasks, opts);
    r.ledger_head = head;
    Ok(r)
}
