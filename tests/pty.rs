//! Interactive `plan record` and `plan done`, driven through a real
//! pseudo-terminal (the prompts need one: they ask only when stdin and
//! stderr are terminals). Stdout and stderr both arrive on the terminal
//! here. Keys: Enter, Ctrl-U (clear the line), Ctrl-W (delete a word),
//! Ctrl-C, Ctrl-D and Esc (cancel).

#[path = "cli/common.rs"]
mod common;

use common::{Env, MINI_PLAN, english_lines, keys_in};
use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Session};
use std::process::Command;
use std::time::Duration;

const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";
const CTRL_D: &str = "\x04";
const ENTER: &str = "\r";
const CTRL_U: &str = "\x15";
const LEFT: &str = "\x1b[D";
const CTRL_W: &str = "\x17";

type Pty = expectrl::session::OsSession;

/// `plan record` with no arguments on a fresh terminal.
fn spawn_record(env: &Env) -> Pty {
    spawn(env, "record")
}

/// `plan SUBCOMMAND` with no arguments on a fresh 80×24 terminal.
fn spawn(env: &Env, subcommand: &str) -> Pty {
    spawn_args(env, &[subcommand])
}

/// `plan ARGS…` on a fresh 80×24 terminal.
fn spawn_args(env: &Env, args: &[&str]) -> Pty {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plan"));
    cmd.current_dir(env.dir.path())
        .env("PLAN_TODAY", &env.today)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env("USER", "tester")
        .env_remove("PLAN_FILE")
        .env_remove("PLAN_LEDGER")
        // The width is the terminal's (80), whatever the caller's COLUMNS.
        .env_remove("COLUMNS")
        .arg("--plan")
        .arg(&env.plan)
        .arg("--ledger")
        .arg(&env.ledger)
        .args(args);
    let mut p = Session::spawn(cmd).expect("spawn plan on a pty");
    p.get_process_mut().set_window_size(80, 24).expect("window size");
    p.set_expect_timeout(Some(Duration::from_secs(20)));
    p
}

fn expect(p: &mut Pty, text: &str) {
    if let Err(e) = p.expect(text) {
        panic!("waiting for {text:?}: {e}");
    }
}

/// As [`expect`], keeping what the screen showed up to `text` in `screen`.
fn expect_on(p: &mut Pty, text: &str, screen: &mut String) {
    match p.expect(text) {
        Ok(c) => {
            screen.push_str(&String::from_utf8_lossy(c.before()));
            screen.push_str(text);
        }
        Err(e) => panic!("waiting for {text:?}: {e}\nscreen so far:\n{screen}"),
    }
}

fn send(p: &mut Pty, keys: &str) {
    p.send(keys).expect("send keys");
}

/// Waits for the end of output and the exit code.
fn exit_code(p: Pty) -> i32 {
    exit_code_on(p, &mut String::new())
}

/// As [`exit_code`], keeping the rest of the screen in `screen`.
fn exit_code_on(mut p: Pty, screen: &mut String) -> i32 {
    if let Ok(c) = p.expect(Eof) {
        screen.push_str(&String::from_utf8_lossy(c.before()));
    }
    match p.get_process().wait().expect("wait") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("plan ended with {other:?}"),
    }
}

