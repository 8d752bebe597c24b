//! Tests of `plan report`: a hand-made plan unrelated to the seed, figures
//! loaded through `plan import`, expected values worked out by hand.

use crate::common::*;
use predicates::prelude::*;
use serde_json::Value;

const HEALTH_PLAN: &str = r#"
[plan]
id = "RHB-7/2026"
title = "Rural health board action plan"
issued_by = "Rural Health Board"
start = 2026
end = 2028
lang = "en"
numbers = "en"

[agencies]
hq = "Board office"
field = "Field teams"

[reporting.due_days]
year = 15
half = 15
quarter = 10
month = 5

[[group]]
id = "alpha"
name = "Access"
content = "Open clinics"
lead = "hq"
responsibility = "Office answers to the board"
schedule = { start = 2026, end = 2028 }
deliverables = ["Clinic list"]
oversight = { by = "hq", every = "quarter" }

[[group.indicator]]
id = "clinics"
name = "Clinics open"
unit = "clinics"
measure = "level"
every = "quarter"
target = ">= 40"
basis = "end"
by = 2028
baseline = { year = 2025, value = 30 }

[[group.indicator]]
id = "visits"
name = "Emergency visits"
unit = "visits"
measure = "flow"
every = "month"
target = "<= 1,000"
basis = "year"

[[group.indicator]]
id = "wait"
name = "Waiting time"
unit = "min"
measure = "rate"
every = "year"
target = "< 30"
basis = "average"

[[group.task]]
id = "a_ontime"
name = "Hire nurses"
lead = "hq"
deliverable = "Contracts"
due = 2027-03-31

[[group.task]]
id = "a_late"
name = "Buy ambulances"
lead = "hq"
deliverable = "Ambulances"
due = 2027-06-30

[[group]]
id = "beta"
name = "Outcomes"
content = "Train and connect"
lead = "field"
responsibility = "Field teams answer to the office"
schedule = { start = 2026, end = 2028 }
deliverables = ["Training records"]
oversight = { by = "hq", every = "half" }

[[group.indicator]]
id = "growth"
name = "Budget growth"
unit = "%"
measure = "rate"
every = "year"
target = "5..6"
basis = "compound"

[[group.indicator]]
id = "trained"
name = "Workers trained"
unit = "people"
measure = "flow"
every = "half"
target = ">= 600"
basis = "cumulative"
by = 2028

[[group.indicator]]
id = "score"
name = "Quality score"
unit = "points"
measure = "level"
every = "year"
target = "~ 80"
basis = "year"

[[group.indicator]]
id = "hh"
name = "Households"
unit = "households"
measure = "flow"
every = "year"

[[group.indicator]]
id = "hh_conn"
name = "Households connected"
unit = "households"
measure = "flow"
every = "year"

[[group.indicator]]
id = "coverage"
name = "Connection coverage"
unit = "%"
ratio = ["hh_conn", "hh"]
target = ">= 50"
basis = "end"
milestones = { 2027 = 45 }

[[group.indicator]]
id = "pop"
name = "Population"
unit = "people"
measure = "level"
every = "year"
baseline = { year = 2025, value = 10000 }

[[group.indicator]]
id = "pop_growth"
name = "Population growth"
unit = "%"
growth = "pop"
target = "> 1"
basis = "year"

[[group.task]]
id = "b_overdue"
name = "Survey"
lead = "field"
deliverable = "Survey report"
due = 2027-09-30

[[group.task]]
id = "b_carry"
name = "Map villages"
lead = "field"
deliverable = "Map"
due = 2026-12-31

[[group.task]]
id = "b_intime"
name = "Year-end review"
lead = "field"
deliverable = "Review"
due = 2027-12-31
"#;

