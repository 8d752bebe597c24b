//! What the clerk sees of a sheet beyond its values (SPEC §4.1 "What the
//! clerk cannot see"), which calamine does not say: hidden and filtered-out
//! rows and columns, merged ranges, formula cells whose stored result
//! cannot be trusted, and (for `.ods`) percentage cells. Read in one light
//! pass over the sheet's XML before its cells are read (for `.xlsx` a
//! scan tag by tag that parses only the tags it needs: it costs the
//! sheet's decompression again, some 15 % of an import's CPU).
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
//! - `.xls`: merged ranges from calamine; hidden rows and columns from the
//!   BIFF records (`biff.rs`). Cached formula results are what Excel
//!   saved (a BIFF file asks for no recalculation that this reader sees).
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
    if let Some(target) = target {
        scan_sheet(zip.by_name(&target)?, &mut facts, CHUNK)?;
    }
    Ok(facts)
}

/// The bytes of the sheet XML held at a time (a tag or a cell's text that
/// does not fit is read on into a larger buffer).
const CHUNK: usize = 1 << 18;

/// One pass over a worksheet's XML, tag by tag, without parsing what it
/// does not need (a sheet's cells are most of the file, and only those with
/// a formula matter): the rows and columns marked hidden, the merged
/// ranges, the formula cells without a result (every formula cell when
/// `facts.recalc`). Memory: one chunk, not the sheet.
fn scan_sheet(mut xml: impl Read, facts: &mut Facts, chunk: usize) -> anyhow::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(chunk);
    let mut at = 0;
    let mut eof = false;
    let mut row: Option<u32> = None;
    let mut col = 0u32;
    // The cell being read: a formula seen, a result seen, its `r`.
    let mut cell: Option<(bool, bool)> = None;
    let mut cell_r = String::new();
    loop {
        // The next tag, whole; with a `<v>`, the text after it too.
        let Some(lt) = memchr::memchr(b'<', &buf[at..]).map(|i| at + i) else {
            if eof {
                return Ok(());
            }
            buf.clear();
            at = 0;
            eof = fill(&mut xml, &mut buf, chunk)?;
            continue;
        };
        let gt = memchr::memchr(b'>', &buf[lt..]).map(|i| lt + i);
        let text_end = gt.and_then(|gt| memchr::memchr(b'<', &buf[gt..]).map(|i| gt + i));
        let Some(gt) = gt.filter(|_| text_end.is_some() || eof) else {
            if eof {
                return Ok(());
            }
            buf.drain(..lt);
            at = 0;
            eof = fill(&mut xml, &mut buf, chunk)?;
            continue;
        };
        let tag = &buf[lt + 1..gt];
        at = gt + 1;
        let closing = tag.first() == Some(&b'/');
        let named = &tag[usize::from(closing)..];
        let name_end = named
            .iter()
            .position(|b| matches!(b, b' ' | b'/' | b'\t' | b'\r' | b'\n'))
            .unwrap_or(named.len());
        let name = &named[..name_end];
        // `x:c` as `c`.
        let name = name.iter().rposition(|&b| b == b':').map_or(name, |i| &name[i + 1..]);
        let empty = tag.last() == Some(&b'/');
        let value = |key: &[u8]| -> Option<&str> {
            let mut from = 0;
            while let Some(i) = memchr::memmem::find(&tag[from..], key) {
                let i = from + i;
                let before = i.checked_sub(1).map(|j| tag[j]);
                let rest = &tag[i + key.len()..];
                if matches!(before, Some(b' ' | b'\t' | b'\r' | b'\n')) && rest.first() == Some(&b'=') {
                    let quote = *rest.get(1)?;
                    let body = &rest[2..];
                    let end = memchr::memchr(quote, body)?;
                    return std::str::from_utf8(&body[..end]).ok();
                }
                from = i + 1;
            }
            None
        };
        let truthy = |v: Option<&str>| matches!(v, Some("1" | "true"));
        match (closing, name) {
            (false, b"c") => {
                cell_r.clear();
                cell_r.push_str(value(b"r").unwrap_or_default());
                col += 1;
                cell = (!empty).then_some((false, false));
            }
            (false, b"f") => {
                if let Some(c) = cell.as_mut() {
                    c.0 = true;
                }
            }
            (false, b"v" | b"t") if !empty => {
                let text = &buf[at..text_end.unwrap_or(buf.len())];
                if let Some(c) = cell.as_mut()
                    && !text.trim_ascii().is_empty()
                {
                    c.1 = true;
                }
            }
            (true, b"c") => {
                if let Some((formula, result)) = cell.take()
                    && formula
                    && (!result || facts.recalc)
                {
                    // Where it is: its `r`, else the column after the last.
                    let place = cell_ref(&cell_r).unwrap_or((row.unwrap_or(0), col.saturating_sub(1)));
                    col = place.1 + 1;
                    facts.formulas.insert(place);
                }
            }
            (false, b"row") => {
                let r = value(b"r").and_then(|r| r.parse::<u32>().ok()).map(|r| r.saturating_sub(1));
                let this = r.unwrap_or_else(|| row.map_or(0, |p| p + 1));
                row = Some(this);
                col = 0;
                if truthy(value(b"hidden")) {
                    facts.hidden_rows.insert(this);
                }
            }
            (false, b"col") if truthy(value(b"hidden")) => {
                let n = |k: &[u8]| value(k).and_then(|v| v.parse::<u32>().ok());
                if let (Some(a), Some(b)) = (n(b"min"), n(b"max")) {
                    facts.hidden_cols.push((a.saturating_sub(1), b.saturating_sub(1)));
                }
            }
            (false, b"mergeCell") => {
                let range = value(b"ref").unwrap_or_default();
                let (a, b) = range.split_once(':').unwrap_or((range, range));
                if let (Some(a), Some(b)) = (cell_ref(a), cell_ref(b)) {
                    facts.merges.push((a, b));
                }
            }
            _ => {}
        }
    }
}