#[test]
fn asks_for_each_field_shows_the_entry_and_writes_it_once_confirmed() {
    let env = Env::with_plan(MINI_PLAN);
    let mut p = spawn_record(&env);
    expect(&mut p, "Indicators: firms, revenue, spend");
    expect(&mut p, "Indicator:");
    // Tab completes an id from its first letters.
    send(&mut p, "fir\t");
    send(&mut p, ENTER);
    expect(&mut p, "no figure yet");
    // The earliest due period without a figure is already typed in.
    expect(&mut p, "Period [2026-H1]:");
    send(&mut p, ENTER);
    expect(&mut p, "Value (firms):");
    send(&mut p, "abc");
    send(&mut p, ENTER);
    // The same message as `plan record firms abc`, and asked again with
    // the answer kept for fixing.
    expect(&mut p, "`abc` is not a number under `en` numbers");
    expect(&mut p, "Value (firms):");
    send(&mut p, CTRL_U);
    send(&mut p, "1,040");
    send(&mut p, ENTER);
    expect(&mut p, "Reported on [");
    send(&mut p, ENTER);
    expect(&mut p, "By [tester]:");
    send(&mut p, ENTER);
    expect(&mut p, "Source document:");
    send(&mut p, "Report 7");
    send(&mut p, ENTER);
    expect(&mut p, "Note:");
    send(&mut p, ENTER);
    expect(&mut p, "firms H1 2026 = 1,040 firms (reported 2027-06-30 by tester, Report 7)");
    expect(&mut p, "Record this figure? [Y/n]");
    assert_eq!(env.ledger_fingerprint(), "no ledger", "nothing is written before the answer");
    send(&mut p, "yes");
    send(&mut p, ENTER);
    expect(&mut p, "#2 firms H1 2026 = 1,040 firms (reported 2027-06-30 by tester, Report 7)");
    assert_eq!(exit_code(p), 0);
    let es = env.log_json();
    assert_eq!(es.len(), 1);
    assert_eq!(es[0]["value"], 1040.0);
    assert_eq!(es[0]["value_text"], "1,040");
    assert_eq!(es[0]["period"], "2026-H1");
    assert_eq!(es[0]["source"], "Report 7");
    assert_eq!(es[0]["note"], serde_json::Value::Null);
}

#[test]
fn shows_the_previous_figure_proposes_the_next_period_and_questions_a_tenfold_jump() {
    let env = Env::with_plan(MINI_PLAN);
    let out = env.cmd().args(["record", "firms", "104", "--period", "2026-H1"]).output().unwrap();
    assert!(out.status.success());
    let mut p = spawn_record(&env);
    expect(&mut p, "Indicator:");
    // Arrows move in the line: "frms", three left, "i" -> "firms".
    send(&mut p, "frms");
    send(&mut p, &LEFT.repeat(3));
    send(&mut p, "i");
    send(&mut p, ENTER);
    // The line about the indicator wraps at 80 columns.
    let mut screen = String::new();
    expect_on(&mut p, "previous figure:", &mut screen);
    expect_on(&mut p, "Period [", &mut screen);
    assert!(screen.contains("previous figure: H1 2026 = 104") && screen.contains("firms (#2)"), "{screen}");
    // 2026-H1 has its figure; 2026-H2 is due (2027-01-15) and has none.
    expect(&mut p, "2026-H2");
    // A bad period is asked again, with the message `record` gives.
    send(&mut p, CTRL_U);
    send(&mut p, "2026-Q3");
    send(&mut p, ENTER);
    expect(&mut p, "does not fit `firms`");
    // Keys go only after the question is asked again: typed earlier, the
    // terminal (not the line editor) would take Ctrl-U.
    expect(&mut p, "Period [2026-H2]:");
    send(&mut p, CTRL_U);
    send(&mut p, "2026-H2");
    send(&mut p, ENTER);
    expect(&mut p, "Value (firms):");
    send(&mut p, "104,000");
    send(&mut p, ENTER);
    expect(&mut p, "a slipped separator?");
    send(&mut p, "n");
    send(&mut p, ENTER);
    expect(&mut p, "Value (firms):");
    send(&mut p, "108");
    send(&mut p, ENTER);
    expect(&mut p, "Reported on [");
    send(&mut p, CTRL_U);
    send(&mut p, "2027-01-05");
    send(&mut p, ENTER);
    expect(&mut p, "By [");
    send(&mut p, CTRL_U);
    send(&mut p, "lan");
    send(&mut p, ENTER);
    expect(&mut p, "Source document:");
    send(&mut p, ENTER);
    expect(&mut p, "Note:");
    // Ctrl-W deletes the last word.
    send(&mut p, "checked twice");
    send(&mut p, CTRL_W);
    send(&mut p, ENTER);
    expect(&mut p, "Record this figure?");
    send(&mut p, ENTER); // the default: yes
    expect(&mut p, "#3 firms H2 2026 = 108 firms (reported 2027-01-05 by lan) — checked");
    assert_eq!(exit_code(p), 0);
    let es = env.log_json();
    assert_eq!(es.len(), 2);
    assert_eq!(es[1]["by"], "lan");
    assert_eq!(es[1]["note"], "checked");
}

