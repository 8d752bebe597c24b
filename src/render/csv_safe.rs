//! Text cells of csv output that no spreadsheet runs as a formula (SPEC §4:
//! "a text cell of csv output that starts with `=`, `+`, `-`, `@`, tab or
//! CR is prefixed with `'`"). Every csv writer passes its text cells
//! through [`csv_text_cell`]; numbers are written as numbers.

use std::borrow::Cow;

/// `text` as a csv text cell: prefixed with `'` when a spreadsheet would
/// read it as a formula (`=1+2`, `+1`, `-1+2`, `@SUM(…)`) or strip its
/// first character (tab, CR).
pub fn csv_text_cell(text: &str) -> Cow<'_, str> {
    match text.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        for s in ["=1+2", "@SUM(1+1)", "+1+2", "-1+2", "\tx", "\rx"] {
            assert_eq!(csv_text_cell(s), format!("'{s}"), "{s:?}");
        }
        for s in ["Báo cáo 15/BC-UBND", "", "1+2", "a=b", "'x"] {
            assert_eq!(csv_text_cell(s), s, "{s:?}");
        }
    }
}
