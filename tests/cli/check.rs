//! Tests of `plan check` and `plan show`.

use crate::common::*;
use predicates::prelude::*;

#[test]
fn shipped_plan_is_valid_and_audited() {
    let env = Env::with_repo_plan("plan.toml");
    env.cmd()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("Rõ nội dung").and(predicate::str::contains("ktn (II.1)")))
        .stderr(predicate::str::contains("hợp lệ"));
}

#[test]
fn five_mistakes_are_all_reported_at_their_line_and_column() {
    let env = Env::with_plan(&std::fs::read_to_string(repo_file("tests/fixtures/bad_plan.toml")).unwrap());
    let out = env.cmd().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let file = env.plan.display().to_string();
    for (pos, msg) in [
        // bad_plan.toml says `lang = "vi"`.
        ("53:1", "khóa `tagret` không dùng được"),
        ("63:26", "năm mốc 2031 nằm ngoài"),
        ("75:8", "không có cơ quan `phong_ktt`"),
        ("97:10", "`=> 5` không phải là cách viết chỉ tiêu"),
        ("101:6", "mã `hop_dan` bị trùng"),
    ] {
        let want = format!("{file}:{pos}: {msg}");
        assert!(err.contains(&want), "missing `{want}` in:\n{err}");
    }
    assert!(err.contains("có phải là `target`?"));
    assert!(err.contains("có phải là `phong_kt`?"));
    assert!(err.contains("viết `>= 5`"));
    assert!(err.contains(": 5 lỗi"), "{err}");
}

#[test]
fn check_json_lists_errors_with_positions() {
    let env = Env::with_plan(&std::fs::read_to_string(repo_file("tests/fixtures/bad_plan.toml")).unwrap());
    let out = env.cmd().args(["check", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["valid"], false);
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 5);
    assert_eq!(errors[0]["line"], 53);
    assert_eq!(errors[0]["column"], 1);
}

