//! Fault injection: crashes, concurrent writers, a full disk, a read-only
//! or damaged ledger. Each case ends with the ledger either untouched or
//! fully written, `plan verify` passing, and never a panic.
//!
//! `PLAN_STRESS=1` runs more iterations.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const PLAN: &str = r#"
[plan]
id = "FAULTS"
title = "Fault injection"
start = 2026
end = 2030
lang = "en"
numbers = "en"
[agencies]
o = "Office"
[[group]]
id = "g"
name = "G"
lead = "o"
[[group.indicator]]
id = "m"
name = "Monthly"
measure = "flow"
every = "month"
target = ">= 1"
basis = "year"
[[group.task]]
id = "t"
name = "Task"
lead = "o"
due = 2027-01-31
"#;

/// Monthly indicators of the CSV files: a file may give each period one
/// value only, so a file of n rows spreads over n / 60 of them.
const CSV_INDICATORS: usize = 1000;

/// `PLAN` with the CSV files' indicators `m0`, `m1`, … added.
fn plan_text() -> String {
    let mut s = PLAN.to_string();
    for k in 0..CSV_INDICATORS {
        s.push_str(&format!(
            "[[group.indicator]]\nid = \"m{k}\"\nname = \"M{k}\"\nmeasure = \"flow\"\nevery = \"month\"\n"
        ));
    }
    s
}

fn stress() -> bool {
    std::env::var_os("PLAN_STRESS").is_some_and(|v| v != "0")
}

struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    fn new() -> Dir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("plan.toml"), plan_text()).unwrap();
        Dir { dir }
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn ledger(&self) -> PathBuf {
        self.path("ledger.db")
    }
    fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_plan"));
        c.current_dir(self.dir.path())
            .env("PLAN_TODAY", "2031-06-30")
            .env("NO_COLOR", "1")
            .env_remove("PLAN_FILE")
            .env_remove("PLAN_LEDGER")
            .args(["--plan", "plan.toml", "--ledger", "ledger.db"]);
        c
    }
    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }
    fn record(&self, i: usize) -> Output {
        let period = format!("{}-{:02}", 2026 + (i / 12) % 5, i % 12 + 1);
        // Values above any CSV row's, so no record is "unchanged" against an import.
        let value = (1_000_000 + i).to_string();
        self.run(&["record", "m", &value, "--period", &period, "--date", "2031-01-01"])
    }
    /// A CSV of `rows` valid figure rows: one per period of each of the
    /// indicators `m0`, `m1`, … in turn (never the recorded `m`).
    fn csv(&self, name: &str, rows: usize) -> PathBuf {
        assert!(rows <= CSV_INDICATORS * 60, "{rows} rows: more than one per period");
        let mut s = String::from("indicator,period,value,date\n");
        for i in 0..rows {
            let month = i % 60;
            s.push_str(&format!(
                "m{},{}-{:02},{},2031-01-0{}\n",
                i / 60,
                2026 + month / 12,
                month % 12 + 1,
                1000 + month,
                1 + i % 9
            ));
        }
        let p = self.path(name);
        std::fs::write(&p, s).unwrap();
        p
    }
    fn count(&self) -> i64 {
        let c = rusqlite::Connection::open(self.ledger()).unwrap();
        // The figures and completions writes made: not the plan version the
        // first write records (SPEC §2.1).
        c.query_row("SELECT count(*) FROM entry_content WHERE kind <> 'plan_version'", [], |r| r.get(0))
            .unwrap()
    }
    fn assert_verifies(&self) {
        let out = self.run(&["verify"]);
        assert!(
            out.status.success(),
            "verify failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    /// Entries and batches, for "unchanged" checks.
    fn fingerprint(&self) -> String {
        let c = rusqlite::Connection::open(self.ledger()).unwrap();
        let mut s = String::new();
        for sql in ["SELECT id, hex(hash) FROM entry ORDER BY id", "SELECT id, sha256 FROM batch ORDER BY id"]
        {
            let mut st = c.prepare(sql).unwrap();
            let rows = st
                .query_map([], |r| Ok(format!("{}:{}", r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
                .unwrap();
            for r in rows {
                s.push_str(&r.unwrap());
                s.push('\n');
            }
        }
        s
    }
}

fn no_panic(out: &Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "panic: {err}");
}

fn sigkill_after(mut child: std::process::Child, delay: Duration) {
    std::thread::sleep(delay);
    let _ = child.kill(); // SIGKILL on Unix
    let _ = child.wait();
}

/// A pseudo-random delay (no rand dependency): xorshift on a seed.
fn delays(n: usize, max_ms: u64, mut seed: u64) -> Vec<Duration> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            Duration::from_millis(seed % max_ms.max(1))
        })
        .collect()
}

