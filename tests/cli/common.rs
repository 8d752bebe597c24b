//! A small builder for integration tests: a temp dir with a plan file and
//! a ledger path inside it, and a way to run `plan` there.

#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The shipped plan and the fixtures, for tests that use them.
pub fn repo_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

pub struct Env {
    pub dir: TempDir,
    pub plan: PathBuf,
    pub ledger: PathBuf,
    /// `PLAN_TODAY` for every command run here.
    pub today: String,
}

impl Env {
    /// A temp dir holding `plan_text` as plan.toml.
    pub fn with_plan(plan_text: &str) -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let plan = dir.path().join("plan.toml");
        std::fs::write(&plan, plan_text).expect("write plan");
        let ledger = dir.path().join("ledger.db");
        Env { dir, plan, ledger, today: "2027-06-30".into() }
    }

    /// A temp dir holding a copy of a repo file (e.g. "plan.toml").
    pub fn with_repo_plan(rel: &str) -> Env {
        Env::with_plan(&std::fs::read_to_string(repo_file(rel)).expect("read repo plan"))
    }

    /// The shipped plan with the illustrative figures imported, as of
    /// 2026-11-26.
    pub fn shipped() -> Env {
        let env = Env::with_repo_plan("plan.toml").today("2026-11-26");
        env.import(repo_file("seeds/illustrative-figures.csv"));
        env
    }

    pub fn today(mut self, d: &str) -> Env {
        self.today = d.into();
        self
    }

    /// `plan` with --plan and --ledger pointing into the temp dir.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("plan").expect("plan binary");
        c.current_dir(self.dir.path())
            .env("PLAN_TODAY", &self.today)
            .env_remove("PLAN_FILE")
            .env_remove("PLAN_LEDGER")
            .env("NO_COLOR", "1")
            .env("USER", "tester")
            .arg("--plan")
            .arg(&self.plan)
            .arg("--ledger")
            .arg(&self.ledger);
        c
    }

    /// Writes a file in the temp dir and returns its path.
    pub fn file(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, content).expect("write file");
        p
    }

    /// `plan import FILE`, which must succeed.
    pub fn import(&self, file: impl AsRef<Path>) {
        self.cmd().arg("import").arg(file.as_ref()).assert().success();
    }

    /// `plan report --format json ARGS`, which must succeed, parsed.
    pub fn report_json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.cmd().args(["report", "--format", "json"]).args(args).output().expect("run report");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("report json")
    }

    /// Every entry as `plan log --format json` prints it.
    pub fn log_json(&self) -> Vec<serde_json::Value> {
        let out = self.cmd().args(["log", "--format", "json"]).output().expect("run log");
        assert!(out.status.success(), "log failed: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).expect("log json")
    }

    /// A fingerprint of the ledger's contents (all entries and batches),
    /// read straight from SQLite: equal fingerprints = unchanged ledger.
    pub fn ledger_fingerprint(&self) -> String {
        if !self.ledger.exists() {
            return "no ledger".into();
        }
        let conn = rusqlite::Connection::open(&self.ledger).expect("open ledger");
        let mut out = String::new();
        for table in ["entry", "batch", "meta", "plan_text"] {
            let exists: i64 = conn
                .query_row("SELECT count(*) FROM sqlite_schema WHERE name = ?1", [table], |r| r.get(0))
                .unwrap();
            if exists == 0 {
                continue;
            }
            let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY rowid")).unwrap();
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| {
                    Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|"))
                })
                .unwrap();
            for row in rows {
                out.push_str(&row.unwrap());
                out.push('\n');
            }
        }
        out
    }
}

/// Every subcommand of `plan`, for tests that go through each one's help.
pub const COMMANDS: &[&str] = &[
    "check",
    "show",
    "record",
    "done",
    "import",
    "correct",
    "void",
    "log",
    "report",
    "template",
    "export",
    "verify",
    "history",
    "completions",
];

/// A small valid plan in English with one recorded indicator of each
/// cadence, a derived ratio and a task; ids differ from the shipped plan.
pub const MINI_PLAN: &str = r#"
[plan]
id = "TEST-1"
title = "Test plan"
start = 2026
end = 2028
lang = "en"
numbers = "en"

[agencies]
office = "The Office"

[reporting.due_days]
year = 15
half = 15
quarter = 10
month = 5

[[group]]
id = "g1"
name = "Group one"
content = "Work"
lead = "office"
responsibility = "Office answers to the board"
schedule = { start = 2026, end = 2028 }
deliverables = ["Annual report"]
oversight = { by = "office", every = "quarter" }

