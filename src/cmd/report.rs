//! `plan report`: load the plan, read what the year needs, compute, render.

use super::{Ctx, today};
use crate::cli::{Format, ReportArgs};
use crate::plan::{self, Plan};
use crate::render::{self, report as rr};
use crate::report::{self, Options, Report};
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
    let year = args.year.unwrap_or(as_of.year());
    if !plan.years().contains(&year) {
        bail!("--year {year} is outside the plan's years {}–{}", plan.start, plan.end);
    }
    if let Some(g) = &args.group
        && !plan.groups.iter().any(|x| &x.id == g)
    {
        let hint = plan::suggest(g, plan.groups.iter().map(|x| x.id.as_str()))
            .map(|s| format!(": did you mean `{s}`?"))
            .unwrap_or_default();
        bail!("unknown group `{g}`{hint}");
    }
    let opts = Options { group: args.group.clone(), series: args.format == Format::Html };
    let r = build(ctx, &plan, year, as_of, &opts)?;
    let mut out = render::stdout();
    let finals = plan
        .indicators()
        .filter_map(|i| i.target.map(|t| (i.id.clone(), format!("{}: {}", i.by, t.display(plan.numbers)))))
        .collect();
    match args.format {
        Format::Table => rr::write_table(&r, &finals, args.detail, &mut out)?,
        Format::Md => rr::write_markdown(&r, &finals, &mut out)?,
        Format::Csv => rr::write_tidy_csv(&r, &mut out)?,
        Format::Json => rr::write_report_json(&r, &mut out)?,
        Format::Html => render::html::write(&r, &plan, &mut out)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Reads only what the year needs (indexed by indicator and year) and
/// computes the report.
pub fn build(ctx: &Ctx, plan: &Plan, year: i32, as_of: NaiveDate, opts: &Options) -> Result<Report> {
    let mut entries = Vec::new();
    if let Some(ledger) = ctx.read_ledger(plan)? {
        let mut needs: Vec<_> = report::needs(plan, year, opts.series).into_iter().collect();
        needs.sort();
        for (id, (a, b)) in needs {
            entries.extend(ledger.indicator_entries(&id, a, b)?);
        }
        entries.extend(ledger.task_entries()?);
    }
    Ok(report::compute(plan, year, as_of, &entries, opts))
}
