//! What the clerk sees of a sheet beyond its values (SPEC §4.1 "What the
//! clerk cannot see"), which calamine does not say: hidden and filtered-out
//! rows and columns, merged ranges, formula cells whose stored result
//! cannot be trusted, and (for `.ods`) percentage cells. Read in one light
//! pass over the sheet's XML before its cells are read.
//!
//! - `.xlsx`: `<row hidden="1">` (Excel hides filtered-out rows so too),
//!   `<col hidden="1">`, `<mergeCell ref>`, and `<c>` holding an `<f>`
//!   without a `<v>` result; when `xl/workbook.xml` has
//!   `<calcPr fullCalcOnLoad="1">` (written by openpyxl, XlsxWriter, web
//!   exports: "recalculate when opened"), every formula cell's result is
//!   untrusted — such programs store 0 or nothing.
//! - `.ods`: `table:visibility="collapse"` or `"filter"` on rows and
//!   columns, `table:number-rows-spanned`/`-columns-spanned`, a cell with
//!   `table:formula` and no `office:value-type`. OpenDocument has no
//!   "recalculate on load" flag of the file's own.
//! - `.xls`: merged ranges from calamine; hidden rows and columns of the
//!   binary format are not read (README: save as `.xlsx`).
//!
//! Positions are 0-based (row, column), as calamine's.

use quick_xml::events::{BytesStart, Event};
use std::collections::HashSet;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

/// A merged range: its first and last (row, column), inclusive.
pub type Merge = ((u32, u32), (u32, u32));

/// What one sheet shows beyond its values.
#[derive(Debug, Default, Clone)]
pub struct Facts {
    /// Rows hidden or filtered out.
    pub hidden_rows: HashSet<u32>,
    /// Columns hidden, as inclusive ranges.
    pub hidden_cols: Vec<(u32, u32)>,
    pub merges: Vec<Merge>,
    /// Formula cells whose stored result is missing or untrusted.
    pub formulas: HashSet<(u32, u32)>,
    /// The workbook asks to be recalculated when opened: every formula's
    /// result is untrusted.
    pub recalc: bool,
    /// `.ods` percentage cells (calamine reads them as plain numbers).
    pub percent: HashSet<(u32, u32)>,
}

impl Facts {
    /// Whether column `c` is hidden.
    pub fn col_hidden(&self, c: u32) -> bool {
        self.hidden_cols.iter().any(|&(a, b)| (a..=b).contains(&c))
    }
}

/// The most cells one repeated or spanned ODS element stands for here
/// (a repeat of a million blank rows marks nothing).
const MAX_SPAN: u32 = 1 << 14;

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.0 == name).map(|a| a.value.into_owned())
}

fn truthy(v: Option<String>) -> bool {
    matches!(v.as_deref(), Some("1" | "true"))
}

/// `B7` → (6, 1), 0-based.
pub fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r[..letters].bytes().fold(0u32, |n, b| n * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1));
    let row: u32 = r[letters..].parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

