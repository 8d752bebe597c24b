//! Sheets written here and read back with calamine: the cells are typed,
//! the formats are the ones the module doc promises.

use super::*;
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn sample() -> Sheet {
    Sheet {
        name: "Số liệu: quý 3/2027".into(),
        title: vec!["Tiêu đề".into(), "dòng hai".into()],
        headers: vec!["id".into(), "n".into(), "pct".into(), "date".into(), "text".into(), "entry".into()],
        rows: vec![
            vec![
                Value::Id(12345),
                Value::Number(1234.5),
                Value::Percent(96.3),
                Value::Date(ymd(2027, 10, 8)),
                Value::text("Phòng Kinh tế"),
                Value::BlankNumber,
            ],
            vec![
                Value::Id(2),
                Value::Number(7.0),
                Value::Empty,
                Value::Empty,
                Value::text(""),
                Value::BlankNumber,
            ],
        ],
        wrap: vec![4],
    }
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes)).unwrap()
}

#[test]
fn cells_are_typed_and_formatted() {
    let mut wb = open(workbook(&[sample()], Lang::Vi).unwrap());
    // `:` and `/` are not allowed in sheet names.
    assert_eq!(wb.sheet_names(), vec!["Số liệu- quý 3-2027".to_string()]);
    let range = wb.worksheet_range("Số liệu- quý 3-2027").unwrap();
    // Two title lines, a blank line, the header on row 4 (index 3).
    assert_eq!(range.get_value((0, 0)), Some(&Data::String("Tiêu đề".into())));
    assert_eq!(range.get_value((3, 1)), Some(&Data::String("n".into())));
    assert_eq!(range.get_value((4, 0)), Some(&Data::Float(12345.0)));
    assert_eq!(range.get_value((4, 1)), Some(&Data::Float(1234.5)));
    assert_eq!(range.get_value((4, 2)), Some(&Data::Float(0.963)));
    match range.get_value((4, 3)) {
        Some(Data::DateTime(d)) => assert_eq!(d.as_datetime().unwrap().date(), ymd(2027, 10, 8)),
        other => panic!("not a date cell: {other:?}"),
    }
    assert_eq!(range.get_value((4, 4)), Some(&Data::String("Phòng Kinh tế".into())));
    assert_eq!(range.get_value((5, 1)), Some(&Data::Float(7.0)));
    let styles = wb.worksheet_style("Số liệu- quý 3-2027").unwrap();
    let format = |r: u32, c: u32| {
        styles.get((r, c)).and_then(|s| s.number_format.as_ref()).map(|f| f.format_code.clone())
    };
    assert_eq!(format(4, 0).as_deref(), Some("0"));
    assert_eq!(format(4, 1).as_deref(), Some("#,##0.0"));
    assert_eq!(format(4, 2).as_deref(), Some("0.0%"));
    assert_eq!(format(4, 3).as_deref(), Some("dd/mm/yyyy"));
    assert_eq!(format(5, 1).as_deref(), Some("#,##0"));
    assert_eq!(format(5, 5).as_deref(), Some("#,##0.0##"));
}

#[test]
fn english_dates_are_iso() {
    let mut wb = open(workbook(&[sample()], Lang::En).unwrap());
    let name = wb.sheet_names()[0].clone();
    let styles = wb.worksheet_style(&name).unwrap();
    let code = styles.get((4, 3)).and_then(|s| s.number_format.as_ref()).map(|f| f.format_code.clone());
    assert_eq!(code.as_deref(), Some("yyyy-mm-dd"));
}

#[test]
fn sheet_names_are_valid_and_unique() {
    let mut used = HashSet::new();
    assert_eq!(sheet_name("ktn", &mut used), "ktn");
    assert_eq!(sheet_name("KTN", &mut used), "KTN (2)");
    assert_eq!(sheet_name("a[b]*c?", &mut used), "a-b--c-");
    assert_eq!(sheet_name("", &mut used), "Sheet");
    let long = "x".repeat(40);
    assert_eq!(sheet_name(&long, &mut used), "x".repeat(31));
    assert_eq!(sheet_name(&long, &mut used), format!("{} (2)", "x".repeat(27)));
}

#[test]
fn decimals_shown() {
    assert_eq!(decimals(104.0), 0);
    // At most 2 decimals shown (SPEC §4.2); the cell keeps every digit.
    assert_eq!(decimals(61.625), 2);
    assert_eq!(decimals(-0.5), 1);
    assert_eq!(decimals(1.0 / 3.0), 2);
    assert_eq!(number_format(0), "#,##0");
    assert_eq!(number_format(2), "#,##0.00");
    assert_eq!(fraction(49.2), 0.492);
    assert_eq!(fraction(96.3), 0.963);
}

/// Cells to fill in take only numbers (and dates): a Vietnamese
/// spreadsheet would keep `9.5` as text. Whole numbers show no decimals.
#[test]
fn cells_to_fill_in_are_validated() {
    use std::io::Read;
    let mut sheet = sample();
    sheet.rows[0][3] = Value::BlankDate;
    let bytes = workbook(&[sheet], Lang::Vi).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut xml).unwrap();
    // Data rows are 5 and 6 (two title lines, a blank line, the header).
    assert!(xml.contains(r#"<dataValidation type="decimal""#) && xml.contains(r#"sqref="F5:F6""#), "{xml}");
    assert!(xml.contains(r#"<dataValidation type="date""#) && xml.contains(r#"sqref="D5""#), "{xml}");
    assert!(xml.contains("<formula>MOD(F5,1)=0</formula>"), "{xml}");
}
