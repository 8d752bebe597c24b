//! The command line: one Args struct per subcommand (clap derive), with
//! typed values ([`value`]) and one format enum per command that lists
//! only what that command writes.

mod args;
mod help;
mod peek;
pub mod value;

pub use args::*;
pub use help::{command, exit_with, usage_error_text};
pub use peek::{FigureRules, Peek, language, plan_path};

use crate::number::NumberStyle;
use crate::period::{Cadence, Period};
use crate::report::Years;
use crate::settings::DateOrder;
use crate::settings::Lang;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "plan",
    version,
    about = "A KPI ledger for public action plans held to the \"6 rõ\" principle",
    long_about = None
)]
pub struct Cli {
    /// The plan file [default: ./plan.toml]
    #[arg(long, global = true, env = "PLAN_FILE", value_name = "FILE")]
    pub plan: Option<PathBuf>,
    /// The ledger [default: `[plan] ledger`, else ledger.db beside the plan]
    #[arg(long, global = true, env = "PLAN_LEDGER", value_name = "FILE")]
    pub ledger: Option<PathBuf>,
    /// Output language, overriding the plan's `lang`
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Write even though the computer's clock is behind the ledger's latest
    /// write (SPEC §3 "The clock"); the write records that it was
    #[arg(long, global = true)]
    pub clock_ok: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate plan.toml and audit the six "rõ" of each task group
    Check(CheckArgs),
    /// Show groups, indicators, tasks and targets: the ids to type
    Show(ShowArgs),
    /// Record a figure (no arguments on a terminal: asks for each field)
    Record(RecordArgs),
    /// Mark a task done
    Done(DoneArgs),
    /// Load figures and completions from a CSV file (all or nothing)
    Import(ImportArgs),
    /// Correct an entry's value (a new entry that supersedes it)
    Correct(CorrectArgs),
    /// Withdraw an entry (a new entry that voids it)
    Void(VoidArgs),
    /// The audit trail of entries
    Log(LogArgs),
    /// Attainment and lateness per task group for a year
    Report(ReportArgs),
    /// A sheet to fill in with the figures due, ready to import
    Template(TemplateArgs),
    /// Write the figures that count as a DHIS2 data value set (JSON, CSV or ADX)
    Export(ExportArgs),
    /// Check the ledger: integrity, schema, hash chain, unknown ids
    Verify(VerifyArgs),
    /// The plan versions the ledger recorded, and the plan's amendments
    History(HistoryArgs),
    /// Print shell completions
    Completions(CompletionsArgs),
}

/// The plan file [`parse`] peeks at ([`plan_path`] of the command line).
static PEEK_FROM: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// What [`Peek::file`] reads of [`PEEK_FROM`], read once, when first
/// asked (nothing before [`parse`]).
fn peeked() -> &'static Peek {
    static PEEKED: std::sync::OnceLock<Peek> = std::sync::OnceLock::new();
    PEEKED.get_or_init(|| PEEK_FROM.get().map(|p| Peek::file(p)).unwrap_or_default())
}

/// Parses the process's command line; help and usage errors are printed in
/// the language of SPEC §4 (exits 0 for help, 2 for a usage error).
pub fn parse() -> Cli {
    use clap::FromArgMatches;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The plan file is read for its language and date order only when the
    // first message or slashed date needs them: a command line that parses
    // and a command that loads its plan first read the plan once, not
    // twice (a 400-indicator plan: 11 of a report's 130 million
    // instructions, measured with callgrind).
    let _ = PEEK_FROM.set(plan_path(&args));
    match peek::flag_value(&args, "lang").and_then(|l| Lang::parse_name(&l)) {
        Some(lang) => crate::i18n::set_lang(lang),
        None => crate::i18n::set_lang_source(|| peeked().lang.unwrap_or_else(crate::i18n::env_lang)),
    }
    value::set_date_order_source(|| peeked().dates.unwrap_or_default());
    // The command as derived reads the arguments as the localised one does
    // (which only adds words: help, headings, examples); it is built in a
    // fraction of the time, so a command line that parses needs no more.
    // Help, version and usage errors come from the localised command.
    let matches = match <Cli as clap::CommandFactory>::command().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(_) => match command(peeked()).try_get_matches_from(&args) {
            Ok(m) => m,
            Err(e) => exit_with(e),
        },
    };
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| exit_with(e))
}

