//! Typed arguments (SPEC §4 "Periods", "Dates", "Exit codes"): every
//! command that takes a period, a span or a date reads the same forms (the
//! Vietnamese ones included) through one parser (`cli::value`); a
//! malformed value is a usage error, exit 2, with the same message in every
//! command and the ledger untouched; a value outside the plan's years is a
//! problem found, exit 1, with one message (`Plan::within_years`). Each
//! command's `--format` lists only what it writes.

use crate::common::*;
use predicates::prelude::*;

/// A plan with a DHIS2 target, so that `export` runs to the end.
const PLAN: &str = r#"
[plan]
id = "KH-ARGS"
title = "Kế hoạch thử"
start = 2026
end = 2030
lang = "en"
numbers = "en"

[export.dhis2]
org_unit = "XA"
data_set = "KH"

[[group]]
id = "g"
name = "Nhóm"

[[group.indicator]]
id = "thu"
name = "Thu"
unit = "triệu đồng"
measure = "flow"
every = "quarter"
dhis2 = "THU"
"#;

fn env() -> Env {
    let env = Env::with_plan(PLAN).today("2027-01-20");
    env.import(env.file(
        "f.csv",
        "indicator,period,value,date\nthu,2026-Q2,10,2026-07-05\nthu,2026-Q3,20,2026-10-05\n",
    ));
    env
}

/// The commands that take `--period`, each with what else it needs.
const PERIOD_COMMANDS: &[&[&str]] =
    &[&["report"], &["export", "--format", "dhis2-csv"], &["template", "--format", "csv"]];

#[test]
fn a_malformed_period_is_a_usage_error_with_one_message() {
    let env = env();
    let before = env.ledger_fingerprint();
    for (lang, msg) in [
        ("en", "error: invalid --period: `2026-H3` is not a period: expected YYYY, YYYY-H1..H2"),
        ("vi", "lỗi: --period không hợp lệ: `2026-H3` không phải là kỳ: cần dạng YYYY, YYYY-H1..H2"),
    ] {
        for cmd in PERIOD_COMMANDS {
            env.cmd()
                .args(["--lang", lang])
                .args(*cmd)
                .args(["--period", "2026-H3"])
                .assert()
                .code(2)
                .stdout("")
                .stderr(predicate::str::contains(msg));
        }
    }
    assert_eq!(env.ledger_fingerprint(), before);
}

#[test]
fn malformed_spans_and_dates_are_usage_errors() {
    let env = env();
    let before = env.ledger_fingerprint();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["report", "--years", "2030-2026"],
            "invalid --years: `2030-2026` is not a span of years",
            "--years không hợp lệ: `2030-2026` không phải một giai đoạn",
        ),
        (
            &["report", "--as-of", "31/02/2026"],
            "invalid --as-of: `31/02/2026` is not a date: there is no such day",
            "--as-of không hợp lệ: `31/02/2026`",
        ),
        (
            &["export", "--format", "adx", "--as-of", "31/02/2026"],
            "invalid --as-of: `31/02/2026` is not a date: there is no such day",
            "--as-of không hợp lệ: `31/02/2026`",
        ),
        // A two-digit year is never guessed (SPEC §4 "Dates").
        (
            &["report", "--as-of", "05/01/27"],
            "invalid --as-of: `05/01/27`",
            "--as-of không hợp lệ: `05/01/27`",
        ),
    ];
    for (args, en, vi) in cases {
        env.cmd().args(["--lang", "en"]).args(*args).assert().code(2).stderr(predicate::str::contains(*en));
        env.cmd().args(["--lang", "vi"]).args(*args).assert().code(2).stderr(predicate::str::contains(*vi));
    }
    assert_eq!(env.ledger_fingerprint(), before);
}

