//! Workbooks read directly (SPEC §4.1 "Files", "Cells"): `.xlsx` (and
//! `.xlsm`), `.xls` and `.ods`, through `calamine`.
//!
//! What this module owns: finding the sheet (the first visible worksheet,
//! or `--sheet NAME`, which may name a hidden one but no chart sheet),
//! skipping the title rows above the header, and turning every cell into a
//! typed [`Cell`] as the spreadsheet holds it, never through text:
//!
//! - a number cell is [`Cell::Number`], at the 15 significant digits a
//!   spreadsheet shows (`input::number::as_shown`: 114.99999999999999 is
//!   115); one whose number format shows a percentage (`0.0%`) is
//!   [`Cell::Percent`], as shown (0.102 → 10.2);
//! - a date or date-time cell is [`Cell::Date`] (the time dropped);
//! - a formula cell is its stored value, typed as above, when that value
//!   can be trusted; one without a stored value, or in a workbook that asks
//!   to be recalculated when opened, is refused by [`run`] naming the cell
//!   (in a column that is read);
//! - a text cell is [`Cell::Text`], also when it holds a number typed as
//!   text (`'1.234,5`): the row checker reads it by the plan's number rules;
//! - a logical or error cell is [`Cell::Text`] as the spreadsheet shows it
//!   (`TRUE`, `#DIV/0!`), which the checker refuses where it wants a number.
//!
//! The header is the first row in which more than half of the filled cells
//! are column names the caller knows (`is_column`): title rows (`BÁO CÁO SỐ
//! LIỆU QUÝ 3/2027`, a blank line) above it are skipped. Rows are numbered
//! as the sheet shows them (1 is the first row), so that a message can say
//! `so-lieu.xlsx:Sheet1!12`. Blank rows are skipped. What the clerk sees
//! beyond the values comes from [`facts`]: a value merged down several rows
//! is each row's; hidden or filtered-out rows and columns go as
//! [`Hidden`] (`--hidden`) says.
//!
//! [`read`] hands the header and the rows to a callback; [`run`] is the
//! import: it feeds them to the one row checker of the batch
//! ([`Batch`](super::Batch)), which owns every rule about the cells (a
//! period cell that the spreadsheet turned into a date is refused there,
//! with that explanation).
//!
//! Invariants: an `.xlsx` sheet is streamed cell by cell (memory holds one
//! row, not the sheet); `.xls` and `.ods` sheets are read whole by
//! calamine. Percent formats are read from the workbook's styles for
//! `.xlsx`, and from the cell's value type (`percentage`) for `.ods`;
//! `.xls` files carry no such information that calamine exposes, so a
//! percent cell there reads as its fraction (README: save as `.xlsx`).

use super::cell::Cell;
use anyhow::Result;
use calamine::{Data, DataRef, Ods, Reader, Xls, Xlsx};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Seek};
use std::path::Path;

/// The kinds of workbook `plan import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Office Open XML (`.xlsx`, `.xlsm`).
    Xlsx,
    /// The Excel 97–2003 binary format (`.xls`).
    Xls,
    /// OpenDocument spreadsheet (`.ods`).
    Ods,
}

impl Kind {
    /// The kind a file name says (its extension, any case), if a workbook.
    pub fn from_path(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" | "xlsm" => Some(Kind::Xlsx),
            "xls" => Some(Kind::Xls),
            "ods" => Some(Kind::Ods),
            _ => None,
        }
    }

    /// The kind the first bytes of a file say (`head`: some kilobytes):
    /// the OLE2 signature is `.xls`; a zip is `.ods` when it names the
    /// OpenDocument spreadsheet type, `.xlsx` when it holds an `xl/`
    /// folder, else what its name says. `None` for anything else: text, or
    /// a zip that is no workbook (the CSV reader says what it is).
    pub fn sniff(head: &[u8], path: &Path) -> Option<Kind> {
        const ZIP: &[u8] = b"PK\x03\x04";
        const OLE2: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
        let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
        if head.starts_with(OLE2) {
            Some(Kind::Xls)
        } else if !head.starts_with(ZIP) {
            None
        } else if has(b"application/vnd.oasis.opendocument.spreadsheet") {
            Some(Kind::Ods)
        } else if has(b"xl/") {
            Some(Kind::Xlsx)
        } else {
            Kind::from_path(path).filter(|k| *k != Kind::Xls)
        }
    }
}

