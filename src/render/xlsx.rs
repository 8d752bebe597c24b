//! Workbooks (`--format xlsx`, SPEC §4 and §4.2), written with
//! `rust_xlsxwriter`: the year report, the log and the fill-in template.
//!
//! What a sheet holds: typed cells, never numbers as text. Numbers are
//! number cells with a number format that groups thousands and shows the
//! decimals the value has (`#,##0.0#`); percentages are fractions with a
//! percent format (`0.0%`); dates are date cells. Number formats in a
//! workbook are always stored in Excel's neutral syntax (`,` groups, `.`
//! marks decimals): the spreadsheet shows them with the separators of its
//! own locale, so under a Vietnamese locale `#,##0.0` reads `1.234,5`. That
//! is the point: a figure stays a number whatever locale opens the file
//! (plan's CSV, read by a Vietnamese LibreOffice, turns `61.625` into
//! 61625). Date formats carry no locale: `dd/mm/yyyy` under `vi`,
//! `yyyy-mm-dd` under `en`.
//!
//! Every sheet: optional title lines, one header row in bold, frozen below
//! it, with an autofilter; column widths fitted to the content, capped, with
//! long text wrapped. Ready to print (SPEC §4.2): A4 landscape, fitted to
//! one page wide (as many pages tall as it takes), the header row repeated
//! on every page, the page number and count in the footer.

use crate::render::labels::Labels;
use crate::report::{GroupReport, IndicatorReport, PeriodStatus, Report};
use crate::settings::Lang;
use anyhow::Result;
use chrono::{NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{DataValidation, DataValidationRule, Format, Workbook, Worksheet};
use std::collections::{HashMap, HashSet};

/// The widest a fitted column gets, in pixels (about 60 characters).
const MAX_WIDTH_PX: u32 = 420;
/// Decimals a number cell shows at most (the cell holds every digit):
/// the report's figures and ratios show at most 2 (SPEC §4.2).
const MAX_DECIMALS: usize = 2;
/// The width (characters) at which a column of long text wraps.
const WRAP_WIDTH: f64 = 26.0;
/// Excel's paper size code for A4.
const PAPER_A4: u8 = 9;

/// The dates a spreadsheet holds: a date cell to fill in takes any of them
/// (what it must not take is text).
const FIRST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
const LAST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// A typed cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    /// A whole number shown without grouping: an id, an STT, a year.
    Id(i64),
    /// A number, shown grouped with the decimals it has (up to four).
    Number(f64),
    /// A number shown with a fixed count of decimals (an empty cell to
    /// fill in, or a column of like figures).
    Fixed(f64, usize),
    /// A percentage as people say it (96.3 for 96,3 %), stored as the
    /// fraction 0.963 with a percent format.
    Percent(f64),
    Date(NaiveDate),
    /// An empty cell to fill in with a number: what is typed shows grouped,
    /// with its decimals (up to three) or none for a whole number.
    BlankNumber,
    /// An empty cell to fill in with a date, in the language's date format.
    BlankDate,
    /// An empty cell to fill in with a figure of one indicator: only what
    /// the indicator accepts is taken (a whole number for an `integer`
    /// one, within its `min` and `max`), with `message` saying what.
    BlankFigure {
        integer: bool,
        min: Option<f64>,
        max: Option<f64>,
        message: String,
    },
    /// A date and time (UTC), as `recorded_at`.
    DateTime(NaiveDateTime),
}

impl Value {
    pub fn text(s: impl Into<String>) -> Value {
        let s = s.into();
        if s.is_empty() { Value::Empty } else { Value::Text(s) }
    }

    pub fn opt_number(x: Option<f64>) -> Value {
        x.filter(|x| x.is_finite()).map_or(Value::Empty, Value::Number)
    }

    pub fn opt_percent(x: Option<f64>) -> Value {
        x.filter(|x| x.is_finite()).map_or(Value::Empty, Value::Percent)
    }

    pub fn opt_date(d: Option<NaiveDate>) -> Value {
        d.map_or(Value::Empty, Value::Date)
    }
}

/// One sheet: title lines above a table.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// The tab's name (made valid and unique when written).
    pub name: String,
    /// Lines above the header (the first in bold).
    pub title: Vec<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    /// Columns of long text, which wrap at the capped width.
    pub wrap: Vec<usize>,
}