#[test]
fn outside_the_plan_is_one_message_and_exit_1() {
    let env = env();
    for cmd in PERIOD_COMMANDS {
        env.cmd()
            .args(*cmd)
            .args(["--period", "Quý 1/2031"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("--period 2031-Q1 is outside the plan's years 2026–2030"));
        env.cmd()
            .args(["--lang", "vi"])
            .args(*cmd)
            .args(["--period", "2025"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("--period 2025 nằm ngoài các năm của kế hoạch 2026–2030"));
    }
    env.cmd()
        .args(["export", "--format", "adx", "--year", "2031"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--year 2031 is outside the plan's years 2026–2030"));
}

#[test]
fn vietnamese_periods_work_in_every_command() {
    let env = env();
    // export: the same figures for the code and for the Vietnamese forms
    // (thu 2026-Q3 = 20, reported 2026-10-05).
    let export = |p: &str| {
        let out = env.cmd().args(["export", "--format", "dhis2-csv", "--period", p]).output().unwrap();
        assert!(out.status.success(), "{p}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let by_code = export("2026-Q3");
    assert!(by_code.contains("THU,2026Q3,XA"), "{by_code}");
    for p in ["Quý 3/2026", "quý III/2026", "Q3/2026"] {
        assert_eq!(export(p), by_code, "{p}");
    }
    // DHIS2's own code still works for export.
    assert_eq!(export("2026Q3"), by_code);
    // report and template read them too.
    for p in ["Quý 3/2026", "H2/2026", "T7/2026", "Tháng 7/2026", "07/2026"] {
        env.cmd().args(["report", "--format", "json", "--period", p]).assert().success();
        env.cmd().args(["template", "--format", "csv", "--period", p]).assert().success();
    }
    // A slashed --as-of is day first under the plan's default `dates`.
    let json = env.report_json(&["--period", "2026-Q3", "--as-of", "06/10/2026"]);
    assert_eq!(json["as_of"], "2026-10-06");
}

#[test]
fn each_command_lists_only_its_formats() {
    let env = env();
    // The values clap offers come from each command's own format enum
    // (`--help` words them from the catalogue: "Output: table, csv, json or md").
    for (cmd, valid) in [
        ("check", "table, csv, json, md"),
        ("show", "table, csv, json, md"),
        ("log", "table, csv, json, md, xlsx"),
        ("report", "table, csv, json, md, html, docx, xlsx"),
        ("template", "csv, xlsx"),
    ] {
        env.cmd().args(["--lang", "en", cmd, "--format", "pdf"]).assert().code(2).stdout("").stderr(
            predicate::str::contains(format!(
                "invalid value `pdf` for `--format <FORMAT>`: expected one of {valid}\n"
            )),
        );
    }
}

#[test]
fn the_writing_commands_refuse_a_malformed_date_or_period_alike() {
    let env = env();
    let before = env.ledger_fingerprint();
    // Entry 1 is thu 2026-Q2 (the import above).
    for args in [
        &["record", "thu", "5", "--period", "2026-Q4", "--date", "31/02/2026"][..],
        &["correct", "1", "11", "--reason", "typo", "--date", "31/02/2026"],
        &["void", "1", "--reason", "typo", "--date", "31/02/2026"],
    ] {
        env.cmd().args(["--lang", "en"]).args(args).assert().code(2).stderr(predicate::str::contains(
            "invalid --date: `31/02/2026` is not a date: there is no such day",
        ));
        env.cmd()
            .args(["--lang", "vi"])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--date không hợp lệ: `31/02/2026`"));
    }
    env.cmd()
        .args(["record", "thu", "5", "--period", "2026-H3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid --period: `2026-H3` is not a period"));
    assert_eq!(env.ledger_fingerprint(), before);
    // The Vietnamese forms are taken by record as by report.
    env.cmd()
        .args(["record", "thu", "30", "--period", "Quý 4/2026", "--date", "05/01/2027"])
        .assert()
        .success();
    let log = env.log_json();
    assert_eq!(log.last().unwrap()["period"], "2026-Q4");
    assert_eq!(log.last().unwrap()["date"], "2027-01-05");
}

/// `--date` of every writing command, `correct --reported-on` and `record
/// --period` are typed by clap (`cli::value`): a malformed value is a usage
/// error (exit 2) with the shared message in either language, before the
/// plan or the ledger is looked at, and nothing is written.
#[test]
fn writing_commands_refuse_malformed_dates_and_periods_as_usage_errors() {
    let env = env();
    let before = env.ledger_fingerprint();
    let bad_date = "31/02/2026";
    let cases: &[(&[&str], &str, &str)] = &[
        (&["record", "thu", "5", "--period", "2026-Q3", "--date", bad_date], "--date", "31/02/2026"),
        (&["done", "t", "--date", bad_date], "--date", "31/02/2026"),
        (&["correct", "1", "5", "--reason", "r", "--date", bad_date], "--date", "31/02/2026"),
        (&["correct", "1", "--reported-on", bad_date, "--reason", "r"], "--reported-on", "31/02/2026"),
        (&["void", "1", "--reason", "r", "--date", bad_date], "--date", "31/02/2026"),
        (&["record", "thu", "5", "--period", "2026-H3"], "--period", "2026-H3"),
    ];
    for (args, arg, value) in cases {
        // "error: invalid ARG: `VALUE` is not …" / "lỗi: ARG không hợp lệ: `VALUE` không phải …"
        let en = format!("error: invalid {arg}: `{value}` is not a");
        let vi = format!("lỗi: {arg} không hợp lệ: `{value}` không phải");
        env.cmd()
            .args(["--lang", "en"])
            .args(*args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(en));
        env.cmd()
            .args(["--lang", "vi"])
            .args(*args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(vi));
    }
    assert_eq!(env.ledger_fingerprint(), before);
}

/// Typed, the same dates still go in: an ISO date and a slashed one in the
/// plan's order (day first) are the same day.
#[test]
fn typed_dates_and_periods_are_written_as_before() {
    let env = env();
    env.cmd()
        .args(["record", "thu", "30", "--period", "Quý 4/2026", "--date", "05/01/2027"])
        .assert()
        .success();
    env.cmd().args(["correct", "3", "31", "--reason", "r", "--date", "2027-01-06"]).assert().success();
    let log = env.log_json();
    // Entries 1 and 2 were imported; 3 is the figure, 4 its correction.
    assert_eq!(log[2]["period"], "2026-Q4");
    assert_eq!(log[2]["date"], "2027-01-05");
    assert_eq!(log[3]["date"], "2027-01-06");
}