/// What the reader hands the caller, in sheet order.
#[derive(Debug)]
pub enum Item<'r, 'c> {
    /// The header row: the sheet's name, the row's number and the text of
    /// each cell from column A (an empty string for an empty or non-text
    /// cell).
    Header {
        sheet: &'r str,
        row: u32,
        names: &'r [String],
        /// The columns (0-based) among `names` that are hidden.
        hidden: &'r [usize],
        /// The workbook asks to be recalculated when opened: formula
        /// results are untrusted.
        recalc: bool,
    },
    /// A data row below the header that is not blank: its row number and
    /// its cells from column A, as wide as the widest of it and the header
    /// (a value shown across merged cells in each cell of the range).
    Row {
        row: u32,
        cells: &'r [Cell<'c>],
        /// Hidden or filtered out.
        hidden: bool,
        /// The columns (0-based) of formula cells whose stored result is
        /// missing or untrusted.
        formulas: &'r [u32],
    },
}

/// What was read: the sheet's name (for row labels such as `Sheet1!12`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRead {
    pub sheet: String,
    /// The row number of the header.
    pub header_row: u32,
    /// Data rows handed over (blank rows not counted).
    pub rows: u64,
}

/// Why a workbook cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    #[error("{}", crate::tr!("workbook-no-sheet", sheet = .wanted.as_str(), sheets = .sheets.join(", ")))]
    NoSuchSheet { wanted: String, sheets: Vec<String> },
    #[error("{}", crate::tr!("workbook-empty"))]
    NoSheets,
    /// No visible worksheet (only hidden sheets or chart sheets).
    #[error("{}", crate::tr!("workbook-no-visible-sheet", sheets = .sheets.join(", ")))]
    NoVisibleSheet { sheets: Vec<String> },
    /// `--sheet` names a chart sheet.
    #[error("{}", crate::tr!("workbook-chart-sheet", sheet = .0.as_str()))]
    ChartSheet(String),
    /// No header row, and a cell above where it should be holds text
    /// typed in a legacy Vietnamese font (the header, likely).
    #[error("{}", crate::tr!("workbook-no-header-legacy", sheet = .sheet.as_str(), cell = .cell.as_str(), message = .message.as_str()))]
    LegacyHeader { sheet: String, cell: String, message: String },
    /// The workbook is encrypted (a password to open it).
    #[error("{}", crate::tr!("import-file-encrypted"))]
    Encrypted,
    #[error("{}", crate::tr!("workbook-no-header", sheet = .sheet.as_str()))]
    NoHeader { sheet: String },
    #[error("{}", crate::tr!("workbook-unreadable", detail = .0.as_str()))]
    Unreadable(String),
    /// The header row has problems (unknown or repeated columns…).
    #[error("{}", .problems.join("; "))]
    BadHeader { sheet: String, row: u32, problems: Vec<String> },
}