/// Cancels with `key` at the prompt reached after `answers`, and checks
/// that nothing was written.
fn cancels(key: &str, answers: &[(&str, &str)]) {
    let env = Env::with_plan(MINI_PLAN);
    let out = env.cmd().args(["record", "revenue", "5", "--period", "2026-Q1"]).output().unwrap();
    assert!(out.status.success());
    let before = env.ledger_fingerprint();
    let mut p = spawn_record(&env);
    for (prompt, answer) in answers {
        expect(&mut p, prompt);
        send(&mut p, answer);
        send(&mut p, ENTER);
    }
    std::thread::sleep(Duration::from_millis(200));
    send(&mut p, key);
    expect(&mut p, "cancelled, nothing written");
    assert_eq!(exit_code(p), 1);
    assert_eq!(env.ledger_fingerprint(), before);
}

#[test]
fn escape_cancels_at_the_first_prompt() {
    cancels(ESC, &[]);
}

#[test]
fn ctrl_c_cancels_at_the_value() {
    cancels(CTRL_C, &[("Indicator:", "revenue"), ("Period [", "")]);
}

#[test]
fn ctrl_d_cancels_at_the_last_prompt_even_with_text_typed() {
    cancels(
        &format!("half a note{CTRL_D}"),
        &[
            ("Indicator:", "revenue"),
            ("Period [", ""),
            ("Value (m):", "6"),
            ("Reported on [", ""),
            ("By [", ""),
            ("Source document:", ""),
        ],
    );
}

#[test]
fn no_at_the_confirmation_writes_nothing() {
    cancels(
        &format!("n{ENTER}"),
        &[
            ("Indicator:", "revenue"),
            ("Period [", ""),
            ("Value (m):", "6"),
            ("Reported on [", ""),
            ("By [", ""),
            ("Source document:", ""),
            ("Note:", ""),
        ],
    );
}

#[test]
fn done_asks_the_same_way() {
    let env = Env::with_plan(MINI_PLAN);
    let mut p = spawn(&env, "done");
    expect(&mut p, "Task:");
    send(&mut p, "set\t");
    send(&mut p, ENTER);
    expect(&mut p, "Done on [");
    send(&mut p, CTRL_U);
    send(&mut p, "2026-12-20");
    send(&mut p, ENTER);
    expect(&mut p, "By [");
    send(&mut p, ENTER);
    expect(&mut p, "Source document:");
    send(&mut p, "Decision 45");
    send(&mut p, ENTER);
    expect(&mut p, "Note:");
    send(&mut p, ENTER);
    expect(&mut p, "done setup (reported 2026-12-20 by tester, Decision 45; on time, due 2026-12-31)");
    expect(&mut p, "Record this task as done?");
    send(&mut p, "y");
    send(&mut p, ENTER);
    expect(&mut p, "#2 done setup"); // (#1: the plan version, SPEC §2.1)
    assert_eq!(exit_code(p), 0);
    let es = env.log_json();
    assert_eq!(es.len(), 1);
    assert_eq!(es[0]["kind"], "completion");
    assert_eq!(es[0]["source"], "Decision 45");
}

