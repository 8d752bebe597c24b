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
/// A receipt with its lines joined (it is wrapped at the terminal's width).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

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

// 4. The clock.

/// `plan ARGS` with the computer's clock at `clock` (`PLAN_TEST_CLOCK`,
/// read by debug builds only) and today `today`.
fn at(env: &Env, clock: &str, today: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let out = env.cmd().env("PLAN_TEST_CLOCK", clock).env("PLAN_TODAY", today).args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok_at(env: &Env, clock: &str, today: &str, args: &[&str]) -> (String, String) {
    let (code, out, err) = at(env, clock, today, args);
    assert_eq!(code, Some(0), "plan {args:?} at {clock}:\n{out}{err}");
    (out, err)
}

fn refused_at(
    env: &Env,
    clock: &str,
    today: &str,
    args: &[&str],
    wanted: &[&str],
    unwanted: &[&str],
) -> String {
    let bytes = ledger_bytes(env);
    let (code, out, err) = at(env, clock, today, args);
    assert_eq!(code, Some(1), "plan {args:?} at {clock} should be refused:\n{out}{err}");
    for w in wanted {
        assert!(err.contains(w), "plan {args:?}: stderr lacks {w:?}:\n{err}");
    }
    for w in unwanted {
        assert!(!err.contains(w), "plan {args:?}: stderr says {w:?}:\n{err}");
    }
    assert!(ledger_bytes(env) == bytes, "plan {args:?} changed the ledger file");
    err
}

const AHEAD: &str = "2027-07-10T08:00:00Z";
const FIXED: &str = "2026-07-10T08:30:00Z";

/// A ledger written with the clock a year ahead: so_dn 2026-H1 = 98 (#2,
/// after the plan version #1) and hoi_dn done (#3), both dated "today",
/// 10/07/2027.
fn written_a_year_ahead() -> Env {
    let env = shipped();
    ok_at(&env, AHEAD, "2027-07-10", &["record", "so_dn", "98", "--period", "2026-H1"]);
    ok_at(&env, AHEAD, "2027-07-10", &["done", "hoi_dn"]);
    env
}

#[test]
fn a_clock_behind_the_ledger_refuses_every_write_and_says_the_clock_looks_wrong() {
    let env = written_a_year_ahead();
    let csv = env.file("c.csv", "chi_tieu;ky;gia_tri;ngay\nso_dn;2026-H1;99;10/07/2026\n");
    for args in [
        &["record", "so_dn", "99", "--period", "2026-H1", "--date", "10/07/2026"][..],
        &["done", "hoi_dn"],
        &["correct", "2", "99", "--reason", "r"],
        &["void", "2", "--reason", "r"],
        &["import", csv.to_str().unwrap()],
    ] {
        refused_at(
            &env,
            FIXED,
            "2026-07-10",
            args,
            &["đồng hồ máy tính có vẻ sai", "2026-07-10 08:30 UTC", "(2027-07-10 08:00 UTC)", "--clock-ok"],
            &["gõ nhầm"],
        );
    }
    // A clock set back a year below a ledger written at the right time: the
    // date typed (the real today) is not called a typo.
    let env = shipped();
    ok_at(&env, FIXED, "2026-07-10", &["record", "so_dn", "98", "--period", "2026-H1"]);
    refused_at(
        &env,
        "2025-07-10T08:30:00Z",
        "2025-07-10",
        &["record", "so_dn", "99", "--period", "2026-H1", "--date", "10/07/2026"],
        &["đồng hồ máy tính có vẻ sai", "2026-07-10 08:30 UTC"],
        &["gõ nhầm"],
    );
    refused_at(
        &env,
        "2025-07-10T08:30:00Z",
        "2025-07-10",
        &["--lang", "en", "done", "hoi_dn"],
        &["the computer's clock looks wrong", "(2026-07-10 08:30 UTC)", "--clock-ok"],
        &["typo"],
    );
    // Ten minutes behind is within the tolerance (08:20 vs 08:30).
    ok_at(&env, "2026-07-10T08:20:00Z", "2026-07-10", &["done", "hoi_dn"]);
}

#[test]
fn clock_ok_writes_records_it_in_the_chain_and_later_writes_compare_with_it() {
    let env = written_a_year_ahead();
    ok_at(&env, FIXED, "2026-07-10", &["--clock-ok", "record", "viec_lam", "30", "--period", "2026-06"]);
    let log = log(&env);
    let third = &log[2];
    // The entry holds the time the clock was found behind, in the field its hash covers.
    assert_eq!(third["recorded_at"], "2026-07-10T08:30:00.000Z clock-behind 2027-07-10T08:00:00.000Z");
    // Later writes compare only with times written since: no --clock-ok needed.
    ok_at(&env, "2026-07-10T08:31:00Z", "2026-07-10", &["record", "viec_lam", "31", "--period", "2026-05"]);
    // But they still do compare.
    refused_at(
        &env,
        "2026-07-10T08:00:00Z",
        "2026-07-10",
        &["record", "viec_lam", "32", "--period", "2026-04"],
        &["đồng hồ máy tính có vẻ sai", "(2026-07-10 08:31 UTC)"],
        &[],
    );
    let (out, _) = ok_at(&env, "2026-07-10T08:40:00Z", "2026-07-10", &["verify"]);
    assert!(out.contains("4"), "{out}");
}

#[test]
fn entries_dated_after_today_are_named_by_reports_and_log_until_re_dated() {
    let env = written_a_year_ahead();
    // The clock fixed: 10/07/2026. Neither entry counts, and every report says so.
    let (out, err) = ok_at(&env, FIXED, "2026-07-10", &["report", "--format", "json"]);
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["future_entries"], serde_json::json!([2, 3]));
    assert!(err.contains("2 bút toán (#2, #3) có ngày báo cáo sau hôm nay (10/07/2026)"), "{err}");
    assert!(err.contains("plan correct 2 --reported-on"), "{err}");
    for format in ["table", "md", "csv", "html"] {
        let (_, err) = ok_at(&env, FIXED, "2026-07-10", &["report", "--format", format]);
        assert!(err.contains("#2, #3"), "{format}: {err}");
    }
    let (out, err) = ok_at(&env, FIXED, "2026-07-10", &["log"]);
    assert!(err.contains("#2, #3"), "{err}");
    assert!(out.contains("ngày báo cáo sau hôm"), "{out}");
    // Re-dated: a correction carrying the new date; #1 keeps its old one.
    // (The clock is behind the ledger's last write: the first write says it is fine.)
    let (out, _) = ok_at(
        &env,
        FIXED,
        "2026-07-10",
        &[
            "--clock-ok",
            "correct",
            "2",
            "--reported-on",
            "10/07/2026",
            "--reason",
            "đồng hồ máy chạy nhanh một năm",
        ],
    );
    let out = flat(&out);
    assert!(out.contains("#4 đổi ngày báo cáo của #2"), "{out}");
    assert!(out.contains("thành 10/07/2026 (trước là 10/07/2027"), "{out}");
    let (out, _) = ok_at(
        &env,
        FIXED,
        "2026-07-10",
        &["correct", "3", "--reported-on", "09/07/2026", "--reason", "đồng hồ"],
    );
    assert!(out.contains("#5"), "{out}");
    let (out, err) = ok_at(&env, FIXED, "2026-07-10", &["report", "--format", "json", "--period", "2026-H1"]);
    assert!(!err.contains("sau hôm nay"), "{err}");
    let r: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["future_entries"], serde_json::json!([]));
    // so_dn 2026-H1 now counts 98, reported 10/07/2026: the half year ends 30/06,
    // so the figure is official (not an estimate).
    let so_dn = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["indicators"].as_array().unwrap())
        .find(|i| i["id"] == "so_dn")
        .unwrap()
        .clone();
    assert!(so_dn.to_string().contains("98"), "{so_dn}");
    let l = env
        .cmd()
        .env("PLAN_TEST_CLOCK", FIXED)
        .env("PLAN_TODAY", "2026-07-10")
        .args(["log", "--format", "json"])
        .output()
        .unwrap();
    let l: Vec<Value> = serde_json::from_slice(&l.stdout).unwrap();
    assert_eq!(l[0]["date"], "2027-07-10", "the old date stays in the trail");
    assert_eq!(l[0]["redated_by"], 4);
    assert_eq!(l[0]["reported_after_today"], false);
    assert_eq!(
        (l[2]["kind"].as_str(), l[2]["date"].as_str(), &l[2]["value"]),
        (Some("correction"), Some("2026-07-10"), &Value::Null)
    );
    ok_at(&env, FIXED, "2026-07-10", &["verify"]);
}