/// Reads the sheet `sheet` (the first when `None`) of the workbook at
/// `path`, of kind `kind`, handing `f` the header and then every data row.
/// `is_column` tells a column name the importer knows (it finds the
/// header). An error of `f` stops the reading and is returned.
pub fn read(
    path: &Path,
    kind: Kind,
    sheet: Option<&str>,
    is_column: &dyn Fn(&str) -> bool,
    mut f: impl FnMut(Item<'_, '_>) -> Result<()>,
) -> Result<SheetRead> {
    let file = BufReader::new(File::open(path)?);
    let unreadable = |e: &dyn std::fmt::Display| WorkbookError::Unreadable(e.to_string());
    match kind {
        Kind::Xlsx => {
            let mut wb = Xlsx::new(file).map_err(|e| match e {
                calamine::XlsxError::Password => WorkbookError::Encrypted,
                e => unreadable(&e),
            })?;
            let name = pick_sheet(wb.sheets_metadata(), sheet)?;
            let facts = facts::xlsx(path, &name).map_err(|e| unreadable(&e))?;
            read_xlsx(&mut wb, &name, &facts, is_column, &mut f)
        }
        Kind::Xls => {
            let mut wb = Xls::new(file).map_err(|e| match e {
                calamine::XlsError::Password => WorkbookError::Encrypted,
                e => unreadable(&e),
            })?;
            let name = pick_sheet(wb.sheets_metadata(), sheet)?;
            let range = wb.worksheet_range(&name).map_err(|e| unreadable(&e))?;
            let merges = wb.merge_cells_by_sheet_name(&name).map_err(|e| unreadable(&e))?;
            let mut facts = facts::Facts {
                merges: merges.iter().map(|d| (d.start, d.end)).collect(),
                ..Default::default()
            };
            let index = wb.sheet_names().iter().position(|n| *n == name).unwrap_or(0);
            biff::hidden(&std::fs::read(path)?, index, &mut facts);
            read_range(&range, &name, &facts, is_column, &mut f)
        }
        Kind::Ods => {
            let mut wb = Ods::new(file).map_err(|e| unreadable(&e))?;
            let name = pick_sheet(wb.sheets_metadata(), sheet)?;
            let index = wb.sheet_names().iter().position(|n| *n == name).unwrap_or(0);
            let range = wb.worksheet_range(&name).map_err(|e| unreadable(&e))?;
            let facts = facts::ods(path, index).map_err(|e| unreadable(&e))?;
            read_range(&range, &name, &facts, is_column, &mut f)
        }
    }
}

/// The sheet to read (SPEC §4.1): `wanted` (any sheet, hidden ones too,
/// but no chart sheet), else the first visible worksheet.
fn pick_sheet(sheets: &[calamine::Sheet], wanted: Option<&str>) -> Result<String, WorkbookError> {
    use calamine::{SheetType, SheetVisible};
    let names = || sheets.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    match wanted {
        None => {
            if sheets.is_empty() {
                return Err(WorkbookError::NoSheets);
            }
            sheets
                .iter()
                .find(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
                .map(|s| s.name.clone())
                .ok_or_else(|| WorkbookError::NoVisibleSheet { sheets: names() })
        }
        Some(w) => {
            // Exact first, then without regard to case and spacing.
            let loose = |s: &str| s.trim().to_lowercase();
            let found = sheets
                .iter()
                .find(|s| s.name == w)
                .or_else(|| sheets.iter().find(|s| loose(&s.name) == loose(w)));
            match found {
                Some(s) if s.typ == SheetType::ChartSheet => Err(WorkbookError::ChartSheet(s.name.clone())),
                Some(s) => Ok(s.name.clone()),
                None => Err(WorkbookError::NoSuchSheet { wanted: w.to_string(), sheets: names() }),
            }
        }
    }
}

fn read_xlsx<RS: std::io::Read + Seek>(
    wb: &mut Xlsx<RS>,
    sheet: &str,
    facts: &facts::Facts,
    is_column: &dyn Fn(&str) -> bool,
    f: &mut dyn FnMut(Item<'_, '_>) -> Result<()>,
) -> Result<SheetRead> {
    let mut cells = wb.worksheet_cells_reader(sheet).map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    // Which styles of the palette show a percentage.
    let percent: Vec<bool> = cells
        .styles()
        .iter()
        .map(|s| s.number_format.as_ref().is_some_and(|n| is_percent_format(&n.format_code)))
        .collect();
    let mut rows = Rows::new(sheet, facts, is_column);
    while let Some((cell, style)) =
        cells.next_cell_with_style_id().map_err(|e| WorkbookError::Unreadable(e.to_string()))?
    {
        let (r, c) = cell.get_position();
        let typed = from_data_ref(cell.get_value(), percent.get(style).copied().unwrap_or(false));
        rows.put(r, c, typed, f)?;
    }
    rows.finish(f)
}

fn read_range(
    range: &calamine::Range<Data>,
    sheet: &str,
    facts: &facts::Facts,
    is_column: &dyn Fn(&str) -> bool,
    f: &mut dyn FnMut(Item<'_, '_>) -> Result<()>,
) -> Result<SheetRead> {
    let percent = &facts.percent;
    let mut rows = Rows::new(sheet, facts, is_column);
    for (r, c, data) in range.used_cells() {
        let (r, c) =
            (r as u32 + range.start().map_or(0, |s| s.0), c as u32 + range.start().map_or(0, |s| s.1));
        rows.put(r, c, from_data(data, percent.contains(&(r, c))), f)?;
    }
    rows.finish(f)
}

/// Whether an Excel number format shows its number as a percentage: a `%`
/// outside quotes and escapes, in the format's first (positive) section.
pub fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for ch in code.chars() {
        match ch {
            _ if escaped => escaped = false,
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => escaped = true,
            ';' => return false,
            '%' => return true,
            _ => {}
        }
    }
    false
}

