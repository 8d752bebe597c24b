//! `plan template`: the fill-in sheet an office hands out (SPEC §4), one
//! row per recorded indicator and period to fill, which `plan import`
//! takes back without edits.
//!
//! Which rows: with `--period P`, every period of every recorded indicator,
//! of whatever cadence, that lies inside P (`--period 2026-Q3`: July,
//! August and September of a monthly indicator, the quarter of a
//! quarterly one); without, every period of every recorded indicator that
//! has ended (or fallen due) by today and has no figure that counts, oldest
//! first. Each row shows the previous figure that counts for the same kind
//! of period, to compare.
//!
//! The sheet speaks to the department head who fills it in (SPEC §4): the
//! header is in words, with accents, each one a name the importer reads
//! (`Mã chỉ tiêu`, `Kỳ báo cáo`, `Giá trị`, `Ngày báo cáo`, `Người nhập`,
//! `Nguồn`) or reads and ignores (`STT`, `Tên chỉ tiêu`, `Đơn vị tính`,
//! `Cơ quan chủ trì`, `Hạn báo cáo`, `Số liệu kỳ trước`); the period is in
//! words under `vi` ("Quý 3/2026", which import reads as typed); each row
//! names the agency responsible (the group's lead) and the due date; the
//! value cell takes only what the indicator takes (a whole number for an
//! `integer` one, within `min` and `max`). The workbook prints on A4
//! landscape, one page wide, its header repeated on every page.

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

impl Due<'_> {
    /// The agency responsible for the figure: the lead of the indicator's
    /// group, by name; "" when the group has none.
    fn agency(&self, plan: &Plan) -> String {
        plan.group_of(&self.indicator.id)
            .and_then(|g| g.lead.as_deref())
            .map(|a| plan.agency_name(a).to_string())
            .unwrap_or_default()
    }

    /// When the figure is due: the period's end + `due_days` (SPEC §5).
    fn due(&self, plan: &Plan) -> NaiveDate {
        self.period.due(plan.due_days.of(self.period.cadence))
    }

    /// The period as the sheet writes it: in words under `vi` ("Quý
    /// 3/2026", which import reads), as `2026-Q3` under `en`.
    fn period_text(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.period.label(lang),
            Lang::En => self.period.to_string(),
        }
    }
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

/// Every period of every recorded indicator, of any cadence, that lies
/// inside `p` (SPEC §4 `template`), in plan order, then by period.
pub fn for_period<'p>(plan: &'p Plan, figures: &Figures, p: Period) -> Vec<Due<'p>> {
    plan.indicators()
        .filter_map(|i| Some((i, i.cadence()?)))
        .flat_map(|(i, every)| {
            Period::all_in(p.year, every)
                .filter(move |q| p.start() <= q.start() && q.end() <= p.end())
                .map(move |q| Due { indicator: i, period: q, previous: previous(figures, i, q) })
        })
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

/// The header in words, each a column name the importer reads or reads
/// and ignores (src/import/header.rs; SPEC §4.1 "Header").
fn headers(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::Vi => [
            "STT",
            "Mã chỉ tiêu",
            "Tên chỉ tiêu",
            "Đơn vị tính",
            "Kỳ báo cáo",
            "Cơ quan chủ trì",
            "Hạn báo cáo",
            "Số liệu kỳ trước",
            "Giá trị",
            "Ngày báo cáo",
            "Người nhập",
            "Nguồn",
        ],
        Lang::En => [
            "No.",
            "Indicator",
            "Name",
            "Unit",
            "Period",
            "Lead agency",
            "Due",
            "Previous",
            "Value",
            "Date",
            "By",
            "Source",
        ],
    }
}

/// What the value cell of `ind` takes, for the person typing it: "Số
/// nguyên, từ 0 trở lên (doanh nghiệp)".
fn accepts(ind: &Indicator, lang: Lang, style: NumberStyle) -> String {
    let n = |x: f64| format_number(x, style, 6);
    let range = match (ind.min, ind.max) {
        (Some(a), Some(b)) => tr_in!(lang, "workbook-template-between", min = n(a), max = n(b)),
        (Some(a), None) => tr_in!(lang, "workbook-template-min", min = n(a)),
        (None, Some(b)) => tr_in!(lang, "workbook-template-max", max = n(b)),
        (None, None) => String::new(),
    };
    let unit = match ind.unit.trim() {
        "" => String::new(),
        u => tr_in!(lang, "workbook-template-unit", unit = u),
    };
    let kind = if ind.integer { "workbook-template-integer" } else { "workbook-template-number" };
    tr_in!(lang, kind, range = range, unit = unit)
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
            tr_in!(lang, "workbook-template-keep"),
        ],
        headers: headers(plan.lang).iter().map(|h| h.to_string()).collect(),
        rows: rows
            .iter()
            .enumerate()
            .map(|(n, d)| {
                let ind = d.indicator;
                vec![
                    Value::Id(n as i64 + 1),
                    Value::text(ind.id.clone()),
                    Value::text(ind.name.clone()),
                    Value::text(ind.unit.clone()),
                    Value::text(d.period_text(lang)),
                    Value::text(d.agency(plan)),
                    Value::Date(d.due(plan)),
                    Value::opt_number(d.previous),
                    Value::BlankFigure {
                        integer: ind.integer,
                        min: ind.min,
                        max: ind.max,
                        message: accepts(ind, lang, plan.numbers),
                    },
                    Value::BlankDate,
                    Value::Empty,
                    Value::Empty,
                ]
            })
            .collect(),
        wrap: vec![2, 5],
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
    let l = Labels::new(plan.lang);
    for (n, d) in rows.iter().enumerate() {
        w.write_record([
            (n + 1).to_string(),
            d.indicator.id.clone(),
            csv_text_cell(&d.indicator.name).into_owned(),
            csv_text_cell(&d.indicator.unit).into_owned(),
            d.period_text(plan.lang),
            csv_text_cell(&d.agency(plan)).into_owned(),
            l.date(d.due(plan)),
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