/// The number format showing `decimals` decimals, grouped.
fn number_format(decimals: usize) -> String {
    if decimals == 0 { "#,##0".to_string() } else { format!("#,##0.{}", "0".repeat(decimals)) }
}

/// The decimals `x` needs, up to [`MAX_DECIMALS`].
fn decimals(x: f64) -> usize {
    let s = format!("{:.*}", MAX_DECIMALS, x.abs());
    let frac = s.split_once('.').map_or("", |(_, f)| f);
    frac.trim_end_matches('0').len()
}

/// A percentage as the fraction a percent cell holds, to 15 significant
/// digits as spreadsheets keep them (49.2 % is 0.492, not
/// 0.49200000000000005).
fn fraction(percent: f64) -> f64 {
    let x = percent / 100.0;
    format!("{x:.14e}").parse().unwrap_or(x)
}

/// The formats of one workbook, made once each.
struct Formats {
    bold: Format,
    title: Format,
    date: Format,
    date_time: Format,
    id: Format,
    percent: Format,
    wrap: Format,
    numbers: HashMap<usize, Format>,
    /// For cells to fill in with a number.
    entry_decimal: Format,
}

impl Formats {
    fn new(lang: Lang) -> Self {
        let date = if lang == Lang::Vi { "dd/mm/yyyy" } else { "yyyy-mm-dd" };
        Formats {
            bold: Format::new().set_bold().set_text_wrap(),
            title: Format::new().set_bold().set_font_size(13),
            date: Format::new().set_num_format(date),
            date_time: Format::new().set_num_format(format!("{date} hh:mm:ss")),
            id: Format::new().set_num_format("0"),
            percent: Format::new().set_num_format("0.0%"),
            wrap: Format::new().set_text_wrap(),
            entry_decimal: Format::new().set_num_format("#,##0.0##"),
            numbers: (0..=MAX_DECIMALS)
                .map(|d| (d, Format::new().set_num_format(number_format(d))))
                .collect(),
        }
    }
}

/// A sheet name Excel takes: at most 31 characters, none of `[]:*?/\`,
/// not empty, not already used (a ` (2)` is added).
fn sheet_name(wanted: &str, used: &mut HashSet<String>) -> String {
    let clean: String =
        wanted.chars().map(|c| if "[]:*?/\\".contains(c) { '-' } else { c }).collect::<String>();
    let clean = clean.trim().trim_matches('\'');
    let base: String = if clean.is_empty() { "Sheet".into() } else { clean.chars().take(31).collect() };
    let mut name = base.clone();
    let mut n = 2;
    while used.contains(&name.to_lowercase()) {
        let suffix = format!(" ({n})");
        name = format!("{}{suffix}", base.chars().take(31 - suffix.len()).collect::<String>());
        n += 1;
    }
    used.insert(name.to_lowercase());
    name
}

/// The workbook of `sheets`, as bytes.
pub fn workbook(sheets: &[Sheet], lang: Lang) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let f = Formats::new(lang);
    let mut used = HashSet::new();
    for s in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&s.name, &mut used))?;
        write_sheet(ws, s, &f)?;
    }
    Ok(wb.save_to_buffer()?)
}