#[test]
fn another_body_plan_passes_check_and_show() {
    let env = Env::with_repo_plan("tests/fixtures/other_plan.toml");
    env.cmd().arg("check").assert().success().stdout(predicate::str::contains("Timeline"));
    let out = env.cmd().args(["show", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["lang"], "en");
    env.cmd().args(["show", "opd_growth"]).assert().success().stdout(
        predicate::str::contains("growth of opd_visits").and(predicate::str::contains("6. Supervision")),
    );
}

#[test]
fn strict_makes_audit_gaps_errors() {
    let env = Env::with_repo_plan("plan.toml");
    env.cmd().args(["check", "--strict"]).assert().code(1).stderr(predicate::str::contains("--strict"));
}

#[test]
fn audit_names_each_missing_ro() {
    let env = Env::with_plan(
        r#"
[plan]
id = "X"
title = "Gaps"
start = 2026
end = 2027
lang = "en"
numbers = "en"
[[group]]
id = "bare"
name = "A bare group"
[[group.task]]
id = "t"
name = "Undated task"
"#,
    );
    let out = env.cmd().args(["check", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ro = &v["audit"][0]["ro"];
    for key in ["content", "executor", "responsibility", "timeline", "product", "supervision"] {
        assert!(!ro[key].as_array().unwrap().is_empty(), "{key} should have a gap: {ro}");
    }
    let timeline = ro["timeline"].to_string();
    assert!(timeline.contains("no milestone, task due date or `by`"), "{timeline}");
    assert!(timeline.contains("without due date"), "{timeline}");
}

#[test]
fn unknown_keys_types_and_references_in_one_run() {
    let env = Env::with_plan(
        r#"
[plan]
id = "X"
title = "Errors"
start = 2026
end = 2027
horizon = "2045"
lang = "fr"
numbers = "en"
colour = "red"
[agencies]
a = "A"
[[group]]
id = "Bad Id"
name = "G"
lead = "a"
[[group.indicator]]
id = "r"
name = "Ratio"
ratio = ["x", "y"]
measure = "level"
[[group.indicator]]
id = "g"
name = "Growth of a ratio"
growth = "r"
[[group.task]]
id = "t"
name = "T"
due = 2031-01-01
"#,
    );
    let out = env.cmd().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    for want in [
        "`horizon` must be an integer",
        "`lang` = \"fr\" is not valid",
        "unknown key `colour`",
        "id `Bad Id` may use only a-z, 0-9 and _",
        "computed from unknown indicator `x`",
        "remove `measure`",
        "growth source `r` must be a recorded indicator",
        "due date 2031-01-01 is outside",
    ] {
        assert!(err.contains(want), "missing `{want}` in:\n{err}");
    }
}

#[test]
fn cyclic_ratios_are_refused() {
    let env = Env::with_plan(
        r#"
[plan]
id = "X"
title = "Cycle"
start = 2026
end = 2027
[[group]]
id = "g"
name = "G"
[[group.indicator]]
id = "a"
name = "A"
ratio = ["b", "c"]
[[group.indicator]]
id = "b"
name = "B"
ratio = ["a", "c"]
[[group.indicator]]
id = "c"
name = "C"
measure = "flow"
every = "year"
"#,
    );
    env.cmd().arg("check").assert().code(1).stderr(predicate::str::contains("form a cycle"));
}

#[test]
fn toml_syntax_error_is_located() {
    let env = Env::with_plan("[plan]\nid = \"X\nstart = 2026\n");
    let out = env.cmd().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&format!("{}:2:", env.plan.display())), "{err}");
}

#[test]
fn show_lists_every_indicator_of_the_seed_with_its_target() {
    let env = Env::with_repo_plan("plan.toml");
    let out = env.cmd().args(["show", "--format", "csv"]).output().unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    for (id, target) in [
        ("so_dn", "> 120"),
        ("dn_dmst", ">= 48"),
        ("viec_lam", "> 2.000"),
        ("nsld", "9,5..10"),
        ("tl_thu_ktn", "10..12"),
        ("tt_dich_vu", "10..11"),
        ("ocop", ">= 1"),
        ("tt_grdp", "10..11"),
        ("tl_chi_khcn", ">= 3"),
    ] {
        let line =
            csv.lines().find(|l| l.split(',').nth(1) == Some(id)).unwrap_or_else(|| panic!("{id} missing"));
        assert!(line.contains(target), "{id}: {line}");
    }
}

#[test]
fn show_one_item_with_its_six_ro_and_unknown_id_suggests() {
    let env = Env::with_repo_plan("plan.toml");
    env.cmd()
        .args(["show", "so_dn"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Rõ trách nhiệm").and(predicate::str::contains("Phòng Kinh tế")));
    env.cmd()
        .args(["show", "so_dm"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("có phải là `so_dn`?"));
}

/// `show ID` in `format`: its stdout.
fn show(env: &Env, id: &str, format: &str) -> String {
    let out = env.cmd().args(["show", id, "--format", format]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn show_one_item_labels_its_id_and_the_groups_goal_apart_from_the_target() {
    let env = Env::with_repo_plan("plan.toml");
    // The field names of the csv are the labels of the table and of md.
    let csv = show(&env, "so_dn", "csv");
    let labels: Vec<&str> = csv.lines().skip(1).filter_map(|l| l.split(',').next()).collect();
    assert_eq!(labels.first(), Some(&"Mã"), "{csv}");
    assert_eq!(labels.iter().filter(|l| **l == "Mục tiêu").count(), 1, "{csv}");
    assert!(labels.contains(&"Mục tiêu của nhóm"), "{csv}");
    let table = show(&env, "so_dn", "table");
    assert!(table.contains("│ Mã ") && !table.contains("│ id "), "{table}");
    assert!(table.contains("│ Mục tiêu của nhóm"), "{table}");
    let md = show(&env, "so_dn", "md");
    assert!(md.contains("| Mã | so_dn |") && md.contains("| Mục tiêu của nhóm |"), "{md}");
    // A task's first row too; a group has its goal under the same label.
    assert!(show(&env, "ktn_kh", "csv").lines().nth(1).is_some_and(|l| l.starts_with("Mã,ktn_kh")));
    assert!(show(&env, "ktn", "csv").contains("\nMục tiêu của nhóm,"));
    // An English plan says so in English.
    let en = Env::with_repo_plan("tests/fixtures/other_plan.toml");
    let csv = show(&en, "immunised", "csv");
    assert!(csv.lines().nth(1).is_some_and(|l| l.starts_with("Id,immunised")), "{csv}");
    assert!(csv.contains("\nGroup goal,Every mother and child"), "{csv}");
}

#[test]
fn show_one_item_in_md_is_headed_by_its_id_and_name() {
    let env = Env::with_repo_plan("plan.toml");
    for (id, heading) in [
        ("ktn", "## ktn — Phát triển kinh tế tư nhân"),
        ("so_dn", "## so_dn — Doanh nghiệp hoạt động trên địa bàn xã"),
        ("ktn_kh", "## ktn_kh — "),
    ] {
        let md = show(&env, id, "md");
        assert!(md.starts_with(heading), "{id}: {md}");
        assert!(!md.lines().any(|l| l.trim() == "##"), "{id}: an empty heading in {md}");
    }
    // A group's indicators and tasks keep their own headings.
    let md = show(&env, "ktn", "md");
    assert!(md.contains("\n## Chỉ tiêu\n") && md.contains("\n## Nhiệm vụ\n"), "{md}");
}

#[test]
fn show_formats() {
    let env = Env::with_plan(MINI_PLAN);
    env.cmd()
        .args(["show", "--format", "md"])
        .assert()
        .success()
        .stdout(predicate::str::contains("| firms |"));
    // Wide enough for the formula on one line.
    env.cmd()
        .env("COLUMNS", "120")
        .args(["show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("spend / revenue"));
}

#[test]
fn every_command_has_help_with_an_example_and_completions_work() {
    let env = Env::with_plan(MINI_PLAN);
    for c in COMMANDS {
        env.cmd().args([c, "--help"]).assert().success().stdout(predicate::str::contains("Examples:"));
    }
    env.cmd().args(["completions", "bash"]).assert().success().stdout(predicate::str::contains("plan"));
    env.cmd().arg("frobnicate").assert().code(2);
}
