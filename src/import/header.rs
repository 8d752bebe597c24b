//! The header row of an import (SPEC §4.1 "Header"): which column holds
//! what, whatever the source.
//!
//! A header cell is matched after folding: case, accents (NFC or NFD
//! alike, `đ` as `d`), spacing and punctuation, and a unit in parentheses
//! are ignored, so `Giá trị (triệu đồng)`, `GIA TRI`, `gia_tri` and
//! `value` are one column. Columns `STT`, `Tên`/`name`, `Đơn vị`/`unit`
//! (what `plan template` writes beside the figures) are read and ignored.

use crate::plan::suggest;
use crate::tr;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The columns a file may have, in the order of a row's cells
/// ([`super::Cells`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Indicator,
    Period,
    Value,
    Task,
    Date,
    By,
    Source,
    Note,
}

/// How many [`Col`]s there are.
pub const COLS: usize = 8;

impl Col {
    pub const ALL: [Col; COLS] =
        [Col::Indicator, Col::Period, Col::Value, Col::Task, Col::Date, Col::By, Col::Source, Col::Note];

    /// The English name, as `plan template` writes it.
    pub fn name(self) -> &'static str {
        ALIASES[self as usize].1[0]
    }
}

/// (column, its names after [`fold`]: English first, then Vietnamese).
const ALIASES: [(Col, &[&str]); COLS] = [
    (Col::Indicator, &["indicator", "chi_tieu", "ma_chi_tieu", "indicator_id"]),
    (Col::Period, &["period", "ky", "ky_bao_cao"]),
    (Col::Value, &["value", "gia_tri", "so_lieu"]),
    (Col::Task, &["task", "nhiem_vu", "ma_nhiem_vu", "task_id"]),
    (Col::Date, &["date", "ngay", "ngay_bao_cao", "reported_on", "ngay_hoan_thanh"]),
    (Col::By, &["by", "nguoi_nhap"]),
    (Col::Source, &["source", "nguon"]),
    (Col::Note, &["note", "ghi_chu"]),
];

/// Columns read and ignored (after [`fold`]).
const IGNORED: &[&str] = &[
    "stt",
    "so_thu_tu",
    "ten",
    "name",
    "ten_chi_tieu",
    "ten_nhiem_vu",
    "don_vi",
    "don_vi_tinh",
    "unit",
    // `plan template`'s previous figure, shown to compare with.
    "so_lieu_ky_truoc",
    "previous",
    // `plan template`'s row number, agency responsible and due date in
    // words (`No.`, `Cơ quan chủ trì`, `Hạn báo cáo`, SPEC §4).
    "no",
    "co_quan_chu_tri",
    "lead_agency",
    "han_bao_cao",
    "due",
];

