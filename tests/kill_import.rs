//! `plan import` killed with SIGKILL at random moments: afterwards the
//! ledger holds none or all of the file's rows, and its hash chain is one
//! unbroken line.
//!
//! By default 8 kills of a 20,000-row import (half into a new ledger, half
//! into one that already has an entry); `PLAN_STRESS=1` makes it 50 kills
//! of 200,000 rows. Half the delays are drawn up to 1.3 times what one
//! whole import takes, half around its end (capped at 2 s by default), so
//! kills land while rows are checked and pushed, during the commit, and
//! after it. `PLAN_KILL_SEED` replays a run.

#[path = "cli/common.rs"]
mod common;

use common::{Env, MINI_PLAN};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A small xorshift generator: no dependency, reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// `rows` figures, every one new: one per month (2026–2028) of each of
/// the monthly indicators `s0`, `s1`, … of [`plan_text`] in turn (a file
/// gives each period one value only).
fn csv(rows: usize) -> String {
    let mut s = String::with_capacity(rows * 48);
    s.push_str("indicator,period,value,date,source\n");
    for i in 0..rows {
        let month = i % 36;
        s.push_str(&format!(
            "s{},{}-{:02},{}.{},2029-01-{:02},Report {i}\n",
            i / 36,
            2026 + month / 12,
            month % 12 + 1,
            1000 + month,
            i % 10,
            i % 28 + 1
        ));
    }
    s
}

/// MINI_PLAN with the monthly indicators of `rows` rows of [`csv`].
fn plan_text(rows: usize) -> String {
    let mut s = MINI_PLAN.to_string();
    for k in 0..rows.div_ceil(36) {
        s.push_str(&format!(
            "\n[[group.indicator]]\nid = \"s{k}\"\nname = \"S{k}\"\nmeasure = \"flow\"\nevery = \"month\"\n"
        ));
    }
    s
}

fn plan_cmd(env: &Env) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_plan"));
    c.current_dir(env.dir.path())
        .env("PLAN_TODAY", &env.today)
        .env_remove("PLAN_FILE")
        .env_remove("PLAN_LEDGER")
        .env("USER", "tester")
        .arg("--plan")
        .arg(&env.plan)
        .arg("--ledger")
        .arg(&env.ledger)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

/// Entries (plan versions left out) and batches in the ledger (0, 0 when
/// there is none), after checking the ids link by link.
fn inspect(ledger: &Path) -> (usize, usize) {
    if !ledger.exists() {
        return (0, 0);
    }
    let conn = rusqlite::Connection::open(ledger).expect("open the ledger after a kill");
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let mut stmt = conn.prepare("SELECT id, hash FROM entry ORDER BY id").unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))).unwrap();
    let mut n = 0usize;
    for row in rows {
        let (id, hash) = row.unwrap();
        n += 1;
        assert_eq!(id, n as i64, "entry ids are not consecutive");
        assert_eq!(hash.len(), 32, "entry #{id}: the hash is not a SHA-256");
    }
    let batches: i64 = conn.query_row("SELECT count(*) FROM batch", [], |r| r.get(0)).unwrap();
    // The plan version the first write records (SPEC §2.1) is written in
    // the same transaction as the write's rows: counted apart.
    let versions: i64 = conn
        .query_row("SELECT count(*) FROM entry_content WHERE kind = 'plan_version'", [], |r| r.get(0))
        .unwrap();
    assert!(versions <= 1, "one plan text, one version: {versions}");
    (n - versions as usize, batches as usize)
}

/// `plan verify`, unless it is not built yet (the chain was checked above).
fn verify(env: &Env) {
    let out = plan_cmd(env).arg("verify").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("not built yet") {
        return;
    }
    assert!(out.status.success(), "plan verify failed after a kill: {stderr}");
}

#[test]
fn a_killed_import_leaves_none_or_all_of_its_rows() {
    let stress = std::env::var("PLAN_STRESS").is_ok_and(|v| v == "1");
    let (rows, kills) = if stress { (200_000, 50) } else { (20_000, 8) };
    let seed = std::env::var("PLAN_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1
    });
    eprintln!("PLAN_KILL_SEED={seed} ({rows} rows, {kills} kills)");
    let mut rng = Rng(seed);
    let data = csv(rows);

    // One import left alone: all rows, and how long it takes.
    let env = Env::with_plan(&plan_text(rows)).today("2029-02-28");
    let file = env.file("big.csv", &data);
    let started = Instant::now();
    let out = plan_cmd(&env).arg("import").arg(&file).output().unwrap();
    let whole = started.elapsed();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(inspect(&env.ledger), (rows, 1));
    let cap = if stress { Duration::MAX } else { Duration::from_secs(2) };
    let window = whole.mul_f64(1.3).min(cap);
    // Every other kill aims at the end (the commit, the new ledger's
    // link into place), where a torn write would show.
    let end = (whole.mul_f64(0.8).min(cap), whole.mul_f64(0.5));
    eprintln!("a whole import takes {whole:?}; kills within {window:?}");

    let (mut none, mut all) = (0, 0);
    for i in 0..kills {
        let env = Env::with_plan(&plan_text(rows)).today("2029-02-28");
        let file = env.file("big.csv", &data);
        // Odd runs write into a ledger that already has an entry.
        let base = i % 2;
        if base == 1 {
            let out = plan_cmd(&env).args(["record", "firms", "90", "--period", "2026-H1"]).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
        let delay = if i % 4 < 2 {
            Duration::from_micros(rng.below(window.as_micros() as u64))
        } else {
            (end.0 + Duration::from_micros(rng.below(end.1.as_micros() as u64))).min(cap)
        };
        let mut child = plan_cmd(&env).arg("import").arg(&file).spawn().unwrap();
        std::thread::sleep(delay);
        // SIGKILL on Unix; an error means it had already exited.
        let _ = child.kill();
        let status = child.wait().unwrap();
        let (entries, batches) = inspect(&env.ledger);
        if status.success() {
            assert_eq!(entries, base + rows, "run {i}: import succeeded but rows are missing");
        }
        match entries - base {
            0 => {
                assert_eq!(batches, 0, "run {i}: a batch without its rows");
                none += 1;
            }
            n if n == rows => {
                assert_eq!(batches, 1, "run {i}");
                all += 1;
            }
            n => panic!("run {i}: killed after {delay:?}, the ledger holds {n} of {rows} rows"),
        }
        verify(&env);
        // After a kill the ledger takes the same import again, whole
        // (checked twice: each import takes a while).
        if entries == base && none <= 2 {
            let out = plan_cmd(&env).arg("import").arg(&file).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(inspect(&env.ledger).0, base + rows);
        }
        eprintln!("run {i}: killed after {delay:?}: {} rows", entries - base);
    }
    eprintln!("{none} kills left no rows, {all} left all rows");
}