fn figures_csv() -> String {
    let mut rows = vec!["indicator,period,value,date,task".to_string()];
    let mut fig = |i: &str, p: &str, v: &str, d: &str| rows.push(format!("{i},{p},{v},{d},"));
    fig("clinics", "2027-Q1", "33", "2027-04-08");
    fig("clinics", "2027-Q2", "35", "2027-07-12");
    fig("clinics", "2027-Q3", "37", "2027-10-09");
    for m in 1..=12 {
        let date = if m == 12 { "2028-01-03".to_string() } else { format!("2027-{:02}-03", m + 1) };
        fig("visits", &format!("2027-{m:02}"), "90", &date);
    }
    fig("wait", "2026", "32", "2027-01-10");
    fig("wait", "2027", "26", "2028-01-20");
    fig("growth", "2026", "4", "2027-01-10");
    fig("growth", "2027", "8", "2028-01-10");
    fig("trained", "2026-H1", "100", "2026-07-10");
    fig("trained", "2026-H2", "120", "2027-01-10");
    fig("trained", "2027-H1", "150", "2027-07-10");
    fig("trained", "2027-H2", "130", "2028-01-20");
    fig("score", "2027", "77", "2028-01-10");
    fig("hh", "2027", "\"2,000\"", "2028-01-10");
    fig("hh_conn", "2027", "880", "2028-01-10");
    fig("pop", "2026", "\"10,150\"", "2027-01-10");
    fig("pop", "2027", "\"10,353\"", "2028-01-10");
    rows.push(",,,2027-03-20,a_ontime".into());
    rows.push(",,,2027-08-09,a_late".into());
    rows.join("\n") + "\n"
}

fn loaded() -> Env {
    let env = Env::with_plan(HEALTH_PLAN).today("2028-02-15");
    let csv = env.file("figures.csv", figures_csv());
    env.import(&csv);
    env
}

fn group<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["groups"].as_array().unwrap().iter().find(|g| g["id"] == id).unwrap()
}

/// The indicator `id` of a JSON report, whatever its group.
pub(crate) fn ind<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["indicators"].as_array().unwrap())
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

#[track_caller]
fn approx(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!((got - want).abs() < 1e-6, "got {got}, want {want}");
}

#[test]
fn hand_computed_json_report() {
    let env = loaded();
    let r = env.report_json(&["--year", "2027", "--as-of", "2028-01-31"]);
    assert_eq!(r["plan"], "RHB-7/2026");
    assert_eq!(r["year"], 2027);
    assert_eq!(r["as_of"], "2028-01-31");

    // end + straight line: 30 + (40 - 30) × (2027 - 2025) / (2028 - 2025)
    let c = ind(&r, "clinics");
    approx(&c["target"], 30.0 + 10.0 * 2.0 / 3.0);
    approx(&c["value"], 37.0);
    assert_eq!(c["partial"], true);
    approx(&c["attainment"], 37.0 / (30.0 + 20.0 / 3.0) * 100.0);
    assert_eq!(c["status"], "exceeded");
    assert_eq!(c["reports"]["on_time"], 2);
    assert_eq!(c["reports"]["late"], 1);
    assert_eq!(c["reports"]["days_late"], 2);
    assert_eq!(c["reports"]["missing"], 1);
    assert_eq!(c["reports"]["days_overdue"], 21);

    // year basis, `<=`: 12 × 90 = 1080 against 1,000
    let v = ind(&r, "visits");
    approx(&v["value"], 1080.0);
    approx(&v["attainment"], 1000.0 / 1080.0 * 100.0);
    assert_eq!(v["status"], "not_met");
    assert_eq!(v["reports"]["on_time"], 12);

    // average, `<`: (32 + 26) / 2 = 29
    let w = ind(&r, "wait");
    approx(&w["value"], 29.0);
    approx(&w["attainment"], 30.0 / 29.0 * 100.0);
    assert_eq!(w["status"], "exceeded");
    assert_eq!(w["reports"]["late"], 1);
    assert_eq!(w["reports"]["days_late"], 5);

    // compound, range: sqrt(1.04 × 1.08) − 1
    let g = ind(&r, "growth");
    let cg = ((1.04f64 * 1.08).sqrt() - 1.0) * 100.0;
    approx(&g["value"], cg);
    approx(&g["target"], 5.0);
    approx(&g["target_max"], 6.0);
    approx(&g["attainment"], cg / 5.0 * 100.0);
    assert_eq!(g["status"], "met");

    // cumulative, pro rata: 100 + 120 + 150 + 130 = 500 against 600 × 2/3
    let t = ind(&r, "trained");
    approx(&t["value"], 500.0);
    approx(&t["target"], 400.0);
    approx(&t["attainment"], 125.0);
    assert_eq!(t["status"], "exceeded");

    // `~ 80`: 77 is within 5 %
    let s = ind(&r, "score");
    approx(&s["attainment"], 96.25);
    assert_eq!(s["status"], "met");

    // ratio against a milestone: 880 / 2000 = 44 % vs 45
    let cv = ind(&r, "coverage");
    approx(&cv["value"], 44.0);
    approx(&cv["target"], 45.0);
    assert_eq!(cv["status"], "not_met");

    // growth: 10,353 / 10,150 − 1 = 2 %
    let pg = ind(&r, "pop_growth");
    approx(&pg["value"], 2.0);
    approx(&pg["attainment"], 200.0);
    assert_eq!(pg["status"], "exceeded");
    // No target at all: tracked, never "no target for the year".
    assert_eq!(ind(&r, "pop")["status"], "tracked");

    // Roll-ups: capped at 100, equal weights.
    let a = group(&r, "alpha");
    approx(&a["attainment"], (100.0 + 1000.0 / 1080.0 * 100.0 + 100.0) / 3.0);
    assert_eq!(a["counts"]["exceeded"], 2);
    assert_eq!(a["counts"]["not_met"], 1);
    assert_eq!(a["reports"]["on_time"], 14);
    assert_eq!(a["reports"]["late"], 2);
    assert_eq!(a["reports"]["days_late"], 7);
    assert_eq!(a["reports"]["missing"], 1);
    assert_eq!(a["reports"]["days_overdue"], 21);
    let b = group(&r, "beta");
    approx(&b["attainment"], (100.0 + 100.0 + 96.25 + 44.0 / 45.0 * 100.0 + 100.0) / 5.0);
    assert_eq!(b["counts"]["exceeded"], 2);
    assert_eq!(b["counts"]["met"], 2);
    assert_eq!(b["counts"]["not_met"], 1);
    // hh, hh_conn and pop have no target at all.
    assert_eq!((b["counts"]["tracked"].as_u64(), b["counts"]["no_target"].as_u64()), (Some(3), Some(0)));
    assert_eq!(b["reports"]["on_time"], 6);
    assert_eq!(b["reports"]["late"], 1);
    assert_eq!(b["reports"]["days_late"], 5);

    // Tasks: done on time, done late by 40 days, three open overdue.
    let at = &a["tasks"];
    assert_eq!(at["done_on_time"], 1);
    assert_eq!(at["done_late"], 1);
    assert_eq!(at["days_late"], 40);
    let bt = &b["tasks"];
    assert_eq!(bt["open_overdue"], 3);
    assert_eq!(bt["days_overdue"], 123 + 396 + 31);
    approx(&bt["rate"], 0.0);
}

