//! Asking on a terminal, field by field (interactive `record` and `done`,
//! SPEC §4): a readline prompt with the usual line editing (arrows, Home,
//! End, Ctrl-U, Ctrl-W, Ctrl-A, Ctrl-E; Tab completes ids), a default
//! already typed in the line, the same check as the command line after
//! Enter and, on a bad answer, the message and the same question again with
//! the answer kept for fixing. Ctrl-C, Ctrl-D and Esc cancel: nothing is
//! written.
//!
//! Every word shown comes from the catalogue (commands.ftl).

use crate::tr;
use anyhow::Result;
use rustyline::completion::{Completer, Pair};
use rustyline::config::{Behavior, CompletionType, Config};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Cmd, Editor, Helper, KeyCode, KeyEvent, Modifiers};

/// The user pressed Esc, Ctrl-C or Ctrl-D.
#[derive(Debug, thiserror::Error)]
#[error("cancelled")]
pub struct Cancelled;

/// Completion of ids by Tab: (id, "id — name (unit)") pairs.
#[derive(Default)]
pub struct Ids {
    items: Vec<(String, String)>,
}

impl Completer for Ids {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        _pos: usize,
        _ctx: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        Ok((0, matches(&self.items, line)))
    }
}

/// Candidates for `typed`: ids that start with it, else labels that contain
/// it (a word of the name), case-insensitively.
fn matches(items: &[(String, String)], typed: &str) -> Vec<Pair> {
    let q = typed.trim().to_lowercase();
    let pair = |(id, label): &(String, String)| Pair { display: label.clone(), replacement: id.clone() };
    let by_id: Vec<Pair> =
        items.iter().filter(|(id, _)| id.to_lowercase().starts_with(&q)).map(pair).collect();
    if !by_id.is_empty() {
        return by_id;
    }
    items.iter().filter(|(_, l)| l.to_lowercase().contains(&q)).map(pair).collect()
}

impl Hinter for Ids {
    type Hint = String;
}
impl Highlighter for Ids {}
impl Validator for Ids {}
impl Helper for Ids {}

/// A terminal session of questions.
pub struct Asker {
    rl: Editor<Ids, DefaultHistory>,
}

impl Asker {
    /// Opens the terminal for questions.
    pub fn new() -> Result<Asker> {
        let config = Config::builder()
            .behavior(Behavior::PreferTerm)
            .completion_type(CompletionType::List)
            .auto_add_history(false)
            // A lone Esc (cancel) is told from the start of an arrow key's
            // sequence after this many milliseconds.
            .keyseq_timeout(Some(100))
            .build();
        let mut rl: Editor<Ids, DefaultHistory> = Editor::with_config(config)?;
        rl.set_helper(Some(Ids::default()));
        // Esc and Ctrl-D (even on a line with text) cancel, as Ctrl-C does.
        rl.bind_sequence(KeyEvent(KeyCode::Esc, Modifiers::NONE), Cmd::Interrupt);
        rl.bind_sequence(KeyEvent::ctrl('D'), Cmd::Interrupt);
        Ok(Asker { rl })
    }

    /// Ids that Tab completes in the next questions.
    pub fn complete_ids(&mut self, items: Vec<(String, String)>) {
        if let Some(h) = self.rl.helper_mut() {
            h.items = items;
        }
    }

    /// One line, `initial` already typed.
    fn line(&mut self, prompt: &str, initial: &str) -> Result<String> {
        match self.rl.readline_with_initial(&format!("{prompt} "), (initial, "")) {
            Ok(s) => Ok(s),
            Err(ReadlineError::Interrupted | ReadlineError::Eof) => Err(Cancelled.into()),
            Err(e) => Err(anyhow::Error::new(e).context(tr!("commands-ask-no-terminal"))),
        }
    }

    /// Asks until `check` accepts the answer. A non-empty `default` shows
    /// in brackets before the prompt's colon (`Kỳ [Tháng 1/2026]:`, as
    /// hledger add shows its defaults): Enter alone takes it, and whatever
    /// is typed replaces it (a default typed into the line would be
    /// extended by the answer: `rootLan`). `help` is shown once, above the
    /// first question; a refused answer is shown with the reason and
    /// offered again in the line for fixing.
    pub fn ask<T>(
        &mut self,
        prompt: &str,
        default: &str,
        help: Option<&str>,
        check: impl Fn(&str) -> Result<T, String>,
    ) -> Result<T> {
        if let Some(h) = help {
            // Hints wrap at the terminal's width like every other line.
            eprintln!("{}", crate::render::fit(&format!("  ({h})"), " "));
        }
        let shown = with_default(prompt, default);
        let mut typed = String::new();
        loop {
            typed = self.line(&shown, &typed)?;
            let answer = if typed.trim().is_empty() { default } else { typed.as_str() };
            match check(answer) {
                Ok(v) => return Ok(v),
                // Wrapped like the hints: a refusal can be long.
                Err(msg) => eprintln!("{}", crate::render::fit(&format!("  ✗ {msg}"), "  ")),
            }
        }
    }

