//! Interactive `plan record`, driven through a real pseudo-terminal (the
//! prompts need one: `plan record` asks only when stdin and stderr are
//! terminals). Stdout and stderr both arrive on the terminal here.

#[path = "cli/common.rs"]
mod common;

use common::{Env, MINI_PLAN};
use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Session};
use std::process::Command;
use std::time::Duration;

const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";
const CTRL_D: &str = "\x04";
const ENTER: &str = "\r";
const BACKSPACE: &str = "\x7f";

type Pty = expectrl::session::OsSession;

/// `plan record` with no arguments on a fresh terminal.
fn spawn_record(env: &Env) -> Pty {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plan"));
    cmd.current_dir(env.dir.path())
        .env("PLAN_TODAY", &env.today)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env("USER", "tester")
        .env_remove("PLAN_FILE")
        .env_remove("PLAN_LEDGER")
        .arg("--plan")
        .arg(&env.plan)
        .arg("--ledger")
        .arg(&env.ledger)
        .arg("record");
    let mut p = Session::spawn(cmd).expect("spawn plan on a pty");
    p.get_process_mut().set_window_size(120, 40).expect("window size");
    p.set_expect_timeout(Some(Duration::from_secs(20)));
    p
}

fn expect(p: &mut Pty, text: &str) {
    if let Err(e) = p.expect(text) {
        panic!("waiting for {text:?}: {e}");
    }
}

fn send(p: &mut Pty, keys: &str) {
    p.send(keys).expect("send keys");
}

/// Waits for the end of output and the exit code.
fn exit_code(mut p: Pty) -> i32 {
    let _ = p.expect(Eof);
    match p.get_process().wait().expect("wait") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("plan ended with {other:?}"),
    }
}

#[test]
fn asks_for_each_field_and_writes_the_figure() {
    let env = Env::with_plan(MINI_PLAN);
    let mut p = spawn_record(&env);
    expect(&mut p, "Indicator:");
    // Suggestions show name and unit; derived `share` is not offered.
    send(&mut p, "fir");
    expect(&mut p, "firms — Firms (firms)");
    send(&mut p, "ms");
    send(&mut p, ENTER);
    expect(&mut p, "no figure yet");
    // First period of the plan is the default.
    expect(&mut p, "Period:");
    expect(&mut p, "2026-H1");
    send(&mut p, ENTER);
    expect(&mut p, "Value (firms):");
    send(&mut p, "abc");
    send(&mut p, ENTER);
    // The same message as `plan record firms abc`, and asked again.
    expect(&mut p, "`abc` is not a number under `en` numbers");
    send(&mut p, &BACKSPACE.repeat(3));
    send(&mut p, "1,040");
    send(&mut p, ENTER);
    expect(&mut p, "Reported on:");
    send(&mut p, ENTER);
    expect(&mut p, "By:");
    send(&mut p, ENTER);
    expect(&mut p, "Source document:");
    send(&mut p, "Report 7");
    send(&mut p, ENTER);
    expect(&mut p, "Note:");
    send(&mut p, ENTER);
    expect(&mut p, "#1 firms 2026-H1 = 1,040 firms (reported 2027-06-30 by tester, Report 7)");
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
    send(&mut p, "firms");
    send(&mut p, ENTER);
    expect(&mut p, "previous figure: 2026-H1 = 104 firms (#1)");
    expect(&mut p, "Period:");
    // A bad period is asked again, with the message `record` gives.
    send(&mut p, "2026-Q3");
    send(&mut p, ENTER);
    expect(&mut p, "does not fit `firms`");
    send(&mut p, &BACKSPACE.repeat(7));
    send(&mut p, ENTER); // the default: the period after 2026-H1
    expect(&mut p, "Value (firms):");
    send(&mut p, "104,000");
    send(&mut p, ENTER);
    expect(&mut p, "a slipped separator?");
    send(&mut p, "n");
    send(&mut p, ENTER);
    expect(&mut p, "Value (firms):");
    send(&mut p, "108");
    send(&mut p, ENTER);
    expect(&mut p, "Reported on:");
    send(&mut p, "2027-01-05");
    send(&mut p, ENTER);
    expect(&mut p, "By:");
    send(&mut p, "lan");
    send(&mut p, ENTER);
    expect(&mut p, "Source document:");
    send(&mut p, ENTER);
    expect(&mut p, "Note:");
    send(&mut p, "checked");
    send(&mut p, ENTER);
    expect(&mut p, "#2 firms 2026-H2 = 108 firms (reported 2027-01-05 by lan)");
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
    cancels(CTRL_C, &[("Indicator:", "revenue"), ("Period:", "")]);
}

#[test]
fn ctrl_d_cancels_at_the_last_prompt() {
    cancels(
        CTRL_D,
        &[
            ("Indicator:", "revenue"),
            ("Period:", ""),
            ("Value (m):", "6"),
            ("Reported on:", ""),
            ("By:", ""),
            ("Source document:", ""),
            ("Note:", ""),
        ][..6],
    );
}

#[test]
fn not_on_a_terminal_it_is_a_usage_error() {
    let env = Env::with_plan(MINI_PLAN);
    let out = env.cmd().arg("record").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("terminal"));
    assert!(!env.ledger.exists());
}