fn number(x: f64, percent: bool) -> Cell<'static> {
    use crate::input::number::as_shown;
    if percent { Cell::Percent(as_shown(x * 100.0)) } else { Cell::Number(as_shown(x)) }
}

fn from_data_ref<'a>(d: &DataRef<'a>, percent: bool) -> Cell<'a> {
    match d {
        DataRef::Int(i) => number(*i as f64, percent),
        DataRef::Float(x) => number(*x, percent),
        DataRef::String(s) => text(Cow::Owned(s.clone())),
        DataRef::SharedString(s) => text(Cow::Borrowed(s)),
        DataRef::Bool(b) => Cell::Text(Cow::Borrowed(if *b { "TRUE" } else { "FALSE" })),
        DataRef::DateTime(dt) => date_time(dt),
        DataRef::DateTimeIso(s) => owned(iso_date(s)),
        DataRef::DurationIso(s) => Cell::Text(Cow::Owned(s.clone())),
        DataRef::Error(e) => Cell::Text(Cow::Owned(e.to_string())),
        DataRef::Empty => Cell::Empty,
    }
}

fn from_data(d: &Data, percent: bool) -> Cell<'_> {
    match d {
        Data::Int(i) => number(*i as f64, percent),
        Data::Float(x) => number(*x, percent),
        Data::String(s) => text(Cow::Borrowed(s)),
        Data::Bool(b) => Cell::Text(Cow::Borrowed(if *b { "TRUE" } else { "FALSE" })),
        Data::DateTime(dt) => date_time(dt),
        Data::DateTimeIso(s) => iso_date(s),
        Data::DurationIso(s) => Cell::Text(Cow::Borrowed(s)),
        Data::Error(e) => Cell::Text(Cow::Owned(e.to_string())),
        Data::Empty => Cell::Empty,
    }
}

/// A text cell; only spaces is an empty one.
fn text(s: Cow<'_, str>) -> Cell<'_> {
    if s.trim().is_empty() { Cell::Empty } else { Cell::Text(s) }
}

fn date_time(dt: &calamine::ExcelDateTime) -> Cell<'static> {
    match dt.as_datetime() {
        Some(d) if dt.is_datetime() => Cell::Date(d.date()),
        // A duration (`[h]:mm`): no date; shown as its number.
        _ => Cell::Number(dt.as_f64()),
    }
}

/// An OpenDocument date (`2026-04-08` or `2026-04-08T10:30:00`).
fn iso_date(s: &str) -> Cell<'_> {
    let day = s.get(..10).unwrap_or(s);
    match NaiveDate::parse_from_str(day, "%Y-%m-%d") {
        Ok(d) => Cell::Date(d),
        Err(_) => Cell::Text(Cow::Borrowed(s)),
    }
}

/// The text of a header cell (numbers and dates are no column names).
fn header_text(c: &Cell<'_>) -> String {
    match c {
        Cell::Text(s) => s.trim().to_string(),
        _ => String::new(),
    }
}

/// Assembles cells, given in row-major order, into rows; finds the header;
/// fills merged ranges and marks hidden rows and untrusted formula cells
/// from the sheet's [`facts::Facts`].
struct Rows<'s> {
    sheet: &'s str,
    facts: &'s facts::Facts,
    is_column: &'s dyn Fn(&str) -> bool,
    /// The 0-based row being filled, and its cells from column A.
    at: Option<u32>,
    cells: Vec<Cell<'static>>,
    header: Option<(u32, Vec<String>)>,
    rows: u64,
    /// Merged ranges by first row; the next one to meet; those met that
    /// have rows left; the value of each met range's first cell.
    merges: Vec<facts::Merge>,
    next_merge: usize,
    active: Vec<facts::Merge>,
    anchors: HashMap<(u32, u32), Cell<'static>>,
    /// Untrusted formula cells by row: their columns.
    formulas: HashMap<u32, Vec<u32>>,
    /// Before the header: the first cell typed in a legacy font, and why.
    legacy: Option<(String, String)>,
}