    /// A yes/no question; Enter alone answers `default`.
    pub fn confirm(&mut self, question: &str, default: bool) -> Result<bool> {
        let hint = if default {
            tr!("commands-ask-yes-no-default-yes")
        } else {
            tr!("commands-ask-yes-no-default-no")
        };
        self.ask(&format!("{question} [{hint}]"), "", None, |s| {
            yes_no(s)
                .or(if s.trim().is_empty() { Some(default) } else { None })
                .ok_or_else(|| tr!("commands-ask-yes-no-error"))
        })
    }
}

/// `prompt` with `default` in brackets before its colon: `Kỳ:` and
/// `2026-01` make `Kỳ [2026-01]:`.
fn with_default(prompt: &str, default: &str) -> String {
    if default.is_empty() {
        return prompt.to_string();
    }
    match prompt.strip_suffix(':') {
        Some(label) => format!("{label} [{default}]:"),
        None => format!("{prompt} [{default}]"),
    }
}

/// A yes/no answer in either language: `c`, `có`, `co`, `y`, `yes` or `k`,
/// `không`, `khong`, `n`, `no` (any case); anything else is no answer.
pub fn yes_no(answer: &str) -> Option<bool> {
    match answer.trim().to_lowercase().as_str() {
        "c" | "có" | "co" | "y" | "yes" => Some(true),
        "k" | "không" | "khong" | "n" | "no" => Some(false),
        _ => None,
    }
}

/// Interactive `record` and `done` with the clock behind the ledger's
/// latest write (SPEC §3 "The clock"): says so and asks whether to write
/// anyway (no by default), in place of `--clock-ok`. Returns whether the
/// write may go ahead with the clock behind; a "no" cancels.
pub fn clock_ok(asker: &mut Asker, ctx: &super::Ctx, ledger: Option<&crate::ledger::Ledger>) -> Result<bool> {
    if ctx.clock_ok {
        return Ok(true);
    }
    let Some(behind) = ledger.map(|l| l.clock_behind()).transpose()?.flatten() else {
        return Ok(false);
    };
    eprintln!("{}", crate::render::fit(&behind.message, "  "));
    if asker.confirm(&crate::tr!("commands-ask-clock-ok"), false)? { Ok(true) } else { Err(Cancelled.into()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_default_shows_in_brackets_before_the_colon() {
        assert_eq!(with_default("Kỳ:", "Tháng 1/2026"), "Kỳ [Tháng 1/2026]:");
        assert_eq!(with_default("By:", ""), "By:");
        assert_eq!(with_default("Record it? [Y/n]", "x"), "Record it? [Y/n] [x]");
    }

    #[test]
    fn yes_and_no_in_both_languages() {
        for a in ["c", "có", "Có", "co", "y", "yes", " YES "] {
            assert_eq!(yes_no(a), Some(true), "{a}");
        }
        for a in ["k", "không", "KHÔNG", "khong", "n", "no"] {
            assert_eq!(yes_no(a), Some(false), "{a}");
        }
        for a in ["", "x", "cos", "nope", "ok"] {
            assert_eq!(yes_no(a), None, "{a}");
        }
    }

    #[test]
    fn completes_ids_first_then_words_of_names() {
        let items = vec![
            ("thu_ktn".to_string(), "thu_ktn — Thu khu vực tư nhân (triệu đồng)".to_string()),
            ("thu_ns".to_string(), "thu_ns — Tổng thu ngân sách (triệu đồng)".to_string()),
            ("so_dn".to_string(), "so_dn — Doanh nghiệp (doanh nghiệp)".to_string()),
        ];
        let ids = |typed: &str| matches(&items, typed).into_iter().map(|p| p.replacement).collect::<Vec<_>>();
        assert_eq!(ids("th"), ["thu_ktn", "thu_ns"]);
        assert_eq!(ids("SO"), ["so_dn"]);
        assert_eq!(ids("ngân"), ["thu_ns"]);
        assert!(ids("zzz").is_empty());
    }
}
