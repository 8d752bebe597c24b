//! `plan export --format dhis2-json|dhis2-csv|adx`: the figures that count
//! (`crate::export`), as a DHIS2 data value set (`crate::export::dhis2`).
//!
//! Reads the entries of the years asked for in one pass, one indicator at a
//! time. Every figure is counted before a byte is written; the set is then
//! written as it is serialized, to stdout or to `--output` (a file written
//! beside and renamed: whole or not at all). Indicators without a `dhis2`
//! code are named on stderr.

use super::{Ctx, reject, today};
use crate::cli::{ExportArgs, ExportFormat};
use crate::export::{self, Figure, Span, dhis2};
use crate::number::format_number;
use crate::period::Period;
use crate::plan::Plan;
use crate::tr;
use anyhow::Result;
use chrono::Timelike;
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: ExportArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    // As `report --as-of`: read by `cli::value::date` (SPEC §4 "Dates"),
    // not after today.
    let as_of = match args.as_of {
        Some(d) => crate::input::as_of(d, today()?)
            .map_err(|m| reject(tr!("input-invalid-arg", arg = "--as-of", message = m)))?,
        None => today()?,
    };
    let span = span(&plan, &args)?;
    // Where the data goes is checked before anything is read.
    let target = plan.dhis2.as_ref().ok_or_else(|| reject(tr!("dhis2-no-org-unit")))?;
    if args.format == ExportFormat::Adx && target.data_set.is_none() {
        return Err(reject(tr!("dhis2-adx-no-data-set")));
    }

    let (first, last) = span.years(&plan);
    // Figures per coded indicator, then written in plan order.
    let mut by_indicator: HashMap<&str, Vec<Figure>> = HashMap::new();
    if let Some(ledger) = ctx.reading_ledger(&plan, true)? {
        // Figures sent on to DHIS2 come from a ledger whose protections hold (SPEC §3).
        super::verify::trusted(&ledger, &plan, false)?;
        // An indicator renamed by an amendment (SPEC §2.1 `formerly`): its
        // entries and its old ids' are gathered, then counted together.
        let mut renamed: HashMap<&str, Vec<crate::entry::Entry>> = HashMap::new();
        ledger.for_each_indicator_counting_entries(first, last, |id, entries| {
            let ind = plan.indicator(id).or_else(|| plan.renamed_to(id));
            if let Some(ind) = ind.filter(|i| !i.is_derived() && i.dhis2.is_some()) {
                if ind.formerly.is_empty() {
                    by_indicator.insert(&ind.id, export::figures(ind, entries, span, as_of));
                } else {
                    renamed.entry(&ind.id).or_default().extend(entries);
                }
            }
            Ok(())
        })?;
        for (id, entries) in renamed {
            if let Some(ind) = plan.indicator(id) {
                by_indicator.insert(&ind.id, export::figures(ind, entries, span, as_of));
            }
        }
    }
    let figures: Vec<Figure> =
        plan.indicators().filter_map(|i| by_indicator.remove(i.id.as_str())).flatten().collect();
    let uncoded: Vec<&str> =
        plan.indicators().filter(|i| !i.is_derived() && i.dhis2.is_none()).map(|i| i.id.as_str()).collect();
    if !uncoded.is_empty() {
        eprintln!("{}", tr!("dhis2-left-out", ids = uncoded.join(", ")));
    }

    let set = dhis2::DataValueSet::new(&plan, &figures).map_err(reject)?;
    let write = |out: &mut dyn Write| -> Result<()> {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
        match args.format {
            ExportFormat::Dhis2Json => dhis2::write_json(&set, &mut out)?,
            ExportFormat::Dhis2Csv => dhis2::write_csv(&set, &mut out)?,
            ExportFormat::Adx => dhis2::write_adx(&set, &exported()?, &mut out)?,
        }
        out.flush()?;
        Ok(())
    };
    match &args.output {
        // Written beside, then renamed: the file is whole or not there.
        Some(path) => {
            if let Err(e) = crate::render::write_file(path, &mut |out| write(out)) {
                return Err(anyhow::anyhow!(
                    "{}: {}",
                    crate::tr!("file-cannot-write", path = path.display().to_string()),
                    e.downcast_ref::<std::io::Error>().map_or_else(|| format!("{e:#}"), super::io_reason)
                ));
            }
            eprintln!(
                "{}",
                tr!(
                    "dhis2-export-summary",
                    file = path.display().to_string(),
                    values = format_number(set.values.len() as f64, plan.numbers, 0),
                    org_unit = set.org_unit
                )
            );
        }
        None => write(&mut std::io::stdout().lock())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `--year Y` or `--period P` (any typed form or a DHIS2 code, read by
/// `cli::value::export_period`), inside the plan's years; neither: every
/// year.
fn span(plan: &Plan, args: &ExportArgs) -> Result<Span> {
    if let Some(year) = args.year {
        plan.within_years(&format!("--year {year}"), year, year).map_err(reject)?;
        return Ok(Span::Within(Period::year(year)));
    }
    let Some(p) = args.period else { return Ok(Span::All) };
    plan.within_years(&format!("--period {p}"), p.year, p.year).map_err(reject)?;
    Ok(Span::Within(p))
}

/// ADX's `exported` timestamp: now (UTC), or midnight of `PLAN_TODAY` when
/// that is set, so that a re-run export is byte for byte the same.
fn exported() -> Result<String> {
    if std::env::var("PLAN_TODAY").is_ok_and(|s| !s.trim().is_empty()) {
        return Ok(dhis2::exported_stamp(today()?, 0));
    }
    let now = chrono::Utc::now();
    Ok(dhis2::exported_stamp(now.date_naive(), now.time().num_seconds_from_midnight()))
}