// 7. correct's tenfold guard; --as-of after today.

#[test]
fn correct_applies_the_tenfold_guard_against_the_value_it_corrects() {
    let env = shipped();
    ok(&env, &["record", "so_dn", "103", "--period", "2026-H1", "--date", "10/07/2026"]);
    // `2.000` under vi numbers is two thousand: 2000 / 103 = 19.4 > 10.
    refused(
        &env,
        &["correct", "2", "2.000", "--reason", "số liệu chính thức"],
        &["giá trị không hợp lệ", "2.000", "103", "#2", "--yes"],
    );
    // Less than a tenth: 10 / 103 = 0.097 < 0.1.
    refused(&env, &["correct", "2", "10", "--reason", "r"], &["103", "--yes"]);
    refused(
        &env,
        &["--lang", "en", "correct", "2", "2.000", "--reason", "r"],
        &["more than ten times", "--yes"],
    );
    // 1,000 is 9.7 times 103: no guard. Then 2.000 against the 1.000 it now
    // corrects is twice: no guard either.
    ok(&env, &["correct", "2", "1.000", "--reason", "r"]);
    ok(&env, &["correct", "2", "2.000", "--reason", "r"]);
    // And --yes writes what the guard stopped: 30.000 is 15 times 2.000.
    refused(&env, &["correct", "2", "30.000", "--reason", "r"], &["--yes"]);
    ok(&env, &["correct", "2", "30.000", "--reason", "r", "--yes"]);
    assert_eq!(log(&env).len(), 4);
}