#[test]
fn sigkill_during_record_leaves_whole_entries() {
    let d = Dir::new();
    assert!(d.record(0).status.success());
    let n = if stress() { 60 } else { 15 };
    for (i, delay) in delays(n, 40, 0x9e3779b97f4a7c15).into_iter().enumerate() {
        let child = d
            .cmd()
            .args(["record", "m", &(i + 1).to_string(), "--period", "2027-03", "--date", "2031-01-01"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        sigkill_after(child, delay);
    }
    d.assert_verifies();
    let after = d.count();
    assert!((1..=n as i64 + 1).contains(&after), "{after}");
    // And the ledger still takes writes.
    assert!(d.record(1).status.success());
    assert_eq!(d.count(), after + 1);
}

#[test]
fn sigkill_during_import_is_all_or_nothing() {
    let d = Dir::new();
    assert!(d.record(0).status.success());
    let rows = 60_000;
    let csv = d.csv("big.csv", rows);
    let n = if stress() { 40 } else { 6 };
    for delay in delays(n, 1500, 0x2545f4914f6cdd1d) {
        let child = d
            .cmd()
            .arg("import")
            .arg(&csv)
            .arg("--force")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        sigkill_after(child, delay);
        let c = d.count() - 1;
        assert!(c % rows as i64 == 0, "partial import: {c} entries");
        d.assert_verifies();
    }
}

#[test]
fn writers_and_an_import_at_once() {
    let d = Dir::new();
    let csv = d.csv("load.csv", 20_000);
    let per = if stress() { 100 } else { 30 };
    std::thread::scope(|s| {
        let import = s.spawn(|| d.run(&["import", csv.to_str().unwrap()]));
        let writers: Vec<_> = (0..3)
            .map(|w| {
                let d = &d;
                s.spawn(move || {
                    for i in 0..per {
                        let out = d.record(w * 1000 + i);
                        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                        assert!(!String::from_utf8_lossy(&out.stderr).contains("locked"));
                    }
                })
            })
            .collect();
        for w in writers {
            w.join().unwrap();
        }
        let out = import.join().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    });
    assert_eq!(d.count(), 20_000 + 3 * per as i64);
    d.assert_verifies();
}

/// Runs `plan` under a file-size limit (a full disk, portably: writes past
/// the limit fail with EFBIG; SIGXFSZ is ignored so the process sees it).
fn run_with_fsize_limit(d: &Dir, blocks_512: u64, args: &[&str]) -> Output {
    let mut c = Command::new("bash");
    c.current_dir(d.dir.path())
        .env("PLAN_TODAY", "2031-06-30")
        .env_remove("PLAN_FILE")
        .env_remove("PLAN_LEDGER")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks_512}; exec \"$0\" --plan plan.toml --ledger ledger.db \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_plan"))
        .args(args);
    c.output().unwrap()
}

