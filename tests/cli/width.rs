//! Tables fit the terminal (SPEC §4 "Terminal width"): every table of the
//! shipped plan with the illustrative figures, at 80 columns, has no line
//! wider than 80 and shows every id it lists whole on some line. Receipts
//! of record, correct, void and done wrap between words alike.

use crate::common::Env;
use serde_json::Value;

/// Display width of a line: the box-drawing characters and precomposed
/// Vietnamese letters are one column each.
fn width(line: &str) -> usize {
    line.chars().count()
}

/// Whether `id` stands whole on some line (not as part of a longer id).
fn whole_on_a_line(text: &str, id: &str) -> bool {
    let is_id_char = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.lines().any(|line| {
        line.match_indices(id).any(|(i, _)| {
            let before = line[..i].chars().next_back();
            let after = line[i + id.len()..].chars().next();
            !before.is_some_and(is_id_char) && !after.is_some_and(is_id_char)
        })
    })
}

fn run_at(env: &Env, columns: &str, args: &[&str]) -> String {
    let out = env.cmd().env("COLUMNS", columns).args(args).output().expect("run plan");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    let mut text = String::from_utf8(out.stdout).expect("utf-8");
    text.push_str(&String::from_utf8(out.stderr).expect("utf-8"));
    text
}

fn ids_of(v: &Value, list: &str) -> Vec<String> {
    v[list].as_array().into_iter().flatten().filter_map(|x| x["id"].as_str().map(String::from)).collect()
}

fn check(text: &str, columns: usize, ids: &[String], what: &str) {
    for line in text.lines() {
        assert!(width(line) <= columns, "{what}: a line of {} columns:\n{line}\n\n{text}", width(line));
    }
    for id in ids {
        assert!(whole_on_a_line(text, id), "{what}: `{id}` is not whole on any line:\n{text}");
    }
    assert!(!ids.is_empty(), "{what}: no ids to look for");
}

#[test]
fn every_table_of_the_shipped_plan_fits_80_columns_with_ids_whole() {
    let env = Env::shipped();
    let plan: Value = serde_json::from_str(&run_at(&env, "80", &["show", "--format", "json"])).unwrap();
    let groups = plan["groups"].as_array().unwrap();
    let group_ids: Vec<String> = groups.iter().map(|g| g["id"].as_str().unwrap().to_string()).collect();
    let indicator_ids: Vec<String> = groups.iter().flat_map(|g| ids_of(g, "indicators")).collect();
    let task_ids: Vec<String> = groups.iter().flat_map(|g| ids_of(g, "tasks")).collect();
    let all: Vec<String> = [&group_ids[..], &indicator_ids, &task_ids].concat();

    check(&run_at(&env, "80", &["show"]), 80, &all, "show");
    for id in [&indicator_ids[0], &task_ids[0], &group_ids[0]] {
        check(&run_at(&env, "80", &["show", id]), 80, std::slice::from_ref(id), "show ID");
    }
    check(&run_at(&env, "80", &["check"]), 80, &group_ids, "check");

    let logged: Vec<String> = env
        .log_json()
        .iter()
        .filter_map(|e| e["indicator"].as_str().or(e["task"].as_str()).map(String::from))
        .collect();
    let log = run_at(&env, "80", &["log"]);
    check(&log, 80, &logged, "log");
    // The id column is wide enough for ids: 29 entries in far fewer than
    // 539 lines (what a 3-character column gave).
    assert!(log.lines().count() < 8 * env.log_json().len(), "{log}");

    let report: Value = serde_json::from_str(&run_at(&env, "80", &["report", "--format", "json"])).unwrap();
    let rgroups = report["groups"].as_array().unwrap();
    let r_indicators: Vec<String> = rgroups.iter().flat_map(|g| ids_of(g, "indicators")).collect();
    let r_tasks: Vec<String> = rgroups.iter().flat_map(|g| ids_of(g, "task_list")).collect();
    check(&run_at(&env, "80", &["report"]), 80, &r_indicators, "report");
    check(
        &run_at(&env, "80", &["report", "--detail"]),
        80,
        &[&r_indicators[..], &r_tasks].concat(),
        "report --detail",
    );
}

