//! The fill-in sheet of `plan template` (SPEC §4), as a workbook sheet or a
//! CSV file, from the rows `crate::report::template` chose. It speaks to
//! the department head who fills it in: the header is in words, with
//! accents, each one a name the importer reads (`Mã chỉ tiêu`, `Kỳ báo
//! cáo`, `Giá trị`, `Ngày báo cáo`, `Người nhập`, `Nguồn`) or reads and
//! ignores (`STT`, `Tên chỉ tiêu`, `Đơn vị tính`, `Cơ quan chủ trì`, `Hạn
//! báo cáo`, `Số liệu kỳ trước`); the period is in words under `vi` ("Quý
//! 3/2026", which import reads as typed); each row names the agency
//! responsible (the group's lead) and the due date; the value cell takes
//! only what the indicator takes (a whole number for an `integer` one,
//! within `min` and `max`). The workbook prints on A4 landscape, one page
//! wide, its header repeated on every page.

use crate::number::{NumberStyle, format_number};
use crate::period::Period;
use crate::plan::{Indicator, Plan};
use crate::render::csv_safe::csv_text_cell;
use crate::render::labels::Labels;
use crate::render::xlsx::{Sheet, Value};
use crate::report::template::Due;
use crate::settings::Lang;
use crate::tr_in;
use anyhow::Result;
use chrono::NaiveDate;
use std::io::Write;

/// The header in words, each a column name the importer reads or reads
/// and ignores (src/import/header.rs; SPEC §4.1 "Header").
pub fn headers(lang: Lang) -> [&'static str; 12] {
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
pub fn accepts(ind: &Indicator, lang: Lang, style: NumberStyle) -> String {
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
pub fn sheet(plan: &Plan, rows: &[Due<'_>], period: Option<Period>, today: NaiveDate) -> Sheet {
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
pub fn write_csv(plan: &Plan, rows: &[Due<'_>], out: &mut dyn Write) -> Result<()> {
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
