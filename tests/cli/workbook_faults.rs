//! Issue #22, workbooks as offices and programs write them (SPEC §4.1):
//! formula cells without a trustworthy result, hidden sheets, rows and
//! columns, merged cells, machine floats, ODK date-times, chart sheets,
//! encrypted workbooks and web pages named `.xls`. Each: the right value,
//! or exit 1 naming the cell, what was seen and what to do, the ledger's
//! bytes unchanged. Expected values are the ones typed into the sheets.

use crate::common::*;
use crate::workbook::{FIXTURE_PLAN, department_workbook, fig, figures, patch_zip, program_workbook};
use predicates::prelude::*;
use rust_xlsxwriter::{Workbook, Worksheet};

/// The fixture plan with a ledger of one entry (so that "unchanged" is
/// the ledger's bytes), on 20 January 2028.
fn env() -> Env {
    // doanh_nghiep counts whole enterprises.
    let plan = FIXTURE_PLAN.replace("every = \"quarter\"\n", "every = \"quarter\"\ninteger = true\n");
    let env = Env::with_plan(&plan).today("2028-01-20");
    env.cmd().args(["record", "thu_ns", "1000", "--period", "2026"]).assert().success();
    env
}

/// Runs a rejected import (English messages): exit 1, every needle in
/// stderr, the ledger's bytes unchanged. Returns stderr.
fn refused(env: &Env, args: &[&str], needles: &[&str]) -> String {
    let before = std::fs::read(&env.ledger).unwrap();
    let out = env.cmd().args(["--lang", "en", "import"]).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "stderr:\n{stderr}");
    for n in needles {
        assert!(stderr.contains(n), "expected {n:?} in stderr:\n{stderr}");
    }
    assert_eq!(std::fs::read(&env.ledger).unwrap(), before, "the ledger changed");
    stderr
}

/// The header `chi_tieu, ky, gia_tri` on row 1 of `ws`, then `rows` of
/// (indicator, period, value) from row 2.
fn fill(ws: &mut Worksheet, rows: &[(&str, &str, f64)]) {
    for (c, h) in ["chi_tieu", "ky", "gia_tri"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (ind, period, value)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *ind).unwrap();
        ws.write_string(r, 1, *period).unwrap();
        ws.write_number(r, 2, *value).unwrap();
    }
}

fn save(env: &Env, wb: &mut Workbook, name: &str) -> std::path::PathBuf {
    let path = env.dir.path().join(name);
    wb.save(&path).unwrap();
    // As a spreadsheet saves it (no "recalculate on open").
    patch_zip(&path, "xl/workbook.xml", &[(" fullCalcOnLoad=\"1\"", "")]);
    path
}

/// Fault 1: a formula written by a program without its result (openpyxl)
/// is refused naming the cell, not skipped as an empty value cell; with a
/// stored result and "recalculate on open" (XlsxWriter) too; the same
/// workbook saved by a spreadsheet reads the stored result (208).
#[test]
fn formula_cells_without_a_trustworthy_result_are_refused_by_cell() {
    let env = env();
    // Recalculate on open, the stored result 208 (department_workbook's
    // D7 = D4*2) cannot be trusted.
    let program = program_workbook(&env, "chuong-trinh.xlsx");
    refused(
        &env,
        &[program.to_str().unwrap()],
        &[
            "chuong-trinh.xlsx:Quý 3!7: Giá trị (theo đơn vị): cell D7 holds a formula, and the workbook asks to \
             be recalculated when opened",
            "open the file in a spreadsheet (Excel, LibreOffice) and save it first",
            "1 bad row of 4",
        ],
    );
    // No stored result at all (`<f>` and no `<v>`), no recalculation asked.
    let openpyxl = department_workbook(&env, "openpyxl.xlsx");
    patch_zip(&openpyxl, "xl/worksheets/sheet1.xml", &[("<v>208</v>", "")]);
    refused(
        &env,
        &["--dry-run", openpyxl.to_str().unwrap()],
        &["openpyxl.xlsx:Quý 3!7: Giá trị (theo đơn vị): cell D7 holds a formula whose result was not saved"],
    );
    // Saved by a spreadsheet: the stored result counts.
    let saved = department_workbook(&env, "da-luu.xlsx");
    env.cmd().arg("import").arg(&saved).assert().success();
    assert!(figures(&env).contains(&fig("thu_ktn", "2027", 208.0, "2027-10-08", "Chị Lan")));
}