/// A header cell folded for matching: no unit in parentheses, no accents,
/// lowercase, runs of anything but letters and digits as one `_`.
pub fn fold(name: &str) -> String {
    let mut s = name.trim();
    // `Giá trị (triệu đồng)`: the unit is not the column's name.
    if let Some(open) = s.find(['(', '[']) {
        s = s[..open].trim_end();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        let c = if c == 'đ' || c == 'Đ' { 'd' } else { c };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// The column a header cell names: `Some(Some(col))`, `Some(None)` for an
/// ignored one, `None` when unknown.
pub fn column_of(name: &str) -> Option<Option<Col>> {
    let key = fold(name);
    if IGNORED.contains(&key.as_str()) {
        return Some(None);
    }
    ALIASES.iter().find(|(_, names)| names.contains(&key.as_str())).map(|(c, _)| Some(*c))
}

/// The header row: where each column is, and its name as the file spells
/// it (for messages).
#[derive(Debug, Clone)]
pub struct Header {
    at: [Option<usize>; COLS],
    names: Vec<String>,
    /// Columns with an empty header: allowed (spreadsheets add them) as
    /// long as every cell under them is empty.
    pub unnamed: Vec<usize>,
}

impl Header {
    /// The source column of `c`, if the file has it.
    pub fn get(&self, c: Col) -> Option<usize> {
        self.at[c as usize]
    }

    /// How a message names source column `i`: its header, or "column N".
    pub fn label(&self, i: usize) -> String {
        match self.names.get(i).map(String::as_str) {
            Some("") | None => tr!("import-column-n", n = (i + 1).to_string()),
            Some(name) => name.to_string(),
        }
    }

    /// The header of a source whose fields have names of their own (a
    /// DHIS2 data value set): `names` as the source calls its fields (for
    /// messages), and which of them holds each column.
    pub fn named(names: &[&str], columns: &[(Col, usize)]) -> Header {
        let mut at = [None; COLS];
        for &(c, i) in columns {
            at[c as usize] = Some(i);
        }
        Header { at, names: names.iter().map(|n| n.to_string()).collect(), unnamed: Vec::new() }
    }

    /// How many columns the header has.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// Problems with the header row; nothing can be read.
#[derive(Debug, thiserror::Error)]
#[error("{}", .problems.join("; "))]
pub struct BadHeader {
    pub problems: Vec<String>,
}

/// Reads a header row from its cells' texts (a cell that is not text is
/// passed as `None`: it names no column).
pub fn parse<'a>(cells: impl IntoIterator<Item = Option<&'a str>>) -> Result<Header, BadHeader> {
    let mut h = Header { at: [None; COLS], names: Vec::new(), unnamed: Vec::new() };
    let mut problems = Vec::new();
    let known: Vec<&str> = ALIASES.iter().flat_map(|(_, n)| n.iter().copied()).collect();
    for (i, raw) in cells.into_iter().enumerate() {
        let name = raw.unwrap_or_default().trim().to_string();
        if name.is_empty() {
            h.unnamed.push(i);
        } else if let Err(m) = crate::input::legacy::check(&name) {
            // `ChØ tiªu`: a header typed in a legacy font (SPEC §4.1).
            problems.push(tr!("import-header-column", n = (i + 1).to_string(), message = m));
        } else {
            match column_of(&name) {
                Some(Some(c)) => match h.at[c as usize] {
                    Some(j) => problems.push(tr!(
                        "import-header-repeated",
                        name = name.as_str(),
                        n = (j + 1).to_string(),
                        other = h.names[j].as_str()
                    )),
                    None => h.at[c as usize] = Some(i),
                },
                Some(None) => {}
                None => {
                    let key = fold(&name);
                    problems.push(match suggest(&key, known.iter().copied()) {
                        Some(s) => tr!("import-header-unknown-suggest", name = name.as_str(), suggestion = s),
                        None => tr!("import-header-unknown", name = name.as_str()),
                    });
                }
            }
        }
        h.names.push(name);
    }
    let has = |c: Col| h.get(c).is_some();
    let figure_cols = [Col::Indicator, Col::Period, Col::Value];
    if figure_cols.iter().any(|c| has(*c)) {
        let missing: Vec<String> =
            figure_cols.iter().filter(|c| !has(**c)).map(|c| format!("`{}`", c.name())).collect();
        if !missing.is_empty() {
            problems.push(tr!(
                "import-header-missing-figure",
                columns = missing.join(", "),
                n = missing.len() as i64
            ));
        }
    }
    if has(Col::Task) && !has(Col::Date) {
        problems.push(tr!("import-header-missing-date"));
    }
    if !has(Col::Indicator) && !has(Col::Task) && problems.is_empty() {
        problems.push(tr!("import-header-missing"));
    }
    if problems.is_empty() { Ok(h) } else { Err(BadHeader { problems }) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(s: &str) -> Result<Header, BadHeader> {
        parse(s.split(',').map(Some))
    }

    #[test]
    fn names_are_folded() {
        assert_eq!(column_of(" Chi_Tieu "), Some(Some(Col::Indicator)));
        assert_eq!(column_of("Chỉ tiêu"), Some(Some(Col::Indicator)));
        // NFD: the same letters, decomposed.
        assert_eq!(column_of("Chi\u{309} tie\u{302}u"), Some(Some(Col::Indicator)));
        assert_eq!(column_of("NGƯỜI NHẬP"), Some(Some(Col::By)));
        assert_eq!(column_of("Giá trị (triệu đồng)"), Some(Some(Col::Value)));
        assert_eq!(column_of("Ngày báo cáo"), Some(Some(Col::Date)));
        assert_eq!(column_of("Kỳ"), Some(Some(Col::Period)));
        assert_eq!(column_of("Nhiệm vụ"), Some(Some(Col::Task)));
        assert_eq!(column_of("  giá   trị "), Some(Some(Col::Value)));
        assert_eq!(column_of("value"), Some(Some(Col::Value)));
        assert_eq!(column_of("STT"), Some(None));
        assert_eq!(column_of("Đơn vị"), Some(None));
        assert_eq!(column_of("Tên"), Some(None));
        assert_eq!(column_of("values"), None);
    }

    #[test]
    fn problems_are_all_named() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let e = header("indicator,periode,value,nguon,source").unwrap_err();
        assert_eq!(e.problems.len(), 3, "{:?}", e.problems);
        assert!(
            e.problems[0].contains("unknown column `periode`: did you mean `period`?"),
            "{:?}",
            e.problems
        );
        assert!(e.problems[1].contains("column `source` repeats column 4 `nguon`"), "{:?}", e.problems);
        assert!(e.problems[2].contains("missing column"), "{:?}", e.problems);
        let e = header("nhiem_vu,nguon").unwrap_err();
        assert!(e.problems[0].contains("`date`"), "{:?}", e.problems);
        let e = header("note,by").unwrap_err();
        assert!(e.problems[0].contains("missing columns"), "{:?}", e.problems);
        let h = header("task,date,,").unwrap();
        assert_eq!(h.unnamed, vec![2, 3]);
        let h = header("STT,Chỉ tiêu,Tên,Đơn vị,Kỳ,Giá trị (triệu đồng),Ngày báo cáo").unwrap();
        // The same header typed in .VnTime (TCVN3): each column says so.
        let e = header("STT,ChØ tiªu,Tªn,§¬n vÞ,Kú,Gi¸ trÞ,Ngµy b¸o c¸o").unwrap_err();
        let legacy: Vec<&String> = e.problems.iter().filter(|p| p.contains("TCVN3")).collect();
        // Tªn (Tên), §¬n vÞ, Gi¸ trÞ, Ngµy b¸o c¸o and ChØ tiªu; `Kú`
        // (Kỳ) reads as a syllable either way (`kú`) and is unknown.
        assert_eq!(legacy.len(), 5, "{:?}", e.problems);
        assert!(e.problems[0].starts_with("column 2: `ChØ tiªu` is typed in a legacy"), "{:?}", e.problems);
        assert!(e.problems[0].contains("“Chỉ tiêu”"), "{:?}", e.problems);
        assert_eq!((h.get(Col::Indicator), h.get(Col::Value), h.get(Col::Date)), (Some(1), Some(5), Some(6)));
    }
}