/// The widest a merged range is filled (a title merged across every column
/// of the sheet is no data).
const MAX_MERGE_WIDTH: u32 = 1 << 10;

impl<'s> Rows<'s> {
    fn new(sheet: &'s str, facts: &'s facts::Facts, is_column: &'s dyn Fn(&str) -> bool) -> Self {
        let mut merges = facts.merges.clone();
        merges.sort_unstable();
        let mut formulas: HashMap<u32, Vec<u32>> = HashMap::new();
        for &(r, c) in &facts.formulas {
            formulas.entry(r).or_default().push(c);
        }
        formulas.values_mut().for_each(|v| v.sort_unstable());
        Rows {
            sheet,
            facts,
            is_column,
            at: None,
            cells: Vec::new(),
            header: None,
            rows: 0,
            merges,
            next_merge: 0,
            active: Vec::new(),
            anchors: HashMap::new(),
            formulas,
            legacy: None,
        }
    }

    fn put(
        &mut self,
        r: u32,
        c: u32,
        cell: Cell<'_>,
        f: &mut dyn FnMut(Item<'_, '_>) -> Result<()>,
    ) -> Result<()> {
        if self.at != Some(r) {
            self.flush(f)?;
            self.at = Some(r);
        }
        if matches!(cell, Cell::Empty) {
            return Ok(());
        }
        let c = c as usize;
        if self.cells.len() <= c {
            self.cells.resize(c + 1, Cell::Empty);
        }
        self.cells[c] = owned(cell);
        Ok(())
    }

    /// The value of each merged range over row `r` in each of its cells, as
    /// the clerk sees it (SPEC §4.1): a group label merged down several
    /// rows is each row's. A range within one row (a title, or a section
    /// label such as `I. Kinh tế` across the table) is one label, read in
    /// its first cell as before.
    fn fill_merged(&mut self, r: u32) {
        while let Some(&m) = self.merges.get(self.next_merge).filter(|m| m.0.0 <= r) {
            if m.1.0 > m.0.0 {
                self.active.push(m);
            }
            self.next_merge += 1;
        }
        if self.active.is_empty() {
            return;
        }
        for &((r0, c0), (r1, c1)) in &self.active {
            let value = if r == r0 {
                let v = self.cells.get(c0 as usize).cloned().unwrap_or_default();
                self.anchors.insert((r0, c0), v.clone());
                v
            } else {
                self.anchors.get(&(r0, c0)).cloned().unwrap_or_default()
            };
            if matches!(value, Cell::Empty) || r > r1 {
                continue;
            }
            let last = c1.min(c0 + MAX_MERGE_WIDTH) as usize;
            if self.cells.len() <= last {
                self.cells.resize(last + 1, Cell::Empty);
            }
            for c in c0 as usize..=last {
                if matches!(self.cells[c], Cell::Empty) {
                    self.cells[c] = value.clone();
                }
            }
        }
        let anchors = &mut self.anchors;
        self.active.retain(|&((r0, c0), (r1, _))| {
            let left = r1 > r;
            if !left {
                anchors.remove(&(r0, c0));
            }
            left
        });
    }