/// Reads on into `buf` (`chunk` bytes more); true at the end of `r`.
fn fill(r: &mut impl Read, buf: &mut Vec<u8>, chunk: usize) -> std::io::Result<bool> {
    let old = buf.len();
    buf.resize(old + chunk, 0);
    let mut n = old;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => {
                buf.truncate(n);
                return Ok(true);
            }
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(false)
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

    /// Every fact of a sheet, whatever the size of the chunks read.
    #[test]
    fn sheet_facts_whatever_the_chunks() {
        let xml = r#"<?xml version="1.0"?><worksheet><cols><col min="2" max="3" width="0" hidden="1"/><col min="4" max="4"/></cols>
<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>
<row r="3" hidden="1" spans="1:3"><c r="A3"><v>5</v></c><c r="B3"><f>A3*2</f><v>10</v></c></row>
<x:row r="4"><x:c r="C4"><x:f>A3*3</x:f><x:v></x:v></x:c><c r="D4"><f t="shared" si="0"/></c>
<c r="E4" t="inlineStr"><f>"a"&amp;"b"</f><is><t>ab</t></is></c><c r="F4" t="str"><f>IF(A3>0,"x","y")</f><v>x</v></c></x:row>
<row r="5" hidden="true"/></sheetData><mergeCells count="2"><mergeCell ref="A6:A8"/><mergeCell ref="B9"/></mergeCells></worksheet>"#;
        for recalc in [false, true] {
            let mut want: Option<Facts> = None;
            for chunk in [1, 2, 3, 7, 16, 64, 1 << 18] {
                let mut f = Facts { recalc, ..Facts::default() };
                scan_sheet(xml.as_bytes(), &mut f, chunk).unwrap();
                assert_eq!(f.hidden_rows, HashSet::from([2, 4]), "chunk {chunk}");
                assert_eq!(f.hidden_cols, vec![(1, 2)]);
                assert_eq!(f.merges, vec![((5, 0), (7, 0)), ((8, 1), (8, 1))]);
                // C4 has an empty result, D4 none; with recalc B3, E4 and
                // F4 (results stored) too.
                let mut formulas: Vec<_> = f.formulas.iter().copied().collect();
                formulas.sort();
                let expected =
                    if recalc { vec![(2, 1), (3, 2), (3, 3), (3, 4), (3, 5)] } else { vec![(3, 2), (3, 3)] };
                assert_eq!(formulas, expected, "chunk {chunk}, recalc {recalc}");
                if let Some(w) = &want {
                    assert_eq!(w.formulas, f.formulas);
                }
                want = Some(f);
            }
        }
    }

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
