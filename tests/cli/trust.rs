//! Issue #11 "No figure silently misread or lost": each numbered fault of
//! the issue, as offices really type and export figures, with the shipped
//! plan (`numbers = "vi"`, `dates = "dmy"`). Every refusal is checked for
//! its message (where, what was seen, how to write it), exit 1, and a
//! ledger unchanged byte for byte.

use crate::common::*;
use serde_json::Value;
use std::path::Path;

/// The shipped plan on 26 November 2026.
fn shipped() -> Env {
    Env::with_repo_plan("plan.toml").today("2026-11-26")
}

/// The ledger's bytes (`None` when there is none): a refused command must
/// leave them as they were.
fn ledger_bytes(env: &Env) -> Option<Vec<u8>> {
    std::fs::read(&env.ledger).ok()
}

/// `plan --lang en ARGS`: its exit code, stdout and stderr.
fn run(env: &Env, args: &[&str]) -> (Option<i32>, String, String) {
    let out = env.cmd().args(["--lang", "en"]).args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok(env: &Env, args: &[&str]) -> String {
    let (code, out, err) = run(env, args);
    assert_eq!(code, Some(0), "plan {args:?}:\n{out}{err}");
    out
}

/// A refusal: exit 1, stderr holding every one of `wanted`, the ledger's
/// bytes and contents unchanged. Returns stderr.
fn refused(env: &Env, args: &[&str], wanted: &[&str]) -> String {
    refused_with(env, 1, args, wanted)
}

/// A malformed argument value: a usage error (exit 2, SPEC §4 "Exit
/// codes"), otherwise as [`refused`].
fn malformed(env: &Env, args: &[&str], wanted: &[&str]) -> String {
    refused_with(env, 2, args, wanted)
}

fn refused_with(env: &Env, want: i32, args: &[&str], wanted: &[&str]) -> String {
    let (bytes, contents) = (ledger_bytes(env), env.ledger_fingerprint());
    let (code, out, err) = run(env, args);
    assert_eq!(code, Some(want), "plan {args:?} should be refused:\n{out}{err}");
    for w in wanted {
        assert!(err.contains(w), "plan {args:?}: stderr lacks {w:?}:\n{err}");
    }
    assert!(ledger_bytes(env) == bytes, "plan {args:?} changed the ledger file");
    assert_eq!(env.ledger_fingerprint(), contents, "plan {args:?} changed the ledger");
    err
}

fn import_refused(env: &Env, file: &Path, extra: &[&str], wanted: &[&str]) -> String {
    let f = file.to_str().unwrap();
    refused(env, &[&["import", f], extra].concat(), wanted)
}

fn log(env: &Env) -> Vec<Value> {
    env.log_json()
}

fn figure<'a>(log: &'a [Value], indicator: &str, period: &str) -> &'a Value {
    log.iter()
        .rfind(|e| e["indicator"] == indicator && e["period"] == period)
        .unwrap_or_else(|| panic!("no figure {indicator} {period} in {log:#?}"))
}

/// A ledger with one figure, so that refusals have bytes to keep.
fn with_a_figure(env: &Env) {
    ok(env, &["record", "so_dn", "98", "--period", "2026-H1", "--date", "2026-07-10"]);
}

// 1. Two-digit years; dates before their period or the plan.

