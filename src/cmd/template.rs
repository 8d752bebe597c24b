//! `plan template`: the fill-in sheet an office hands out (SPEC §4), one
//! row per recorded indicator and period to fill, which `plan import`
//! takes back without edits. Which rows: `crate::report::template`; the
//! sheet: `crate::render::template`.

use super::{Ctx, reject, today};
use crate::cli::{TemplateArgs, TemplateFormat as Format};
use crate::counting;
use crate::render::template::{sheet, write_csv};
use crate::render::xlsx;
use crate::report::template::{for_period, missing};
use crate::words::date_in_message;
use anyhow::Result;
use chrono::Datelike;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: TemplateArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let today = today()?;
    if let Some(p) = args.period {
        plan.within_years(&format!("--period {p}"), p.year, p.year).map_err(reject)?;
    }
    let period = args.period;
    // What counts through the last year the sheet can ask for (the
    // period's, or the plan's through today's), from the first (a row
    // shows the latest earlier figure of its kind, however old), through
    // the figure index; as of today, as the reports count: a figure dated
    // after today (the clock ran ahead) fills no row yet. A period
    // recorded under an old id (SPEC §2.1 `formerly`) is filled.
    let last = match period {
        Some(p) => p.year,
        None => plan.end.min(today.year()),
    };
    let first = 0;
    let figures = match ctx.reading_ledger(&plan, true)? {
        Some(l) => {
            let recorded = plan.indicators().filter(|i| i.cadence().is_some());
            super::counted_for(&l, &plan, recorded.map(|i| (i.id.clone(), first, last)), today)?
        }
        None => counting::Figures::new(),
    };
    let rows = match period {
        Some(p) => for_period(&plan, &figures, p),
        None => missing(&plan, &figures, today),
    };
    if rows.is_empty() {
        let msg = match period {
            Some(p) => crate::tr!("workbook-template-none-for-period", period = p.in_message()),
            None => crate::tr!("workbook-template-none-missing", date = date_in_message(today)),
        };
        eprintln!("{msg}");
        return Ok(ExitCode::SUCCESS);
    }
    if args.format == Format::Xlsx {
        let sheet = sheet(&plan, &rows, period, today);
        crate::render::write_binary(&xlsx::workbook(&[sheet], plan.lang)?, args.output.as_deref())?;
    } else {
        let mut out = Vec::new();
        write_csv(&plan, &rows, &mut out)?;
        crate::render::write_text(&out, args.output.as_deref())?;
    }
    Ok(ExitCode::SUCCESS)
}
