//! Snapshot tests (insta) pinning what `plan` prints today, so that moves
//! inside the crate can be shown to change no byte of output: every report
//! renderer (table at a fixed width of 100 columns without colour, md, csv,
//! json, html, the text of the docx document, the cells of the xlsx
//! workbook) over a hand-made ward plan and ledger, for a year, a part of a
//! year and a span of years, and the main outputs of `check`, `show`, `log`
//! and `verify`, in English and Vietnamese.
//!
//! The renderers are driven through the real binary: the output a user gets
//! is what is pinned, whatever the renderers' signatures become. What
//! depends on the real clock (`recorded_at`, the entries' hashes and the
//! ledger head's fingerprint, which cover `recorded_at`, and "back-dated N days", counted from
//! `recorded_at`) is redacted by filters. The plan's years (2020-2024) lie
//! far enough in the past that "back-dated" counts keep four digits until
//! the 2040s, so table layouts do not move as days pass.
//!
//! Review a change with `cargo insta review` (or `INSTA_UPDATE=always`).

#[path = "cli/common.rs"]
mod common;

use common::Env;
use std::io::Read;

/// A ward plan unrelated to the seed: level, flow, rate, ratio and growth
/// indicators of quarter, month and half-year cadence, and four tasks.
const WARD_PLAN: &str = r#"
[plan]
id = "WARD-9/2020"
title = "Ward market plan"
start = 2020
end = 2024
lang = "en"
numbers = "en"

[agencies]
ward = "Ward office"
mkt = "Market board"

[reporting.due_days]
year = 15
half = 15
quarter = 10
month = 5

[[group]]
id = "market"
name = "Market"
content = "Grow the market"
lead = "mkt"
responsibility = "The board answers to the ward"
schedule = { start = 2020, end = 2024 }
deliverables = ["Market report"]
oversight = { by = "ward", every = "quarter" }

[[group.indicator]]
id = "shops"
name = "Shops open"
unit = "shops"
measure = "level"
every = "quarter"
target = ">= 60"
basis = "end"
baseline = { year = 2019, value = 40 }

[[group.indicator]]
id = "sales"
name = "Sales"
unit = "m"
measure = "flow"
every = "quarter"
target = ">= 400"
basis = "year"

[[group.indicator]]
id = "rev"
name = "Revenue"
unit = "m"
measure = "flow"
every = "quarter"
baseline = { year = 2019, value = 2000 }

[[group.indicator]]
id = "share"
name = "Sales share of revenue"
unit = "%"
ratio = ["sales", "rev"]
target = ">= 20"
basis = "year"

[[group.indicator]]
id = "grow"
name = "Revenue growth"
unit = "%"
growth = "rev"
target = ">= 8"
basis = "end"

[[group.indicator]]
id = "loans"
name = "Loans granted"
unit = "m"
measure = "flow"
every = "month"
target = ">= 3,000"
basis = "cumulative"

[[group.indicator]]
id = "lit"
name = "Stalls with licences"
unit = "%"
measure = "rate"
every = "half"
target = "9..10"
basis = "end"

[[group.task]]
id = "t_ahead"
name = "Paint the hall"
lead = "mkt"
deliverable = "Hall"
due = 2021-12-31

[[group.task]]
id = "t_nodl"
name = "Meet the traders"
lead = "mkt"
deliverable = "Minutes"

[[group.task]]
id = "t_over"
name = "Fix the drains"
lead = "ward"
deliverable = "Drains"
due = 2020-03-31

[[group.task]]
id = "t_open"
name = "Open a night market"
lead = "mkt"
deliverable = "Night market"
due = 2020-12-31
"#;

