//! Workbooks both ways (issue #14): `report`/`log --format xlsx`, `plan
//! template`, and LibreOffice opening the exports (scripts/check-xlsx.sh).
//! Expected values are the figures typed here.

use crate::common::*;
use calamine::{Data, Reader, Xlsx};
use predicates::prelude::*;
use std::io::Cursor;

/// A commune plan in Vietnamese: a half-yearly count, a quarterly amount
/// in millions and a yearly percentage.
pub const VI_PLAN: &str = r#"
[plan]
id = "12-KH/UBND"
title = "Kế hoạch thử"
start = 2026
end = 2028
lang = "vi"
numbers = "vi"

[agencies]
pkt = "Phòng Kinh tế"

[reporting.due_days]
year = 15
half = 15
quarter = 10
month = 5

[[group]]
id = "ktn"
name = "Kinh tế tư nhân"
content = "Phát triển doanh nghiệp"
lead = "pkt"
responsibility = "Phòng Kinh tế chịu trách nhiệm"
schedule = { start = 2026, end = 2028 }
deliverables = ["Báo cáo năm"]
oversight = { by = "pkt", every = "quarter" }

[[group.indicator]]
id = "so_dn"
name = "Doanh nghiệp hoạt động"
unit = "doanh nghiệp"
measure = "level"
every = "half"
target = ">= 100"

[[group.indicator]]
id = "thu_ns"
name = "Thu ngân sách"
unit = "triệu đồng"
measure = "flow"
every = "quarter"
target = ">= 10.000"
basis = "year"

[[group.indicator]]
id = "ty_le"
name = "Tỷ lệ hộ dùng dịch vụ số"
unit = "%"
measure = "level"
every = "year"
target = ">= 50"

[[group.task]]
id = "ke_hoach"
name = "Xây dựng kế hoạch chi tiết"
lead = "pkt"
due = 2026-06-30
"#;

pub fn workbook(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes)).expect("an xlsx workbook")
}

/// The ledger of these tests: three figures and a completion, recorded
/// one by one (the import of workbooks is tested on its own).
fn recorded() -> Env {
    let env = Env::with_plan(VI_PLAN).today("2026-11-26");
    for args in [
        &["record", "so_dn", "96", "--period", "2026-H1", "--date", "2026-07-10"][..],
        &["record", "thu_ns", "2.459,9", "--period", "2026-Q1", "--date", "2026-04-08"],
        &["record", "thu_ns", "2.460,1", "--period", "2026-Q2", "--date", "2026-07-09"],
        &["done", "ke_hoach", "--date", "2026-06-25"],
    ] {
        env.cmd().args(args).assert().success();
    }
    env
}