#[test]
fn as_of_after_today_is_refused_naming_today() {
    let env = shipped();
    with_a_figure(&env);
    refused(&env, &["report", "--as-of", "27/11/2026"], &["--as-of", "27/11/2026", "26/11/2026"]);
    refused(
        &env,
        &["--lang", "en", "report", "--as-of", "2027-01-01"],
        &["invalid --as-of", "after today (2026-11-26)"],
    );
    // export reads --as-of through the same rule.
    refused(
        &env,
        &["export", "--format", "dhis2-json", "--as-of", "27/11/2026"],
        &["--as-of", "27/11/2026", "26/11/2026"],
    );
    // Today itself and earlier days are fine.
    ok(&env, &["report", "--as-of", "26/11/2026"]);
    ok(&env, &["report", "--as-of", "01/08/2026"]);
}

// 5. Reading commands never create a ledger, and work read-only.

/// The reading commands of SPEC §3, as run here.
const READING: &[&[&str]] = &[
    &["report"],
    &["report", "--format", "json"],
    &["log"],
    &["verify"],
    &["template"],
    &["export", "--format", "dhis2-json"],
];

/// `plan --plan PLAN ARGS` in the env's folder, with no `--ledger` of its own.
fn bare(env: &Env, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("plan")
        .unwrap()
        .current_dir(env.dir.path())
        .env("PLAN_TODAY", &env.today)
        .env_remove("PLAN_LEDGER")
        .env_remove("PLAN_FILE")
        .arg("--plan")
        .arg(&env.plan)
        .args(args)
        .output()
        .unwrap()
}

/// The shipped plan with a DHIS2 org unit, so that `export` runs.
fn shipped_with_dhis2() -> Env {
    let text = std::fs::read_to_string(repo_file("plan.toml")).unwrap();
    Env::with_plan(&format!("{text}\n[export.dhis2]\norg_unit = \"XA_ND\"\n")).today("2026-11-26")
}

