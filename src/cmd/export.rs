//! `plan export --format dhis2-json|dhis2-csv|adx`: the figures that count
//! (`crate::export`), as a DHIS2 data value set (`crate::export::dhis2`).
//!
//! Reads the entries of the years asked for one indicator at a time, in plan
//! order, in one read transaction, and writes each indicator's figures as
//! they are counted (`dhis2::SetWriter`: memory does not grow with the
//! ledger), to stdout or to `--output` (a file written beside and renamed:
//! whole or not at all). Indicators without a `dhis2` code are named on
//! stderr.

use super::{Ctx, reject, today};
use crate::cli::{ExportArgs, ExportFormat};
use crate::export::{self, Span, dhis2};
use crate::number::format_number;
use crate::period::Period;
use crate::plan::Plan;
use crate::tr;
use anyhow::Result;
use chrono::Timelike;
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
    let shape = match args.format {
        ExportFormat::Dhis2Json => dhis2::Shape::Json,
        ExportFormat::Dhis2Csv => dhis2::Shape::Csv,
        ExportFormat::Adx => dhis2::Shape::Adx,
    };
    let stamp = if shape == dhis2::Shape::Adx { exported()? } else { String::new() };
    let ledger = ctx.reading_ledger(&plan, true)?;
    if let Some(ledger) = &ledger {
        // Figures sent on to DHIS2 come from a ledger whose protections hold (SPEC §3).
        super::verify::trusted(ledger, &plan, false)?;
    }
    let uncoded: Vec<&str> =
        plan.indicators().filter(|i| !i.is_derived() && i.dhis2.is_none()).map(|i| i.id.as_str()).collect();
    if !uncoded.is_empty() {
        eprintln!("{}", tr!("dhis2-left-out", ids = uncoded.join(", ")));
    }
    // Counted one indicator at a time, in plan order, and written as they
    // come: memory holds one indicator's entries, not the ledger's.
    let coded: Vec<&crate::plan::Indicator> =
        plan.indicators().filter(|i| !i.is_derived() && i.dhis2.is_some()).collect();
    // Each indicator's id, then its old ids (SPEC §2.1 `formerly`): their
    // entries are gathered and counted together by `export::figures`.
    let ids: Vec<&str> = coded
        .iter()
        .flat_map(|i| std::iter::once(i.id.as_str()).chain(i.formerly.iter().map(String::as_str)))
        .collect();
    let write = |out: &mut dyn Write| -> Result<usize> {
        let out = std::io::BufWriter::with_capacity(1 << 16, out);
        let mut set =
            dhis2::SetWriter::new(&plan, shape, stamp.clone(), out).map_err(|e| reject(e.to_string()))?;
        if let Some(ledger) = &ledger {
            // Entries arrive id by id in `ids` order: an indicator's last
            // id (itself, or its last old id) completes its entries.
            let mut next = coded.iter();
            let mut current = next.next();
            let mut left = current.map_or(0, |i| i.formerly.len() + 1);
            let mut gathered = Vec::new();
            ledger.for_each_indicator_counting_entries(&ids, first, last, |_, entries| {
                gathered.extend(entries);
                left -= 1;
                if left > 0 {
                    return Ok(());
                }
                let ind = current.expect("one indicator per group of ids");
                let code = ind.dhis2.as_deref().expect("a coded indicator");
                set.push(code, export::figures(ind, std::mem::take(&mut gathered), span, as_of))?;
                current = next.next();
                left = current.map_or(0, |i| i.formerly.len() + 1);
                Ok(())
            })?;
        }
        let (values, mut out) = set.finish()?;
        out.flush()?;
        Ok(values)
    };
    match &args.output {
        // Written beside, then renamed: the file is whole or not there.
        Some(path) => {
            let mut values = 0;
            if let Err(e) = crate::render::write_file(path, &mut |out| {
                values = write(out)?;
                Ok(())
            }) {
                // The temporary folder of ADX's sort, not the output, failed:
                // its own message says which and what to do.
                if e.is::<dhis2::SortFileError>() {
                    return Err(e);
                }
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
                    values = format_number(values as f64, plan.numbers, 0),
                    org_unit = target.org_unit.as_str()
                )
            );
        }
        None => {
            write(&mut std::io::stdout().lock())?;
        }
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
