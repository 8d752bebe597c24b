//! Amending the plan while it runs (SPEC §2.1): revisions judged by year,
//! renamed indicators keeping their history, orphans, plan versions.

use crate::common::Env;
use serde_json::{Value, json};

const PLAN: &str = r#"[plan]
id = "P"
title = "T"
start = 2026
end = 2030
lang = "en"
numbers = "en"

[[group]]
id = "g"
name = "G"

[[group.indicator]]
id = "firms"
name = "Firms"
unit = "firms"
measure = "level"
every = "year"
target = ">= 120"
by = 2030
baseline = { year = 2025, value = 100 }

[[group.indicator]]
id = "jobs"
name = "Jobs"
unit = "jobs"
measure = "flow"
every = "year"
target = ">= 50"
basis = "year"
"#;

const AMENDMENT: &str = r#"
[[amendment]]
id = "dc1"
on = 2027-07-15
decision = "Resolution 12"
summary = "Raise the firms target; rename jobs"
"#;

const REVISION: &str = r#"
[[group.indicator.revision]]
from = 2028
target = ">= 130"
amendment = "dc1"
"#;

/// PLAN with `extra` after the firms indicator's keys and `tail` at the end.
fn plan_with(firms_extra: &str, tail: &str) -> String {
    let split = PLAN.find("[[group.indicator]]\nid = \"jobs\"").unwrap();
    format!("{AMENDMENT}{}{firms_extra}\n{}{tail}", &PLAN[..split], &PLAN[split..])
}

fn indicator<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["groups"][0]["indicators"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap()
}