#[test]
fn report_xlsx_has_a_summary_a_sheet_per_group_periods_and_tasks() {
    let env = recorded();
    let out = env.dir.path().join("bao-cao.xlsx");
    env.cmd().args(["report", "--year", "2026", "--format", "xlsx", "--output"]).arg(&out).assert().success();
    let mut wb = workbook(std::fs::read(&out).unwrap());
    // A group's sheet is named in words (its section, if any, and name).
    assert_eq!(wb.sheet_names(), ["Tổng hợp", "Kinh tế tư nhân", "Các kỳ báo cáo", "Nhiệm vụ"]);

    // The group's sheet: its name, "Năm 2026 · tính đến …", the line that
    // says the figures are provisional (the year is not over on 26/11), the
    // group's headline with what it rests on, the ledger's fingerprint, its
    // lead, a blank line, the header on row 8.
    let g = wb.worksheet_range("Kinh tế tư nhân").unwrap();
    assert_eq!(g.get_value((0, 0)), Some(&Data::String("Kinh tế tư nhân".into())));
    assert!(
        matches!(g.get_value((4, 0)), Some(Data::String(s)) if s.contains(" 5:")),
        "{:?}",
        g.get_value((4, 0))
    );
    assert!(
        matches!(g.get_value((3, 0)), Some(Data::String(s)) if s.starts_with("Cả nhóm: Tỷ lệ đạt") && s.contains("chỉ tiêu")),
        "{:?}",
        g.get_value((3, 0))
    );
    assert_eq!(g.get_value((2, 0)), Some(&Data::String("Số liệu ước thực hiện, tính đến 26/11/2026".into())));
    assert_eq!(g.get_value((7, 0)), Some(&Data::String("STT".into())));
    assert_eq!(g.get_value((7, 4)), Some(&Data::String("Giá trị".into())));
    // so_dn: 96, no target for 2026 (>= 100 is for 2028): 96 % of the way;
    // thu_ns: 2.459,9 + 2.460,1 = 4.920 of 10.000 in the year: 49,2 %.
    assert_eq!(g.get_value((8, 1)), Some(&Data::String("so_dn".into())));
    assert_eq!(g.get_value((8, 4)), Some(&Data::Float(96.0)));
    assert_eq!(g.get_value((8, 6)), Some(&Data::Empty));
    // After the attainment: the pace columns (empty in a year report), then
    // the progress to the final target.
    assert_eq!(g.get_value((8, 7)), Some(&Data::Empty));
    assert_eq!(g.get_value((8, 9)), Some(&Data::Float(0.96)));
    assert_eq!(g.get_value((9, 1)), Some(&Data::String("thu_ns".into())));
    assert_eq!(g.get_value((9, 4)), Some(&Data::Float(4920.0)));
    assert_eq!(g.get_value((9, 6)), Some(&Data::Float(0.492)));

    // The periods sheet: typed value and real dates.
    let p = wb.worksheet_range("Các kỳ báo cáo").unwrap();
    let row = (0..p.height() as u32)
        .find(|&r| p.get_value((r, 3)) == Some(&Data::String("Quý 1/2026".into())))
        .expect("a row for Q1 2026");
    assert_eq!(p.get_value((row, 4)), Some(&Data::Float(2459.9)));
    let date = |v: Option<&Data>| match v {
        Some(Data::DateTime(d)) => d.as_datetime().map(|t| t.date().to_string()),
        other => panic!("not a date cell: {other:?}"),
    };
    assert_eq!(date(p.get_value((row, 6))).as_deref(), Some("2026-04-08"));
    assert_eq!(date(p.get_value((row, 7))).as_deref(), Some("2026-04-10"));

    // Four title lines, a blank line, the header, the task.
    let t = wb.worksheet_range("Nhiệm vụ").unwrap();
    assert_eq!(t.get_value((6, 1)), Some(&Data::String("ke_hoach".into())));
    assert_eq!(date(t.get_value((6, 6))).as_deref(), Some("2026-06-25"));
}

#[test]
fn log_xlsx_on_stdout_in_english() {
    let env = recorded();
    let out = env.cmd().args(["--lang", "en", "log", "--format", "xlsx"]).assert().success();
    let mut wb = workbook(out.get_output().stdout.clone());
    assert_eq!(wb.sheet_names(), ["Log"]);
    let s = wb.worksheet_range("Log").unwrap();
    assert_eq!(s.get_value((2, 0)), Some(&Data::String("Entry".into())));
    // (#1 is the plan version, which the log leaves to `plan history`.)
    assert_eq!(s.get_value((4, 0)), Some(&Data::Float(3.0)));
    assert_eq!(s.get_value((4, 4)), Some(&Data::Float(2459.9)));
    assert_eq!(s.get_value((4, 5)), Some(&Data::String("2.459,9".into())));
}

#[test]
fn template_takes_only_xlsx_or_csv() {
    let env = recorded();
    env.cmd()
        .args(["template", "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`--format <KIỂU>`: chỉ nhận csv, xlsx"));
}