#[cfg(test)]
mod tests {
    use super::peek::flag_value;
    use super::*;

    #[test]
    fn the_example_value_fits_the_indicator() {
        let rules = |integer, min, max| FigureRules { integer, min, max, percent: false };
        assert_eq!(rules(false, None, None).example_value(), 1234.5);
        assert_eq!(rules(true, Some(0.0), None).example_value(), 1234.0);
        assert_eq!(rules(false, None, Some(100.0)).example_value(), 100.0);
        assert_eq!(rules(true, None, Some(49.5)).example_value(), 49.0);
        assert_eq!(rules(false, Some(2000.0), None).example_value(), 2000.0);
        assert_eq!(FigureRules { percent: true, ..rules(false, None, None) }.example_value(), 12.5);
        let peek = Peek::text(
            "[[group]]\nid = \"g\"\n[[group.indicator]]\nid = \"n\"\nevery = \"year\"\ninteger = true\nmax = 12\n",
        );
        assert_eq!(peek.figure_rules, rules(true, None, Some(12.0)));
    }

    #[test]
    fn every_command_and_argument_has_help_in_the_catalogue() {
        use clap::CommandFactory;
        let cmd = Cli::command();
        let mut missing = Vec::new();
        for lang in [Lang::Vi, Lang::En] {
            let has = |k: &str| crate::i18n::has_message(lang, k);
            for sub in cmd.get_subcommands() {
                let name = sub.get_name();
                if !has(&format!("cli-{name}-about")) {
                    missing.push(format!("cli-{name}-about"));
                }
                for a in sub.get_arguments() {
                    let id = a.get_id().as_str();
                    if !has(&format!("cli-{name}-{id}")) && !has(&format!("cli-arg-{id}")) {
                        missing.push(format!("cli-arg-{id} ({name})"));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "no help in the catalogue for: {missing:?}");
    }

    #[test]
    fn help_builds_in_both_languages() {
        for lang in [Lang::Vi, Lang::En] {
            crate::i18n::set_lang(lang);
            command(&Peek::default()).debug_assert();
        }
    }

    #[test]
    fn peeks_language_and_ids_without_validating() {
        let p = Peek::text(
            "[plan]\nlang = \"vi\"\nnumbers = \"vi\"\nstart = 2026\n[[group]]\nid = \"g\"\n\
             [[group.indicator]]\nid = \"r\"\nratio = [\"a\", \"b\"]\n[[group.indicator]]\nid = \"a\"\nevery = \"quarter\"\n\
             [[group.task]]\nid = \"t\"\n",
        );
        assert_eq!(p.lang, Some(Lang::Vi));
        assert_eq!(p.numbers, Some(NumberStyle::Vi));
        assert_eq!(p.start, Some(2026));
        assert_eq!(p.group.as_deref(), Some("g"));
        assert_eq!(p.indicator, Some(("a".to_string(), Cadence::Quarter)));
        assert_eq!(p.task.as_deref(), Some("t"));
        // Broken TOML: the language line still counts.
        assert_eq!(Peek::text("lang = \"en\"\n[[[").lang, Some(Lang::En));
        assert_eq!(Peek::text("").lang, None);
    }

    #[test]
    fn flag_values_before_the_double_dash() {
        let args: Vec<std::ffi::OsString> = ["plan", "--lang=en", "--plan", "x.toml", "--", "--lang", "vi"]
            .iter()
            .map(|s| s.into())
            .collect();
        assert_eq!(flag_value(&args, "lang").as_deref(), Some("en"));
        assert_eq!(flag_value(&args, "plan").as_deref(), Some("x.toml"));
        assert_eq!(flag_value(&args, "ledger"), None);
    }
}