[[group.indicator]]
id = "firms"
name = "Firms"
unit = "firms"
measure = "level"
every = "half"
target = ">= 100"

[[group.indicator]]
id = "revenue"
name = "Revenue"
unit = "m"
measure = "flow"
every = "quarter"

[[group.indicator]]
id = "spend"
name = "Spending"
unit = "m"
measure = "flow"
every = "month"

[[group.indicator]]
id = "share"
name = "Spending share"
unit = "%"
ratio = ["spend", "revenue"]
target = ">= 3"

[[group.task]]
id = "setup"
name = "Set up the office"
lead = "office"
deliverable = "Decision"
due = 2026-12-31
"#;

/// Common English words that are not Vietnamese syllables written without
/// marks (so `to`, `an`, `no`, `in`, `do` are left out): two of them on one
/// line of a Vietnamese screen mean an untranslated sentence.
pub const ENGLISH_WORDS: &[&str] = &[
    "the",
    "is",
    "are",
    "was",
    "were",
    "not",
    "of",
    "for",
    "with",
    "and",
    "or",
    "cannot",
    "can't",
    "expected",
    "invalid",
    "unknown",
    "missing",
    "error",
    "errors",
    "warning",
    "did",
    "you",
    "mean",
    "use",
    "found",
    "file",
    "line",
    "value",
    "number",
    "period",
    "date",
    "after",
    "before",
    "already",
    "lists",
    "every",
    "must",
    "only",
    "write",
    "written",
    "read",
    "this",
    "that",
    "it",
    "be",
    "has",
    "have",
    "from",
    "by",
    "at",
    "as",
    "nothing",
    "cancelled",
    "canceled",
    "task",
    "indicator",
    "entry",
    "entries",
    "figure",
    "figures",
    "reported",
    "previous",
    "yet",
    "try",
    "answer",
    "yes",
    "help",
    "usage",
    "options",
    "arguments",
    "commands",
    "print",
    "anyway",
    "when",
    "which",
    "there",
    "than",
    "more",
    "less",
    "times",
    "source",
    "document",
    "note",
    "required",
    "provided",
    "following",
    "unexpected",
    "argument",
    "possible",
    "values",
    "default",
    "plan's",
    "into",
    "would",
    "could",
    "should",
    "a",
    "per",
    "such",
    "type",
    "typed",
    "unit",
    "name",
    "group",
    "target",
    "status",
];

/// The lines of `text` that read as English: two or more distinct common
/// English words, once code (`…`), flags (--x), paths, ids and numbers are
/// set aside, and escape sequences of the terminal removed.
pub fn english_lines(text: &str) -> Vec<String> {
    let mut clean = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ params final-byte; other escapes: ESC + one char.
            if chars.peek() == Some(&'[') {
                chars.next();
                for d in chars.by_ref() {
                    if ('@'..='~').contains(&d) {
                        break;
                    }
                }
            } else {
                chars.next();
            }
        } else {
            clean.push(c);
        }
    }
    clean
        .lines()
        .filter(|line| {
            let mut outside = String::new();
            for (i, part) in line.split('`').enumerate() {
                if i % 2 == 0 {
                    outside.push_str(part);
                    outside.push(' ');
                }
            }
            let words: std::collections::BTreeSet<String> = outside
                .split_whitespace()
                .filter(|w| !w.starts_with('-') && !w.contains(['/', '.', '_', '\\', '=', '#']))
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'').to_lowercase())
                .filter(|w| ENGLISH_WORDS.contains(&w.as_str()))
                .collect();
            words.len() >= 2
        })
        .map(String::from)
        .collect()
}

/// Every key of the message catalogue (both languages have the same).
pub fn catalogue_keys() -> Vec<String> {
    let dir = repo_file("locales/en");
    let mut keys = Vec::new();
    for f in std::fs::read_dir(dir).expect("locales/en") {
        let text = std::fs::read_to_string(f.expect("entry").path()).expect("ftl");
        for line in text.lines() {
            if let Some((k, _)) = line.split_once(" =")
                && !k.is_empty()
                && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                && k.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            {
                keys.push(k.to_string());
            }
        }
    }
    keys
}

/// The catalogue keys that appear in `text` as whole tokens (a message
/// printed by key, not translated).
pub fn keys_in(text: &str) -> Vec<String> {
    let tokens: std::collections::HashSet<&str> =
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).collect();
    catalogue_keys().into_iter().filter(|k| k.contains('-') && tokens.contains(k.as_str())).collect()
}
