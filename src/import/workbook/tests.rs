//! Workbooks built here with rust_xlsxwriter, and the `.ods` fixture made
//! with LibreOffice (scripts/make-ods-fixture.sh), read back cell by cell.
//! Expected values are the ones typed into the sheets.

use super::*;
use rust_xlsxwriter::{Format, Formula, Workbook};
use std::path::PathBuf;

/// The names the importer knows, enough to find a header here.
fn known(name: &str) -> bool {
    matches!(
        name.to_lowercase().as_str(),
        "stt" | "chi_tieu" | "ky" | "gia_tri" | "ngay" | "nguoi_nhap" | "nguon" | "ten" | "don_vi"
    )
}

/// What the reader handed over: the header, then (row, cells) per row.
#[derive(Debug, Default, PartialEq)]
struct Seen {
    header: Option<(u32, Vec<String>)>,
    rows: Vec<(u32, Vec<Cell<'static>>)>,
}

fn read_all(path: &Path, sheet: Option<&str>) -> Result<(SheetRead, Seen)> {
    let mut seen = Seen::default();
    let kind = Kind::from_path(path).expect("a workbook name");
    let read = read(path, kind, sheet, &known, |item| {
        match item {
            Item::Header { row, names, .. } => seen.header = Some((row, names.to_vec())),
            Item::Row { row, cells, .. } => seen.rows.push((row, cells.iter().cloned().map(owned).collect())),
        }
        Ok(())
    })?;
    Ok((read, seen))
}

fn text(s: &str) -> Cell<'static> {
    Cell::Text(Cow::Owned(s.to_string()))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A department's sheet: a title row, a blank row, the header with STT, and
/// rows holding every kind of cell.
fn department_sheet(dir: &Path) -> PathBuf {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("So lieu").unwrap();
    ws.write_string(0, 0, "BÁO CÁO SỐ LIỆU QUÝ 3/2027").unwrap();
    // Row 2 is left blank; the header is row 3.
    for (c, h) in ["STT", "chi_tieu", "ky", "gia_tri", "ngay", "nguoi_nhap"].iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let percent = Format::new().set_num_format("0.0%");
    // Row 4: a number cell and a date cell.
    ws.write_number(3, 0, 1).unwrap();
    ws.write_string(3, 1, "doanh_nghiep").unwrap();
    ws.write_string(3, 2, "2027-Q3").unwrap();
    ws.write_number(3, 3, 104).unwrap();
    ws.write_date_with_format(3, 4, ymd(2027, 10, 8), &date).unwrap();
    ws.write_string(3, 5, "Phòng Kinh tế").unwrap();
    // Row 5: a percent cell (10,2 %).
    ws.write_number(4, 0, 2).unwrap();
    ws.write_string(4, 1, "ty_le").unwrap();
    ws.write_string(4, 2, "2027").unwrap();
    ws.write_number_with_format(4, 3, 0.102, &percent).unwrap();
    // Row 6: a number stored as text, in the plan's style.
    ws.write_number(5, 0, 3).unwrap();
    ws.write_string(5, 1, "thu_ns").unwrap();
    ws.write_string(5, 2, "2027").unwrap();
    ws.write_string(5, 3, "1.234,5").unwrap();
    // Row 7: a formula, read by its cached value.
    ws.write_number(6, 0, 4).unwrap();
    ws.write_string(6, 1, "thu_ktn").unwrap();
    ws.write_string(6, 2, "2027").unwrap();
    ws.write_formula(6, 3, Formula::new("=D4*2").set_result("208")).unwrap();
    // Row 8 blank; row 9: a period the spreadsheet turned into a date.
    ws.write_number(8, 0, 5).unwrap();
    ws.write_string(8, 1, "doanh_nghiep").unwrap();
    ws.write_date_with_format(8, 2, ymd(2027, 7, 1), &date).unwrap();
    ws.write_number(8, 3, 7.5).unwrap();
    let path = dir.join("so-lieu.xlsx");
    wb.save(&path).unwrap();
    path
}

#[test]
fn xlsx_cells_are_read_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = department_sheet(dir.path());
    let (read, seen) = read_all(&path, None).unwrap();
    assert_eq!(read, SheetRead { sheet: "So lieu".into(), header_row: 3, rows: 5 });
    let header: Vec<String> =
        ["STT", "chi_tieu", "ky", "gia_tri", "ngay", "nguoi_nhap"].iter().map(|s| s.to_string()).collect();
    assert_eq!(seen.header, Some((3, header)));
    let e = Cell::Empty;
    assert_eq!(
        seen.rows,
        vec![
            (
                4,
                vec![
                    Cell::Number(1.0),
                    text("doanh_nghiep"),
                    text("2027-Q3"),
                    Cell::Number(104.0),
                    Cell::Date(ymd(2027, 10, 8)),
                    text("Phòng Kinh tế"),
                ]
            ),
            (
                5,
                vec![
                    Cell::Number(2.0),
                    text("ty_le"),
                    text("2027"),
                    Cell::Percent(10.2),
                    e.clone(),
                    e.clone()
                ]
            ),
            (6, vec![Cell::Number(3.0), text("thu_ns"), text("2027"), text("1.234,5"), e.clone(), e.clone()]),
            (
                7,
                vec![
                    Cell::Number(4.0),
                    text("thu_ktn"),
                    text("2027"),
                    Cell::Number(208.0),
                    e.clone(),
                    e.clone()
                ]
            ),
            (
                9,
                vec![
                    Cell::Number(5.0),
                    text("doanh_nghiep"),
                    Cell::Date(ymd(2027, 7, 1)),
                    Cell::Number(7.5),
                    e.clone(),
                    e
                ]
            ),
        ]
    );
}