/// (6, 1) → `B7`: how a message names a cell.
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        letters.push(b'A' + ((c - 1) % 26) as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

/// The facts of sheet `sheet` of the `.xlsx` at `path`.
pub fn xlsx(path: &Path, sheet: &str) -> anyhow::Result<Facts> {
    let mut zip = zip::ZipArchive::new(BufReader::new(std::fs::File::open(path)?))?;
    let (target, recalc) = xlsx_sheet_path(&mut zip, sheet)?;
    let mut facts = Facts { recalc, ..Facts::default() };
    let Some(target) = target else { return Ok(facts) };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(zip.by_name(&target)?));
    let mut buf = Vec::new();
    let mut row = 0u32;
    // The cell being read: its place, a formula seen, a result seen.
    let mut cell: Option<((u32, u32), bool, bool)> = None;
    let mut col = 0u32;
    let mut in_v = false;
    loop {
        let ev = xml.read_event_into(&mut buf)?;
        let empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => match e.local_name().as_ref() {
                "row" => {
                    if let Some(r) = attr(e, "r").and_then(|r| r.parse::<u32>().ok()) {
                        row = r.saturating_sub(1);
                    }
                    col = 0;
                    if truthy(attr(e, "hidden")) {
                        facts.hidden_rows.insert(row);
                    }
                    if empty {
                        row += 1;
                    }
                }
                "col" if truthy(attr(e, "hidden")) => {
                    let n = |k| attr(e, k).and_then(|v| v.parse::<u32>().ok());
                    if let (Some(a), Some(b)) = (n("min"), n("max")) {
                        facts.hidden_cols.push((a.saturating_sub(1), b.saturating_sub(1)));
                    }
                }
                "c" => {
                    let at = attr(e, "r").and_then(|r| cell_ref(&r)).unwrap_or((row, col));
                    col = at.1 + 1;
                    if !empty {
                        cell = Some((at, false, false));
                    }
                }
                "f" => {
                    if let Some(c) = cell.as_mut() {
                        c.1 = true;
                    }
                }
                "v" | "is" if !empty => {
                    in_v = true;
                    if e.local_name().as_ref() == "is"
                        && let Some(c) = cell.as_mut()
                    {
                        c.2 = true;
                    }
                }
                "mergeCell" => {
                    let range = attr(e, "ref").unwrap_or_default();
                    let (a, b) = range.split_once(':').unwrap_or((&range, &range));
                    if let (Some(a), Some(b)) = (cell_ref(a), cell_ref(b)) {
                        facts.merges.push((a, b));
                    }
                }
                _ => {}
            },
            Event::Text(ref t) if in_v && !t.trim().is_empty() => {
                if let Some(c) = cell.as_mut() {
                    c.2 = true;
                }
            }
            Event::End(ref e) => match e.local_name().as_ref() {
                "v" | "is" => in_v = false,
                "c" => {
                    if let Some((at, formula, result)) = cell.take()
                        && formula
                        && (!result || facts.recalc)
                    {
                        facts.formulas.insert(at);
                    }
                }
                "row" => row += 1,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(facts)
}

/// The zip path of sheet `name`'s XML (from `xl/workbook.xml` and its
/// relationships), and whether the workbook asks to be recalculated when
/// opened (`<calcPr fullCalcOnLoad="1">`).
fn xlsx_sheet_path<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> anyhow::Result<(Option<String>, bool)> {
    let mut rid = None;
    let mut recalc = false;
    {
        let mut xml = quick_xml::Reader::from_reader(BufReader::new(zip.by_name("xl/workbook.xml")?));
        let mut buf = Vec::new();
        loop {
            match xml.read_event_into(&mut buf)? {
                Event::Start(ref e) | Event::Empty(ref e) => match e.local_name().as_ref() {
                    "sheet" if attr(e, "name").is_some_and(|n| unescape(&n) == name) => {
                        rid = e
                            .attributes()
                            .flatten()
                            .find(|a| a.key.local_name().as_ref() == "id")
                            .map(|a| a.value.into_owned());
                    }
                    "calcPr" => recalc = truthy(attr(e, "fullCalcOnLoad")),
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
    }
    let Some(rid) = rid else { return Ok((None, recalc)) };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(zip.by_name("xl/_rels/workbook.xml.rels")?));
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf)? {
            Event::Start(ref e) | Event::Empty(ref e)
                if e.local_name().as_ref() == "Relationship" && attr(e, "Id").as_deref() == Some(&rid) =>
            {
                let target = attr(e, "Target").unwrap_or_default();
                let path = match target.strip_prefix('/') {
                    Some(abs) => abs.to_string(),
                    None => format!("xl/{target}"),
                };
                return Ok((Some(path), recalc));
            }
            Event::Eof => return Ok((None, recalc)),
            _ => {}
        }
        buf.clear();
    }
}

/// The five XML entities (a sheet name may hold `&`).
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The facts of the sheet at `index` (0-based, in document order) of the
/// `.ods` at `path`.
pub fn ods(path: &Path, index: usize) -> anyhow::Result<Facts> {
    let mut zip = zip::ZipArchive::new(BufReader::new(std::fs::File::open(path)?))?;
    let content = BufReader::new(zip.by_name("content.xml")?);
    let mut xml = quick_xml::Reader::from_reader(content);
    let mut buf = Vec::new();
    let mut facts = Facts::default();
    let mut table: Option<usize> = None;
    let mut tables = 0usize;
    let (mut row, mut col, mut cols, mut rows_repeated) = (0u32, 0u32, 0u32, 1u32);
    let repeat = |e: &BytesStart<'_>, name: &str| -> u32 {
        attr(e, name).and_then(|v| v.parse().ok()).unwrap_or(1).max(1)
    };
    let hidden =
        |e: &BytesStart<'_>| matches!(attr(e, "table:visibility").as_deref(), Some("collapse" | "filter"));
    loop {
        let ev = xml.read_event_into(&mut buf)?;
        let empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => match e.name().0 {
                "table:table" => {
                    table = Some(tables);
                    tables += 1;
                    row = 0;
                    cols = 0;
                }
                "table:table-column" if table == Some(index) => {
                    let n = repeat(e, "table:number-columns-repeated");
                    if hidden(e) {
                        facts.hidden_cols.push((cols, cols.saturating_add(n - 1)));
                    }
                    cols = cols.saturating_add(n);
                }
                "table:table-row" if table == Some(index) => {
                    col = 0;
                    rows_repeated = repeat(e, "table:number-rows-repeated");
                    if hidden(e) {
                        for k in 0..rows_repeated.min(MAX_SPAN) {
                            facts.hidden_rows.insert(row + k);
                        }
                    }
                    if empty {
                        row = row.saturating_add(rows_repeated);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" if table == Some(index) => {
                    let n = repeat(e, "table:number-columns-repeated");
                    let value_type = attr(e, "office:value-type");
                    if value_type.as_deref() == Some("percentage") {
                        for k in 0..n.min(MAX_SPAN) {
                            facts.percent.insert((row, col + k));
                        }
                    }
                    if attr(e, "table:formula").is_some() && value_type.is_none() {
                        facts.formulas.insert((row, col));
                    }
                    let span = |k| repeat(e, k).min(MAX_SPAN);
                    let (down, across) =
                        (span("table:number-rows-spanned"), span("table:number-columns-spanned"));
                    if down > 1 || across > 1 {
                        facts.merges.push(((row, col), (row + down - 1, col + across - 1)));
                    }
                    col = col.saturating_add(n);
                }
                _ => {}
            },
            Event::End(ref e) => match e.name().0 {
                "table:table" => {
                    if table == Some(index) {
                        break;
                    }
                    table = None;
                }
                // A repeated row is as many rows (its cells are blank in
                // practice: repeats are how ODS stores gaps).
                "table:table-row" if table == Some(index) => row = row.saturating_add(rows_repeated),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(facts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names_both_ways() {
        for (name, at) in
            [("A1", (0, 0)), ("D7", (6, 3)), ("Z10", (9, 25)), ("AA2", (1, 26)), ("XFD3", (2, 16383))]
        {
            assert_eq!(cell_ref(name), Some(at), "{name}");
            assert_eq!(cell_name(at.0, at.1), name);
        }
        assert_eq!(cell_ref("7"), None);
        assert_eq!(cell_ref("A0"), None);
    }
}
