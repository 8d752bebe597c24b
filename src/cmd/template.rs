//! `plan template`: the fill-in sheet an office hands out (SPEC §4), one
//! row per recorded indicator and period to fill, which `plan import`
//! takes back without edits.
//!
//! Which rows: with `--period P`, every recorded indicator reported by P's
//! kind of period (a quarter for quarterly indicators…); without, every
//! period of every recorded indicator that has ended (or fallen due) by
//! today and has no figure that counts, oldest first. Each row shows the
//! previous figure that counts for the same kind of period, to compare.
//!
//! The columns are the importer's own names (`chi_tieu, ky, gia_tri, ngay,
//! nguoi_nhap, nguon` under `vi`, `indicator, period, value, date, by,
//! source` under `en`), beside `STT`, the name, the unit and the previous
//! figure, which the importer reads and ignores.

use super::{Ctx, reject, today};
use crate::cli::{TemplateArgs, TemplateFormat as Format};
use crate::counting::{self, Figures};
use crate::number::{NumberStyle, format_number};
use crate::period::Period;
use crate::plan::{Indicator, Plan};
use crate::render::csv_safe::csv_text_cell;
use crate::render::labels::Labels;
use crate::render::xlsx::{self, Sheet, Value};
use crate::settings::Lang;
use crate::tr_in;
use crate::words::date_in_message;
use anyhow::Result;
use chrono::NaiveDate;
use std::io::Write;
use std::process::ExitCode;

/// One row to fill in.
#[derive(Debug, Clone)]
pub struct Due<'p> {
    pub indicator: &'p Indicator,
    pub period: Period,
    /// The figure that counts for the latest earlier period of the same
    /// kind, if any.
    pub previous: Option<f64>,
}

pub fn run(ctx: &Ctx, args: TemplateArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let today = today()?;
    if let Some(p) = args.period {
        plan.within_years(&format!("--period {p}"), p.year, p.year).map_err(reject)?;
    }
    let period = args.period;
    let entries = match ctx.reading_ledger(&plan, true)? {
        Some(l) => l.entries(None, None, None)?,
        None => Vec::new(),
    };
    // As of today, as the reports count: a figure dated after today (the
    // clock ran ahead) fills no row yet.
    let mut figures = counting::count_figures(&entries, Some(today));
    // A period recorded under an old id (SPEC §2.1 `formerly`) is filled.
    counting::merge_renamed(&mut figures, &plan.renames());
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

/// The figure that counts for the latest period of `p`'s kind before `p`.
fn previous(figures: &Figures, ind: &Indicator, p: Period) -> Option<f64> {
    let periods = figures.get(&ind.id)?;
    periods
        .iter()
        .filter(|(q, f)| q.cadence == p.cadence && q.start() < p.start() && f.counted.is_some())
        .max_by_key(|(q, _)| q.start())
        .and_then(|(_, f)| f.counted.as_ref().map(|c| c.value))
}

/// Every recorded indicator reported by `p`'s kind of period, in plan order.
pub fn for_period<'p>(plan: &'p Plan, figures: &Figures, p: Period) -> Vec<Due<'p>> {
    plan.indicators()
        .filter(|i| i.cadence() == Some(p.cadence))
        .map(|i| Due { indicator: i, period: p, previous: previous(figures, i, p) })
        .collect()
}

/// Every period of a recorded indicator, in the plan's years, that has
/// ended or fallen due by `today` and has no figure that counts: by
/// period end, then plan order.
pub fn missing<'p>(plan: &'p Plan, figures: &Figures, today: NaiveDate) -> Vec<Due<'p>> {
    let mut rows = Vec::new();
    for (order, ind) in plan.indicators().enumerate() {
        let Some(every) = ind.cadence() else { continue };
        let due_days = plan.due_days.of(every);
        let counted = figures.get(&ind.id);
        for year in plan.years() {
            for p in Period::all_in(year, every) {
                if !(p.end() < today || p.due(due_days) <= today) {
                    continue;
                }
                let has = counted.and_then(|c| c.get(&p)).is_some_and(|f| f.counted.is_some());
                // A year figure stands for its parts.
                let has_year = every != crate::period::Cadence::Year
                    && counted.and_then(|c| c.get(&Period::year(year))).is_some_and(|f| f.counted.is_some());
                if !has && !has_year {
                    rows.push((
                        p.end(),
                        order,
                        Due { indicator: ind, period: p, previous: previous(figures, ind, p) },
                    ));
                }
            }
        }
    }
    rows.sort_by_key(|(end, order, _)| (*end, *order));
    rows.into_iter().map(|(_, _, d)| d).collect()
}

/// The header, in the importer's names for the plan's language.
fn headers(lang: Lang) -> [&'static str; 10] {
    match lang {
        Lang::Vi => [
            "STT",
            "chi_tieu",
            "ten",
            "don_vi",
            "ky",
            "so_lieu_ky_truoc",
            "gia_tri",
            "ngay",
            "nguoi_nhap",
            "nguon",
        ],
        Lang::En => {
            ["STT", "indicator", "name", "unit", "period", "previous", "value", "date", "by", "source"]
        }
    }
}

/// The template sheet. Every word of it is in one language, the plan's
/// (`plan.lang`, which `--lang` overrides), as its column names and the
/// workbook's number and date formats are: the scope line's sentence too,
/// not only its period or date, so that the line never mixes languages
/// even if messages (`tr!`) some day follow another language than the plan.
fn sheet(plan: &Plan, rows: &[Due<'_>], period: Option<Period>, today: NaiveDate) -> Sheet {
    let (lang, l) = (plan.lang, Labels::new(plan.lang));
    let scope = match period {
        Some(p) => tr_in!(lang, "workbook-template-period", period = l.period(p)),
        None => tr_in!(lang, "workbook-template-missing", date = l.date(today)),
    };
    Sheet {
        name: tr_in!(lang, "workbook-sheet-template"),
        title: vec![
            tr_in!(lang, "workbook-template-title", plan = plan.id.as_str()),
            scope,
            tr_in!(lang, "workbook-template-how"),
        ],
        headers: headers(plan.lang).iter().map(|h| h.to_string()).collect(),
        rows: rows
            .iter()
            .enumerate()
            .map(|(n, d)| {
                vec![
                    Value::Id(n as i64 + 1),
                    Value::text(d.indicator.id.clone()),
                    Value::text(d.indicator.name.clone()),
                    Value::text(d.indicator.unit.clone()),
                    Value::text(d.period.to_string()),
                    Value::opt_number(d.previous),
                    Value::BlankNumber,
                    Value::BlankDate,
                    Value::Empty,
                    Value::Empty,
                ]
            })
            .collect(),
        wrap: vec![2],
    }
}

/// The CSV template: UTF-8 with a BOM (so that Excel reads the accents),
/// `;` between cells under `vi` numbers (a `,` would split `742,3`), `,`
/// under `en`; the previous figure in the plan's number style.
fn write_csv(plan: &Plan, rows: &[Due<'_>], out: &mut dyn Write) -> Result<()> {
    out.write_all(b"\xEF\xBB\xBF")?;
    let delimiter = if plan.numbers == NumberStyle::Vi { b';' } else { b',' };
    let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(out);
    w.write_record(headers(plan.lang))?;
    for (n, d) in rows.iter().enumerate() {
        w.write_record([
            (n + 1).to_string(),
            d.indicator.id.clone(),
            csv_text_cell(&d.indicator.name).into_owned(),
            csv_text_cell(&d.indicator.unit).into_owned(),
            d.period.to_string(),
            d.previous.map(|v| format_number(v, plan.numbers, 6)).unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests;