#[test]
fn sheet_by_name_and_a_missing_sheet_names_those_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("Ghi chú").unwrap().write_string(0, 0, "không phải số liệu").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("Quý 3").unwrap();
    ws.write_string(0, 0, "chi_tieu").unwrap();
    ws.write_string(0, 1, "ky").unwrap();
    ws.write_string(0, 2, "gia_tri").unwrap();
    ws.write_string(1, 0, "doanh_nghiep").unwrap();
    ws.write_string(1, 1, "2027").unwrap();
    ws.write_number(1, 2, 12.25).unwrap();
    let path = dir.path().join("hai-trang.xlsx");
    wb.save(&path).unwrap();

    // The first sheet has no header.
    let err = read_all(&path, None).unwrap_err();
    assert!(
        matches!(err.downcast_ref(), Some(WorkbookError::NoHeader { sheet }) if sheet == "Ghi chú"),
        "{err}"
    );

    // Case and spaces aside, the sheet is found.
    let (read, seen) = read_all(&path, Some("quý 3 ")).unwrap();
    assert_eq!(read.sheet, "Quý 3");
    assert_eq!(seen.rows, vec![(2, vec![text("doanh_nghiep"), text("2027"), Cell::Number(12.25)])]);

    crate::i18n::set_lang(crate::settings::Lang::En);
    let err = read_all(&path, Some("Quy 4")).unwrap_err();
    assert_eq!(err.to_string(), "there is no sheet `Quy 4` in this workbook; its sheets are: Ghi chú, Quý 3");
}

#[test]
fn a_title_that_names_one_column_among_others_is_not_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    // One known name of three filled cells: not more than half.
    ws.write_string(0, 0, "Kỳ").unwrap();
    ws.write_string(0, 1, "báo cáo").unwrap();
    ws.write_string(0, 2, "ky").unwrap();
    ws.write_string(1, 0, "ky").unwrap();
    ws.write_string(1, 1, "chi_tieu").unwrap();
    ws.write_string(1, 2, "gia_tri").unwrap();
    // A typo in one column of three: still the header (the importer
    // reports the unknown column).
    ws.write_string(2, 0, "2027").unwrap();
    let path = dir.path().join("t.xlsx");
    wb.save(&path).unwrap();
    let (read, _) = read_all(&path, None).unwrap();
    assert_eq!(read.header_row, 2);
}

#[test]
fn a_row_wider_than_the_header_keeps_its_extra_cells() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "chi_tieu").unwrap();
    ws.write_string(0, 1, "ky").unwrap();
    ws.write_string(1, 0, "a").unwrap();
    ws.write_number(1, 3, 9).unwrap();
    let path = dir.path().join("w.xlsx");
    wb.save(&path).unwrap();
    let (_, seen) = read_all(&path, None).unwrap();
    assert_eq!(seen.rows, vec![(2, vec![text("a"), Cell::Empty, Cell::Empty, Cell::Number(9.0)])]);
}

#[test]
fn percent_formats() {
    for code in ["0%", "0.0%", "#,##0.00%", "0.0%;[Red]-0.0%", "0.0\" \"%"] {
        assert!(is_percent_format(code), "{code}");
    }
    for code in ["General", "0.0", "#,##0", "0.0\"%\"", "0.0\\%", "dd/mm/yyyy", "0;-0%"] {
        assert!(!is_percent_format(code), "{code}");
    }
    assert_eq!(crate::input::number::as_shown(0.102 * 100.0), 10.2);
    assert_eq!(crate::input::number::as_shown(0.0), 0.0);
}