fn write_sheet(ws: &mut Worksheet, s: &Sheet, f: &Formats) -> Result<()> {
    let mut row: u32 = 0;
    // A title line longer than the table is as wide is cut between words
    // into lines that fit (a printed page shows no more than the table).
    let room = fitted_widths(s).iter().sum::<f64>().max(80.0);
    let title: Vec<(usize, String)> = s
        .title
        .iter()
        .enumerate()
        .flat_map(|(i, line)| {
            // The first line is 13 pt bold: 1.3 times as wide a character.
            let room = if i == 0 { room / 1.3 } else { room };
            split_line(line, room).into_iter().map(move |l| (i, l))
        })
        .collect();
    for (i, line) in &title {
        let (i, line) = (*i, line.as_str());
        if i == 0 {
            ws.write_string_with_format(row, 0, line, &f.title)?;
        } else {
            ws.write_string(row, 0, line)?;
        }
        row += 1;
    }
    if !s.title.is_empty() {
        row += 1;
    }
    let header_row = row;
    // Columns of cells to fill in with numbers, and with dates: their first
    // and last row.
    let mut entry: std::collections::BTreeMap<u16, (u32, u32)> = Default::default();
    let mut entry_dates: std::collections::BTreeMap<u16, (u32, u32)> = Default::default();
    for (c, h) in s.headers.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, h, &f.bold)?;
    }
    for values in &s.rows {
        row += 1;
        for (c, v) in values.iter().enumerate() {
            let col = c as u16;
            match v {
                Value::Empty => {}
                Value::BlankNumber => {
                    ws.write_blank(row, col, &f.entry_decimal)?;
                    let span = entry.entry(col).or_insert((row, row));
                    span.1 = row;
                }
                Value::BlankDate => {
                    ws.write_blank(row, col, &f.date)?;
                    let span = entry_dates.entry(col).or_insert((row, row));
                    span.1 = row;
                }
                Value::BlankFigure { integer, min, max, message } => {
                    ws.write_blank(row, col, if *integer { &f.numbers[&0] } else { &f.entry_decimal })?;
                    // The spreadsheet's own bounds when the plan sets none.
                    let (lo, hi) = (min.unwrap_or(-1e15), max.unwrap_or(1e15));
                    let rule = if *integer {
                        DataValidation::new().allow_whole_number(DataValidationRule::Between(
                            lo.ceil().max(i32::MIN as f64) as i32,
                            hi.floor().min(i32::MAX as f64) as i32,
                        ))
                    } else {
                        DataValidation::new().allow_decimal_number(DataValidationRule::Between(lo, hi))
                    };
                    let rule = rule
                        .set_error_title(tr("workbook-validate-title"))?
                        .set_error_message(message.chars().take(255).collect::<String>())?
                        .set_input_message(message.chars().take(255).collect::<String>())?;
                    ws.add_data_validation(row, col, row, col, &rule)?;
                }
                Value::Text(t) if s.wrap.contains(&c) => {
                    ws.write_string_with_format(row, col, t, &f.wrap)?;
                }
                Value::Text(t) => {
                    ws.write_string(row, col, t)?;
                }
                Value::Id(n) => {
                    ws.write_number_with_format(row, col, *n as f64, &f.id)?;
                }
                Value::Number(x) => {
                    ws.write_number_with_format(row, col, *x, &f.numbers[&decimals(*x)])?;
                }
                Value::Fixed(x, d) => {
                    ws.write_number_with_format(row, col, *x, &f.numbers[&(*d).min(MAX_DECIMALS)])?;
                }
                Value::Percent(x) => {
                    ws.write_number_with_format(row, col, fraction(*x), &f.percent)?;
                }
                Value::Date(d) => {
                    ws.write_date_with_format(row, col, d, &f.date)?;
                }
                Value::DateTime(t) => {
                    ws.write_datetime_with_format(row, col, t, &f.date_time)?;
                }
            }
        }
    }
    if !s.headers.is_empty() {
        ws.set_freeze_panes(header_row + 1, 0)?;
        ws.autofilter(header_row, 0, row.max(header_row), s.headers.len() as u16 - 1)?;
    }
    // Cells to fill in show `#,##0.0##`, but a whole number without its
    // decimal mark: no single number format does both.
    for (&col, &(first, last)) in &entry {
        let cell = rust_xlsxwriter::utility::row_col_to_cell(first, col);
        let whole = rust_xlsxwriter::ConditionalFormatFormula::new()
            .set_rule(format!("=MOD({cell},1)=0").as_str())
            .set_format(Format::new().set_num_format("#,##0"));
        ws.add_conditional_format(first, col, last, col, &whole)?;
        // What is typed must be a number: under a Vietnamese locale `9.5`
        // would otherwise stay text (or become a date).
        let number = DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(-1e15, 1e15))
            .set_error_title(tr("workbook-validate-title"))?
            .set_error_message(tr("workbook-validate-number"))?;
        ws.add_data_validation(first, col, last, col, &number)?;
    }
    for (&col, &(first, last)) in &entry_dates {
        let date = DataValidation::new()
            .allow_date(DataValidationRule::Between(FIRST_DATE, LAST_DATE))
            .set_error_title(tr("workbook-validate-title"))?
            .set_error_message(tr("workbook-validate-date"))?;
        ws.add_data_validation(first, col, last, col, &date)?;
    }
    // Fit the table, not the title lines (they spill over empty cells).
    let widths = fitted_widths(s);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    // Rows as tall as their wrapped text, so that no line runs over the
    // next row (neither Excel nor LibreOffice grows them on opening).
    if !s.headers.is_empty() {
        let head: Vec<Value> = s.headers.iter().map(|h| Value::Text(h.clone())).collect();
        let all: Vec<usize> = (0..s.headers.len()).collect();
        ws.set_row_height(header_row, row_height(&head, &widths, &all))?;
        for (k, values) in s.rows.iter().enumerate() {
            let h = row_height(values, &widths, &s.wrap);
            if h > LINE_HEIGHT {
                ws.set_row_height(header_row + 1 + k as u32, h)?;
            }
        }
    }
    print_ready(ws, (!s.headers.is_empty()).then_some(header_row))?;
    Ok(())
}