    fn flush(&mut self, f: &mut dyn FnMut(Item<'_, '_>) -> Result<()>) -> Result<()> {
        let Some(r) = self.at.take() else { return Ok(()) };
        let row = r + 1;
        self.fill_merged(r);
        let formulas = self.formulas.get(&r).map_or(&[][..], Vec::as_slice);
        if self.cells.iter().all(|c| matches!(c, Cell::Empty)) && formulas.is_empty() {
            self.cells.clear();
            return Ok(());
        }
        match &self.header {
            None => {
                let names: Vec<String> = self.cells.iter().map(header_text).collect();
                let filled = self.cells.iter().filter(|c| !matches!(c, Cell::Empty)).count();
                let known = names.iter().filter(|n| !n.is_empty() && (self.is_column)(n)).count();
                if known * 2 <= filled && self.legacy.is_none() {
                    // A header typed in `.VnTime` names no column: say why.
                    self.legacy = self.cells.iter().enumerate().find_map(|(c, cell)| match cell {
                        Cell::Text(t) => {
                            crate::input::legacy::check(t).err().map(|m| (facts::cell_name(r, c as u32), m))
                        }
                        _ => None,
                    });
                }
                if known * 2 > filled {
                    let hidden: Vec<usize> =
                        (0..names.len()).filter(|&i| self.facts.col_hidden(i as u32)).collect();
                    let recalc = self.facts.recalc;
                    f(Item::Header { sheet: self.sheet, row, names: &names, hidden: &hidden, recalc })?;
                    self.header = Some((row, names));
                }
            }
            Some((_, names)) => {
                if self.cells.len() < names.len() {
                    self.cells.resize(names.len(), Cell::Empty);
                }
                self.rows += 1;
                let hidden = self.facts.hidden_rows.contains(&r);
                f(Item::Row { row, cells: &self.cells, hidden, formulas })?;
            }
        }
        self.cells.clear();
        Ok(())
    }

    fn finish(mut self, f: &mut dyn FnMut(Item<'_, '_>) -> Result<()>) -> Result<SheetRead> {
        self.flush(f)?;
        match self.header {
            Some((header_row, _)) => {
                Ok(SheetRead { sheet: self.sheet.to_string(), header_row, rows: self.rows })
            }
            None => Err(match self.legacy {
                Some((cell, message)) => {
                    WorkbookError::LegacyHeader { sheet: self.sheet.to_string(), cell, message }
                }
                None => WorkbookError::NoHeader { sheet: self.sheet.to_string() },
            }
            .into()),
        }
    }
}

/// A cell that owns its text (a row outlives the reader's buffers).
fn owned(c: Cell<'_>) -> Cell<'static> {
    match c {
        Cell::Text(s) => Cell::Text(Cow::Owned(s.into_owned())),
        Cell::Empty => Cell::Empty,
        Cell::Number(x) => Cell::Number(x),
        Cell::Percent(x) => Cell::Percent(x),
        Cell::Date(d) => Cell::Date(d),
    }
}

/// What to do with rows and columns that are hidden or filtered out
/// (SPEC §4.1, `--hidden`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Hidden {
    /// Refuse them, listed (the default: nothing unseen is read silently).
    #[default]
    Refuse,
    /// Leave them out (counted in the summary).
    Skip,
    /// Read them like the rest.
    Include,
}