/// Text with its line breaks and indents (terminal wrapping) as single spaces.
fn flat(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn without_version(mut r: Value) -> Value {
    r.as_object_mut().unwrap().remove("plan_version");
    r.as_object_mut().unwrap().remove("plan_version_recorded");
    r
}

#[test]
fn a_revision_from_2028_leaves_2027_as_it_was_and_judges_2028_by_the_new_target() {
    let env = Env::with_plan(PLAN).today("2029-02-01");
    for (p, v, d) in [("2027", "110", "2028-01-10"), ("2028", "118", "2029-01-10")] {
        env.cmd().args(["record", "firms", v, "--period", p, "--date", d]).assert().success();
    }
    let before_2027 = env.report_json(&["--year", "2027"]);
    let before_2028 = env.report_json(&["--year", "2028"]);
    // 2028 under the original target: a straight line from 100 (2025) to
    // 120 (2030): 100 + 20 × 3/5 = 112.
    assert_eq!(indicator(&before_2028, "firms")["target"], json!(112.0));
    std::fs::write(&env.plan, plan_with(REVISION, "")).unwrap();
    let after_2027 = env.report_json(&["--year", "2027"]);
    // 2027: 100 + 20 × 2/5 = 108 before and after; nothing else moves.
    assert_eq!(indicator(&after_2027, "firms")["target"], json!(108.0));
    assert_eq!(after_2027["amendments"], json!([]));
    assert_eq!(without_version(before_2027), without_version(after_2027));
    // 2028: the line from the same baseline to the revised 130:
    // 100 + 30 × 3/5 = 118; 118 / 118 = 100 %.
    let after_2028 = env.report_json(&["--year", "2028"]);
    let firms = indicator(&after_2028, "firms");
    assert_eq!((firms["target"].clone(), firms["attainment"].clone()), (json!(118.0), json!(100.0)));
    assert_eq!(firms["final_target"], json!(130.0));
    assert_eq!(
        after_2028["amendments"],
        json!([{ "id": "dc1", "decision": "Resolution 12", "on": "2027-07-15" }])
    );
    let table = env.cmd().args(["report", "--year", "2028"]).output().unwrap();
    let text = flat(&table.stdout);
    assert!(text.contains("Amendments: Resolution 12 (2027-07-15)"), "{text}");
    assert!(text.contains("Plan version "), "{text}");
}

#[test]
fn a_renamed_indicator_keeps_its_history_and_its_old_id_takes_no_more_figures() {
    let env = Env::with_plan(PLAN).today("2028-02-01");
    for (p, v, d) in [("2026", "40", "2027-01-10"), ("2027", "55", "2028-01-10")] {
        env.cmd().args(["record", "jobs", v, "--period", p, "--date", d]).assert().success();
    }
    let renamed = plan_with("", "")
        .replace("id = \"jobs\"", "id = \"employment\"\nformerly = [\"jobs\"]\nrenamed_by = \"dc1\"");
    std::fs::write(&env.plan, renamed).unwrap();
    let r = env.report_json(&["--year", "2027"]);
    let e = indicator(&r, "employment");
    // 55 recorded under `jobs` counts: 55 / 50 = 110 %, reported on time
    // (due 15/01/2028, reported 10/01).
    assert_eq!((e["value"].clone(), e["attainment"].clone()), (json!(55.0), json!(110.0)));
    assert_eq!((e["reports"]["on_time"].clone(), e["reports"]["missing"].clone()), (json!(1), json!(0)));
    assert_eq!(r["orphans"], json!([]));
    assert_eq!(r["amendments"][0]["id"], json!("dc1"), "the renaming is cited");
    // The old id takes no more figures, and says which id does.
    let before = env.ledger_fingerprint();
    let out = env.cmd().args(["record", "jobs", "60", "--period", "2027"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`jobs` was renamed `employment`"), "{err}");
    assert_eq!(env.ledger_fingerprint(), before);
    // A later figure under the new id counts (ledger order): 56 / 50 = 112 %.
    // #1 plan version, #2 and #3 under `jobs`; the edited plan is recorded
    // as #4, the figure is #5 and replaces #3, recorded under the old id.
    let out = env.cmd().args(["record", "employment", "56", "--period", "2027"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let receipt = flat(&out.stdout);
    assert!(
        receipt.starts_with("#5 employment 2027 = 56") && receipt.contains("replaces #3 (2027 = 55)"),
        "{receipt}"
    );
    let e = indicator(&env.report_json(&["--year", "2027"]), "employment").clone();
    assert_eq!((e["value"].clone(), e["attainment"].clone()), (json!(56.0), json!(112.0)));
    // log --indicator NEW: the old id's entries too, each as recorded.
    let out = env.cmd().args(["log", "--indicator", "employment", "--format", "json"]).output().unwrap();
    let log: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<_> = log.iter().map(|e| e["indicator"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["jobs", "jobs", "employment"]);
}

#[test]
fn an_orphan_is_named_by_check_and_reports_until_an_amendment_retires_it() {
    let env = Env::with_plan(PLAN).today("2028-02-01");
    env.cmd().args(["record", "jobs", "40", "--period", "2026", "--date", "2027-01-10"]).assert().success();
    env.cmd().args(["record", "jobs", "41", "--period", "2026", "--date", "2027-01-11"]).assert().success();
    // jobs taken out of the plan, without a word.
    let split = PLAN.find("[[group.indicator]]\nid = \"jobs\"").unwrap();
    std::fs::write(&env.plan, &PLAN[..split]).unwrap();
    let out = env.cmd().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = flat(&out.stderr);
    assert!(err.contains("`jobs` (2 entries)"), "{err}");
    let out = env.cmd().args(["report", "--year", "2027", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let warn = flat(&out.stderr);
    assert_eq!(warn.matches("`jobs` (2 entries)").count(), 1, "{warn}");
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["orphans"], json!([{ "id": "jobs", "entries": 2 }]));
    // Retired by an amendment: accounted for, listed as retired.
    let retired = format!("{}retired = [\"jobs\"]\n{}", AMENDMENT, &PLAN[..split]);
    std::fs::write(&env.plan, retired).unwrap();
    env.cmd().arg("check").assert().success();
    let r = env.report_json(&["--year", "2027"]);
    assert_eq!(r["orphans"], json!([]));
    assert_eq!(r["retired"], json!([{ "id": "jobs", "amendment": "dc1" }]));
    // Entries stay in the log; writing under the id is refused.
    assert_eq!(env.log_json().len(), 2);
    env.cmd().args(["record", "jobs", "1", "--period", "2027"]).assert().code(1);
}

#[test]
fn check_names_where_an_amendment_goes_wrong() {
    let bad = plan_with(
        "formerly = [\"jobs\"]\n\n[[group.indicator.revision]]\nfrom = 2031\ntarget = \">= 130\"\namendment = \"dc9\"\n\n[[group.indicator.revision]]\nfrom = 2031\ntarget = \"10..12\"\namendment = \"dc1\"\nmilestones = { 2031 = 11 }\n",
        "",
    );
    let env = Env::with_plan(&bad);
    let out = env.cmd().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let line = |needle: &str| bad.lines().position(|l| l.contains(needle)).unwrap() + 1;
    for (needle, message) in [
        ("formerly = [\"jobs\"]", "`jobs` is in a `formerly` list but is still an id of the plan"),
        ("amendment = \"dc9\"", "unknown amendment `dc9`"),
        ("from = 2031", "a revision from 2031 is outside the plan's years 2026–2030"),
        ("milestones = { 2031", "milestones cannot be set on a range target"),
    ] {
        let at = format!("plan.toml:{}:", line(needle));
        assert!(err.lines().any(|l| l.contains(&at) && l.contains(message)), "{at} {message}\n{err}");
    }
    assert!(err.contains("two revisions of `firms` start in 2031"), "{err}");
    // Unknown keys stay errors.
    let env = Env::with_plan(&plan_with("formerlly = [\"x\"]\n", ""));
    env.cmd().arg("check").assert().code(1);
}

#[test]
fn every_plan_version_is_kept_and_a_tampered_text_fails_verify() {
    let env = Env::with_plan(PLAN).today("2028-02-01");
    // No ledger yet: the report prints the text's own fingerprint.
    env.cmd().args(["record", "jobs", "40", "--period", "2026", "--date", "2027-01-10"]).assert().success();
    std::fs::write(&env.plan, plan_with(REVISION, "")).unwrap();
    // Under a text not recorded yet, reports say so.
    let r = env.report_json(&["--year", "2027"]);
    assert_eq!(r["plan_version_recorded"], json!(false));
    let table = env.cmd().args(["report", "--year", "2027"]).output().unwrap();
    assert!(flat(&table.stdout).contains("not recorded yet"), "{}", flat(&table.stdout));
    let verify = env.cmd().arg("verify").output().unwrap();
    assert!(verify.status.success());
    assert!(flat(&verify.stdout).contains("the plan file differs from the latest recorded plan version 1:"));
    // The next write records it: #1 version 1, #2 the figure, #3 version 2, #4 the figure.
    env.cmd().args(["record", "jobs", "55", "--period", "2027", "--date", "2028-01-10"]).assert().success();
    let out = env.cmd().args(["history", "--format", "json"]).output().unwrap();
    let h: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ns: Vec<_> = h["versions"].as_array().unwrap().iter().map(|v| v["n"].clone()).collect();
    assert_eq!(ns, [json!(1), json!(3)]);
    assert_eq!(h["versions"][1]["current"], json!(true));
    assert_eq!(h["amendments"][0]["decision"], json!("Resolution 12"));
    let r = env.report_json(&["--year", "2027"]);
    assert_eq!(r["plan_version"], h["versions"][1]["fingerprint"]);
    assert_eq!(r["plan_version_recorded"], json!(true));
    // --show N prints the text as it was; no such N: exit 1.
    let first = env.cmd().args(["history", "--show", "1"]).output().unwrap();
    assert_eq!(String::from_utf8(first.stdout).unwrap(), PLAN);
    env.cmd().args(["history", "--show", "2"]).assert().code(1);
    env.cmd().arg("verify").assert().success();
    // A stored text edited behind plan's back.
    let conn = rusqlite::Connection::open(&env.ledger).unwrap();
    conn.execute_batch(
        "DROP TRIGGER plan_text_no_update; UPDATE plan_text SET text = replace(text, '>= 120', '>= 100') WHERE entry = 1",
    )
    .unwrap();
    drop(conn);
    let out = env.cmd().arg("verify").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("the plan version #1: its stored text was changed"), "{text}");
    assert!(
        flat(&out.stdout).contains("the triggers that keep the stored plan versions append-only are missing"),
        "{text}"
    );
}

#[test]
fn an_indicator_added_by_an_amendment_is_not_due_before_the_decision() {
    // Monthly, added by a decision of 15/07/2027: January–June 2027 ended
    // before it (not expected); July–December are, each due 5 days after
    // its month. As of 31/01/2028 with no figure: 6 missing, days overdue
    // (31/01/2028 − due): Jul 179 (due 05/08: 26 + 30 + 31 + 30 + 31 + 31),
    // Aug 148 (05/09), Sep 118 (05/10), Oct 87 (05/11), Nov 57 (05/12),
    // Dec 26 (05/01/2028): 179 + 148 + 118 + 87 + 57 + 26 = 615.
    let added = "\n[[group.indicator]]\nid = \"loans\"\nname = \"Loans\"\nunit = \"loans\"\nmeasure = \"flow\"\nevery = \"month\"\nadded_by = \"dc1\"\n";
    let env = Env::with_plan(&plan_with("", added)).today("2028-01-31");
    let r = env.report_json(&["--year", "2027"]);
    let loans = indicator(&r, "loans");
    let periods: Vec<_> = loans["periods"].as_array().unwrap().iter().map(|p| p["period"].clone()).collect();
    assert_eq!(periods.first(), Some(&json!("2027-07")));
    assert_eq!(periods.len(), 6);
    assert_eq!(loans["reports"]["missing"], json!(6));
    assert_eq!(loans["reports"]["days_overdue"], json!(615));
    assert_eq!(r["amendments"][0]["id"], json!("dc1"), "the decision that added it is cited");
}

#[test]
fn export_and_template_count_an_old_ids_figures_for_the_new_id() {
    let env = Env::with_plan(PLAN).today("2028-02-01");
    env.cmd().args(["record", "jobs", "55", "--period", "2027", "--date", "2028-01-10"]).assert().success();
    let renamed = plan_with("", "\n[export.dhis2]\norg_unit = \"OU\"\n").replace(
        "id = \"jobs\"",
        "id = \"employment\"\nformerly = [\"jobs\"]\nrenamed_by = \"dc1\"\ndhis2 = \"EMP\"",
    );
    std::fs::write(&env.plan, renamed).unwrap();
    // The 2027 figure, recorded under `jobs`, goes to DHIS2 as employment's.
    let out = env.cmd().args(["export", "--year", "2027", "--format", "dhis2-csv"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.lines().any(|l| l.starts_with("EMP,2027,OU,") && l.contains(",55,")), "{csv}");
    // The template asks for employment's missing years, not 2027 (filled
    // under its old id): 2026 only (due 15/01/2027).
    let out = env.cmd().args(["template", "--format", "csv"]).output().unwrap();
    let t = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = t.lines().filter(|l| l.contains("employment")).collect();
    assert_eq!(rows.len(), 1, "{t}");
    assert!(rows[0].contains("2026"), "{t}");
}

#[test]
fn html_names_the_final_target_in_force_after_a_revision() {
    // Without a baseline, firms has no target of its own in 2028 (no
    // straight line): every format shows the final target instead, and
    // after the revision from 2028 that is ">= 130", not the original 120.
    let env = Env::with_plan(PLAN).today("2029-02-01");
    env.cmd().args(["record", "firms", "118", "--period", "2028", "--date", "2029-01-10"]).assert().success();
    let revised = plan_with(REVISION, "").replace("baseline = { year = 2025, value = 100 }\n", "");
    std::fs::write(&env.plan, revised).unwrap();
    let out = env.cmd().args(["report", "--year", "2028", "--format", "html"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8_lossy(&out.stdout);
    assert!(html.contains("at least 130"), "the revised final target");
    assert!(!html.contains("at least 120"), "not the original one");
    // As the JSON and the tables have it.
    let r = env.report_json(&["--year", "2028"]);
    assert_eq!(indicator(&r, "firms")["final_target"], json!(130.0));
    let md = String::from_utf8(
        env.cmd().args(["report", "--year", "2028", "--format", "md"]).output().unwrap().stdout,
    )
    .unwrap();
    assert!(md.contains("at least 130") && !md.contains("at least 120"), "{md}");
}