/// `line` cut between words into pieces of at most `room` characters.
fn split_line(line: &str, room: f64) -> Vec<String> {
    let room = room as usize;
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in line.split(' ') {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > room {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    out.push(cur);
    out
}

/// The height of a line of text, in points (Excel's default row).
const LINE_HEIGHT: f64 = 15.0;

/// The height in points a row needs: the most lines any of its wrapped
/// cells (`wrap`) takes at its column's width, words kept whole.
fn row_height(values: &[Value], widths: &[f64], wrap: &[usize]) -> f64 {
    let lines = values
        .iter()
        .enumerate()
        .filter(|(c, _)| wrap.contains(c))
        .map(|(c, v)| match v {
            Value::Text(t) => {
                let room = (widths.get(c).copied().unwrap_or(10.0) - 2.0).max(4.0) / 1.1;
                t.lines().map(|l| wrapped_lines(l, room)).sum::<usize>()
            }
            _ => 1,
        })
        .max()
        .unwrap_or(1)
        .max(1);
    LINE_HEIGHT * lines as f64
}

/// How many lines `text` takes wrapped at `room` characters, between words.
fn wrapped_lines(text: &str, room: f64) -> usize {
    let mut lines = 1;
    let mut used = 0.0;
    for word in text.split_whitespace() {
        let w = word.chars().count() as f64;
        if used > 0.0 && used + 1.0 + w > room {
            lines += 1;
            used = w;
        } else {
            used += if used > 0.0 { 1.0 + w } else { w };
        }
    }
    lines
}

/// A4 landscape, one page wide, the header row repeated at the top of
/// each page, narrow margins, the grid printed and "page / pages" in the
/// footer (SPEC §4.2).
fn print_ready(ws: &mut Worksheet, header_row: Option<u32>) -> Result<()> {
    ws.set_paper_size(PAPER_A4);
    ws.set_landscape();
    // 0 pages tall: as many as the rows take.
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer("&C&P / &N");
    // The cells' grid on paper: a table to read, a form to fill in.
    ws.set_print_gridlines(true);
    if let Some(row) = header_row {
        ws.set_repeat_rows(row, row)?;
    }
    Ok(())
}

/// Column widths in characters that fit the header and the cells (about
/// what Excel's autofit gives), capped at [`MAX_WIDTH_PX`].
fn fitted_widths(s: &Sheet) -> Vec<f64> {
    let cap = f64::from(MAX_WIDTH_PX) / 7.0;
    let len = |v: &Value| -> usize {
        match v {
            Value::Empty => 0,
            // Room for what will be typed: 1.234.567,5.
            Value::BlankNumber | Value::BlankFigure { .. } => 12,
            Value::BlankDate => 10,
            Value::Text(t) => t.lines().map(|l| l.chars().count()).max().unwrap_or(0),
            Value::Number(x) => {
                format!("{x:.*}", decimals(*x)).len() + (x.abs().log10().max(0.0) / 3.0) as usize
            }
            Value::Fixed(x, d) => format!("{x:.d$}").len() + 2,
            Value::Id(n) => n.to_string().len(),
            Value::Percent(_) => 7,
            Value::Date(_) => 10,
            Value::DateTime(_) => 19,
        }
    };
    // Headers wrap (bold, wrapped): a column need only be as wide as the
    // header's longest word, so that a sheet of many columns still prints
    // readable on one page width. Wrapped text columns stop at 40.
    (0..s.headers.len())
        .map(|c| {
            let head = s.headers[c].split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
            let cells = s.rows.iter().filter_map(|r| r.get(c)).map(len).max().unwrap_or(0);
            let cap = if s.wrap.contains(&c) { cap.min(WRAP_WIDTH) } else { cap };
            ((head.max(cells).max(4) as f64) * 1.1 + 2.0).min(cap)
        })
        .collect()
}

fn tr(key: &str) -> String {
    crate::i18n::message(key, None)
}

/// The year report as a workbook (SPEC §4.2): a summary sheet, a sheet per
/// task group with its indicators, then every period of every recorded
/// indicator and every task, each a table of its own; in the language
/// and number style of `o`.
pub fn report(r: &Report, o: &super::RenderOptions) -> Result<Vec<u8>> {
    let l = Labels::new(o.lang);
    let f = super::report::Fmt { style: o.numbers };
    let mut sheets = vec![summary_sheet(r, &l, &f)];
    for g in &r.groups {
        sheets.push(group_sheet(r, g, &l, &f));
    }
    sheets.push(periods_sheet(r, &l));
    sheets.push(tasks_sheet(r, &l));
    workbook(&sheets, o.lang)
}

/// The title lines of every sheet: the plan, what is reviewed as of when
/// ("Sơ kết 6 tháng đầu năm 2027 · …"), and the ledger's fingerprint (SPEC
/// §3: a filed report pins the ledger it was computed on).
fn heading(r: &Report, l: &Labels) -> Vec<String> {
    let mut lines = vec![format!("{} — {}", r.plan, r.title), super::report::subtitle(r, l)];
    // A review not yet over says so at the top of every sheet (SPEC §5).
    lines.extend(super::report::provisional_line(r, l));
    lines.push(super::report::ledger_line(r, l.lang));
    lines
}

fn headers(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| tr(k)).collect()
}

fn summary_sheet(r: &Report, l: &Labels, f: &super::report::Fmt) -> Sheet {
    let mut rows = Vec::new();
    // Beside each attainment, what it rests on (k of n indicators) and the
    // counts; beside the completion rate, the tasks that came due (SPEC §5).
    let row = |section: Value,
               name: String,
               id: Value,
               lead: Value,
               g_att: Option<f64>,
               basis: (u32, u32),
               c: &crate::report::Counts,
               rep: &crate::report::Reports,
               t: &crate::report::TaskCounts| {
        let done = t.done_on_time + t.done_late;
        let mut cells = vec![
            section,
            Value::text(name),
            id,
            lead,
            Value::opt_percent(g_att),
            Value::Number(f64::from(basis.0)),
            Value::Number(f64::from(basis.1)),
        ];
        cells.extend(c.by_status().iter().map(|(_, n)| Value::Number(f64::from(*n))));
        cells.extend([
            Value::Number(f64::from(rep.on_time)),
            Value::Number(f64::from(rep.late)),
            Value::Number(f64::from(rep.missing)),
            Value::Number(f64::from(t.done_on_time)),
            Value::Number(f64::from(t.done_late)),
            Value::Number(f64::from(t.open_in_time)),
            Value::Number(f64::from(t.open_overdue)),
            Value::opt_percent(t.rate),
            Value::Number(f64::from(done)),
            Value::Number(f64::from(done + t.open_overdue)),
        ]);
        cells
    };
    for g in &r.groups {
        rows.push(row(
            Value::text(g.section.clone().unwrap_or_default()),
            g.name.clone(),
            Value::text(g.id.clone()),
            Value::text(g.lead_name.clone().unwrap_or_default()),
            g.attainment,
            (g.rollup_count, g.indicator_count),
            &g.counts,
            &g.reports,
            &g.tasks,
        ));
    }
    rows.push(row(
        Value::Empty,
        tr("workbook-whole-plan"),
        Value::Empty,
        Value::Empty,
        r.attainment,
        (r.rollup_count, r.indicator_count),
        &r.counts,
        &r.reports,
        &r.tasks,
    ));
    let mut keys = vec![
        "workbook-col-section",
        "workbook-col-group",
        "workbook-col-id",
        "workbook-col-lead",
        "workbook-col-attainment",
        "workbook-col-rollup-count",
        "workbook-col-indicator-count",
    ];
    keys.extend(crate::plan::Status::ALL.iter().map(|s| status_column(*s)));
    keys.extend([
        "workbook-col-on-time",
        "workbook-col-late",
        "workbook-col-missing",
        "workbook-col-done-on-time",
        "workbook-col-done-late",
        "workbook-col-open-in-time",
        "workbook-col-open-overdue",
        "workbook-col-completion-rate",
        "workbook-col-tasks-done",
        "workbook-col-tasks-due",
    ]);
    // The headline in words above the table: the percentage with what it
    // rests on and the counts (SPEC §5 "Group roll-up").
    let mut title = heading(r, l);
    title.insert(
        title.len() - 1,
        format!(
            "{}: {}",
            tr("report-plan-totals"),
            super::report::summary_text(r.attainment, r.rollup_count, r.indicator_count, &r.counts, l, f)
        ),
    );
    Sheet { name: tr("workbook-sheet-summary"), title, headers: headers(&keys), rows, wrap: vec![1, 3] }
}

/// The summary sheet's column of the indicators with status `s`.
fn status_column(s: crate::plan::Status) -> &'static str {
    use crate::plan::Status::*;
    match s {
        Exceeded => "workbook-col-exceeded",
        Met => "workbook-col-met",
        NotMet => "workbook-col-not-met",
        NoData => "workbook-col-no-data",
        NoTarget => "workbook-col-no-target",
        Tracked => "workbook-col-tracked",
        OnTrack => "workbook-col-on-track",
        Behind => "workbook-col-behind",
        InProgress => "workbook-col-in-progress",
    }
}

