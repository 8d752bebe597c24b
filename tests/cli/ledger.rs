//! Tests of the commands that write and read the ledger entry by entry:
//! `record`, `done`, `correct`, `void`, `log`, `verify`. Every rejection
//! is checked for its exit code, its message and an unchanged ledger.

use crate::common::*;
use serde_json::Value;
use std::process::Output;

// ---------------------------------------------------------------------------
// Helpers

/// Runs `plan ARGS` in `env`, expecting success; returns stdout.
fn ok(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().args(args).output().expect("run plan");
    assert!(
        out.status.success(),
        "plan {args:?} failed ({:?}):\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `plan ARGS`, expecting exit `code`, a stderr containing every one
/// of `wanted`, no panic, and the ledger exactly as it was.
fn refused_with(env: &Env, code: i32, args: &[&str], wanted: &[&str]) -> String {
    let before = env.ledger_fingerprint();
    let bytes_before = std::fs::read(&env.ledger).ok();
    let out = env.cmd().args(args).output().expect("run plan");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(code), "plan {args:?}: stderr:\n{err}");
    for w in wanted {
        assert!(err.contains(w), "plan {args:?}: stderr lacks {w:?}:\n{err}");
    }
    assert!(!err.contains("panicked"), "plan {args:?} panicked:\n{err}");
    assert_eq!(env.ledger_fingerprint(), before, "plan {args:?} changed the ledger");
    if before == "no ledger" {
        assert!(!env.ledger.exists(), "plan {args:?} created a ledger file");
    }
    if bytes_before.is_none() {
        assert!(!env.ledger.exists());
    }
    err
}

/// Rejected input: exit 1.
fn refused(env: &Env, args: &[&str], wanted: &[&str]) -> String {
    refused_with(env, 1, args, wanted)
}

fn mini() -> Env {
    Env::with_plan(MINI_PLAN)
}

/// The mini plan with Vietnamese number style.
fn mini_vi() -> Env {
    Env::with_plan(&MINI_PLAN.replace("numbers = \"en\"", "numbers = \"vi\""))
}

fn entries(env: &Env) -> Vec<Value> {
    env.log_json()
}

fn by_id(env: &Env, id: i64) -> Value {
    entries(env).into_iter().find(|e| e["id"] == id).unwrap_or_else(|| panic!("no entry #{id}"))
}

// ---------------------------------------------------------------------------
// record

#[test]
fn record_writes_one_figure_and_prints_one_line() {
    let env = mini();
    let out = ok(
        &env,
        &[
            "record",
            "firms",
            "104",
            "--period",
            "2026-H2",
            "--date",
            "2027-01-10",
            "--by",
            "lan",
            "--source",
            "Report 15/BC",
        ],
    );
    // #1 is the plan version the first write records (SPEC §2.1).
    assert_eq!(out, "#2 firms H2 2026 = 104 firms (reported 2027-01-10 by lan, Report 15/BC)\n");
    let es = entries(&env);
    assert_eq!(es.len(), 1);
    let e = &es[0];
    assert_eq!(e["kind"], "figure");
    assert_eq!(e["indicator"], "firms");
    assert_eq!(e["task"], Value::Null);
    assert_eq!(e["period"], "2026-H2");
    assert_eq!(e["year"], 2026);
    assert_eq!(e["value"], 104.0);
    assert_eq!(e["value_text"], "104");
    assert_eq!(e["date"], "2027-01-10");
    assert_eq!(e["by"], "lan");
    assert_eq!(e["source"], "Report 15/BC");
    assert_eq!(e["note"], Value::Null);
    assert_eq!(e["target_entry"], Value::Null);
    assert_eq!(e["batch"], Value::Null);
    assert!(e["recorded_at"].as_str().is_some_and(|s| s.len() >= 19), "{e}");
}

#[test]
fn record_defaults_to_today_and_the_os_user_and_keeps_the_value_as_typed() {
    let env = mini();
    let out = ok(&env, &["record", "revenue", "1,234.5", "--period", "2027", "--note", "whole year"]);
    assert_eq!(out, "#2 revenue 2027 = 1,234.5 m (reported 2027-06-30 by tester) — whole year\n");
    let e = by_id(&env, 2);
    assert_eq!(e["value"], 1234.5);
    assert_eq!(e["value_text"], "1,234.5");
    assert_eq!(e["date"], "2027-06-30");
    assert_eq!(e["by"], "tester");
    assert_eq!(e["note"], "whole year");
    // Every cadence's own periods; a flow is never negative (min 0).
    ok(&env, &["record", "spend", "12", "--period", "2026-07"]);
    refused(&env, &["record", "spend", "-12", "--period", "2026-08"], &["invalid value", "-12", "(0)"]);
    ok(&env, &["record", "revenue", "5", "--period", "2027-Q2"]);
    assert_eq!(entries(&env).len(), 3);
}

#[test]
fn record_takes_vi_numbers_under_a_vi_plan() {
    let env = mini_vi();
    ok(&env, &["record", "revenue", "1.234,5", "--period", "2026-Q1"]);
    ok(&env, &["record", "revenue", "9,5", "--period", "2026-Q2", "--yes"]);
    let es = entries(&env);
    assert_eq!(es[0]["value"], 1234.5);
    assert_eq!(es[1]["value"], 9.5);
    assert_eq!(es[1]["value_text"], "9,5");
}

#[test]
fn record_refuses_an_unknown_indicator_with_a_suggestion() {
    let env = mini();
    refused(
        &env,
        &["record", "firm", "1", "--period", "2026"],
        &["invalid indicator", "unknown indicator `firm`", "did you mean `firms`?"],
    );
    ok(&env, &["record", "firms", "1", "--period", "2026"]);
    refused(&env, &["record", "revenu", "1", "--period", "2026"], &["did you mean `revenue`?"]);
    refused(&env, &["record", "zzz", "1", "--period", "2026"], &["unknown indicator `zzz`", "plan show"]);
    // A task id is not an indicator: it says what it is and which command takes it (SPEC §4).
    refused(
        &env,
        &["record", "setup", "1", "--period", "2026"],
        &["`setup` is a task, not an indicator", "`plan done setup`"],
    );
}

#[test]
fn record_refuses_a_value_that_is_not_a_number() {
    let env = mini();
    for bad in ["abc", "12x", "1.2.3", "", "1e5", "12%"] {
        refused(&env, &["record", "firms", bad, "--period", "2026"], &["invalid value", "number"]);
    }
    ok(&env, &["record", "firms", "5", "--period", "2026"]);
    refused(
        &env,
        &["record", "firms", "abc", "--period", "2026"],
        &["`abc` is not a number under `en` numbers"],
    );
}

#[test]
fn record_refuses_9_5_under_vi_numbers() {
    let env = mini_vi();
    refused(
        &env,
        &["record", "revenue", "9.5", "--period", "2026"],
        &["invalid value", "`9.5` is ambiguous under `vi` numbers", "write `9,5`"],
    );
    ok(&env, &["record", "revenue", "9", "--period", "2026"]);
    refused(&env, &["record", "revenue", "9.5", "--period", "2026"], &["write `9,5`"]);
    // And the reverse under en numbers.
    let env = mini();
    refused(&env, &["record", "revenue", "9,5", "--period", "2026"], &["write `9.5`"]);
}

#[test]
fn record_refuses_a_period_outside_the_plan() {
    // Today in the plan's last year, so that its last period has begun.
    let env = mini().today("2028-12-31");
    refused(
        &env,
        &["record", "firms", "1", "--period", "2029"],
        &["--period", "outside the plan's years 2026–2028"],
    );
    refused(&env, &["record", "firms", "1", "--period", "2025-H2"], &["outside the plan's years"]);
    ok(&env, &["record", "firms", "1", "--period", "2028-H2"]);
    refused(&env, &["record", "firms", "1", "--period", "2029-H1"], &["outside the plan's years"]);
}

#[test]
fn record_refuses_a_period_of_the_wrong_cadence_or_grammar() {
    let env = mini();
    refused(
        &env,
        &["record", "firms", "1", "--period", "2026-Q1"],
        &["--period", "does not fit `firms`", "every half", "2026-H1"],
    );
    refused(&env, &["record", "revenue", "1", "--period", "2026-03"], &["every quarter"]);
    refused(&env, &["record", "spend", "1", "--period", "2026-H1"], &["every month"]);
    // Malformed periods: usage errors (exit 2, SPEC §4 "Exit codes").
    refused_with(&env, 2, &["record", "firms", "1", "--period", "2026-H3"], &["not a period"]);
    refused_with(&env, 2, &["record", "firms", "1", "--period", "26"], &["not a period"]);
}

#[test]
fn record_refuses_a_derived_indicator() {
    let env = mini();
    refused(
        &env,
        &["record", "share", "3", "--period", "2026"],
        &["`share` is derived (ratio spend / revenue)", "never recorded"],
    );
}

#[test]
fn record_refuses_a_date_after_today() {
    let env = mini();
    refused(
        &env,
        &["record", "firms", "1", "--period", "2026", "--date", "2027-07-01"],
        &["--date", "after today (2027-06-30)"],
    );
    refused_with(
        &env,
        2,
        &["record", "firms", "1", "--period", "2026", "--date", "2027-02-30"],
        &["--date", "not a date"],
    );
    ok(&env, &["record", "firms", "1", "--period", "2026", "--date", "2027-06-30"]);
    ok(&env, &["record", "firms", "1", "--period", "2026", "--date", "15/01/2027"]);
    assert_eq!(by_id(&env, 3)["date"], "2027-01-15");
}

#[test]
fn record_with_missing_arguments_is_a_usage_error() {
    let env = mini();
    refused_with(&env, 2, &["record", "firms", "1"], &["--period"]);
    refused_with(&env, 2, &["record", "firms"], &["<VALUE>"]);
    // Not on a terminal: no prompts, a usage error that explains.
    refused_with(&env, 2, &["record"], &["<INDICATOR> <VALUE> --period", "terminal"]);
}

#[test]
fn record_refuses_a_ledger_of_another_plan() {
    let env = mini();
    ok(&env, &["record", "firms", "1", "--period", "2026"]);
    // The same ledger, now given with plan B (same ids, another [plan] id).
    std::fs::write(&env.plan, MINI_PLAN.replace("id = \"TEST-1\"", "id = \"TEST-2\"")).unwrap();
    let msg = ["belongs to plan `TEST-1`, not `TEST-2`"];
    refused(&env, &["record", "firms", "2", "--period", "2026"], &msg);
    refused(&env, &["done", "setup"], &msg);
    refused(&env, &["correct", "1", "3", "--reason", "x"], &msg);
    refused(&env, &["void", "1", "--reason", "x"], &msg);
    refused(&env, &["log"], &msg);
    let out = env.cmd().arg("verify").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("the ledger belongs to plan `TEST-1`, not `TEST-2`"), "{text}");
    // The figure and the plan version the write recorded.
    assert!(text.contains("2 entries of another plan `TEST-1` (first #1)"), "{text}");
}