/// Figures of 2020 and of 2021 to September (an estimate of shops for
/// 2021-Q3 dated before the quarter ended), three completions.
const FIGURES: &str = "\
indicator,period,value,date,task,source
shops,2020-Q1,42,2020-04-05,,
sales,2020-Q1,90,2020-04-05,,
rev,2020-Q1,500,2020-04-05,,
shops,2020-Q2,45,2020-07-08,,
sales,2020-Q2,110,2020-07-08,,
rev,2020-Q2,500,2020-07-08,,
shops,2020-Q3,47,2020-10-05,,
sales,2020-Q3,100,2020-10-05,,
rev,2020-Q3,520,2020-10-05,,
shops,2020-Q4,50,2021-01-08,,
sales,2020-Q4,120,2021-01-08,,
rev,2020-Q4,580,2021-01-08,,
shops,2021-Q1,52,2021-04-06,,
sales,2021-Q1,100,2021-04-06,,
rev,2021-Q1,550,2021-04-06,,
shops,2021-Q2,54,2021-07-05,,
sales,2021-Q2,120,2021-07-05,,
rev,2021-Q2,560,2021-07-05,,
shops,2021-Q3,55,2021-09-25,,
loans,2020-01,50,2020-02-03,,
loans,2020-02,50,2020-03-03,,
loans,2020-03,50,2020-04-03,,
loans,2020-04,50,2020-05-03,,
loans,2020-06,50,2020-07-03,,
loans,2021-01,60,2021-02-03,,
loans,2021-02,60,2021-03-03,,
loans,2021-03,60,2021-04-03,,
lit,2020-H1,8,2020-07-10,,
lit,2020-H2,8.5,2021-01-10,,
lit,2021-H1,9.2,2021-07-10,,
,,,2020-04-01,t_nodl,QĐ 12/QĐ-UBND
,,,2020-05-10,t_ahead,Biên bản nghiệm thu
,,,2021-02-15,t_open,
";

/// The ward plan with its figures imported, one correction and one void,
/// as of 20 October 2021.
fn ward() -> Env {
    let env = Env::with_plan(WARD_PLAN).today("2021-10-20");
    env.import(env.file("figures.csv", FIGURES));
    // #1 is the plan version the import recorded (SPEC §2.1).
    // #3 is sales 2020-Q1 (90): corrected to 95.
    env.cmd()
        .args(["correct", "3", "95", "--reason", "Số chính thức", "--date", "2020-04-20", "--by", "Lan"])
        .assert()
        .success();
    // #22 is loans 2020-02: voided.
    env.cmd().args(["void", "22", "--reason", "Nhập nhầm", "--date", "2020-04-21"]).assert().success();
    env
}