fn group_sheet(r: &Report, g: &GroupReport, l: &Labels, f: &super::report::Fmt) -> Sheet {
    let mut title = heading(r, l);
    title[0] = match &g.section {
        Some(s) => format!("{s} {}", g.name),
        None => g.name.clone(),
    };
    // The group's headline with what it rests on (SPEC §5 "Group roll-up").
    title.insert(
        title.len() - 1,
        format!(
            "{}: {}",
            tr("workbook-group-totals"),
            super::report::summary_text(g.attainment, g.rollup_count, g.indicator_count, &g.counts, l, f)
        ),
    );
    if let Some(lead) = &g.lead_name {
        title.push(crate::tr!("workbook-lead-line", lead = lead.as_str()));
    }
    let rows = g.indicators.iter().enumerate().map(|(k, i)| indicator_row(k + 1, i, r, l, f)).collect();
    Sheet {
        name: group_sheet_name(g),
        title,
        headers: headers(&[
            "workbook-col-stt",
            "workbook-col-id",
            "workbook-col-indicator",
            "workbook-col-unit",
            "workbook-col-value",
            "workbook-col-target",
            "workbook-col-attainment",
            "workbook-col-expected",
            "workbook-col-pace-attainment",
            "workbook-col-progress",
            "workbook-col-status",
            "workbook-col-partial",
            "workbook-col-on-time",
            "workbook-col-late",
            "workbook-col-missing",
            "workbook-col-days-late",
            "workbook-col-days-overdue",
        ]),
        rows,
        wrap: vec![2, 5, 10],
    }
}