#[test]
fn narrower_terminals_keep_ids_whole_too() {
    let env = Env::shipped();
    for columns in ["60", "40"] {
        let n: usize = columns.parse().unwrap();
        let text = run_at(&env, columns, &["show"]);
        for line in text.lines() {
            assert!(width(line) <= n, "show at {columns}: {line}");
        }
        for id in ["viec_lam", "tl_thu_ktn", "quy_hoach"] {
            assert!(whole_on_a_line(&text, id), "show at {columns}: `{id}` split:\n{text}");
        }
    }
}

#[test]
fn without_columns_and_without_a_terminal_tables_are_80_wide() {
    let env = Env::shipped();
    let out = env.cmd().env_remove("COLUMNS").arg("show").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let widest = text.lines().map(width).max().unwrap();
    assert_eq!(widest, 80, "{text}");
}

/// The receipt's own entry id ("#25"), from its first word.
fn receipt_id(text: &str) -> String {
    text.split_whitespace()
        .next()
        .filter(|w| w.starts_with('#'))
        .expect("a receipt starts with its id")
        .into()
}

#[test]
fn receipts_wrap_between_words_at_80_columns_with_ids_whole() {
    let env = Env::shipped();
    let source = "Báo cáo số 128/BC-UBND ngày 05/10/2026 của Ủy ban nhân dân xã Nghi Dương về thu ngân sách";
    let note =
        "Số liệu chính thức sau khi đối chiếu với Kho bạc Nhà nước khu vực, thay cho số liệu ước đã nhập";
    let by = "Nguyễn Thị Hoa, Phòng Kinh tế";
    let record =
        ["record", "thu_ns", "2500,5", "--period", "2026-Q3", "--by", by, "--source", source, "--note", note];
    let text = run_at(&env, "80", &record);
    let id = receipt_id(&text);
    // The receipt names what it replaces: that id stays whole too.
    let replaced =
        text.split("#").nth(2).and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next()).unwrap();
    check(&text, 80, &[id.clone(), format!("#{replaced}"), "thu_ns".into()], "record");
    assert!(text.lines().count() >= 3, "the receipt should wrap:\n{text}");

    let reason = "Kho bạc gửi lại số liệu đã điều chỉnh sau khi đối chiếu cuối quý với Chi cục Thuế khu vực";
    let number = id.trim_start_matches('#');
    let text = run_at(&env, "80", &["correct", number, "2600", "--reason", reason, "--by", by]);
    let correction = receipt_id(&text);
    check(&text, 80, &[correction.clone(), id.clone(), "thu_ns".into()], "correct");

    let reason =
        "Nhập nhầm kỳ báo cáo, số liệu này thuộc quý sau, sẽ nhập lại khi có báo cáo chính thức của xã";
    let text = run_at(&env, "80", &["void", correction.trim_start_matches('#'), "--reason", reason]);
    check(&text, 80, &[receipt_id(&text), correction, "thu_ns".into()], "void");

    let source = "Kế hoạch số 12-KH/ĐU ngày 20/11/2026 của Đảng ủy Ủy ban nhân dân xã Nghi Dương";
    let done = ["done", "th_ke_hoach", "--by", by, "--source", source, "--note", note];
    let text = run_at(&env, "80", &done);
    check(&text, 80, &[receipt_id(&text), "th_ke_hoach".into()], "done");

    // No COLUMNS and no terminal: 80 columns.
    let out = env
        .cmd()
        .env_remove("COLUMNS")
        .args(["record", "thu_ns", "2600", "--period", "2026-Q3"])
        .args(["--source", source, "--note", note])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    check(&text, 80, &[receipt_id(&text)], "record without COLUMNS");
}