#[test]
fn kinds_by_name_and_by_bytes() {
    assert_eq!(Kind::from_path(Path::new("a/so-lieu.XLSX")), Some(Kind::Xlsx));
    assert_eq!(Kind::from_path(Path::new("b.xls")), Some(Kind::Xls));
    assert_eq!(Kind::from_path(Path::new("c.ods")), Some(Kind::Ods));
    assert_eq!(Kind::from_path(Path::new("d.csv")), None);
    // A zip says what it holds; else its name does; else it is no workbook
    // (the CSV reader then says it is a zip).
    assert_eq!(Kind::sniff(b"PK\x03\x04..xl/workbook.xml", Path::new("x.csv")), Some(Kind::Xlsx));
    let ods = b"PK\x03\x04..mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
    assert_eq!(Kind::sniff(ods, Path::new("x")), Some(Kind::Ods));
    assert_eq!(Kind::sniff(b"PK\x03\x04rest", Path::new("x.ods")), Some(Kind::Ods));
    assert_eq!(Kind::sniff(b"PK\x03\x04rest", Path::new("x.csv")), None);
    assert_eq!(Kind::sniff(b"PK\x03\x04..word/document.xml", Path::new("x.docx")), None);
    assert_eq!(Kind::sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1..", Path::new("x")), Some(Kind::Xls));
    assert_eq!(Kind::sniff(b"chi_tieu,ky", Path::new("x.xlsx")), None);
}

/// tests/fixtures/so-lieu.ods, made by LibreOffice from the sheet of
/// scripts/make-ods-fixture.sh: a title row, the header on row 3 with STT,
/// a date cell, a percent cell, a number stored as text and a formula.
#[test]
fn ods_fixture_is_read_as_typed() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/so-lieu.ods");
    let (read, seen) = read_all(&path, None).unwrap();
    assert_eq!(read.sheet, "So lieu");
    assert_eq!(read.header_row, 3);
    let e = Cell::Empty;
    assert_eq!(
        seen.rows,
        vec![
            (
                4,
                vec![
                    Cell::Number(1.0),
                    text("doanh_nghiep"),
                    text("2027-Q3"),
                    Cell::Number(104.0),
                    Cell::Date(ymd(2027, 10, 8)),
                    text("Phòng Kinh tế"),
                ]
            ),
            (
                5,
                vec![
                    Cell::Number(2.0),
                    text("ty_le"),
                    text("2027"),
                    Cell::Percent(10.2),
                    e.clone(),
                    e.clone()
                ]
            ),
            (6, vec![Cell::Number(3.0), text("thu_ns"), text("2027"), text("1.234,5"), e.clone(), e.clone()]),
            (7, vec![Cell::Number(4.0), text("thu_ktn"), text("2027"), Cell::Number(208.0), e.clone(), e]),
        ]
    );
}

/// tests/fixtures/so-lieu.xls, the same sheet saved by LibreOffice as
/// Excel 97–2003. calamine exposes no number formats of `.xls` files but
/// dates, so the percent cell reads as its fraction (README).
#[test]
fn xls_fixture_is_read_as_typed() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/so-lieu.xls");
    let (read, seen) = read_all(&path, None).unwrap();
    assert_eq!((read.sheet.as_str(), read.header_row, read.rows), ("So lieu", 3, 4));
    let row = |n: u32| seen.rows.iter().find(|(r, _)| *r == n).map(|(_, c)| c[3].clone());
    assert_eq!(seen.rows[0].1[4], Cell::Date(ymd(2027, 10, 8)));
    assert_eq!(row(4), Some(Cell::Number(104.0)));
    assert_eq!(row(5), Some(Cell::Number(0.102)));
    assert_eq!(row(6), Some(text("1.234,5")));
    assert_eq!(row(7), Some(Cell::Number(208.0)));
}

/// Excel's `%` button applies the built-in formats 9 (`0%`) and 10
/// (`0.00%`), which a workbook names by number only.
#[test]
fn built_in_percent_formats_are_percentages() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "chi_tieu").unwrap();
    ws.write_string(0, 1, "gia_tri").unwrap();
    ws.write_string(1, 0, "a").unwrap();
    ws.write_number_with_format(1, 1, 0.25, &Format::new().set_num_format_index(9)).unwrap();
    ws.write_string(2, 0, "b").unwrap();
    ws.write_number_with_format(2, 1, 0.1234, &Format::new().set_num_format_index(10)).unwrap();
    ws.write_string(3, 0, "c").unwrap();
    ws.write_number_with_format(3, 1, 0.5, &Format::new().set_num_format_index(2)).unwrap();
    let path = dir.path().join("p.xlsx");
    wb.save(&path).unwrap();
    let (_, seen) = read_all(&path, None).unwrap();
    let values: Vec<_> = seen.rows.into_iter().map(|(_, c)| c[1].clone()).collect();
    assert_eq!(values, vec![Cell::Percent(25.0), Cell::Percent(12.34), Cell::Number(0.5)]);
}