/// A group's tab: its section and as many whole words of its name as fit
/// in Excel's 31 characters ("II.1 Phát triển kinh tế tư nhân"), its id
/// when it has neither (made valid and unique when written).
pub fn group_sheet_name(g: &GroupReport) -> String {
    let base = g.section.clone().unwrap_or_default();
    let mut name = base.clone();
    for word in g.name.split_whitespace() {
        let next = if name.is_empty() { word.to_string() } else { format!("{name} {word}") };
        if next.chars().count() > 31 {
            break;
        }
        name = next;
    }
    // A name cut after a dash or comma ends on its last word.
    while name.len() > base.len() && name.ends_with(|c: char| !c.is_alphanumeric() && c != ')') {
        name.pop();
    }
    name = name.trim_end().to_string();
    // No word of the name fitted: the section and the id.
    if name == base {
        name = if base.is_empty() { g.id.clone() } else { format!("{base} {}", g.id) };
    }
    name
}

fn indicator_row(
    n: usize,
    i: &IndicatorReport,
    r: &Report,
    l: &Labels,
    f: &super::report::Fmt,
) -> Vec<Value> {
    let derived = i.derived;
    let count = |x: u32| if derived { Value::Empty } else { Value::Number(f64::from(x)) };
    let days = |x: i64| if derived { Value::Empty } else { Value::Number(x as f64) };
    vec![
        Value::Id(n as i64),
        Value::text(i.id.clone()),
        Value::text(i.name.clone()),
        Value::text(i.unit.clone()),
        Value::opt_number(i.value),
        Value::text(super::report::target_text(i, r, f, l)),
        Value::opt_percent(i.attainment),
        Value::opt_number(i.expected),
        Value::opt_percent(i.pace_attainment),
        Value::opt_percent(i.progress),
        Value::text(super::report::status_text(i, r.year, l, f.style).replace('\n', " ")),
        if i.partial { Value::text(tr("workbook-partial")) } else { Value::Empty },
        count(i.reports.on_time),
        count(i.reports.late),
        count(i.reports.missing),
        days(i.reports.days_late),
        days(i.reports.days_overdue),
    ]
}