/// Imports the sheet (SPEC §4.1) through the one row checker
/// ([`Batch`](super::Batch)), as the CSV reader does: the header's aliases
/// and ignored columns are [`header::parse`](super::header::parse)'s, rows
/// are labelled `Sheet1!12`, the batch's hash is the file's bytes'. A
/// value under no header (or right of the header) is the row's error; so
/// is a formula cell without a trustworthy result in a column that is
/// read; hidden rows and columns go as `hidden` says.
pub fn run(
    plan: &crate::plan::Plan,
    path: &Path,
    kind: Kind,
    sheet: Option<&str>,
    hidden: Hidden,
    opts: &super::Options,
    known: super::Known,
    mut push: impl FnMut(&crate::ledger::NewEntry) -> Result<()>,
) -> Result<super::Outcome> {
    use super::header::{self, COLS, Col};
    use super::{At, Batch};
    use std::sync::Arc;

    let sha256 = super::sha256(File::open(path)?)?;
    /// The batch, once the header is read, and how to pick a row's cells.
    struct Reading<'p, 'o> {
        batch: Batch<'p, 'o>,
        sheet: Arc<str>,
        /// The sheet column of each `Col`.
        at_of: [Option<usize>; COLS],
        /// Columns whose cells must be empty: under no header, or right
        /// of the header.
        unnamed: Vec<usize>,
        /// Hidden columns left out (`--hidden skip`).
        dropped: Vec<usize>,
        width: usize,
        recalc: bool,
        skipped_hidden: u64,
    }
    let mut reading: Option<Reading<'_, '_>> = None;
    let mut known = Some(known);
    let is_column = |name: &str| header::column_of(name).is_some();
    let read = read(path, kind, sheet, &is_column, |item| {
        match item {
            Item::Header { sheet, row, names, hidden: hidden_cols, recalc } => {
                let bad = |problems| WorkbookError::BadHeader { sheet: sheet.to_string(), row, problems };
                let mut names = names.to_vec();
                let mut dropped = Vec::new();
                let mut problems = Vec::new();
                for &i in hidden_cols {
                    match hidden {
                        Hidden::Include => {}
                        Hidden::Skip => {
                            names[i].clear();
                            dropped.push(i);
                        }
                        // A hidden column that is read (an ignored or
                        // empty one does no harm).
                        Hidden::Refuse if matches!(header::column_of(&names[i]), Some(Some(_))) => {
                            let column = facts::cell_name(0, i as u32).trim_end_matches('1').to_string();
                            problems.push(crate::tr!(
                                "workbook-column-hidden",
                                column = column,
                                name = names[i].as_str()
                            ));
                        }
                        Hidden::Refuse => {}
                    }
                }
                if !problems.is_empty() {
                    return Err(bad(problems).into());
                }
                let h = header::parse(names.iter().map(|n| (!n.is_empty()).then_some(n.as_str())))
                    .map_err(|b| bad(b.problems))?;
                reading = Some(Reading {
                    at_of: Col::ALL.map(|c| h.get(c)),
                    unnamed: h.unnamed.iter().copied().filter(|i| !dropped.contains(i)).collect(),
                    dropped,
                    width: names.len(),
                    recalc,
                    skipped_hidden: 0,
                    sheet: Arc::from(sheet),
                    batch: Batch::new(plan, opts, h, known.take().unwrap_or_default()),
                });
            }
            Item::Row { row, cells, hidden: row_hidden, formulas } => {
                let Some(r) = reading.as_mut() else { return Ok(()) };
                let at = At::sheet(r.sheet.clone(), u64::from(row));
                if row_hidden {
                    match hidden {
                        Hidden::Refuse => {
                            r.batch.bad_row(at, crate::tr!("workbook-row-hidden"));
                            return Ok(());
                        }
                        Hidden::Skip => {
                            r.skipped_hidden += 1;
                            return Ok(());
                        }
                        Hidden::Include => {}
                    }
                }
                let read_col = |i: usize| r.at_of.contains(&Some(i));
                for (i, c) in cells.iter().enumerate() {
                    if !matches!(c, Cell::Empty)
                        && !r.dropped.contains(&i)
                        && (i >= r.width || r.unnamed.contains(&i))
                    {
                        r.batch.cell_error(i, crate::tr!("import-cell-unnamed", n = (i + 1).to_string()));
                    }
                }
                for &c in formulas {
                    let i = c as usize;
                    if read_col(i) || (!r.dropped.contains(&i) && (i >= r.width || r.unnamed.contains(&i))) {
                        let cell = facts::cell_name(row - 1, c);
                        let key =
                            if r.recalc { "workbook-formula-recalc" } else { "workbook-formula-no-result" };
                        r.batch.cell_error(i, crate::tr!(key, cell = cell));
                    }
                }
                let dropped = &r.dropped;
                let row_cells: super::Cells<'_> = r.at_of.map(|a| {
                    a.filter(|i| !dropped.contains(i))
                        .and_then(|i| cells.get(i))
                        .cloned()
                        .unwrap_or(Cell::Empty)
                });
                r.batch.row(at, &row_cells, &mut push)?;
            }
        }
        Ok(())
    })?;
    let Some(Reading { batch: b, skipped_hidden, .. }) = reading else {
        return Err(WorkbookError::NoHeader { sheet: sheet.unwrap_or_default().to_string() }.into());
    };
    let mut outcome = b.finish();
    outcome.sha256 = sha256;
    outcome.sheet = Some(read.sheet);
    outcome.skipped_hidden = skipped_hidden;
    Ok(outcome)
}

mod biff;
pub mod facts;

#[cfg(test)]
mod tests;