#[test]
fn two_digit_years_are_refused_everywhere() {
    let env = shipped();
    with_a_figure(&env);
    let csv = env.file("y.csv", "chi_tieu;ky;gia_tri;ngay\nso_dn;2026-H2;104;08/04/26\n");
    import_refused(&env, &csv, &[], &["y.csv:2: ngay: `08/04/26` has a two-digit year", "DD/MM/YYYY"]);
    malformed(
        &env,
        &["record", "thu_ns", "6.850", "--period", "2026-Q2", "--date", "05/04/26"],
        &["invalid --date: `05/04/26` has a two-digit year"],
    );
    malformed(&env, &["done", "ktn_kh", "--date", "26-06-25"], &["invalid --date", "two-digit year"]);
    malformed(
        &env,
        &["report", "--as-of", "30/06/26"],
        &["invalid --as-of: `30/06/26` has a two-digit year"],
    );
    // A year padded to four digits is no better.
    malformed(&env, &["record", "so_dn", "104", "--period", "2026-H2", "--date", "0026-11-20"], &["0026"]);
    let out = env.cmd().env("PLAN_TODAY", "26-11-26").args(["--lang", "en", "report"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PLAN_TODAY=`26-11-26` is not a date"));
    // The plan's order: 08/04/2026 is 8 April, and so is 2026-04-08.
    ok(&env, &["record", "thu_ns", "6.850", "--period", "2026-Q2", "--date", "08/07/2026"]);
    assert_eq!(figure(&log(&env), "thu_ns", "2026-Q2")["date"], "2026-07-08");
}

#[test]
fn dates_before_the_period_or_the_plan_are_refused() {
    let env = shipped();
    with_a_figure(&env);
    refused(
        &env,
        &["record", "thu_ns", "6.850", "--period", "2026-Q1", "--date", "2025-01-01"],
        &["invalid --date: date 2025-01-01 is before the period 2026-Q1 starts (2026-01-01)"],
    );
    let csv = env.file("q.csv", "Chỉ tiêu;Kỳ;Giá trị;Ngày\nthu_ns;2026-Q1;6.850;31/12/2025\n");
    import_refused(&env, &csv, &[], &["q.csv:2: Ngày: date 2025-12-31 is before the period 2026-Q1 starts"]);
    refused(
        &env,
        &["done", "ktn_kh", "--date", "2020-01-01"],
        &["invalid --date: date 2020-01-01 is before the plan's first year began (2026-01-01)"],
    );
    let csv = env.file("t.csv", "nhiem_vu;ngay\nktn_kh;2020-01-01\n");
    import_refused(&env, &csv, &[], &["t.csv:2: ngay: date 2020-01-01 is before the plan's first year"]);
    // A typed date in the other order is named, with the form that leaves
    // no doubt; --dates is an option of import only, not suggested here.
    for args in [
        &["record", "thu_ns", "6.850", "--period", "2026-Q2", "--date", "07/31/2026"][..],
        &["done", "ktn_kh", "--date", "07/31/2026"],
        &["correct", "1", "99", "--reason", "typo", "--date", "07/31/2026"],
        &["void", "1", "--reason", "typo", "--date", "07/31/2026"],
    ] {
        // One message and exit 2 in every writing command (SPEC §4).
        let err = malformed(
            &env,
            args,
            &["invalid --date", "not a date in DD/MM/YYYY order", "write it as YYYY-MM-DD, 2026-07-31"],
        );
        assert!(!err.contains("--dates"), "{args:?}: {err}");
    }
    // In a file, the other order is told to be imported with --dates.
    let csv = env.file("mdy.csv", "chi_tieu;ky;gia_tri;ngay\nthu_ns;2026-Q2;6.850;07/31/2026\n");
    import_refused(
        &env,
        &csv,
        &[],
        &["not a date in DD/MM/YYYY order", "write 31/07/2026 or 2026-07-31", "--dates"],
    );
    // With --dates mdy, a file written month first reads as it means.
    ok(&env, &["import", csv.to_str().unwrap(), "--dates", "mdy"]);
    assert_eq!(figure(&log(&env), "thu_ns", "2026-Q2")["date"], "2026-07-31");
}

#[test]
fn a_period_not_begun_is_named_when_the_date_is_todays_by_default() {
    // 29 November 2026: December has not begun.
    let env = Env::with_repo_plan("plan.toml").today("2026-11-29");
    with_a_figure(&env);
    let err = refused(
        &env,
        &["record", "viec_lam", "40", "--period", "2026-12"],
        &["invalid --period: period 2026-12 has not begun (today is 2026-11-29", "no figure yet"],
    );
    assert!(!err.contains("--date"), "{err}");
    // An import row without a date: the period column is at fault.
    let csv = env.file("dec.csv", "chi_tieu;ky;gia_tri\nviec_lam;2026-12;40\n");
    let err = import_refused(
        &env,
        &csv,
        &[],
        &["dec.csv:2: ky: period 2026-12 has not begun (today is 2026-11-29"],
    );
    assert!(!err.contains("before the period"), "{err}");
    // A date that was typed is still the date's fault.
    refused(
        &env,
        &["record", "viec_lam", "40", "--period", "2026-12", "--date", "2026-11-20"],
        &["invalid --date: date 2026-11-20 is before the period 2026-12 starts"],
    );
    // In Vietnamese, as a clerk writes periods and dates.
    let out = env.cmd().args(["record", "viec_lam", "40", "--period", "2026-12"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--period không hợp lệ: kỳ Tháng 12/2026 chưa bắt đầu (hôm nay là 29/11/2026"),
        "{err}"
    );
}

// 2. An English-style export into the vi plan; the ambiguity rule.

#[test]
fn a_decimal_mark_and_three_digits_is_ambiguous_everywhere() {
    let env = shipped();
    with_a_figure(&env);
    let csv = env.file(
        "en.csv",
        "chi_tieu;ky;gia_tri;ngay\nthu_ns;2026-Q1;\"9,230\";2026-04-08\nthu_ktn;2026-Q1;7,420;2026-04-08\n",
    );
    import_refused(
        &env,
        &csv,
        &[],
        &[
            "en.csv:2: gia_tri: `9,230` is ambiguous under `vi` numbers (a decimal or thousands?): write `9,23` or `9.230`",
            "en.csv:3: gia_tri: `7,420` is ambiguous",
            "2 bad rows of 2",
        ],
    );
    refused(
        &env,
        &["record", "thu_ns", "9,230", "--period", "2026-Q1"],
        &["invalid value", "write `9,23` or `9.230`"],
    );
    refused(&env, &["correct", "2", "1,040", "--reason", "x"], &["invalid value", "write `1,04` or `1.040`"]);
    // The same in a target of the plan.
    let text = std::fs::read_to_string(repo_file("plan.toml"))
        .unwrap()
        .replace("target = \"> 120\"", "target = \"> 9,230\"");
    let bad = Env::with_plan(&text);
    let out = bad.cmd().args(["--lang", "en", "check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(err.contains("`9,230` is ambiguous under `vi` numbers"), "{err}");
    // Under `en` numbers, `6.850` is the ambiguous one.
    let en = Env::with_plan(MINI_PLAN);
    refused(
        &en,
        &["record", "revenue", "6.850", "--period", "2026-Q1", "--date", "2026-04-01"],
        &["write `6.85` or `6,850`"],
    );
    // Written one way only, it goes in: 9.230 and 9,23.
    ok(&env, &["record", "thu_ns", "9.230", "--period", "2026-Q1", "--date", "2026-04-08"]);
    ok(&env, &["record", "thu_ktn", "9,23", "--period", "2026-Q1", "--date", "2026-04-08"]);
    let l = log(&env);
    assert_eq!(figure(&l, "thu_ns", "2026-Q1")["value"], 9230.0);
    assert_eq!(figure(&l, "thu_ktn", "2026-Q1")["value"], 9.23);
}

// 3. A `,`-delimited file with unquoted vi decimals.

#[test]
fn a_comma_delimited_file_under_vi_numbers_needs_delimiter() {
    let env = shipped();
    with_a_figure(&env);
    let csv = env.file("c.csv", "indicator,period,value,note\nthu_ns,2026-Q1,6.850,5\n");
    let err =
        import_refused(&env, &csv, &[], &["c.csv:1: the columns are separated by `,`", "--delimiter ,"]);
    assert!(!err.contains("6.850"), "{err}");
    // Asked for, with its decimals quoted, it reads.
    let csv = env.file("q.csv", "indicator,period,value,note\nthu_ns,2026-Q1,\"6.850,5\",x\n");
    ok(&env, &["import", csv.to_str().unwrap(), "--delimiter", ","]);
    assert_eq!(figure(&log(&env), "thu_ns", "2026-Q1")["value"], 6850.5);
}

// 4. Two values for one period in a file; replacements named.

#[test]
fn two_rows_for_one_period_are_refused_and_replacements_listed() {
    let env = shipped();
    with_a_figure(&env);
    let csv = env.file(
        "d.csv",
        "chi_tieu;ky;gia_tri;ngay\nviec_lam;2026-01;34;2026-02-03\nviec_lam;2026-01;43;2026-02-04\n",
    );
    import_refused(
        &env,
        &csv,
        &[],
        &["d.csv:3: gia_tri: viec_lam 2026-01: this row gives 43, row 2 gives 34"],
    );
    // The same value twice is no conflict.
    let csv = env.file(
        "a.csv",
        "chi_tieu;ky;gia_tri;ngay\nviec_lam;2026-01;34;2026-02-03\nviec_lam;2026-01;34;2026-02-03\n",
    );
    let out = ok(&env, &["import", csv.to_str().unwrap()]);
    assert!(out.contains("2 rows as batch #1: 1 added, 1 unchanged"), "{out}");
    let id = figure(&log(&env), "viec_lam", "2026-01")["id"].as_i64().unwrap();
    // A re-export where 34 became 340: named, old → new, in the dry run and the import.
    let csv = env.file(
        "b.csv",
        "chi_tieu;ky;gia_tri;ngay\nviec_lam;2026-01;340;2026-02-10\nviec_lam;2026-02;35;2026-03-03\n",
    );
    let line = format!("viec_lam 2026-01: 34 → 340 (replaces #{id}; {}:2)", csv.to_str().unwrap());
    let dry = ok(&env, &["import", csv.to_str().unwrap(), "--dry-run"]);
    assert!(dry.contains("2 added, 0 unchanged; 1 replaced (listed below)") && dry.contains(&line), "{dry}");
    let out = ok(&env, &["import", csv.to_str().unwrap()]);
    assert!(out.contains(&line), "{out}");
    assert_eq!(figure(&log(&env), "viec_lam", "2026-01")["value"], 340.0);
}

// 5. Counts: negative, fractional, too many digits.

#[test]
fn counts_are_whole_and_never_negative_and_values_hold_15_digits() {
    let env = shipped();
    with_a_figure(&env);
    refused(
        &env,
        &["record", "so_dn", "-5", "--period", "2026-H2"],
        &["invalid value: -5 is below the smallest valid figure of `so_dn` (0)"],
    );
    refused(
        &env,
        &["record", "ocop", "0,5", "--period", "2026"],
        &["invalid value: 0,5 is not a whole number", "`ocop`"],
    );
    let d36 = "123456789012345678901234567890123456";
    refused(
        &env,
        &["record", "thu_ns", d36, "--period", "2026-Q3"],
        &["has 36 significant digits: at most 15"],
    );
    let csv = env.file(
        "n.csv",
        "chi_tieu;ky;gia_tri;ngay\nviec_lam;2026-03;-2;2026-04-01\ndn_dmst;2026;47,5;2026-11-20\n",
    );
    import_refused(
        &env,
        &csv,
        &[],
        &["n.csv:2: gia_tri: -2 is below", "n.csv:3: gia_tri: 47,5 is not a whole number"],
    );
    // A rate may be negative (no min unless set).
    ok(&env, &["record", "tt_grdp", "-1,5", "--period", "2026", "--date", "2026-11-20"]);
}

// 6. Formula injection in csv outputs.

#[test]
fn csv_outputs_defuse_formulas() {
    let env = shipped();
    ok(
        &env,
        &[
            "record",
            "so_dn",
            "104",
            "--period",
            "2026-H2",
            "--date",
            "2026-11-20",
            "--by",
            "+1+2",
            "--source",
            "@SUM(1+1)",
            "--note",
            "=1+2",
        ],
    );
    let csv = ok(&env, &["log", "--format", "csv"]);
    for cell in ["'+1+2", "'@SUM(1+1)", "'=1+2"] {
        assert!(csv.contains(cell), "{cell} in {csv}");
    }
    assert!(!csv.contains(",=1+2") && !csv.contains(",@SUM"), "{csv}");
    // Report csv: a name or unit written in the plan starting with `=`.
    let text = std::fs::read_to_string(repo_file("plan.toml"))
        .unwrap()
        .replace("name = \"Doanh nghiệp hoạt động trên địa bàn xã\"", "name = \"=HYPERLINK(\\\"x\\\")\"");
    let env = Env::with_plan(&text).today("2026-11-26");
    let report = ok(&env, &["report", "--format", "csv"]);
    assert!(report.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{report}");
}

// 7. Text: controls, length, NFD.

#[test]
fn notes_are_clean_text() {
    let env = shipped();
    with_a_figure(&env);
    let args = |note: &str| -> Vec<String> {
        ["record", "so_dn", "104", "--period", "2026-H2", "--note", note].map(String::from).to_vec()
    };
    let esc = args("\u{1b}[2J\u{1b}[31mred");
    refused(
        &env,
        &esc.iter().map(String::as_str).collect::<Vec<_>>(),
        &["invalid --note: a control character (U+001B, character 1)"],
    );
    let long = args(&"á".repeat(2001));
    refused(
        &env,
        &long.iter().map(String::as_str).collect::<Vec<_>>(),
        &["invalid --note: 2001 characters: at most 2000"],
    );
    // A NUL and a 10 MB note arrive by file.
    let csv = env.file("nul.csv", b"chi_tieu;ky;gia_tri;ngay;ghi_chu\nso_dn;2026-H2;104;2026-11-20;a\x00b\n");
    import_refused(&env, &csv, &[], &["nul.csv: this file is not text (it holds NUL bytes)"]);
    let mut big = b"chi_tieu;ky;gia_tri;ngay;ghi_chu\nso_dn;2026-H2;104;2026-11-20;".to_vec();
    big.extend(std::iter::repeat_n(b'x', 10 << 20));
    big.push(b'\n');
    let csv = env.file("big.csv", big);
    import_refused(&env, &csv, &[], &["big.csv:2: ghi_chu: 10485760 characters: at most 2000"]);
    // An NFD header and NFD text: read, and stored NFC.
    let nfd = "Chi\u{309} tie\u{302}u;Ky\u{300};Gia\u{301} tri\u{323};Nga\u{300}y;Ghi chu\u{301}\nso_dn;2026-H2;104;2026-11-20;Ghi chu\u{301}\n";
    let csv = env.file("nfd.csv", nfd);
    ok(&env, &["import", csv.to_str().unwrap()]);
    assert_eq!(figure(&log(&env), "so_dn", "2026-H2")["note"], "Ghi chú");
}

// 8. Files that are not UTF-8 CSV.

#[test]
fn excel_unicode_text_is_read_and_other_bytes_named_in_one_line() {
    let env = shipped();
    with_a_figure(&env);
    // Excel "Unicode text": UTF-16 LE with BOM, tabs, CRLF.
    let text =
        "Chỉ tiêu\tKỳ\tGiá trị\tNgày\tNgười nhập\r\nthu_ns\t2026-Q1\t6.850,5\t08/04/2026\tNguyễn Thị Hoa\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let csv = env.file("unicode.txt", &bytes);
    ok(&env, &["import", csv.to_str().unwrap()]);
    let l = log(&env);
    let f = figure(&l, "thu_ns", "2026-Q1");
    assert_eq!(
        (f["value"].as_f64(), f["by"].as_str(), f["date"].as_str()),
        (Some(6850.5), Some("Nguyễn Thị Hoa"), Some("2026-04-08"))
    );
    // The same in Windows-1258 (what "CSV" gives on a Vietnamese Windows).
    let cp1258: &[u8] = b"Ch\xd2 ti\xeau;K\xf2;Gi\xec tr\xf2;Ng\xecy\nthu_ns;2026-Q2;6.850,5;08/07/2026\n";
    let csv = env.file("ansi.csv", cp1258);
    let err = import_refused(
        &env,
        &csv,
        &[],
        &["ansi.csv: this file is not UTF-8 text", "Windows-1258", "CSV UTF-8"],
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    // Damaged workbooks (read by the workbook reader, which cannot open
    // them), other zips, and old .xls: one line, no raw bytes.
    for (name, bytes, want) in [
        (
            "a.xlsx",
            &b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml\x00\x00xl/workbook.xml"[..],
            "cannot read it as a workbook",
        ),
        (
            "a.ods",
            &b"PK\x03\x04\x14\x00\x00\x08\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK"[..],
            "cannot read it as a workbook",
        ),
        (
            "a.zip",
            &b"PK\x03\x04\x14\x00\x00\x00\x08\x00notes.txt\x00\x01\x02"[..],
            "zip archive that is not a workbook",
        ),
        (
            "a.xls",
            &b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00\x00\x3e\x00\x03\x00"[..],
            "cannot read it as a workbook",
        ),
    ] {
        let f = env.file(name, bytes);
        let err = import_refused(&env, &f, &[], &[want]);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!err.contains("PK") && !err.contains('\u{FFFD}'), "{err}");
    }
}

// 9. `10,2%`, STT, units in headers, `Ngày báo cáo`.

#[test]
fn template_columns_units_and_percent_cells_are_read() {
    let env = shipped();
    let csv = env.file(
        "t.csv",
        "STT;Chỉ tiêu;Tên;Đơn vị;Kỳ;Giá trị (triệu đồng);Ngày báo cáo\n\
         1;tt_grdp;Tăng trưởng;%;2026;10,2%;20/11/2026\n\
         2;thu_ns;Thu ngân sách;triệu đồng;2026-Q1;6.850,5;08/04/2026\n",
    );
    ok(&env, &["import", csv.to_str().unwrap()]);
    let l = log(&env);
    assert_eq!(figure(&l, "tt_grdp", "2026")["value"], 10.2);
    assert_eq!(figure(&l, "thu_ns", "2026-Q1")["date"], "2026-04-08");
    let csv = env.file("p.csv", "Chỉ tiêu;Kỳ;Giá trị\nthu_ns;2026-Q2;10,2%\n");
    import_refused(
        &env,
        &csv,
        &[],
        &["p.csv:2: Giá trị: `10,2%` ends in `%`, but `thu_ns` is counted in triệu đồng"],
    );
}

// 10. Rows without a date; empty value cells.

#[test]
fn undated_rows_and_empty_values_are_counted() {
    let env = shipped();
    let csv = env
        .file("nd.csv", "chi_tieu;ky;gia_tri\nso_dn;2026-H2;104\nthu_ns;2026-Q3;6.850\nviec_lam;2026-10;\n");
    let out = ok(&env, &["import", csv.to_str().unwrap()]);
    assert!(
        out.contains("3 rows as batch #1: 2 added, 0 unchanged; 1 skipped (value cell empty); 2 dated today (no date given)"),
        "{out}"
    );
    assert_eq!(figure(&log(&env), "so_dn", "2026-H2")["date"], "2026-11-26");
    assert_eq!(log(&env).len(), 2);
}

// 11. A chain cut at its tail.

#[test]
fn verify_finds_a_cut_tail_and_checks_a_pinned_head() {
    let env = shipped();
    let csv = env.file("v.csv", "chi_tieu;ky;gia_tri;ngay\nso_dn;2026-H1;98;2026-07-10\nso_dn;2026-H2;104;2026-11-20\nviec_lam;2026-01;34;2026-02-03\n");
    ok(&env, &["import", csv.to_str().unwrap()]);
    let out = ok(&env, &["verify"]);
    // #1 the plan version, #2–#4 the batch.
    let head = out.lines().find(|l| l.contains("head ")).unwrap().rsplit_once("head ").unwrap().1.to_string();
    assert!(head.starts_with("4:"), "{out}");
    ok(&env, &["verify", "--head", &head]);
    // Behind plan's back: the last entry cut off, the trigger put back.
    let c = rusqlite::Connection::open(&env.ledger).unwrap();
    let trigger: String = c
        .query_row("SELECT sql FROM sqlite_schema WHERE name = 'entry_no_delete'", [], |r| r.get(0))
        .unwrap();
    c.execute_batch(&format!("DROP TRIGGER entry_no_delete; DELETE FROM entry WHERE id = 4; {trigger};"))
        .unwrap();
    drop(c);
    let (code, out, _) = run(&env, &["verify"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("batch #1 wrote 3 entries but 2 carry it now"), "{out}");
    let (code, out, _) = run(&env, &["verify", "--head", &head]);
    assert_eq!(code, Some(1));
    assert!(out.contains("entry #4 of the head given") && out.contains("no longer in the ledger"), "{out}");
    let wrong = format!("2:{}", "0".repeat(16));
    let (code, out, _) = run(&env, &["verify", "--head", &wrong]);
    assert_eq!(code, Some(1));
    assert!(out.contains("entry #2's hash starts"), "{out}");
    // A malformed fingerprint is a usage error (exit 2), in either language.
    malformed(&env, &["verify", "--head", "3"], &["invalid --head: `3` is not a head fingerprint"]);
    let before = (ledger_bytes(&env), env.ledger_fingerprint());
    let vi = env.cmd().args(["--lang", "vi", "verify", "--head", "3:xyz"]).output().unwrap();
    assert_eq!(vi.status.code(), Some(2));
    let err = String::from_utf8_lossy(&vi.stderr);
    assert!(
        err.contains("--head không hợp lệ: `3:xyz` không phải là dấu vân tay đầu chuỗi: cần dạng ID:HEX"),
        "{err}"
    );
    assert!(before == (ledger_bytes(&env), env.ledger_fingerprint()), "the ledger changed");
}

// 12. A locked ledger.

#[test]
fn a_locked_ledger_says_it_waits_then_why_it_gave_up() {
    let env = shipped();
    with_a_figure(&env);
    let c = rusqlite::Connection::open(&env.ledger).unwrap();
    c.execute_batch("BEGIN IMMEDIATE").unwrap();
    let out = env
        .cmd()
        .env("PLAN_BUSY_TIMEOUT_MS", "2500")
        .args(["--lang", "en", "record", "so_dn", "104", "--period", "2026-H2"])
        .output()
        .unwrap();
    c.execute_batch("ROLLBACK").unwrap();
    drop(c);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("another plan command is writing to the ledger; waiting for it to finish"), "{err}");
    assert!(err.contains("stayed locked by another plan command for 2.5 s; nothing written"), "{err}");
    assert!(!err.contains("database is locked"), "{err}");
    assert_eq!(log(&env).len(), 1);
}

// 13. The tenfold guard outside the prompt.

#[test]
fn record_refuses_a_tenfold_jump_without_yes_and_names_what_it_replaces() {
    let env = shipped();
    ok(&env, &["record", "so_dn", "103", "--period", "2026-H1", "--date", "2026-07-10"]);
    refused(
        &env,
        &["record", "so_dn", "2.060", "--period", "2026-H2"],
        &["invalid value: 2.060 is more than ten times the previous figure (2026-H1: 103, #2)", "--yes"],
    );
    ok(&env, &["record", "so_dn", "106", "--period", "2026-H2"]);
    let out = ok(&env, &["record", "so_dn", "108", "--period", "2026-H2"]);
    // (The period in words, as receipts write it; the receipt wraps at 80
    // columns, so compare its words.)
    let words = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("replaces #3 (H2 2026 = 106)"), "{out}");
    // An import is guarded the same way.
    let csv = env.file("j.csv", "chi_tieu;ky;gia_tri;ngay\nso_dn;2026-H2;1.090;2026-11-20\n");
    import_refused(
        &env,
        &csv,
        &[],
        &["j.csv:2: gia_tri: 1.090 is more than ten times the previous figure (2026-H2: 108)"],
    );
    let out = ok(&env, &["import", csv.to_str().unwrap(), "--yes"]);
    assert!(out.contains("1 more than tenfold off the previous figure, imported with --yes"), "{out}");
    // Asked for: --yes records it, and says what it replaces.
    let out = ok(&env, &["record", "so_dn", "20.600", "--period", "2026-H2", "--yes"]);
    let words = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("= 20.600") && words.contains("replaces #5 (H2 2026 = 1.090)"), "{out}");
}

// Other forms of the same faults.

#[test]
fn vietnamese_period_forms_are_read_and_dates_in_periods_refused() {
    let env = shipped();
    let csv = env.file(
        "vp.csv",
        "Chỉ tiêu;Kỳ;Giá trị;Ngày\nthu_ns;Quý 1/2026;6.850;08/04/2026\nviec_lam;Tháng 3/2026;34;05/04/2026\nso_dn;6 tháng đầu năm 2026;98;10/07/2026\n",
    );
    ok(&env, &["import", csv.to_str().unwrap()]);
    let l = log(&env);
    assert_eq!(figure(&l, "thu_ns", "2026-Q1")["value"], 6850.0);
    assert_eq!(figure(&l, "viec_lam", "2026-03")["value"], 34.0);
    assert_eq!(figure(&l, "so_dn", "2026-H1")["value"], 98.0);
    let csv = env.file("pd.csv", "Chỉ tiêu;Kỳ;Giá trị;Ngày\nviec_lam;01/07/2026;34;05/08/2026\n");
    import_refused(&env, &csv, &[], &["pd.csv:2: Kỳ: `01/07/2026` is a date, not a period"]);
    malformed(
        &env,
        &["record", "thu_ns", "6.850", "--period", "Q2/26"],
        &["invalid --period: `Q2/26` has a two-digit year"],
    );
}

#[test]
fn plan_text_in_show_and_check_csv_is_defused_too() {
    // A group and an indicator name typed as formulas: every csv writer passes text cells
    // through the same rule, numbers stay numbers.
    let env = Env::with_plan(
        &crate::common::MINI_PLAN
            .replace("name = \"Group one\"", "name = \"=HYPERLINK(1)\"")
            .replace("name = \"Firms\"", "name = \"=HYPERLINK(1)\""),
    );
    // (`check --format csv` prints ids only, no free text.)
    let out = env.cmd().args(["show", "--format", "csv"]).output().unwrap();
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.contains("'=HYPERLINK(1)"), "{csv}");
    assert!(!csv.contains(",=HYPERLINK") && !csv.starts_with("=HYPERLINK"), "{csv}");
}