#[test]
fn full_disk_during_import_loses_nothing() {
    let d = Dir::new();
    assert!(d.record(0).status.success());
    let before = d.fingerprint();
    let csv = d.csv("big.csv", 50_000);
    // 2 MiB: far less than 50,000 entries need (some 5 MiB).
    let out = run_with_fsize_limit(&d, 4096, &["import", csv.to_str().unwrap()]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr).to_lowercase();
    // One message from `ledger::errors`, never SQLite's own words.
    assert!(err.contains("the disk holding the ledger") && err.contains("nothing was written"), "{err}");
    assert!(!err.contains("code") && !err.contains("database or disk"), "{err}");
    assert_eq!(d.fingerprint(), before);
    d.assert_verifies();
    assert!(d.record(1).status.success(), "the ledger still works with space again");
}

fn make_read_only(p: &Path) -> bool {
    let mut perm = std::fs::metadata(p).unwrap().permissions();
    perm.set_readonly(true);
    std::fs::set_permissions(p, perm).unwrap();
    // root ignores permissions: also mark the file immutable where possible.
    let _ = Command::new("chattr").arg("+i").arg(p).stderr(Stdio::null()).status();
    std::fs::OpenOptions::new().append(true).open(p).is_err()
}

fn undo_read_only(p: &Path) {
    let _ = Command::new("chattr").arg("-i").arg(p).stderr(Stdio::null()).status();
    let mut perm = std::fs::metadata(p).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perm.set_readonly(false);
    std::fs::set_permissions(p, perm).unwrap();
}

#[test]
fn read_only_ledger_is_a_clear_error() {
    let d = Dir::new();
    assert!(d.record(0).status.success());
    // Fold the WAL into the main file so the file alone holds the ledger.
    rusqlite::Connection::open(d.ledger())
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    let before = d.fingerprint();
    let bytes = std::fs::read(d.ledger()).unwrap();
    if !make_read_only(&d.ledger()) {
        undo_read_only(&d.ledger());
        panic!("cannot make a read-only file here (root without chattr?)");
    }
    let out = d.record(1);
    let bytes_after = std::fs::read(d.ledger()).unwrap();
    undo_read_only(&d.ledger());
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr).to_lowercase();
    assert!(err.contains("read") && err.contains("only"), "{err}");
    assert_eq!(bytes, bytes_after);
    assert_eq!(d.fingerprint(), before);
}

/// A ledger on read-only media (the folder and every file in it made
/// immutable): reading commands read it, a write says the place is
/// read-only. With writes not yet merged into it lying beside it (a `-wal`
/// file copied without its `-shm`), a reader never reports without them:
/// it reads them, or refuses saying why. Skipped, saying so, where the
/// folder cannot be made read-only (root without chattr).
#[test]
fn a_ledger_on_read_only_media_reads_and_refuses_writes_clearly() {
    let d = Dir::new();
    for i in 0..3 {
        assert!(d.record(i).status.success());
    }
    // A copy of the ledger with a fourth entry still in its -wal file.
    let media = tempfile::tempdir().unwrap();
    {
        // A reader holds the ledger open, so the writer closing is not the
        // last connection and leaves its entry in the -wal file.
        let conn = rusqlite::Connection::open(d.ledger()).unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
        let _: i64 = conn.query_row("SELECT count(*) FROM entry", [], |r| r.get(0)).unwrap();
        assert!(d.record(3).status.success());
        let wal = d.path("ledger.db-wal");
        assert!(std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0), "no unmerged write to copy");
        // Copied as it is, without the -shm file, as onto a stick.
        std::fs::copy(d.ledger(), media.path().join("ledger.db")).unwrap();
        std::fs::copy(&wal, media.path().join("ledger.db-wal")).unwrap();
        drop(conn);
    }
    std::fs::copy(d.path("plan.toml"), media.path().join("plan.toml")).unwrap();
    let lock = |flag: &str| {
        for f in ["ledger.db", "ledger.db-wal"] {
            let _ = Command::new("chattr").arg(flag).arg(media.path().join(f)).stderr(Stdio::null()).status();
        }
        let _ = Command::new("chattr").arg(flag).arg(media.path()).stderr(Stdio::null()).status();
    };
    lock("+i");
    if std::fs::write(media.path().join("probe"), b"x").is_ok() {
        lock("-i");
        eprintln!("skipped: a folder cannot be made read-only here (root without chattr?)");
        return;
    }
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_plan"))
            .current_dir(media.path())
            .env("PLAN_TODAY", "2031-06-30")
            .env_remove("PLAN_FILE")
            .env_remove("PLAN_LEDGER")
            .args(["--lang", "en", "--plan", "plan.toml", "--ledger", "ledger.db"])
            .args(args)
            .output()
            .unwrap()
    };
    let log = run(&["log", "--format", "json"]);
    let write = run(&["record", "m", "5", "--period", "2027-05", "--date", "2031-01-01"]);
    let report = run(&["report", "--year", "2026"]);
    lock("-i");
    for out in [&log, &write, &report] {
        no_panic(out);
    }
    let err = String::from_utf8_lossy(&log.stderr);
    match log.status.code() {
        // Read with its unmerged writes: all four entries.
        Some(0) => {
            let entries: Vec<serde_json::Value> = serde_json::from_slice(&log.stdout).unwrap();
            assert_eq!(entries.len(), 4, "{err}");
        }
        _ => assert!(err.contains("writes not yet merged") && err.contains("-wal"), "{err}"),
    }
    assert_eq!(write.status.code(), Some(1));
    let err = String::from_utf8_lossy(&write.stderr);
    assert!(err.contains("read-only place") && err.contains("nothing was written"), "{err}");
    assert!(!err.contains("not a plan ledger") && !err.contains("code 8"), "{err}");
    assert!(report.status.code() == log.status.code(), "{}", String::from_utf8_lossy(&report.stderr));
}