fn periods_sheet(r: &Report, l: &Labels) -> Sheet {
    let mut rows = Vec::new();
    for g in &r.groups {
        for i in &g.indicators {
            for p in &i.periods {
                let days = matches!(p.status, PeriodStatus::Late | PeriodStatus::Missing);
                rows.push(vec![
                    Value::text(g.id.clone()),
                    Value::text(i.id.clone()),
                    Value::text(i.name.clone()),
                    Value::text(l.period(p.period)),
                    Value::opt_number(p.value),
                    Value::text(i.unit.clone()),
                    Value::opt_date(p.reported_on),
                    Value::Date(p.due),
                    Value::text(l.period_status(p.status)),
                    if days { Value::Number(p.days as f64) } else { Value::Empty },
                ]);
            }
        }
    }
    Sheet {
        name: tr("workbook-sheet-periods"),
        title: heading(r, l),
        headers: headers(&[
            "workbook-col-group-id",
            "workbook-col-id",
            "workbook-col-indicator",
            "workbook-col-period",
            "workbook-col-value",
            "workbook-col-unit",
            "workbook-col-reported-on",
            "workbook-col-due",
            "workbook-col-status",
            "workbook-col-days",
        ]),
        rows,
        wrap: vec![2],
    }
}

fn tasks_sheet(r: &Report, l: &Labels) -> Sheet {
    let mut rows = Vec::new();
    for g in &r.groups {
        for t in &g.task_list {
            rows.push(vec![
                Value::text(g.id.clone()),
                Value::text(t.id.clone()),
                Value::text(t.name.clone()),
                Value::text(t.lead_name.clone().unwrap_or_default()),
                Value::text(t.deliverable.clone().unwrap_or_default()),
                Value::opt_date(t.due),
                Value::opt_date(t.done_on),
                Value::text(l.task_class(t.class)),
                if t.days > 0 { Value::Number(t.days as f64) } else { Value::Empty },
            ]);
        }
        for t in &g.upcoming {
            rows.push(vec![
                Value::text(g.id.clone()),
                Value::text(t.id.clone()),
                Value::text(t.name.clone()),
                Value::text(t.lead_name.clone().unwrap_or_default()),
                Value::Empty,
                Value::Date(t.due),
                Value::Empty,
                Value::text(tr("workbook-upcoming")),
                Value::Empty,
            ]);
        }
    }
    Sheet {
        name: tr("workbook-sheet-tasks"),
        title: heading(r, l),
        headers: headers(&[
            "workbook-col-group-id",
            "workbook-col-id",
            "workbook-col-task",
            "workbook-col-lead",
            "workbook-col-deliverable",
            "workbook-col-due",
            "workbook-col-done-on",
            "workbook-col-status",
            "workbook-col-days",
        ]),
        rows,
        wrap: vec![2, 4],
    }
}

#[cfg(test)]
mod tests;