#[test]
fn open_within_deadline_before_the_due_date() {
    let env = loaded();
    let r = env.report_json(&["--year", "2027", "--as-of", "2027-10-31"]);
    let bt = &group(&r, "beta")["tasks"];
    assert_eq!(bt["open_in_time"], 1, "{bt}");
    assert_eq!(bt["open_overdue"], 2);
    assert_eq!(bt["days_overdue"], 31 + 304);
    // The as-of cut hides later figures: 2027 Q3 clinics (dated 10-09) is
    // in, 2027 visits for December are not.
    approx(&ind(&r, "clinics")["value"], 37.0);
    assert_eq!(ind(&r, "visits")["reports"]["not_yet_due"], 3);
}

#[test]
fn table_csv_md_and_group_filter() {
    let env = loaded();
    env.cmd().args(["report", "--year", "2027", "--as-of", "2028-01-31"]).assert().success().stdout(
        predicate::str::contains("Access (alpha)")
            .and(predicate::str::contains("Exceeded"))
            .and(predicate::str::contains("Whole plan: Attainment: ")),
    );
    env.cmd()
        .args(["report", "--year", "2027", "--as-of", "2028-01-31", "--detail"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Q4 2027").and(predicate::str::contains("Done late")));
    let out = env.cmd().args(["report", "--year", "2027", "--format", "csv"]).output().unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("plan,year,as_of,group"));
    assert_eq!(csv.lines().count(), 1 + 11);
    assert!(csv.contains(",visits,Emergency visits,visits,year,1080,1000,"), "{csv}");
    env.cmd()
        .args(["report", "--year", "2027", "--format", "md", "--group", "beta"])
        .assert()
        .success()
        .stdout(predicate::str::contains("## Outcomes (beta)").and(predicate::str::contains("Access").not()));
}

#[test]
fn bad_report_arguments() {
    let env = Env::with_plan(HEALTH_PLAN);
    env.cmd()
        .args(["report", "--year", "2031"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("outside the plan's years 2026–2028"));
    env.cmd()
        .args(["report", "--group", "alhpa"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `alpha`?"));
    env.cmd()
        .args(["report", "--as-of", "31/01/28"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--as-of").and(predicate::str::contains("two-digit year")));
}

#[test]
fn empty_ledger_reports_without_creating_it() {
    let env = Env::with_plan(HEALTH_PLAN).today("2027-03-01");
    let r = env.report_json(&["--year", "2026"]);
    assert_eq!(ind(&r, "wait")["status"], "no_data");
    assert!(!env.ledger.exists());
}

#[test]
fn vietnamese_labels_and_numbers() {
    let env = Env::shipped();
    let out = env.cmd().args(["report", "--year", "2026"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Tỷ lệ đạt"), "{text}");
    assert!(text.contains("Toàn kế hoạch"));
    for year in 2026..=2030 {
        env.cmd().args(["report", "--year", &year.to_string()]).assert().success();
    }
}

#[test]
fn a_group_with_no_indicators_says_so_without_a_dangling_separator() {
    let env = Env::shipped();
    for (lang, format, none) in [
        ("vi", "table", "Không có chỉ tiêu định lượng"),
        ("vi", "md", "Không có chỉ tiêu định lượng"),
        ("en", "table", "No indicators"),
        ("en", "md", "No indicators"),
    ] {
        let out = env
            .cmd()
            .env("COLUMNS", "400")
            .args(["--lang", lang, "report", "--year", "2026", "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        for id in ["(quy_hoach)", "(tchuc)"] {
            let mut lines = text.lines().skip_while(|l| !l.contains(id));
            assert!(lines.next().is_some(), "{lang} {format}: no {id} in {text}");
            let summary = lines.find(|l| !l.trim().is_empty()).unwrap_or_default();
            assert!(summary.trim_start_matches(['-', ' ']) == none, "{lang} {format} {id}: {summary:?}");
        }
        assert!(!text.contains("0/0"), "{lang} {format}: {text}");
        let dangling: Vec<&str> = text.lines().filter(|l| l.trim_end().ends_with('·')).collect();
        assert!(dangling.is_empty(), "{lang} {format}: {dangling:#?}");
    }
}

/// A reader that stops reading (`plan report | head`) is no error (SPEC
/// §6), in every text format: the report is written as it is rendered, and
/// the JSON and CSV writers wrap the closed pipe in their own errors. A
/// plan of 300 monthly indicators makes every format longer than a pipe
/// holds (64 KiB), so the write meets the closed end.
#[test]
fn a_closed_pipe_ends_every_text_report_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut plan = String::from(
        "[plan]\nid = \"P\"\ntitle = \"Pipe\"\nstart = 2026\nend = 2030\n\n[agencies]\nubnd = \"UBND\"\n\n[[group]]\nid = \"g\"\nname = \"G\"\nlead = \"ubnd\"\n",
    );
    for k in 0..300 {
        plan.push_str(&format!(
            "\n[[group.indicator]]\nid = \"i{k}\"\nname = \"Chỉ tiêu số {k} về phát triển kinh tế\"\nunit = \"triệu đồng\"\nmeasure = \"flow\"\nevery = \"month\"\n"
        ));
    }
    let env = Env::with_plan(&plan).today("2027-06-30");
    for format in ["json", "csv", "table", "md", "html"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("plan"))
            .arg("--plan")
            .arg(&env.plan)
            .arg("--ledger")
            .arg(&env.ledger)
            .current_dir(env.dir.path())
            .env("PLAN_TODAY", &env.today)
            .env("NO_COLOR", "1")
            .args(["report", "--year", "2026", "--detail", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read a little, then close the pipe.
        let mut first = [0u8; 16];
        child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
        drop(child.stdout.take());
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        let status = child.wait().unwrap();
        // Only the note that no ledger exists yet; no error.
        let said: Vec<&str> = err.lines().filter(|l| !l.starts_with("note: no ledger yet")).collect();
        assert_eq!((status.code(), said), (Some(0), Vec::<&str>::new()), "--format {format}");
    }
}