/// Fault 2: a hidden first sheet (last quarter's) before the visible one:
/// the visible one is read, and every summary names the sheet read; the
/// hidden one only when named.
#[test]
fn the_first_visible_sheet_is_read_and_named() {
    let env = env();
    let mut wb = Workbook::new();
    let old = wb.add_worksheet();
    old.set_name("Quý 2").unwrap();
    fill(old, &[("doanh_nghiep", "2027-Q2", 100.0)]);
    old.set_hidden(true);
    let new = wb.add_worksheet();
    new.set_name("Quý 3").unwrap();
    fill(new, &[("doanh_nghiep", "2027-Q3", 104.0)]);
    new.set_active(true);
    let path = save(&env, &mut wb, "hai-trang.xlsx");
    let name = path.to_str().unwrap();
    env.cmd()
        .args(["--lang", "en", "import", "--dry-run", name])
        .assert()
        .success()
        .stdout(predicate::str::contains("hai-trang.xlsx (sheet Quý 3): 1 row: 1 added"));
    env.cmd()
        .args(["import", name])
        .assert()
        .success()
        .stdout(predicate::str::contains("hai-trang.xlsx (trang Quý 3): 1 dòng, lô #1"));
    // Named, the hidden sheet is read (and named).
    env.cmd()
        .args(["--lang", "en", "import", name, "--sheet", "Quý 2", "--force"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(sheet Quý 2)"));
    let got = figures(&env);
    assert!(got.contains(&fig("doanh_nghiep", "2027-Q3", 104.0, "2028-01-20", "tester")), "{got:?}");
    assert!(got.contains(&fig("doanh_nghiep", "2027-Q2", 100.0, "2028-01-20", "tester")), "{got:?}");
    // Nothing new: the summary still names the sheet.
    env.cmd()
        .args(["--lang", "en", "import", name, "--force"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(sheet Quý 3): 1 row: 0 added, 1 unchanged"));
}

/// Fault 2: hidden draft rows and a hidden column are refused and listed
/// unless `--hidden skip` or `--hidden include` says what to do.
#[test]
fn hidden_rows_and_columns_are_refused_unless_told() {
    let env = env();
    let build = |name: &str| {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        fill(ws, &[("thu_ns", "2027", 1200.0), ("thu_ns", "2027", 900.0), ("thu_ktn", "2027", 300.0)]);
        // Row 3 is last week's draft, hidden.
        ws.set_row_hidden(2).unwrap();
        save(&env, &mut wb, name)
    };
    let path = build("nhap.xlsx");
    let name = path.to_str().unwrap();
    refused(
        &env,
        &[name],
        &["nhap.xlsx:Sheet1!3: this row is hidden or filtered out", "--hidden skip", "1 bad row of 3"],
    );
    env.cmd()
        .args(["--lang", "en", "import", name, "--hidden", "skip"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(sheet Sheet1): 2 rows as batch #1: 2 added, 0 unchanged"))
        .stdout(predicate::str::contains("; 1 hidden rows left out (--hidden skip)"));
    let got = figures(&env);
    assert!(got.contains(&fig("thu_ns", "2027", 1200.0, "2028-01-20", "tester")), "{got:?}");
    assert!(!got.iter().any(|f| f.2 == 900.0), "the hidden draft is not read: {got:?}");
    // Included, the draft is read: 1200 and 900 for one period conflict.
    let env = self::env();
    let path = build("nhap.xlsx");
    refused(
        &env,
        &[path.to_str().unwrap(), "--hidden", "include"],
        &["nhap.xlsx:Sheet1!3: gia_tri: ", "Sheet1!2"],
    );

    // A hidden column that is read is refused, naming it.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    fill(ws, &[("thu_ns", "2027", 1200.0)]);
    ws.write_string(0, 3, "ghi_chu").unwrap();
    ws.write_string(1, 3, "số liệu nháp").unwrap();
    ws.set_column_hidden(3).unwrap();
    let path = save(&env, &mut wb, "cot-an.xlsx");
    refused(&env, &[path.to_str().unwrap()], &["cot-an.xlsx:Sheet1!1: column D `ghi_chu` is hidden"]);
    env.cmd().args(["import", path.to_str().unwrap(), "--hidden", "skip"]).assert().success();
    let last = env.log_json().pop().unwrap();
    assert_eq!((&last["value"], &last["note"]), (&1200.0.into(), &serde_json::Value::Null));
    // A CSV has nothing hidden: --hidden is refused like --sheet; a bad
    // value of it is a usage error.
    let csv = env.file("a.csv", "chi_tieu;ky;gia_tri\nthu_ktn;2027;5\n");
    refused(&env, &[csv.to_str().unwrap(), "--hidden", "skip"], &["--hidden is for workbooks"]);
    env.cmd().args(["import", csv.to_str().unwrap(), "--hidden", "maybe"]).assert().code(2);
}

/// Fault 9: Excel's floats at the 15 digits it shows: 114.99999999999999
/// in an integer indicator is 115; 30.000000000000004 is stored and shown
/// as 30; an ODK date-time text cell is its own date.
#[test]
fn machine_floats_and_odk_date_times() {
    let env = env();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    fill(ws, &[("doanh_nghiep", "2027-Q3", 114.99999999999999), ("thu_ktn", "2027", 30.000000000000004)]);
    ws.write_string(0, 3, "ngay").unwrap();
    ws.write_string(1, 3, "2027-10-08T10:15:30+07:00").unwrap();
    ws.write_string(2, 3, "2028-01-05T23:59:59-05:00").unwrap();
    let path = save(&env, &mut wb, "so-may.xlsx");
    env.cmd().arg("import").arg(&path).assert().success();
    let got = figures(&env);
    assert!(got.contains(&fig("doanh_nghiep", "2027-Q3", 115.0, "2027-10-08", "tester")), "{got:?}");
    assert!(got.contains(&fig("thu_ktn", "2027", 30.0, "2028-01-05", "tester")), "{got:?}");
    let last = env.log_json().pop().unwrap();
    assert_eq!(last["value_text"], "30");
    let csv = env.cmd().args(["log", "--format", "csv"]).assert().success();
    let out = String::from_utf8_lossy(&csv.get_output().stdout).into_owned();
    assert!(!out.contains("30.000000000000004") && !out.contains("114.99"), "{out}");
}

/// Fault 10: an indicator cell merged down several rows counts for each
/// row of the range, as the clerk sees it (was: "chưa nhập mã chỉ tiêu").
#[test]
fn merged_indicator_cells_count_for_each_row() {
    let env = env();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["chi_tieu", "ky", "gia_tri"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.merge_range(1, 0, 3, 0, "doanh_nghiep", &rust_xlsxwriter::Format::new()).unwrap();
    for (r, (p, v)) in [("2027-Q1", 101.0), ("2027-Q2", 102.0), ("2027-Q3", 104.0)].iter().enumerate() {
        ws.write_string(r as u32 + 1, 1, *p).unwrap();
        ws.write_number(r as u32 + 1, 2, *v).unwrap();
    }
    ws.write_string(4, 0, "thu_ktn").unwrap();
    ws.write_string(4, 1, "2027").unwrap();
    ws.write_number(4, 2, 250).unwrap();
    // A section label across the table (one row) stays one label: the row
    // has no value and is skipped as a row not filled in, as before.
    ws.merge_range(5, 0, 5, 2, "II. Văn hóa - Xã hội", &rust_xlsxwriter::Format::new()).unwrap();
    let path = save(&env, &mut wb, "gop-o.xlsx");
    env.cmd()
        .args(["--lang", "en", "import"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("5 rows as batch #1: 4 added, 0 unchanged"))
        .stdout(predicate::str::contains("1 skipped (value cell empty)"));
    let got = figures(&env);
    for (p, v) in [("2027-Q1", 101.0), ("2027-Q2", 102.0), ("2027-Q3", 104.0)] {
        assert!(got.contains(&fig("doanh_nghiep", p, v, "2028-01-20", "tester")), "{p}: {got:?}");
    }
    assert!(got.contains(&fig("thu_ktn", "2027", 250.0, "2028-01-20", "tester")), "{got:?}");
}

/// Fault 3 in a workbook: a name typed in `.VnTime` is refused by cell.
#[test]
fn legacy_font_cells_are_refused() {
    let env = env();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    fill(ws, &[("thu_ns", "2027", 1200.0)]);
    ws.write_string(0, 3, "Người nhập").unwrap();
    ws.write_string(1, 3, "NguyÔn V¨n An").unwrap();
    let path = save(&env, &mut wb, "vntime.xlsx");
    refused(
        &env,
        &[path.to_str().unwrap()],
        &["vntime.xlsx:Sheet1!2: Người nhập: `NguyÔn V¨n An` is typed in a legacy Vietnamese font", "Unikey"],
    );
    // The header typed so names no column: the cell is named.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["ChØ tiªu", "Kú", "Gi¸ trÞ"].iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    ws.write_string(3, 0, "thu_ns").unwrap();
    let path = save(&env, &mut wb, "tieu-de.xlsx");
    refused(
        &env,
        &[path.to_str().unwrap()],
        &[
            "no header row found in sheet Sheet1; cell A3: `ChØ tiªu` is typed in a legacy Vietnamese font",
            "“Chỉ tiêu”",
        ],
    );
}

/// Fault 10: a chart sheet first is passed over for the first worksheet;
/// named, it is refused saying what it is.
#[test]
fn a_chart_sheet_first_is_passed_over() {
    let env = env();
    let mut wb = Workbook::new();
    let mut chart = rust_xlsxwriter::Chart::new(rust_xlsxwriter::ChartType::Column);
    chart.add_series().set_values("Số liệu!$C$2:$C$2");
    let cs = wb.add_chartsheet();
    cs.set_name("Biểu đồ").unwrap();
    cs.insert_chart(0, 0, &chart).unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("Số liệu").unwrap();
    fill(ws, &[("thu_ktn", "2027", 250.0)]);
    let path = save(&env, &mut wb, "bieu-do.xlsx");
    let name = path.to_str().unwrap();
    env.cmd()
        .args(["--lang", "en", "import", "--dry-run", name])
        .assert()
        .success()
        .stdout(predicate::str::contains("(sheet Số liệu): 1 row: 1 added"));
    refused(&env, &[name, "--sheet", "Biểu đồ"], &["sheet `Biểu đồ` is a chart sheet, which holds no cells"]);
}

/// Fault 10: a password-protected workbook, a web page and Excel 2003 XML
/// saved with an `.xls` name: each refused in one line naming what the
/// file is and how to save it (no DHIS2 hint for the web page).
#[test]
fn files_behind_a_workbook_name_are_named() {
    let env = env();
    // An encrypted .xlsx is a compound file holding these two streams.
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(1536, 0);
    for name in ["EncryptionInfo", "EncryptedPackage"] {
        ole.extend(name.encode_utf16().flat_map(u16::to_le_bytes));
        ole.resize(ole.len() + 64, 0);
    }
    let locked = env.file("mat-khau.xlsx", &ole);
    let err =
        refused(&env, &[locked.to_str().unwrap()], &["mat-khau.xlsx: this workbook is password-protected"]);
    assert_eq!(err.lines().count(), 1, "{err}");

    let html = env.file(
        "cong-thong-tin.xls",
        "<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><body><table>\
         <tr><td>chi_tieu</td><td>ky</td><td>gia_tri</td></tr></table></body></html>",
    );
    let err =
        refused(&env, &[html.to_str().unwrap()], &["cong-thong-tin.xls: this file is a web page (HTML)"]);
    assert!(!err.contains("DHIS2") && err.lines().count() == 1, "{err}");

    let xml = env.file(
        "excel-2003.xls",
        "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n\
         <Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"></Workbook>",
    );
    let err = refused(
        &env,
        &[xml.to_str().unwrap()],
        &["excel-2003.xls: this file is an Excel 2003 XML spreadsheet"],
    );
    assert!(!err.contains("DHIS2"), "{err}");
}

/// An `.ods` written by hand, as a program writes one: the first sheet
/// hidden, then a sheet with a group label spanning two rows, a hidden
/// row and (with `formula`) a formula without a value.
fn ods(env: &Env, name: &str, formula: bool) -> std::path::PathBuf {
    use std::io::Write;
    let t = |s: &str| {
        format!("<table:table-cell office:value-type=\"string\"><text:p>{s}</text:p></table:table-cell>")
    };
    let n = |v: f64| {
        format!(
            "<table:table-cell office:value-type=\"float\" office:value=\"{v}\"><text:p>{v}</text:p></table:table-cell>"
        )
    };
    let header = format!("<table:table-row>{}{}{}</table:table-row>", t("chi_tieu"), t("ky"), t("gia_tri"));
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2">
<office:automatic-styles>
<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Quý 2" table:style-name="ta2">{header}<table:table-row>{}{}{}</table:table-row></table:table>
<table:table table:name="Quý 3" table:style-name="ta1">{header}
<table:table-row><table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>doanh_nghiep</text:p></table:table-cell>{}{}</table:table-row>
<table:table-row><table:covered-table-cell/>{}{}</table:table-row>
<table:table-row table:visibility="collapse">{}{}{}</table:table-row>
{}
</table:table>
</office:spreadsheet></office:body></office:document-content>"#,
        t("doanh_nghiep"),
        t("2027-Q2"),
        n(100.0),
        t("2027-Q1"),
        n(101.0),
        t("2027-Q2"),
        n(102.0),
        t("doanh_nghiep"),
        t("2027-Q3"),
        n(150.0),
        if formula {
            format!(
                "<table:table-row>{}{}<table:table-cell table:formula=\"of:=[.C2]*2\"/></table:table-row>",
                t("thu_ktn"),
                t("2027")
            )
        } else {
            String::new()
        },
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    for (member, text) in [("META-INF/manifest.xml", manifest), ("content.xml", content.as_str())] {
        zip.start_file(member, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    env.file(name, zip.finish().unwrap().into_inner())
}

/// The same rules in `.ods`: the hidden first sheet passed over, the
/// spanned label counted for both rows, the hidden row and the formula
/// without a value refused by row and cell.
#[test]
fn ods_hidden_merged_and_formula_cells() {
    let env = env();
    let path = ods(&env, "so-lieu.ods", true);
    let name = path.to_str().unwrap();
    refused(
        &env,
        &[name],
        &[
            "so-lieu.ods:Quý 3!4: this row is hidden or filtered out",
            "so-lieu.ods:Quý 3!5: gia_tri: cell C5 holds a formula whose result was not saved",
            "2 bad rows of 4",
        ],
    );
    // Hidden rows left out, the formula row taken out: both spanned rows read.
    env.cmd()
        .args(["--lang", "en", "import", name, "--hidden", "skip", "--dry-run"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("Quý 3!5: gia_tri: cell C5")
                .and(predicate::str::contains("Quý 3!4").not()),
        );
    let path = ods(&env, "khong-cong-thuc.ods", false);
    env.cmd()
        .args(["--lang", "en", "import", path.to_str().unwrap(), "--hidden", "skip"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(sheet Quý 3): 2 rows"));
    let got = figures(&env);
    assert!(got.contains(&fig("doanh_nghiep", "2027-Q1", 101.0, "2028-01-20", "tester")), "{got:?}");
    assert!(got.contains(&fig("doanh_nghiep", "2027-Q2", 102.0, "2028-01-20", "tester")), "{got:?}");
    assert!(!got.iter().any(|f| f.2 == 150.0 || f.2 == 100.0), "hidden row and sheet unread: {got:?}");
}

/// The same in `.xls`: tests/fixtures/so-lieu.xls with its row 5 marked
/// hidden (the `fDyZero` bit of its BIFF `ROW` record) is refused by row;
/// with `--hidden skip` the other three rows are read.
#[test]
fn xls_hidden_rows() {
    let env = env();
    let mut bytes = std::fs::read(repo_file("tests/fixtures/so-lieu.xls")).unwrap();
    // ROW records: type 0x0208, 16 bytes; rw 4 is the sheet's row 5.
    let at = bytes
        .windows(6)
        .position(|w| w == [0x08, 0x02, 0x10, 0x00, 0x04, 0x00])
        .expect("the ROW record of row 5");
    bytes[at + 4 + 12] |= 0x20;
    let path = env.file("an-hang.xls", &bytes);
    let name = path.to_str().unwrap();
    refused(&env, &[name], &["an-hang.xls:So lieu!5: this row is hidden or filtered out", "1 bad row of 4"]);
    env.cmd()
        .args(["--lang", "en", "import", name, "--hidden", "skip"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(sheet So lieu): 3 rows"))
        .stdout(predicate::str::contains("1 hidden rows left out"));
}