#[test]
fn a_mistyped_ledger_path_is_refused_by_every_reading_command_and_not_created() {
    let env = shipped_with_dhis2();
    with_a_figure(&env);
    let typo = env.dir.path().join("ledgr.db");
    let t = typo.to_str().unwrap();
    for args in READING {
        let out = bare(&env, &[&["--ledger", t][..], args].concat());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}:\n{err}");
        assert!(err.contains(&format!("không có sổ cái {t}")), "{args:?}: {err}");
        assert!(err.contains("--ledger"), "{err}");
        assert!(out.stdout.is_empty(), "{args:?} printed a report");
        assert!(!typo.exists(), "{args:?} created {t}");
    }
    let out = bare(&env, &["--lang", "en", "--ledger", t, "report"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains(&format!("there is no ledger {t}: reading commands never create one")), "{err}");
    // PLAN_LEDGER alike.
    let mut c = assert_cmd::Command::cargo_bin("plan").unwrap();
    let out = c
        .current_dir(env.dir.path())
        .env("PLAN_TODAY", &env.today)
        .env("PLAN_LEDGER", t)
        .arg("--plan")
        .arg(&env.plan)
        .arg("log")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(t));
    assert!(!typo.exists());
    // The ledger beside the plan (the default) still reads.
    assert_eq!(bare(&env, &["log"]).status.code(), Some(0));
}

/// Makes `dir` read-only (chmod, and `chattr +i` for root, whom chmod does
/// not stop) and undoes it when dropped; `None` when neither works here.
struct ReadOnlyDir(std::path::PathBuf);

impl ReadOnlyDir {
    fn new(dir: &std::path::Path) -> Option<ReadOnlyDir> {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        let _ = std::process::Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .stderr(std::process::Stdio::null())
            .status();
        let guard = ReadOnlyDir(dir.to_path_buf());
        let probe = dir.join(".probe");
        if std::fs::write(&probe, b"x").is_ok() {
            let _ = std::fs::remove_file(&probe);
            return None;
        }
        Some(guard)
    }
}