#[test]
fn truncated_or_garbage_ledger_is_a_clear_error() {
    let d = Dir::new();
    for i in 0..200 {
        assert!(d.record(i).status.success());
    }
    rusqlite::Connection::open(d.ledger())
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    let good = std::fs::read(d.ledger()).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated", good[..good.len() / 2].to_vec()),
        ("header only", good[..100].to_vec()),
        ("garbage", (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect()),
        ("empty-ish", b"not a database".to_vec()),
    ];
    for (what, bytes) in cases {
        let _ = std::fs::remove_file(d.path("ledger.db-wal"));
        let _ = std::fs::remove_file(d.path("ledger.db-shm"));
        std::fs::write(d.ledger(), &bytes).unwrap();
        for args in [
            &["verify"][..],
            &["log"],
            &["report", "--year", "2026"],
            &["record", "m", "1", "--period", "2026-01"],
        ] {
            let out = d.run(args);
            no_panic(&out);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{what} {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("ledger") || err.contains("malformed") || err.contains("database"),
                "{what} {args:?}: {err}"
            );
        }
        if what != "truncated" && what != "header only" {
            assert_eq!(std::fs::read(d.ledger()).unwrap(), bytes, "{what}: the file was changed");
        }
    }
}

/// A reader that goes away (`plan … | head`) ends a command quietly: no
/// panic (SPEC §6), whatever writes the output. The pipe is closed before
/// the command writes, so every write meets it.
#[test]
fn a_closed_stdout_is_no_panic() {
    let d = Dir::new();
    assert!(d.record(0).status.success());
    let commands: &[&[&str]] = &[
        &["completions", "bash"],
        &["show"],
        &["log"],
        &["report", "--year", "2026"],
        &["report", "--year", "2026", "--format", "csv"],
        &["export", "--format", "dhis2-json"],
        &["--help"],
        &["--version"],
        // A receipt after the entry is written: the entry stays.
        &["record", "m", "1000001", "--period", "2027-01", "--date", "2031-01-01"],
    ];
    for args in commands {
        let mut child = d
            .cmd()
            .args(*args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        no_panic(&out);
        assert_ne!(out.status.code(), Some(101), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(d.count(), 2);
    d.assert_verifies();
}
