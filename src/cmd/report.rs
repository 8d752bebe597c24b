//! `plan report`: load the plan, read what the year needs, compute, render.

use super::{Ctx, today};
use crate::cli::{Format, ReportArgs};
use crate::period::Period;
use crate::plan::{self, Plan};
use crate::render::{self, report as rr};
use crate::report::{self, Options, Report, Review, Years};
use anyhow::{Result, anyhow, bail};
use chrono::{Datelike, NaiveDate};
use std::io::Write;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: ReportArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let today = today()?;
    let as_of = match &args.as_of {
        Some(s) => crate::input::as_of(&plan, s)
            .map_err(|m| anyhow!(crate::tr!("input-invalid-arg", arg = "--as-of", message = m)))?,
        None => today,
    };
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
    let mut out = render::stdout();
    match args.format {
        Format::Table => rr::write_table(&r, args.detail, &mut out)?,
        Format::Md => rr::write_markdown(&r, args.detail, &mut out)?,
        Format::Csv => rr::write_tidy_csv(&r, &mut out)?,
        Format::Json => rr::write_report_json(&r, &mut out)?,
        Format::Html => render::html::write(&r, &plan, &mut out)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// What `--year`, `--period` or `--years` asks for (the year of `as_of`
/// when none is given), inside the plan's years.
fn review(plan: &Plan, args: &ReportArgs, as_of: NaiveDate) -> Result<Review> {
    let outside = |what: String| {
        anyhow!(crate::tr!(
            "report-outside-plan",
            what = what,
            start = plan.start.to_string(),
            end = plan.end.to_string()
        ))
    };
    if let Some(text) = &args.period {
        // Every typed form of a period (`2027-Q3`, `Q3/2027`, `Quý 3/2027`…).
        let p: Period = crate::input::period::parse(text)
            .map_err(|_| anyhow!(crate::tr!("report-bad-period", period = text.trim())))?;
        if !plan.years().contains(&p.year) {
            return Err(outside(format!("--period {p}")));
        }
        return Ok(Review::Period(p));
    }
    if let Some(text) = &args.years {
        let y: Years =
            text.parse().map_err(|_| anyhow!(crate::tr!("report-bad-years", years = text.trim())))?;
        if !plan.years().contains(&y.first) || !plan.years().contains(&y.last) {
            return Err(outside(format!("--years {y}")));
        }
        return Ok(Review::Span(y));
    }
    let year = args.year.unwrap_or(as_of.year());
    if !plan.years().contains(&year) {
        return Err(outside(format!("--year {year}")));
    }
    Ok(Review::year(year))
}

/// Reads only what `review` needs (indexed by indicator and year),
/// computes the report and stamps it with the ledger's head fingerprint.
pub fn build_review(
    ctx: &Ctx,
    plan: &Plan,
    review: &Review,
    as_of: NaiveDate,
    opts: &Options,
) -> Result<Report> {
    let mut entries = Vec::new();
    let mut head = None;
    if let Some(ledger) = ctx.read_ledger(plan)? {
        let mut needs: Vec<_> = report::needs(plan, review, opts.series).into_iter().collect();
        needs.sort();
        for (id, (a, b)) in needs {
            entries.extend(ledger.indicator_entries(&id, a, b)?);
        }
        entries.extend(ledger.task_entries()?);
        head = ledger.head()?.map(|h| h.fingerprint());
    }
    let mut r = report::compute_review(plan, review, as_of, &entries, opts);
    r.ledger_head = head;
    Ok(r)
}