/// Exit code, stdout and stderr of `plan ARGS`, as one text.
fn run(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().env("COLUMNS", "100").args(args).output().expect("run plan");
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The redactions of what depends on the real clock.
fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_prepend_module_to_snapshot(false);
    s.add_filter(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", "[recorded_at]");
    s.add_filter(r"\b\d+:[0-9a-f]{16}\b", "[fingerprint]");
    s.add_filter(r"\b[0-9a-f]{64}\b", "[hash]");
    s.add_filter(r"(back-dated|nhập lùi ngày) [\d.,]+", "$1 [N]");
    s.add_filter(r#""backdated_days": \d+"#, r#""backdated_days": "[N]""#);
    // The same, where the table wraps the number onto the next line.
    s.add_filter(r"(back-dated|nhập lùi ngày)(\s*│\n│(?:[^┆\n]*┆)+ )\d[\d.,]*", "$1$2[N]");
    // A temp dir's path (ledger names, messages).
    s.add_filter(r"/[^\s]*/\.tmp[^/\s]*/", "[tmp]/");
    s
}

/// The three reviews: a year, a part of a year, a span.
const REVIEWS: &[(&str, &[&str])] =
    &[("year", &["--year", "2020"]), ("part", &["--period", "2021-Q3"]), ("span", &["--years", "2020-2021"])];

#[test]
fn report_text_formats() {
    let env = ward();
    let settings = settings();
    for (name, review) in REVIEWS {
        for format in ["table", "md", "csv", "json", "html"] {
            for lang in ["en", "vi"] {
                if format != "table" && format != "md" && lang == "vi" && *name != "part" {
                    // One Vietnamese run of every format is enough (the part of a year).
                    continue;
                }
                let mut args = vec!["--lang", lang, "report", "--format", format, "--detail"];
                if format != "table" && format != "md" {
                    args.pop();
                }
                args.extend_from_slice(review);
                settings.bind(|| {
                    insta::assert_snapshot!(format!("report_{name}_{format}_{lang}"), run(&env, &args))
                });
            }
        }
    }
}

/// The text of the docx document: one line per paragraph of
/// `word/document.xml`, its runs' text separated by `|`.
fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("docx is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("document.xml").read_to_string(&mut xml).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = String::new();
    let mut runs: Vec<String> = Vec::new();
    let mut in_text = false;
    loop {
        use quick_xml::events::Event;
        match reader.read_event().expect("xml") {
            Event::Start(e) if e.name().as_ref() == "w:r" => runs.push(String::new()),
            Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            Event::Empty(e) if e.name().as_ref() == "w:tab" => {
                if let Some(r) = runs.last_mut() {
                    r.push('\t')
                }
            }
            Event::Empty(e) if e.name().as_ref() == "w:br" => {
                if let Some(r) = runs.last_mut() {
                    r.push('⏎')
                }
            }
            Event::Text(t) if in_text => {
                if let Some(r) = runs.last_mut() {
                    r.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(g) if in_text => {
                if let Some(c) = g.resolve_char_ref().expect("a valid character reference") {
                    if let Some(r) = runs.last_mut() {
                        r.push(c)
                    }
                    continue;
                }
                let c = match g.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("entity {other}"),
                };
                if let Some(r) = runs.last_mut() {
                    r.push_str(c)
                }
            }
            Event::End(e) if e.name().as_ref() == "w:p" => {
                runs.retain(|r| !r.is_empty());
                out.push_str(&runs.join("|"));
                out.push('\n');
                runs.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Every cell of every sheet of an xlsx workbook, typed as calamine reads
/// them: a block per sheet, a line per row, cells separated by ` ¦ `.
fn xlsx_cells(bytes: &[u8]) -> String {
    use calamine::{Reader, Xlsx};
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("xlsx");
    let mut out = String::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).expect("sheet");
        out.push_str(&format!("== {name} (from {:?})\n", range.start()));
        for row in range.rows() {
            let cells: Vec<String> = row.iter().map(|c| format!("{c:?}")).collect();
            out.push_str(&cells.join(" ¦ "));
            out.push('\n');
        }
    }
    out
}

#[test]
fn report_documents() {
    let env = ward();
    let settings = settings();
    for (name, review) in REVIEWS {
        for lang in ["en", "vi"] {
            for format in ["docx", "xlsx"] {
                let file = env.dir.path().join(format!("{name}-{lang}.{format}"));
                let mut args = vec!["--lang", lang, "report", "--format", format];
                args.extend_from_slice(review);
                let out = env.cmd().args(&args).arg("--output").arg(&file).output().expect("run");
                assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                let bytes = std::fs::read(&file).expect("written");
                let text = if format == "docx" { docx_text(&bytes) } else { xlsx_cells(&bytes) };
                settings.bind(|| insta::assert_snapshot!(format!("report_{name}_{format}_{lang}"), text));
            }
        }
    }
}

#[test]
fn main_outputs() {
    let env = ward();
    let settings = settings();
    let cases: &[(&str, &[&str])] = &[
        ("check_en", &["check"]),
        ("check_vi", &["--lang", "vi", "check"]),
        ("check_json", &["check", "--format", "json"]),
        ("show_en", &["show"]),
        ("show_vi", &["--lang", "vi", "show"]),
        ("show_indicator", &["show", "loans"]),
        ("show_task_vi", &["--lang", "vi", "show", "t_open"]),
        ("log_en", &["log"]),
        ("log_vi", &["--lang", "vi", "log", "--indicator", "sales"]),
        ("log_json", &["log", "--format", "json"]),
        ("log_csv_year", &["log", "--format", "csv", "--year", "2021"]),
        ("report_default_en", &["report"]),
        ("report_default_vi", &["--lang", "vi", "report"]),
        ("report_json_default", &["report", "--format", "json"]),
        ("report_group_as_of", &["report", "--group", "market", "--as-of", "2021-06-30"]),
        ("template_en", &["template", "--format", "csv"]),
        ("template_period_vi", &["--lang", "vi", "template", "--format", "csv", "--period", "2021-Q3"]),
        ("verify_en", &["verify"]),
        ("verify_vi", &["--lang", "vi", "verify"]),
    ];
    for (name, args) in cases {
        settings.bind(|| insta::assert_snapshot!(name.to_string(), run(&env, args)));
    }
}

/// What the commands answer to bad arguments and values today (exit code
/// and message), so that typed arguments can be shown to keep the words.
#[test]
fn refusals() {
    let env = ward();
    let settings = settings();
    let cases: &[(&str, &[&str])] = &[
        ("report_period_outside", &["report", "--period", "2027-Q1"]),
        ("report_years_outside_vi", &["--lang", "vi", "report", "--years", "2019-2021"]),
        ("report_year_outside", &["report", "--year", "2030"]),
        ("report_unknown_group", &["report", "--group", "markt"]),
        ("report_as_of_future", &["report", "--as-of", "2022-01-01"]),
        ("log_unknown_indicator", &["log", "--indicator", "shop"]),
        ("show_unknown_id_vi", &["--lang", "vi", "show", "t_opn"]),
    ];
    for (name, args) in cases {
        settings.bind(|| insta::assert_snapshot!(name.to_string(), run(&env, args)));
    }
}
