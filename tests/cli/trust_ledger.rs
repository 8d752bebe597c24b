//! Issue #22, the ledger's part: the computer's clock, reading commands
//! that never create a ledger and work read-only, the ledger's protections
//! checked by every report, `correct`'s tenfold guard, `--as-of` after
//! today, ids of the wrong kind. With the shipped plan (vi by default);
//! each refusal is checked for its message, exit 1, and the ledger's bytes
//! unchanged.

use crate::common::*;
use serde_json::Value;

/// The shipped plan on 26 November 2026.
fn shipped() -> Env {
    Env::with_repo_plan("plan.toml").today("2026-11-26")
}

/// The ledger's bytes (`None` when there is none).
fn ledger_bytes(env: &Env) -> Option<Vec<u8>> {
    std::fs::read(&env.ledger).ok()
}

/// `plan ARGS` (in the plan's language, vi): exit code, stdout, stderr.
fn run(env: &Env, args: &[&str]) -> (Option<i32>, String, String) {
    let out = env.cmd().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok(env: &Env, args: &[&str]) -> (String, String) {
    let (code, out, err) = run(env, args);
    assert_eq!(code, Some(0), "plan {args:?}:\n{out}{err}");
    (out, err)
}

/// A refusal: exit 1, stderr holding every one of `wanted` and none of
/// `unwanted`, the ledger's bytes unchanged. Returns stderr.
fn refused_unlike(env: &Env, args: &[&str], wanted: &[&str], unwanted: &[&str]) -> String {
    let bytes = ledger_bytes(env);
    let (code, out, err) = run(env, args);
    assert_eq!(code, Some(1), "plan {args:?} should be refused:\n{out}{err}");
    for w in wanted {
        assert!(err.contains(w), "plan {args:?}: stderr lacks {w:?}:\n{err}");
    }
    for w in unwanted {
        assert!(!err.contains(w), "plan {args:?}: stderr says {w:?}:\n{err}");
    }
    assert!(ledger_bytes(env) == bytes, "plan {args:?} changed the ledger file");
    err
}

fn refused(env: &Env, args: &[&str], wanted: &[&str]) -> String {
    refused_unlike(env, args, wanted, &[])
}

/// A ledger with one figure, so that refusals have bytes to keep.
fn with_a_figure(env: &Env) {
    ok(env, &["record", "so_dn", "98", "--period", "2026-H1", "--date", "10/07/2026"]);
}

#[allow(dead_code)]
fn log(env: &Env) -> Vec<Value> {
    env.log_json()
}

// 8. An id of the wrong kind.

#[test]
fn a_task_given_to_record_says_it_is_a_task_and_to_use_done() {
    let env = shipped();
    with_a_figure(&env);
    let err = refused(
        &env,
        &["record", "hoi_dn", "5", "--period", "2026-H1"],
        &["`hoi_dn` là nhiệm vụ, không phải chỉ tiêu", "`plan done hoi_dn`"],
    );
    // No "did you mean" an indicator for a task.
    assert!(!err.contains("có phải ý là"), "{err}");
    let err = refused(
        &env,
        &["done", "so_dn"],
        &["`so_dn` là chỉ tiêu, không phải nhiệm vụ", "`plan record so_dn"],
    );
    assert!(!err.contains("có phải ý là"), "{err}");
    // In English too.
    refused(
        &env,
        &["--lang", "en", "done", "so_dn"],
        &["invalid", "`so_dn` is an indicator, not a task", "plan record so_dn"],
    );
    refused(&env, &["--lang", "en", "record", "hoi_dn", "5", "--period", "2026-H1"], &["`hoi_dn` is a task"]);
}

#[test]
fn did_you_mean_proposes_only_ids_of_the_right_kind() {
    let env = shipped();
    with_a_figure(&env);
    // `hoi_dm` is one letter from the task `hoi_dn`: `done` proposes it,
    // `record` (indicators only) does not.
    refused(&env, &["done", "hoi_dm"], &["có phải ý là `hoi_dn`?"]);
    let err = refused(&env, &["record", "hoi_dm", "5", "--period", "2026-H1"], &["hoi_dm"]);
    assert!(!err.contains("`hoi_dn`"), "{err}");
}

#[test]
fn an_import_row_with_an_id_in_the_wrong_column_names_the_cell_and_the_kind() {
    let env = shipped();
    with_a_figure(&env);
    let csv = env.file(
        "k.csv",
        "chi_tieu;ky;gia_tri;ngay;nhiem_vu\nhoi_dn;2026-H2;5;01/11/2026;\n;;;01/11/2026;so_dn\n",
    );
    refused(
        &env,
        &["import", csv.to_str().unwrap()],
        &["k.csv:2", "`hoi_dn` là nhiệm vụ", "k.csv:3", "`so_dn` là chỉ tiêu"],
    );
}