/// The acceptance session of issue #12, under `lang = "vi"` (the shipped
/// plan): two figures recorded, one cancelled with Ctrl-D, a typo fixed with
/// Ctrl-U, `có` answered; the screen holds no English sentence and no
/// catalogue key.
#[test]
fn a_vietnamese_session_records_two_figures_and_cancels_one() {
    let env = Env::with_repo_plan("plan.toml").today("2026-11-26");
    let mut screen = String::new();

    // 1. A typo in the id, cleared with Ctrl-U.
    let mut p = spawn_record(&env);
    expect_on(&mut p, "Chỉ tiêu:", &mut screen);
    send(&mut p, "viec_lmm");
    send(&mut p, CTRL_U);
    send(&mut p, "viec_lam");
    send(&mut p, ENTER);
    expect_on(&mut p, "chưa có số liệu", &mut screen);
    // Months are due 5 days after they end: January 2026 is the earliest.
    expect_on(&mut p, "Kỳ [Tháng 1/2026]:", &mut screen);
    send(&mut p, ENTER);
    expect_on(&mut p, "Tháng 1/2026", &mut screen);
    expect_on(&mut p, "Giá trị (lao động):", &mut screen);
    send(&mut p, "34");
    send(&mut p, ENTER);
    // A default shows in brackets; what is typed replaces it (typed into
    // the line, it would have become `26/11/202604/02/2026`, `testerTrần…`).
    expect_on(&mut p, "Ngày báo cáo [26/11/2026]:", &mut screen);
    send(&mut p, "04/02/2026");
    send(&mut p, ENTER);
    expect_on(&mut p, "Người báo cáo [tester]:", &mut screen);
    send(&mut p, "Trần Văn Nam");
    send(&mut p, ENTER);
    expect_on(&mut p, "Văn bản nguồn:", &mut screen);
    send(&mut p, "Báo cáo 15/BC-UBND");
    send(&mut p, ENTER);
    expect_on(&mut p, "Ghi chú:", &mut screen);
    send(&mut p, ENTER);
    // The entry, wrapped between words at the terminal's 80 columns.
    expect_on(
        &mut p,
        "viec_lam Tháng 1/2026 = 34 lao động (Trần Văn Nam báo cáo ngày 04/02/2026, theo\r\n  Báo cáo 15/BC-UBND)",
        &mut screen,
    );
    expect_on(&mut p, "Ghi số liệu này vào sổ cái? [C/k]", &mut screen);
    send(&mut p, "có");
    send(&mut p, ENTER);
    expect_on(&mut p, "#2 viec_lam Tháng 1/2026 = 34 lao động", &mut screen);
    assert_eq!(exit_code_on(p, &mut screen), 0);

    // 2. The next figure: February is proposed now.
    let mut p = spawn_record(&env);
    expect_on(&mut p, "Chỉ tiêu:", &mut screen);
    send(&mut p, "viec_lam");
    send(&mut p, ENTER);
    expect_on(&mut p, "số liệu trước:", &mut screen);
    expect_on(&mut p, "Tháng 1/2026 = 34 lao động (#2)", &mut screen);
    expect_on(&mut p, "Kỳ [Tháng 2/2026]:", &mut screen);
    send(&mut p, ENTER);
    expect_on(&mut p, "Giá trị (lao động):", &mut screen);
    send(&mut p, "27");
    send(&mut p, ENTER);
    for prompt in ["Ngày báo cáo [", "Người báo cáo [", "Văn bản nguồn:", "Ghi chú:"] {
        expect_on(&mut p, prompt, &mut screen);
        send(&mut p, ENTER);
    }
    expect_on(&mut p, "Ghi số liệu này vào sổ cái?", &mut screen);
    send(&mut p, "c");
    send(&mut p, ENTER);
    expect_on(&mut p, "#3 viec_lam Tháng 2/2026 = 27 lao động", &mut screen);
    assert_eq!(exit_code_on(p, &mut screen), 0);

    // 3. Cancelled with Ctrl-D at the value: nothing written.
    let before = env.ledger_fingerprint();
    let mut p = spawn_record(&env);
    expect_on(&mut p, "Chỉ tiêu:", &mut screen);
    send(&mut p, "so_dn");
    send(&mut p, ENTER);
    expect_on(&mut p, "Kỳ [", &mut screen);
    send(&mut p, ENTER);
    expect_on(&mut p, "Giá trị (doanh nghiệp):", &mut screen);
    send(&mut p, "10");
    send(&mut p, CTRL_D);
    expect_on(&mut p, "đã hủy, không ghi gì", &mut screen);
    assert_eq!(exit_code_on(p, &mut screen), 1);
    assert_eq!(env.ledger_fingerprint(), before);
    assert_eq!(env.log_json().len(), 2);

    let english = english_lines(&screen);
    assert!(english.is_empty(), "English on the screen: {english:#?}\n\nscreen:\n{screen}");
    let keys = keys_in(&screen);
    assert!(keys.is_empty(), "catalogue keys on the screen: {keys:?}\n\nscreen:\n{screen}");
}