impl Drop for ReadOnlyDir {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .stderr(std::process::Stdio::null())
            .status();
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_ledger_in_a_read_only_folder_is_read_and_a_write_there_says_the_place_is_read_only() {
    let env = shipped_with_dhis2();
    with_a_figure(&env);
    ok(&env, &["done", "hoi_dn", "--date", "20/11/2026"]);
    // What the reading commands print where the folder can be written.
    let before: Vec<String> = READING.iter().map(|a| ok(&env, a).0).collect();
    let bytes = ledger_bytes(&env);
    let Some(_ro) = ReadOnlyDir::new(env.dir.path()) else {
        eprintln!("skipped: this user can write to a folder made read-only (root without chattr?)");
        return;
    };
    for (args, want) in READING.iter().zip(&before) {
        let (out, err) = ok(&env, args);
        assert_eq!(&out, want, "{args:?} reads differently read-only: {err}");
    }
    for args in [
        &["record", "so_dn", "99", "--period", "2026-H2", "--date", "20/11/2026"][..],
        &["correct", "2", "99", "--reason", "r"],
        &["void", "3", "--reason", "r"],
    ] {
        refused_unlike(
            &env,
            args,
            &["nằm ở nơi chỉ đọc được", "không ghi gì"],
            &["không phải là sổ cái", "Error code", "readonly database"],
        );
    }
    refused_unlike(
        &env,
        &["--lang", "en", "record", "so_dn", "99", "--period", "2026-H2", "--date", "20/11/2026"],
        &["is in a read-only place", "nothing was written"],
        &["not a plan ledger", "code 8"],
    );
    assert!(ledger_bytes(&env) == bytes);
}

// 6. Every report checks the ledger's protections; signed formats verify the chain.

/// Edits entry 1's value behind plan's back (98 → 980), dropping the
/// trigger that refuses it; `restore` puts the trigger back afterwards.
fn tamper(env: &Env, restore: bool) {
    let conn = rusqlite::Connection::open(&env.ledger).unwrap();
    conn.execute_batch(
        "DROP TRIGGER entry_no_update; UPDATE entry SET value = 980, value_text = '980' WHERE id = 1;",
    )
    .unwrap();
    if restore {
        conn.execute_batch(
            "CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
             BEGIN SELECT RAISE(ABORT, 'plan ledger entries are append-only: record a correction instead'); END;",
        )
        .unwrap();
    }
}

#[test]
fn a_report_on_a_ledger_without_its_protections_is_refused_and_prints_no_fingerprint() {
    let env = shipped();
    with_a_figure(&env);
    ok(&env, &["record", "so_dn", "104", "--period", "2026-H2", "--date", "20/11/2026"]);
    tamper(&env, false);
    for format in ["table", "json", "csv", "md", "html"] {
        let bytes = ledger_bytes(&env);
        let (code, out, err) = run(&env, &["report", "--format", format]);
        assert_eq!(code, Some(1), "{format}:\n{out}{err}");
        assert!(out.is_empty(), "{format}: a report was printed: {out}");
        assert!(err.contains("không lập báo cáo từ sổ cái"), "{format}: {err}");
        assert!(err.contains("thiếu các trigger"), "{format}: {err}");
        assert!(err.contains("`plan verify`"), "{err}");
        assert!(ledger_bytes(&env) == bytes);
    }
    let (_, _, err) = run(&env, &["--lang", "en", "report"]);
    assert!(err.contains("no report from the ledger") && err.contains("triggers are missing"), "{err}");
    // verify names the edited entry.
    let (code, out, _) = run(&env, &["verify"]);
    assert_eq!(code, Some(1));
    assert!(out.contains("bút toán #1: mã băm không khớp nội dung"), "{out}");
}

#[test]
fn a_signed_format_verifies_the_whole_chain_first() {
    let env = shipped();
    with_a_figure(&env);
    ok(&env, &["record", "so_dn", "104", "--period", "2026-H2", "--date", "20/11/2026"]);
    // The edit hidden: the trigger is back, only the chain shows it.
    tamper(&env, true);
    for format in ["html", "docx", "xlsx"] {
        let out_file = env.dir.path().join(format!("r.{format}"));
        let (code, out, err) =
            run(&env, &["report", "--format", format, "--output", out_file.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{format}:\n{out}{err}");
        assert!(err.contains("bút toán #1: mã băm không khớp nội dung"), "{format}: {err}");
        assert!(err.contains("`plan verify`"), "{err}");
        assert!(!out_file.exists(), "{format}: a document was written");
    }
    // An untouched ledger signs as before.
    let clean = shipped();
    with_a_figure(&clean);
    let f = clean.dir.path().join("r.docx");
    ok(&clean, &["report", "--format", "docx", "--output", f.to_str().unwrap()]);
    assert!(f.exists());
}

#[test]
fn log_filters_of_the_wrong_kind_say_which_filter_takes_the_id() {
    let env = shipped();
    with_a_figure(&env);
    let err = refused(&env, &["log", "--indicator", "hoi_dn"], &["`hoi_dn` là nhiệm vụ", "--task hoi_dn"]);
    assert!(!err.contains("so_dn"), "{err}");
    refused(
        &env,
        &["--lang", "en", "log", "--task", "so_dn"],
        &["`so_dn` is an indicator", "--indicator so_dn"],
    );
    // A derived indicator given to done: an indicator, computed from others.
    refused(
        &env,
        &["done", "tl_thu_ktn"],
        &["`tl_thu_ktn` là chỉ tiêu, không phải nhiệm vụ", "được tính ra"],
    );
}

#[test]
fn export_refuses_a_ledger_without_its_protections() {
    let env = shipped_with_dhis2();
    with_a_figure(&env);
    tamper(&env, false);
    refused(&env, &["export", "--format", "dhis2-json"], &["thiếu các trigger", "`plan verify`"]);
}

#[test]
fn report_group_given_an_indicator_or_a_task_says_what_it_is() {
    let env = shipped();
    with_a_figure(&env);
    refused(
        &env,
        &["report", "--group", "so_dn"],
        &["`so_dn` là chỉ tiêu, không phải nhóm nhiệm vụ", "plan show so_dn"],
    );
    refused(
        &env,
        &["--lang", "en", "report", "--group", "hoi_dn"],
        &["`hoi_dn` is a task, not a task group"],
    );
}
