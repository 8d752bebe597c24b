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

fn workbook(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
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
    assert_eq!(wb.sheet_names(), ["Tổng hợp", "ktn", "Các kỳ báo cáo", "Nhiệm vụ"]);

    // The group's sheet: title, "Năm 2026 · …", lead, blank, header on row 5.
    let g = wb.worksheet_range("ktn").unwrap();
    assert_eq!(g.get_value((4, 0)), Some(&Data::String("STT".into())));
    assert_eq!(g.get_value((4, 4)), Some(&Data::String("Giá trị".into())));
    // so_dn: 96, no target for 2026 (>= 100 is for 2028): 96 % of the way;
    // thu_ns: 2.459,9 + 2.460,1 = 4.920 of 10.000 in the year: 49,2 %.
    assert_eq!(g.get_value((5, 1)), Some(&Data::String("so_dn".into())));
    assert_eq!(g.get_value((5, 4)), Some(&Data::Float(96.0)));
    assert_eq!(g.get_value((5, 6)), Some(&Data::Empty));
    assert_eq!(g.get_value((5, 7)), Some(&Data::Float(0.96)));
    assert_eq!(g.get_value((6, 1)), Some(&Data::String("thu_ns".into())));
    assert_eq!(g.get_value((6, 4)), Some(&Data::Float(4920.0)));
    assert_eq!(g.get_value((6, 6)), Some(&Data::Float(0.492)));

    // The periods sheet: typed value and real dates.
    let p = wb.worksheet_range("Các kỳ báo cáo").unwrap();
    let row = (0..p.height() as u32)
        .find(|&r| p.get_value((r, 3)) == Some(&Data::String("Quý I/2026".into())))
        .expect("a row for Q1 2026");
    assert_eq!(p.get_value((row, 4)), Some(&Data::Float(2459.9)));
    let date = |v: Option<&Data>| match v {
        Some(Data::DateTime(d)) => d.as_datetime().map(|t| t.date().to_string()),
        other => panic!("not a date cell: {other:?}"),
    };
    assert_eq!(date(p.get_value((row, 6))).as_deref(), Some("2026-04-08"));
    assert_eq!(date(p.get_value((row, 7))).as_deref(), Some("2026-04-10"));

    let t = wb.worksheet_range("Nhiệm vụ").unwrap();
    assert_eq!(t.get_value((4, 1)), Some(&Data::String("ke_hoach".into())));
    assert_eq!(date(t.get_value((4, 6))).as_deref(), Some("2026-06-25"));
}

#[test]
fn log_xlsx_on_stdout_in_english() {
    let env = recorded();
    let out = env.cmd().args(["--lang", "en", "log", "--format", "xlsx"]).assert().success();
    let mut wb = workbook(out.get_output().stdout.clone());
    assert_eq!(wb.sheet_names(), ["Log"]);
    let s = wb.worksheet_range("Log").unwrap();
    assert_eq!(s.get_value((2, 0)), Some(&Data::String("Entry".into())));
    assert_eq!(s.get_value((4, 0)), Some(&Data::Float(2.0)));
    assert_eq!(s.get_value((4, 4)), Some(&Data::Float(2459.9)));
    assert_eq!(s.get_value((4, 5)), Some(&Data::String("2.459,9".into())));
}

#[test]
fn template_takes_only_xlsx_or_csv() {
    let env = recorded();
    env.cmd()
        .args(["template", "--format", "json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("xlsx"));
}

#[test]
fn template_csv_lists_the_periods_due_and_missing() {
    let env = recorded();
    // 2026-11-26: so_dn H1 is in; Q1 and Q2 of thu_ns are in, Q3 ended on
    // 09-30; ty_le 2026 and so_dn H2 have not ended.
    let out = env.cmd().args(["template"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(
        text,
        "\u{feff}STT;chi_tieu;ten;don_vi;ky;so_lieu_ky_truoc;gia_tri;ngay;nguoi_nhap;nguon\n\
         1;thu_ns;Thu ngân sách;triệu đồng;2026-Q3;2.460,1;;;;\n"
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
    // Three title lines, a blank line, the header on row 5.
    let header: Vec<_> = (0..10).map(|c| s.get_value((4, c)).cloned()).collect();
    let names = [
        "STT",
        "chi_tieu",
        "ten",
        "don_vi",
        "ky",
        "so_lieu_ky_truoc",
        "gia_tri",
        "ngay",
        "nguoi_nhap",
        "nguon",
    ];
    assert_eq!(header, names.map(|n| Some(Data::String(n.into()))));
    assert_eq!(s.get_value((5, 1)), Some(&Data::String("so_dn".into())));
    assert_eq!(s.get_value((5, 4)), Some(&Data::String("2026-H2".into())));
    assert_eq!(s.get_value((5, 5)), Some(&Data::Float(96.0)));
    assert_eq!(s.height(), 6, "one indicator is half-yearly");
}

#[test]
fn template_period_outside_the_plan_is_refused() {
    let env = recorded();
    env.cmd()
        .args(["template", "--period", "2031-Q1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("2031-Q1").and(predicate::str::contains("2026–2028")));
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
    p.expect("--format xlsx writes a binary file: redirect it (`> report.xlsx`) or give --output FILE")
        .expect("the refusal");
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