#[test]
fn template_csv_lists_the_periods_due_and_missing() {
    let env = recorded();
    // 2026-11-26: so_dn H1 is in; Q1 and Q2 of thu_ns are in, Q3 ended on
    // 09-30; ty_le 2026 and so_dn H2 have not ended.
    let out = env.cmd().args(["template"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    // Headers in words, the period in words, the group's lead and the due
    // date (30/09 + 10 days of a quarter = 10/10/2026) beside the ids.
    assert_eq!(
        text,
        "\u{feff}STT;Mã chỉ tiêu;Tên chỉ tiêu;Đơn vị tính;Kỳ báo cáo;Cơ quan chủ trì;Hạn báo cáo;\
         Số liệu kỳ trước;Giá trị;Ngày báo cáo;Người nhập;Nguồn\n\
         1;thu_ns;Thu ngân sách;triệu đồng;Quý 3/2026;Phòng Kinh tế;10/10/2026;2.460,1;;;;\n"
    );
}

#[test]
fn template_xlsx_for_a_period() {
    let env = recorded();
    let out = env.dir.path().join("mau.xlsx");
    env.cmd()
        .args(["template", "--period", "2026-H2", "--format", "xlsx", "-o"])
        .arg(&out)
        .assert()
        .success();
    let mut wb = workbook(std::fs::read(&out).unwrap());
    assert_eq!(wb.sheet_names(), ["Số liệu"]);
    let s = wb.worksheet_range("Số liệu").unwrap();
    // Title lines (the instructions), a blank line, then the header.
    let at = (0..10).find(|&r| s.get_value((r, 0)) == Some(&Data::String("STT".into()))).expect("the header");
    let header: Vec<_> = (0..12).map(|c| s.get_value((at, c)).cloned()).collect();
    let names = [
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
    ];
    assert_eq!(header, names.map(|n| Some(Data::String(n.into()))));
    // 2026-H2 holds so_dn's half, thu_ns's Q3 and Q4, ty_le's nothing (a
    // year is not inside a half).
    let row = |r: u32| s.get_value((at + r, 1)).cloned();
    assert_eq!(row(1), Some(Data::String("so_dn".into())));
    assert_eq!(s.get_value((at + 1, 4)), Some(&Data::String("6 tháng cuối năm 2026".into())));
    assert_eq!(s.get_value((at + 1, 5)), Some(&Data::String("Phòng Kinh tế".into())));
    assert_eq!(s.get_value((at + 1, 7)), Some(&Data::Float(96.0)));
    assert_eq!(row(2), Some(Data::String("thu_ns".into())));
    assert_eq!(s.get_value((at + 2, 4)), Some(&Data::String("Quý 3/2026".into())));
    assert_eq!(s.get_value((at + 3, 4)), Some(&Data::String("Quý 4/2026".into())));
    assert_eq!(s.height() as u32, at + 4, "so_dn H2, thu_ns Q3 and Q4");
}

#[test]
fn template_period_outside_the_plan_is_refused() {
    let env = recorded();
    env.cmd()
        .args(["template", "--period", "2031-Q1"])
        .assert()
        .code(1)
        // One message for every command (`Plan::within_years`).
        .stderr(predicate::str::contains("--period 2031-Q1 nằm ngoài các năm của kế hoạch 2026–2028"));
}

/// SPEC §4: a binary format to a terminal is refused, saying how to save it.
#[test]
fn xlsx_to_a_terminal_is_refused() {
    use expectrl::{Eof, Expect};
    let env = recorded();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_plan"));
    cmd.current_dir(env.dir.path())
        .env("PLAN_TODAY", &env.today)
        .env_remove("PLAN_FILE")
        .env_remove("PLAN_LEDGER")
        .arg("--plan")
        .arg(&env.plan)
        .arg("--ledger")
        .arg(&env.ledger)
        .args(["--lang", "en", "report", "--format", "xlsx"]);
    let mut p = expectrl::Session::spawn(cmd).expect("spawn plan on a pty");
    p.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
    p.expect("this format is binary and stdout is a terminal").expect("the refusal");
    p.expect(Eof).expect("plan ends");
    let status = p.get_process().wait().expect("exit status");
    assert_eq!(status, expectrl::process::unix::WaitStatus::Exited(p.get_process().pid(), 1));
}

/// scripts/check-xlsx.sh: LibreOffice opens the exports and finds numbers
/// and dates (skipped, saying why, where LibreOffice is not installed).
#[test]
fn libreoffice_reads_numbers_and_dates() {
    let has_soffice = std::process::Command::new("sh")
        .args(["-c", "command -v soffice"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_soffice {
        eprintln!("skipped: soffice is not installed (scripts/install-libreoffice.sh installs it)");
        return;
    }
    let out = std::process::Command::new("bash")
        .arg(repo_file("scripts/check-xlsx.sh"))
        .env("PLAN", env!("CARGO_BIN_EXE_plan"))
        .env_remove("PLAN_FILE")
        .env_remove("PLAN_LEDGER")
        .output()
        .expect("run scripts/check-xlsx.sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(" 0 failed"), "{stdout}");
}

/// The ids of the sheets in tests/fixtures/so-lieu.{ods,xls}: a quarterly
/// count, a yearly percentage and two yearly amounts, under `vi` numbers.
pub const FIXTURE_PLAN: &str = r#"
[plan]
id = "14-KH/UBND"
title = "Kế hoạch thử bảng tính"
start = 2026
end = 2028
lang = "vi"
numbers = "vi"

[agencies]
pkt = "Phòng Kinh tế"

[[group]]
id = "ktn"
name = "Kinh tế tư nhân"
content = "Phát triển doanh nghiệp"
lead = "pkt"
responsibility = "Phòng Kinh tế chịu trách nhiệm"
schedule = { start = 2026, end = 2028 }
deliverables = ["Báo cáo năm"]
oversight = { by = "pkt", every = "quarter" }

[[group.indicator]]
id = "doanh_nghiep"
name = "Doanh nghiệp hoạt động"
unit = "doanh nghiệp"
measure = "level"
every = "quarter"

[[group.indicator]]
id = "ty_le"
name = "Tỷ lệ hộ dùng dịch vụ số"
unit = "%"
measure = "level"
every = "year"

[[group.indicator]]
id = "thu_ns"
name = "Thu ngân sách"
unit = "triệu đồng"
measure = "flow"
every = "year"

[[group.indicator]]
id = "thu_ktn"
name = "Thu từ kinh tế tư nhân"
unit = "triệu đồng"
measure = "flow"
every = "year"
"#;

/// (indicator, period, value, date, by) of every entry, in ledger order.
pub fn figures(env: &Env) -> Vec<(String, String, f64, String, String)> {
    env.log_json()
        .iter()
        .map(|e| {
            (
                e["indicator"].as_str().unwrap_or_default().to_string(),
                e["period"].as_str().unwrap_or_default().to_string(),
                e["value"].as_f64().unwrap_or(f64::NAN),
                e["date"].as_str().unwrap_or_default().to_string(),
                e["by"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

pub fn fig(i: &str, p: &str, v: f64, d: &str, by: &str) -> (String, String, f64, String, String) {
    (i.into(), p.into(), v, d.into(), by.into())
}

/// A department's workbook: a title row, a blank row, the header with STT
/// on row 3, a date cell, a percent cell, a number stored as text in the
/// plan's style and a formula (its cached value counts: the file is as a
/// spreadsheet saves it, without rust_xlsxwriter's "recalculate on open").
pub fn department_workbook(env: &Env, name: &str) -> std::path::PathBuf {
    let path = program_workbook(env, name);
    patch_zip(&path, "xl/workbook.xml", &[(" fullCalcOnLoad=\"1\"", "")]);
    path
}

/// Replaces text in one member of a zip (a workbook's XML), as the tests
/// need what rust_xlsxwriter cannot write: a formula without its result,
/// a spreadsheet's save without "recalculate on open".
pub fn patch_zip(path: &std::path::Path, member: &str, edits: &[(&str, &str)]) {
    use std::io::{Read, Write};
    let mut src = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut found = false;
    for i in 0..src.len() {
        let mut f = src.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if name == member {
            let mut text = String::from_utf8(bytes).unwrap();
            for (from, to) in edits {
                assert!(text.contains(from), "{from:?} not in {member}: {text}");
                text = text.replace(from, to);
            }
            bytes = text.into_bytes();
            found = true;
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&bytes).unwrap();
    }
    assert!(found, "no {member} in {}", path.display());
    std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

/// [`department_workbook`] as a program writes it (rust_xlsxwriter, like
/// XlsxWriter and openpyxl): it asks to be recalculated when opened.
pub fn program_workbook(env: &Env, name: &str) -> std::path::PathBuf {
    use rust_xlsxwriter::{Format, Formula, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Quý 3").unwrap();
    ws.write_string(0, 0, "BÁO CÁO SỐ LIỆU QUÝ 3/2027").unwrap();
    for (c, h) in
        ["STT", "Chỉ tiêu", "Kỳ", "Giá trị (theo đơn vị)", "Ngày báo cáo", "Người nhập"].iter().enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let day = chrono::NaiveDate::from_ymd_opt(2027, 10, 8).unwrap();
    let rows: [(&str, &str); 4] =
        [("doanh_nghiep", "2027-Q3"), ("ty_le", "2027"), ("thu_ns", "2027"), ("thu_ktn", "2027")];
    for (r, (ind, period)) in rows.iter().enumerate() {
        let r = r as u32 + 3;
        ws.write_number(r, 0, f64::from(r - 2)).unwrap();
        ws.write_string(r, 1, *ind).unwrap();
        ws.write_string(r, 2, *period).unwrap();
        ws.write_date_with_format(r, 4, day, &date).unwrap();
        ws.write_string(r, 5, "Chị Lan").unwrap();
    }
    ws.write_number(3, 3, 104).unwrap();
    ws.write_number_with_format(4, 3, 0.102, &Format::new().set_num_format("0.0%")).unwrap();
    ws.write_string(5, 3, "1.234,5").unwrap();
    ws.write_formula(6, 3, Formula::new("=D4*2").set_result("208")).unwrap();
    let path = env.dir.path().join(name);
    wb.save(&path).unwrap();
    path
}

#[test]
fn xlsx_import_takes_cells_as_typed() {
    let env = Env::with_plan(FIXTURE_PLAN).today("2028-01-20");
    let path = department_workbook(&env, "so-lieu.xlsx");
    // A dry run checks every row and writes nothing, not even a ledger.
    env.cmd()
        .args(["--lang", "en", "import", "--dry-run"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("4 rows: 4 added, 0 unchanged (dry run: nothing written)"));
    assert!(!env.ledger.exists());
    env.cmd().arg("import").arg(&path).assert().success();
    let d = "2027-10-08";
    assert_eq!(
        figures(&env),
        vec![
            fig("doanh_nghiep", "2027-Q3", 104.0, d, "Chị Lan"),
            fig("ty_le", "2027", 10.2, d, "Chị Lan"),
            fig("thu_ns", "2027", 1234.5, d, "Chị Lan"),
            fig("thu_ktn", "2027", 208.0, d, "Chị Lan"),
        ]
    );
    // The same file again is refused, naming the batch; nothing changes.
    let before = std::fs::read(&env.ledger).unwrap();
    env.cmd()
        .arg("import")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("so-lieu.xlsx").and(predicate::str::contains("#1")));
    assert_eq!(std::fs::read(&env.ledger).unwrap(), before);
}

#[test]
fn ods_and_stdin_workbooks_import() {
    // tests/fixtures/so-lieu.ods: the sheet of the unit tests, made by
    // LibreOffice; rows without a date are dated today.
    let env = Env::with_plan(FIXTURE_PLAN).today("2028-01-20");
    env.cmd().arg("import").arg(repo_file("tests/fixtures/so-lieu.ods")).assert().success();
    assert_eq!(
        figures(&env),
        vec![
            fig("doanh_nghiep", "2027-Q3", 104.0, "2027-10-08", "Phòng Kinh tế"),
            fig("ty_le", "2027", 10.2, "2028-01-20", "tester"),
            fig("thu_ns", "2027", 1234.5, "2028-01-20", "tester"),
            fig("thu_ktn", "2027", 208.0, "2028-01-20", "tester"),
        ]
    );
    // A workbook on standard input is told by its bytes.
    let env = Env::with_plan(FIXTURE_PLAN).today("2028-01-20");
    let path = department_workbook(&env, "x.xlsx");
    env.cmd().args(["import", "-"]).pipe_stdin(&path).unwrap().assert().success();
    assert_eq!(figures(&env).len(), 4);
}

#[test]
fn a_period_the_spreadsheet_turned_into_a_date_is_refused() {
    use rust_xlsxwriter::{Format, Workbook};
    let env = Env::with_plan(FIXTURE_PLAN).today("2028-01-20");
    env.cmd().args(["record", "thu_ns", "5", "--period", "2026"]).assert().success();
    let before = std::fs::read(&env.ledger).unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["chi_tieu", "ky", "gia_tri"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "thu_ns").unwrap();
    ws.write_string(1, 1, "2027").unwrap();
    ws.write_number(1, 2, 7).unwrap();
    // `7/2027` typed into a General cell: Excel stores 1 July 2027.
    ws.write_string(2, 0, "doanh_nghiep").unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2027, 7, 1).unwrap();
    ws.write_date_with_format(2, 1, day, &Format::new().set_num_format("m/yyyy")).unwrap();
    ws.write_number(2, 2, 9).unwrap();
    let path = env.dir.path().join("ky.xlsx");
    wb.save(&path).unwrap();
    env.cmd()
        .arg("import")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ky.xlsx:Sheet1!3: ky: "))
        .stderr(predicate::str::contains("`01/07/2027` là ngày, không phải kỳ"));
    assert_eq!(std::fs::read(&env.ledger).unwrap(), before, "nothing imported");
}

#[test]
fn a_missing_sheet_names_the_sheets_there_are() {
    let env = Env::with_plan(FIXTURE_PLAN).today("2028-01-20");
    env.cmd().args(["record", "thu_ns", "5", "--period", "2026"]).assert().success();
    let before = std::fs::read(&env.ledger).unwrap();
    let path = department_workbook(&env, "so-lieu.xlsx");
    env.cmd().args(["--lang", "en", "import"]).arg(&path).args(["--sheet", "Quý 4"]).assert().code(1).stderr(
        predicate::str::contains("there is no sheet `Quý 4` in this workbook; its sheets are: Quý 3"),
    );
    assert_eq!(std::fs::read(&env.ledger).unwrap(), before);
    // --sheet for a CSV file is a mistake, said as such.
    let csv = env.file("a.csv", "chi_tieu;ky;gia_tri\nthu_ns;2027;5\n");
    env.cmd()
        .args(["--lang", "en", "import"])
        .arg(&csv)
        .args(["--sheet", "Quý 3"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--sheet is for workbooks"));
    assert_eq!(std::fs::read(&env.ledger).unwrap(), before);
}

/// The round trip of issue #14: `template` → filled in by the office (here
/// the test) → `import` → `report` shows the figures.
#[test]
fn template_filled_in_imports_and_reports() {
    use rust_xlsxwriter::Workbook;
    let env = recorded();
    let blank = env.dir.path().join("mau.xlsx");
    env.cmd().args(["template", "--format", "xlsx", "--output"]).arg(&blank).assert().success();

    // Copy the template, typing a value and a date into each row.
    let mut src = workbook(std::fs::read(&blank).unwrap());
    let range = src.worksheet_range("Số liệu").unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Số liệu").unwrap();
    let mut filled = 0;
    for (r, row) in range.rows().enumerate() {
        let r = r as u32 + range.start().unwrap().0;
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Data::String(s) => ws.write_string(r, c as u16, s).map(|_| ()).unwrap(),
                Data::Float(x) => ws.write_number(r, c as u16, *x).map(|_| ()).unwrap(),
                _ => {}
            }
        }
        if row.get(1) == Some(&Data::String("thu_ns".into())) {
            ws.write_number(r, 8, 2600.5).unwrap();
            let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
            ws.write_date_with_format(r, 9, chrono::NaiveDate::from_ymd_opt(2026, 10, 9).unwrap(), &date)
                .unwrap();
            filled += 1;
        }
    }
    assert_eq!(filled, 1, "the template holds the one missing period, thu_ns 2026-Q3");
    let path = env.dir.path().join("da-dien.xlsx");
    wb.save(&path).unwrap();
    env.cmd().arg("import").arg(&path).assert().success();

    // thu_ns in 2026: 2.459,9 + 2.460,1 + 2.600,5 = 7.520,5 of 10.000.
    let r = env.report_json(&["--year", "2026"]);
    let thu_ns = &r["groups"][0]["indicators"][1];
    assert_eq!(thu_ns["id"], "thu_ns");
    assert_eq!(thu_ns["value"], 7520.5);
    let q3 = thu_ns["periods"].as_array().unwrap().iter().find(|p| p["period"] == "2026-Q3").unwrap();
    assert_eq!(q3["reported_on"], "2026-10-09");
    // Nothing is due any more.
    env.cmd().arg("template").assert().success().stdout("").stderr(predicate::str::contains("26/11/2026"));
}

/// The CSV template imports too, once its value cells are typed in.
#[test]
fn template_csv_filled_in_imports() {
    let env = recorded();
    let out = env.cmd().arg("template").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let filled = text.replace(";2.460,1;;;;", ";2.460,1;2.600,5;09/10/2026;Chị Lan;Báo cáo 9/BC");
    assert_ne!(filled, text);
    let path = env.file("mau.csv", filled);
    env.cmd().arg("import").arg(&path).assert().success();
    let last = env.log_json().pop().unwrap();
    assert_eq!(
        (&last["indicator"], &last["period"], &last["value"], &last["date"], &last["by"], &last["source"]),
        (
            &"thu_ns".into(),
            &"2026-Q3".into(),
            &2600.5.into(),
            &"2026-10-09".into(),
            &"Chị Lan".into(),
            &"Báo cáo 9/BC".into()
        )
    );
}

/// `check` and `show` print text; a workbook (or a document) is refused
/// rather than silently printed as a table: a usage error (exit 2) that
/// lists the formats the command writes, as `--help` does.
#[test]
fn check_and_show_refuse_binary_formats() {
    let env = Env::with_plan(VI_PLAN);
    for (cmd, format) in [("check", "xlsx"), ("show", "xlsx"), ("check", "html"), ("show", "html")] {
        env.cmd().args(["--lang", "en", cmd, "--format", format]).assert().code(2).stdout("").stderr(
            predicate::str::contains(format!(
                "invalid value `{format}` for `--format <FORMAT>`: expected one of table, csv, json, md"
            )),
        );
    }
}

/// A value right of the header (a note typed beside the table) is an error
/// of its row, named by its column; the other rows' errors are listed too
/// and nothing is imported.
#[test]
fn a_value_beside_the_table_is_refused() {
    use rust_xlsxwriter::Workbook;
    let env = Env::with_plan(FIXTURE_PLAN).today("2028-01-20");
    env.cmd().args(["record", "thu_ns", "5", "--period", "2026"]).assert().success();
    let before = std::fs::read(&env.ledger).unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["chi_tieu", "ky", "gia_tri"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "thu_ns").unwrap();
    ws.write_string(1, 1, "2027").unwrap();
    ws.write_number(1, 2, 7).unwrap();
    ws.write_string(1, 4, "số liệu tạm").unwrap();
    ws.write_string(2, 0, "thu_ktn").unwrap();
    ws.write_string(2, 1, "2027").unwrap();
    ws.write_string(2, 2, "9.5").unwrap();
    let path = env.dir.path().join("ghi-chu.xlsx");
    wb.save(&path).unwrap();
    env.cmd()
        .args(["--lang", "en", "import"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ghi-chu.xlsx:Sheet1!2: column 5: a value under no header"))
        .stderr(predicate::str::contains("ghi-chu.xlsx:Sheet1!3: gia_tri: "))
        .stderr(predicate::str::contains("2 bad rows of 2"));
    assert_eq!(std::fs::read(&env.ledger).unwrap(), before);
}