#[test]
fn not_on_a_terminal_it_is_a_usage_error() {
    let env = Env::with_plan(MINI_PLAN);
    let out = env.cmd().arg("record").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("terminal"));
    assert!(!env.ledger.exists());
}

#[test]
fn a_refusal_on_a_terminal_wraps_at_its_width() {
    let env = Env::with_repo_plan("plan.toml").today("2026-11-29");
    let mut p = spawn_args(&env, &["record", "viec_lam", "40", "--period", "2026-12"]);
    let mut screen = String::new();
    // The message ends "…chưa thể có số liệu của kỳ này".
    expect_on(&mut p, "kỳ này", &mut screen);
    assert_eq!(exit_code(p), 1);
    let lines: Vec<&str> =
        screen.lines().map(|l| l.trim_end_matches('\r')).filter(|l| !l.is_empty()).collect();
    // A period not begun yet: a long refusal, on several lines of at most 80.
    assert!(lines.len() > 1 && lines[0].starts_with("lỗi: "), "{screen}");
    for l in &lines {
        assert!(l.chars().count() <= 80, "{} columns: {l}\n{screen}", l.chars().count());
    }
    assert!(lines[1..].iter().all(|l| l.starts_with("  ")), "{screen}");
    assert!(screen.contains("Tháng 12/2026"), "{screen}");
}

/// Interactive `done` with the computer's clock behind the ledger's latest
/// write (SPEC §3 "The clock"): says so and asks in place of `--clock-ok`;
/// no writes nothing, yes writes and records that the clock was behind.
#[test]
fn done_asks_before_writing_with_the_clock_behind_the_ledger() {
    let env = Env::with_plan(MINI_PLAN);
    // Written with a clock far ahead of the real one (debug builds read PLAN_TEST_CLOCK).
    env.cmd()
        .env("PLAN_TEST_CLOCK", "2099-01-01T00:00:00Z")
        .args(["record", "firms", "1", "--period", "2026-H1", "--date", "2026-07-10"])
        .assert()
        .success();
    let mut p = spawn(&env, "done");
    expect(&mut p, "the computer's clock looks wrong");
    expect(&mut p, "(2099-01-01 00:00 UTC)");
    expect(&mut p, "Is the computer's clock right now");
    send(&mut p, "n");
    send(&mut p, ENTER);
    assert_eq!(exit_code(p), 1);
    assert_eq!(env.log_json().len(), 1, "no writes nothing");
    let mut p = spawn(&env, "done");
    expect(&mut p, "Is the computer's clock right now");
    send(&mut p, "y");
    send(&mut p, ENTER);
    expect(&mut p, "Task:");
    send(&mut p, "setup");
    send(&mut p, ENTER);
    expect(&mut p, "Done on [");
    send(&mut p, ENTER);
    for prompt in ["By [", "Source document:", "Note:"] {
        expect(&mut p, prompt);
        send(&mut p, ENTER);
    }
    expect(&mut p, "Record this task as done?");
    send(&mut p, "y");
    send(&mut p, ENTER);
    expect(&mut p, "#3 done setup");
    assert_eq!(exit_code(p), 0);
    let es = env.log_json();
    let at = es[1]["recorded_at"].as_str().unwrap();
    assert!(at.ends_with(" clock-behind 2099-01-01T00:00:00.000Z"), "{at}");
}