#[test]
fn every_command_refuses_a_corrupt_ledger_and_leaves_its_bytes_alone() {
    let env = mini();
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(&env.ledger, &garbage).unwrap();
    for args in [
        &["record", "firms", "1", "--period", "2026"][..],
        &["done", "setup"],
        &["correct", "1", "2", "--reason", "x"],
        &["void", "1", "--reason", "x"],
        &["log"],
        &["verify"],
    ] {
        let out = env.cmd().args(args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("is not a plan ledger"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(std::fs::read(&env.ledger).unwrap(), garbage, "{args:?} changed the file");
    }
}

#[test]
fn a_truncated_ledger_is_an_error_not_a_panic() {
    let env = mini();
    for i in 0..40 {
        ok(&env, &["record", "revenue", &i.to_string(), "--period", "2026-Q1", "--note", &"x".repeat(400)]);
    }
    // Fold the WAL into the main file, then cut it in half.
    let conn = rusqlite::Connection::open(&env.ledger).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    let bytes = std::fs::read(&env.ledger).unwrap();
    assert!(bytes.len() > 8192, "{}", bytes.len());
    std::fs::write(&env.ledger, &bytes[..bytes.len() / 2]).unwrap();
    for args in [&["verify"][..], &["log"], &["record", "firms", "1", "--period", "2026"]] {
        let out = env.cmd().args(args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn every_command_refuses_a_newer_ledger() {
    let env = mini();
    ok(&env, &["record", "firms", "1", "--period", "2026"]);
    let conn = rusqlite::Connection::open(&env.ledger).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    for args in [
        &["record", "firms", "2", "--period", "2026"][..],
        &["done", "setup"],
        &["correct", "1", "2", "--reason", "x"],
        &["void", "1", "--reason", "x"],
        &["log"],
        &["verify"],
    ] {
        refused(&env, args, &["schema version 99", "newer"]);
    }
}

// ---------------------------------------------------------------------------
// done

#[test]
fn done_marks_a_task_once() {
    let env = mini();
    let out = ok(&env, &["done", "setup", "--date", "2027-01-05", "--by", "lan", "--source", "Decision 45"]);
    // Wrapped at 80 columns (no terminal, no COLUMNS), the date whole.
    assert_eq!(
        out,
        "#2 done setup (reported 2027-01-05 by lan, Decision 45; 5 days late, due\n  2026-12-31)\n"
    );
    let e = by_id(&env, 2);
    assert_eq!(e["kind"], "completion");
    assert_eq!(e["task"], "setup");
    assert_eq!(e["indicator"], Value::Null);
    assert_eq!(e["period"], Value::Null);
    assert_eq!(e["year"], 2027);
    assert_eq!(e["value"], Value::Null);
    // Done already: refused, naming the completion that counts.
    refused(&env, &["done", "setup"], &["task `setup` is already done: entry #2", "plan void 2"]);
    // After a void, it can be done again.
    ok(&env, &["void", "2", "--reason", "wrong task"]);
    let out = ok(&env, &["done", "setup", "--date", "2026-12-20"]);
    assert!(out.starts_with("#4 done setup (reported 2026-12-20 by tester; on time"), "{out}");
}

#[test]
fn done_refuses_bad_input() {
    let env = mini();
    refused(&env, &["done", "setp"], &["invalid task", "unknown task `setp`", "did you mean `setup`?"]);
    refused(&env, &["done", "firms"], &["`firms` is an indicator, not a task", "`plan record firms"]);
    refused(&env, &["done", "setup", "--date", "2027-07-01"], &["--date", "after today"]);
}

// ---------------------------------------------------------------------------
// correct and void

#[test]
fn correct_supersedes_a_value_and_a_correction_of_a_correction_targets_the_figure() {
    let env = mini();
    ok(&env, &["record", "firms", "104", "--period", "2026-H2", "--date", "2027-01-10"]);
    let out = ok(&env, &["correct", "2", "105", "--reason", "official figure", "--by", "lan"]);
    assert_eq!(
        out,
        "#3 correction of #2: firms H2 2026 = 105 firms (was 104; reported 2027-06-30 by\n  lan: official figure)\n"
    );
    let c = by_id(&env, 3);
    assert_eq!(c["kind"], "correction");
    assert_eq!(c["target_entry"], 2);
    assert_eq!(c["indicator"], "firms");
    assert_eq!(c["period"], "2026-H2");
    assert_eq!(c["year"], 2026);
    assert_eq!(c["value"], 105.0);
    assert_eq!(c["note"], "official figure");
    // Correcting the correction corrects the figure. 1,106 is 10.5 times
    // the 105 it corrects: past the tenfold guard, so --yes.
    let out = ok(&env, &["correct", "3", "1,106", "--reason", "again", "--date", "2027-02-01", "--yes"]);
    assert!(out.starts_with("#4 correction of #2: firms H2 2026 = 1,106 firms (was 105;"), "{out}");
    let c = by_id(&env, 4);
    assert_eq!(c["target_entry"], 2);
    assert_eq!(c["value"], 1106.0);
    assert_eq!(c["date"], "2027-02-01");
}

#[test]
fn correct_and_void_refuse_what_makes_no_sense() {
    let env = mini();
    // No ledger yet: refused, and no file created.
    refused(&env, &["correct", "1", "5", "--reason", "x"], &["no entry #1"]);
    refused(&env, &["void", "1", "--reason", "x"], &["no entry #1"]);
    // #1 is the plan version the first write records (SPEC §2.1).
    ok(&env, &["record", "firms", "104", "--period", "2026-H2"]); // #2
    ok(&env, &["done", "setup"]); // #3
    ok(&env, &["record", "revenue", "7", "--period", "2026-Q1"]); // #4
    ok(&env, &["void", "4", "--reason", "wrong indicator"]); // #5
    refused(&env, &["correct", "99", "5", "--reason", "x"], &["no entry #99", "plan log"]);
    refused(&env, &["void", "99", "--reason", "x"], &["no entry #99"]);
    refused(
        &env,
        &["correct", "3", "5", "--reason", "x"],
        &["#3 is a completion", "void it and record `done` again"],
    );
    refused(&env, &["correct", "5", "5", "--reason", "x"], &["#5 is a void"]);
    refused(&env, &["correct", "1", "5", "--reason", "x"], &["#1 is a version of the plan"]);
    refused(&env, &["void", "1", "--reason", "x"], &["#1 is a version of the plan"]);
    refused(&env, &["correct", "4", "5", "--reason", "x"], &["#4 was voided by #5"]);
    refused(&env, &["void", "5", "--reason", "x"], &["#5 is a void", "cannot be voided"]);
    refused(&env, &["void", "4", "--reason", "x"], &["#4 is already voided by #5"]);
    refused(&env, &["correct", "2", "10.5.1", "--reason", "x"], &["invalid value", "not a number"]);
    refused(&env, &["correct", "2", "5", "--reason", "  "], &["--reason"]);
    refused(
        &env,
        &["correct", "2", "5", "--reason", "x", "--date", "2027-07-01"],
        &["--date", "after today"],
    );
    refused(&env, &["void", "2", "--reason", "x", "--date", "2099-01-01"], &["--date", "after today"]);
    // A voided correction: correcting it again still targets the figure.
    ok(&env, &["correct", "2", "105", "--reason", "x"]); // #6
    ok(&env, &["void", "6", "--reason", "x"]); // #7
    ok(&env, &["correct", "6", "106", "--reason", "x"]); // #8
    assert_eq!(by_id(&env, 8)["target_entry"], 2);
}

#[test]
fn correct_refuses_9_5_under_vi_numbers() {
    let env = mini_vi();
    ok(&env, &["record", "revenue", "9", "--period", "2026"]);
    refused(&env, &["correct", "2", "9.5", "--reason", "x"], &["write `9,5`"]);
}

#[test]
fn void_withdraws_and_the_earlier_figure_counts_again() {
    let env = mini();
    ok(&env, &["record", "firms", "100", "--period", "2026-H2"]);
    ok(&env, &["record", "firms", "104", "--period", "2026-H2"]);
    let out = env.cmd().args(["void", "3", "--reason", "typo", "--by", "lan"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "#4 void of #3 (figure firms H2 2026 = 104 firms; reported 2027-06-30 by lan:\n  typo)\n"
    );
    assert!(stderr(&out).contains("firms H2 2026 now counts #2 = 100"), "{}", stderr(&out));
    let v = by_id(&env, 4);
    assert_eq!(v["kind"], "void");
    assert_eq!(v["target_entry"], 3);
    assert_eq!(v["indicator"], "firms");
    assert_eq!(v["period"], "2026-H2");
    assert_eq!(v["value"], Value::Null);
    assert_eq!(v["note"], "typo");
}

// ---------------------------------------------------------------------------
// log

#[test]
fn log_without_a_ledger_is_empty() {
    let env = mini();
    let out = env.cmd().args(["log", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(serde_json::from_slice::<Value>(&out.stdout).unwrap(), Value::Array(vec![]));
    let out = env.cmd().arg("log").output().unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("no entries yet"), "{}", stderr(&out));
    assert!(!env.ledger.exists());
}

#[test]
fn log_shows_what_became_of_each_entry() {
    // `backdated` compares the reported date with the real clock, so today
    // here is the real today: entries dated by default are not back-dated.
    let real_today = chrono::Local::now().date_naive().to_string();
    let env = mini().today(&real_today);
    // #1 is the plan version the first write records (SPEC §2.1), which
    // the log leaves to `plan history`.
    ok(&env, &["record", "firms", "100", "--period", "2026-H2", "--date", "2026-07-10"]); // #2, back-dated
    ok(&env, &["record", "firms", "104", "--period", "2026-H2"]); // #3 supersedes #2
    ok(&env, &["correct", "3", "105", "--reason", "official"]); // #4 corrects #3
    ok(&env, &["correct", "3", "106", "--reason", "official 2"]); // #5 supersedes #4
    ok(&env, &["record", "revenue", "7", "--period", "2026-Q1", "--yes"]); // #6
    ok(&env, &["void", "6", "--reason", "wrong"]); // #7
    ok(&env, &["done", "setup", "--source", "Decision 45", "--date", "2026-06-01"]); // #8
    let es = entries(&env);
    assert_eq!(es.len(), 7);
    let kinds: Vec<&str> = es.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["figure", "figure", "correction", "correction", "figure", "void", "completion"]);
    let flags = |id: usize| {
        let e = &es[id - 2];
        (
            e["superseded_by"].clone(),
            e["voided_by"].clone(),
            e["corrected_by"].clone(),
            e["backdated"].clone(),
        )
    };
    let n = Value::Null;
    assert_eq!(flags(2), (Value::from(3), n.clone(), n.clone(), Value::from(true)));
    assert_eq!(flags(3), (n.clone(), n.clone(), Value::from(5), Value::from(false)));
    assert_eq!(flags(4), (Value::from(5), n.clone(), n.clone(), Value::from(false)));
    assert_eq!(flags(5), (n.clone(), n.clone(), n.clone(), Value::from(false)));
    assert_eq!(flags(6), (n.clone(), Value::from(7), n.clone(), Value::from(false)));
    for key in [
        "id",
        "kind",
        "indicator",
        "task",
        "period",
        "value",
        "value_text",
        "date",
        "recorded_at",
        "by",
        "source",
        "note",
        "target_entry",
        "batch",
    ] {
        assert!(es.iter().all(|e| e.get(key).is_some()), "missing {key}");
    }

    // Wide enough that no status wraps.
    let out = env.cmd().env("COLUMNS", "200").arg("log").output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    for s in ["superseded by #3", "corrected by #5", "voided by #7", "back-dated", "voids #6", "Decision 45"]
    {
        assert!(table.contains(s), "table lacks {s:?}:\n{table}");
    }
    // Filters.
    let ids = |args: &[&str]| -> Vec<i64> {
        let out = ok(&env, &[&["log", "--format", "json"], args].concat());
        serde_json::from_str::<Vec<Value>>(&out).unwrap().iter().map(|e| e["id"].as_i64().unwrap()).collect()
    };
    assert_eq!(ids(&["--indicator", "firms"]), [2, 3, 4, 5]);
    assert_eq!(ids(&["--task", "setup"]), [8]);
    // (Every entry is of 2026: a figure is never dated before its period
    // begins, and today here is the real today.)
    assert_eq!(ids(&["--year", "2027"]), Vec::<i64>::new());
    assert_eq!(ids(&["--year", "2026"]), [2, 3, 4, 5, 6, 7, 8]);
    assert_eq!(ids(&["--indicator", "revenue", "--year", "2026"]), [6, 7]);
    // Other formats: csv with machine numbers, md.
    let csv = ok(&env, &["log", "--format", "csv", "--indicator", "firms"]);
    assert!(csv.starts_with("id,kind,indicator,task,period,year,value,value_text,date,"), "{csv}");
    assert_eq!(csv.lines().count(), 5);
    let md = ok(&env, &["log", "--format", "md", "--task", "setup"]);
    assert!(md.starts_with("| # | Kind |") && md.contains("| 8 | completion | setup |"), "{md}");
}

#[test]
fn log_refuses_unknown_filters_with_a_suggestion() {
    let env = mini();
    ok(&env, &["record", "firms", "1", "--period", "2026"]);
    refused(
        &env,
        &["log", "--indicator", "firm"],
        &["--indicator", "unknown indicator `firm`", "did you mean `firms`?"],
    );
    refused(&env, &["log", "--task", "setp"], &["--task", "unknown task `setp`", "did you mean `setup`?"]);
}

#[test]
fn log_table_speaks_vietnamese_under_a_vi_plan() {
    let env = Env::with_plan(&MINI_PLAN.replace("lang = \"en\"", "lang = \"vi\""));
    ok(&env, &["record", "firms", "1", "--period", "2026"]);
    ok(&env, &["record", "firms", "2", "--period", "2026"]);
    let t = ok(&env, &["log", "--format", "md"]);
    assert!(t.contains("Loại") && t.contains("số liệu") && t.contains("thay bằng #3"), "{t}");
}

// ---------------------------------------------------------------------------
// verify and tampering

#[test]
fn verify_passes_on_a_ledger_written_by_plan() {
    let env = mini();
    let out = env.cmd().arg("verify").output().unwrap();
    assert!(out.status.success());
    assert!(stderr(&out).contains("no ledger yet"));
    ok(&env, &["record", "firms", "1", "--period", "2026"]);
    ok(&env, &["correct", "2", "2", "--reason", "x"]);
    ok(&env, &["done", "setup"]);
    ok(&env, &["void", "4", "--reason", "x"]);
    let out = ok(&env, &["verify"]);
    assert!(out.contains("ledger.db: 5 entries, chain intact, schema 7\n"), "{out}");
    // The plan version (#1) is said after the head.
    let head_line = out.lines().find(|l| l.contains("head ")).unwrap();
    let head = head_line.rsplit_once("head ").unwrap().1.to_string();
    assert!(out.contains("plan version 1:"), "{out}");
    assert!(head.starts_with("5:") && head.len() == 2 + 16, "{out}");
}

#[test]
fn the_database_refuses_update_and_delete() {
    let env = mini();
    ok(&env, &["record", "firms", "1", "--period", "2026"]);
    let conn = rusqlite::Connection::open(&env.ledger).unwrap();
    let e = conn.execute("UPDATE entry SET value = 9 WHERE id = 1", []).unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
    let e = conn.execute("DELETE FROM entry WHERE id = 1", []).unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
    drop(conn);
    ok(&env, &["verify"]);
}

#[test]
fn verify_names_the_first_entry_edited_behind_plans_back() {
    let env = mini();
    for i in 1..=5 {
        ok(&env, &["record", "revenue", &i.to_string(), "--period", "2026-Q1"]);
    }
    let conn = rusqlite::Connection::open(&env.ledger).unwrap();
    conn.execute_batch(
        "DROP TRIGGER entry_no_update; UPDATE entry SET value = 40, value_text = '40' WHERE id = 3;",
    )
    .unwrap();
    drop(conn);
    let out = env.cmd().arg("verify").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("entry #3: hash does not match its content (edited outside plan?)"), "{text}");
    assert!(text.contains("triggers are missing"), "{text}");
    assert!(text.contains("6 entries, chain BROKEN"), "{text}");
    assert!(!text.contains("entry #4"), "{text}");
}

#[test]
fn verify_finds_a_rehashed_entry_deleted_rows_and_ids_the_plan_lost() {
    let env = mini();
    for i in 1..=4 {
        ok(&env, &["record", "revenue", &i.to_string(), "--period", "2026-Q1"]);
    }
    ok(&env, &["done", "setup"]);
    // Deleting a row breaks the ids and the link.
    let conn = rusqlite::Connection::open(&env.ledger).unwrap();
    conn.execute_batch("DROP TRIGGER entry_no_delete; DELETE FROM entry WHERE id = 2;").unwrap();
    drop(conn);
    let out = env.cmd().arg("verify").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("entry #3: ids jump from #1 to #3"), "{text}");
    // A plan that dropped an indicator and a task.
    let env = mini();
    ok(&env, &["record", "spend", "1", "--period", "2026-01"]);
    ok(&env, &["done", "setup"]);
    let trimmed = MINI_PLAN
        .replace("[[group.indicator]]\nid = \"spend\"\nname = \"Spending\"\nunit = \"m\"\nmeasure = \"flow\"\nevery = \"month\"\n", "")
        .replace("ratio = [\"spend\", \"revenue\"]", "ratio = [\"revenue\", \"revenue\"]")
        .replace("id = \"setup\"", "id = \"setup2\"");
    std::fs::write(&env.plan, trimmed).unwrap();
    let out = env.cmd().arg("verify").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    assert!(text.contains("1 entry of indicator `spend`, which the plan no longer has (first #2)"), "{text}");
    assert!(text.contains("1 entry of task `setup`, which the plan no longer has (first #3)"), "{text}");
    assert!(text.contains("chain intact"), "{text}");
}

#[test]
fn verify_names_entries_whose_batch_was_deleted() {
    let env = mini();
    let csv = env.file("q1.csv", "indicator,period,value\nrevenue,2026-Q1,5\nrevenue,2026-Q2,6\n");
    ok(&env, &["import", csv.to_str().unwrap()]);
    ok(&env, &["verify"]);
    let conn = rusqlite::Connection::open(&env.ledger).unwrap();
    conn.execute_batch("DROP TRIGGER batch_no_delete; DELETE FROM batch;").unwrap();
    drop(conn);
    let out = env.cmd().arg("verify").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("2 entries of batch #1, which is not in the ledger (first #2"), "{text}");
}

// ---------------------------------------------------------------------------
// Concurrency

#[test]
fn four_concurrent_writers_lose_nothing_and_keep_one_chain() {
    const WRITERS: usize = 4;
    const EACH: usize = 250;
    let env = mini();
    let bin = env!("CARGO_BIN_EXE_plan");
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..WRITERS)
            .map(|w| {
                let env = &env;
                s.spawn(move || {
                    let mut errors = Vec::new();
                    for i in 0..EACH {
                        let value = (w * 10_000 + i).to_string();
                        let out = std::process::Command::new(bin)
                            .current_dir(env.dir.path())
                            .env("PLAN_TODAY", &env.today)
                            .env("USER", format!("writer{w}"))
                            .arg("--plan")
                            .arg(&env.plan)
                            .arg("--ledger")
                            .arg(&env.ledger)
                            .args(["record", "revenue", &value, "--period", "2027-Q1", "--yes"])
                            .output()
                            .expect("run plan");
                        // A writer that waited more than a second says so (SPEC §4);
                        // nothing else may be said.
                        let said = String::from_utf8_lossy(&out.stderr);
                        let waited = said.lines().all(|l| l.contains("waiting for it to finish"));
                        if !out.status.success() || !waited {
                            errors.push(format!("{value}: {}", String::from_utf8_lossy(&out.stderr)));
                        }
                    }
                    errors
                })
            })
            .collect();
        for h in handles {
            let errors = h.join().unwrap();
            assert!(errors.is_empty(), "{} failures, e.g. {}", errors.len(), errors[0]);
            assert!(!errors.iter().any(|e| e.contains("locked")));
        }
    });
    let es = entries(&env);
    assert_eq!(es.len(), WRITERS * EACH);
    let ids: Vec<i64> = es.iter().map(|e| e["id"].as_i64().unwrap()).collect();
    // #1: the plan version, recorded once whichever writer came first.
    assert_eq!(ids, (2..=(WRITERS * EACH) as i64 + 1).collect::<Vec<_>>());
    let mut values: Vec<String> = es.iter().map(|e| e["value_text"].as_str().unwrap().to_string()).collect();
    values.sort();
    let mut expected: Vec<String> =
        (0..WRITERS).flat_map(|w| (0..EACH).map(move |i| (w * 10_000 + i).to_string())).collect();
    expected.sort();
    assert_eq!(values, expected);
    let out = ok(&env, &["verify"]);
    assert!(out.contains("1,001 entries, chain intact"), "{out}");
}
