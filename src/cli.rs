//! The command line: one Args struct per subcommand (clap derive), with
//! typed values ([`value`]) and one format enum per command that lists
//! only what that command writes.

pub mod value;

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

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

/// The formats of `plan check` and `plan show` (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    Table,
    Csv,
    Json,
    Md,
}

/// The formats of `plan log` (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Table,
    Csv,
    Json,
    Md,
    /// A workbook (SPEC §4)
    Xlsx,
}

/// The formats of `plan report` (SPEC §4, §4.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Csv,
    Json,
    Md,
    Html,
    /// The review as a Word document (SPEC §4.2)
    Docx,
    /// A workbook (SPEC §4.2)
    Xlsx,
}

/// The formats of `plan template` (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplateFormat {
    Csv,
    /// A workbook, ready to print
    Xlsx,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StyleArg {
    Vi,
    En,
}

/// The order of day and month in a slashed date.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DatesArg {
    /// 31/12/2026
    Dmy,
    /// 12/31/2026
    Mdy,
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

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Treat gaps in the six "rõ" as errors
    #[arg(long)]
    pub strict: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: TextFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A group, indicator or task id to show in full
    pub id: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: TextFormat,
}

/// Who, when and from what document: shared by every writing command.
#[derive(Debug, Args, Clone, Default)]
pub struct Provenance {
    /// The date it was reported (YYYY-MM-DD) [default: today]
    #[arg(long, value_parser = value::date_text)]
    pub date: Option<String>,
    /// Who reports it [default: the OS user]
    #[arg(long)]
    pub by: Option<String>,
    /// Source document, e.g. "Báo cáo 15/BC-UBND"
    #[arg(long)]
    pub source: Option<String>,
    /// A note
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct RecordArgs {
    /// Indicator id (see `plan show`)
    pub indicator: Option<String>,
    /// The value, in the plan's number style (vi: 1.234,5)
    #[arg(allow_hyphen_values = true)]
    pub value: Option<String>,
    /// The period: 2027, 2027-H1, 2027-Q3 or 2027-07
    #[arg(long, value_parser = value::period_text)]
    pub period: Option<String>,
    #[command(flatten)]
    pub provenance: Provenance,
    /// Record a value more than tenfold off the previous figure
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct DoneArgs {
    /// Task id (see `plan show`)
    pub task: Option<String>,
    #[command(flatten)]
    pub provenance: Provenance,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// CSV file or workbook (.xlsx, .xls, .ods), or - for standard input
    pub file: String,
    /// Validate and summarise; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Field delimiter [default: detected from the header: , ; or tab]
    #[arg(long, value_name = "C")]
    pub delimiter: Option<String>,
    /// Number style of the file [default: the plan's `numbers`]
    #[arg(long, value_enum)]
    pub numbers: Option<StyleArg>,
    /// Import even if the same bytes were imported before
    #[arg(long)]
    pub force: bool,
    /// Order of slashed dates in the file [default: the plan's `dates`]
    #[arg(long, value_enum)]
    pub dates: Option<DatesArg>,
    /// Import rows more than tenfold off the previous figure
    #[arg(long)]
    pub yes: bool,
    /// The sheet of a workbook (.xlsx, .xls, .ods) [default: the first]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

#[derive(Debug, Args)]
pub struct CorrectArgs {
    /// The entry to correct (see `plan log`)
    pub entry: i64,
    /// The correct value (may be left out with --reported-on)
    #[arg(allow_hyphen_values = true, required_unless_present = "reported_on")]
    pub value: Option<String>,
    /// The date the entry was really reported on, re-dating it (SPEC §3 "The clock")
    #[arg(long, value_name = "DATE")]
    pub reported_on: Option<String>,
    /// Why it is corrected
    #[arg(long)]
    pub reason: String,
    /// The date of the correction [default: today]
    #[arg(long, value_parser = value::date_text)]
    pub date: Option<String>,
    #[arg(long)]
    pub by: Option<String>,
    /// Correct to a value more than tenfold off the value it corrects
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct VoidArgs {
    /// The entry to withdraw (see `plan log`)
    pub entry: i64,
    /// Why it is withdrawn
    #[arg(long)]
    pub reason: String,
    #[arg(long, value_parser = value::date_text)]
    pub date: Option<String>,
    #[arg(long)]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    #[arg(long)]
    pub indicator: Option<String>,
    #[arg(long)]
    pub task: Option<String>,
    #[arg(long)]
    pub year: Option<i32>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: LogFormat,
    /// Write to FILE instead of stdout (binary formats never go to a terminal)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The plan year [default: the current year]
    #[arg(long, conflicts_with_all = ["period", "years"])]
    pub year: Option<i32>,
    /// A part of a year to review (sơ kết): 2027-H1, 2027-Q3, 2027-07; 2027 = the year report
    #[arg(long, value_name = "P", conflicts_with = "years", value_parser = value::period)]
    pub period: Option<Period>,
    /// A span of plan years to review (tổng kết): A-B, e.g. 2026-2030
    #[arg(long, value_name = "A-B", value_parser = value::years)]
    pub years: Option<Years>,
    /// Only this task group
    #[arg(long)]
    pub group: Option<String>,
    /// Review date: ignore entries reported after it [default: today]
    #[arg(long, value_name = "DATE", value_parser = value::date)]
    pub as_of: Option<NaiveDate>,
    /// A line per period and the task list
    #[arg(long)]
    pub detail: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    /// Write to FILE instead of stdout (binary formats never go to a terminal)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `plan template` (issue #14).
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The period to fill in [default: the periods due and still missing today]
    #[arg(long, value_parser = value::period)]
    pub period: Option<Period>,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: TemplateFormat,
    /// Write to FILE instead of stdout (binary formats never go to a terminal)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The formats of `plan export` (SPEC §4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// DHIS2's JSON data value set
    #[value(name = "dhis2-json")]
    Dhis2Json,
    /// DHIS2's CSV data value format
    #[value(name = "dhis2-csv")]
    Dhis2Csv,
    /// ADX XML (urn:ihe:qrph:adx:2015)
    Adx,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Only this plan year [default: every year of the plan]
    #[arg(long, conflicts_with = "period")]
    pub year: Option<i32>,
    /// Only the periods within this one: 2027-H1, 2027-Q3, 2027-07 (or 2027S1, 2027Q3, 202707)
    #[arg(long, value_parser = value::export_period)]
    pub period: Option<Period>,
    /// Ignore entries reported after this date (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE", value_parser = value::date)]
    pub as_of: Option<NaiveDate>,
    /// Write to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Fail unless the chain still holds this entry with this hash
    /// (the fingerprint a report printed: ID:HEX)
    #[arg(long, value_name = "ID:HEX")]
    pub head: Option<String>,
}

/// `plan history` (SPEC §2.1, §4).
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Print the text of version N (N as `plan history` lists it)
    #[arg(long, value_name = "N")]
    pub show: Option<i64>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: HistoryFormat,
}

/// Output formats of `plan history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

// ---------------------------------------------------------------------------
// Help and usage errors in the catalogue's language (SPEC §4 "Language").

/// What `--help` needs from the plan in use, read cheaply (no validation):
/// its language and the ids to build examples from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Peek {
    pub lang: Option<Lang>,
    pub numbers: Option<NumberStyle>,
    pub start: Option<i32>,
    pub end: Option<i32>,
    pub group: Option<String>,
    /// The first indicator that takes figures, with its `every`.
    pub indicator: Option<(String, Cadence)>,
    /// That indicator's `integer`, `min` and `max` (SPEC §2), so that the
    /// example value of `record --help` is one `record` takes.
    pub figure_rules: FigureRules,
    pub task: Option<String>,
    /// The plan's `dates`: the order of a slashed date in `--date` and
    /// `--as-of` (none: day first, as the plan reads without the key).
    pub dates: Option<DateOrder>,
}

/// What a figure of the example indicator must be (SPEC §2 `integer`,
/// `min`, `max`), as far as the plan file says.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct FigureRules {
    pub integer: bool,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// The unit is a percentage (`%`): the example is a rate, not 1234.5.
    pub percent: bool,
}

impl FigureRules {
    /// 1234.5 (it shows both separators), made to fit the rules: clamped
    /// to `min`..`max`, rounded down to a whole number for counts.
    pub fn example_value(&self) -> f64 {
        let mut v = if self.percent { 12.5 } else { 1234.5_f64 };
        if let Some(max) = self.max {
            v = v.min(max);
        }
        if let Some(min) = self.min {
            v = v.max(min);
        }
        if self.integer { v.floor() } else { v }
    }
}

impl Peek {
    /// Reads what it can of the plan file at `path`; an unreadable or
    /// broken file gives what could be read (possibly nothing).
    pub fn file(path: &std::path::Path) -> Peek {
        std::fs::read_to_string(path).map(|t| Peek::text(&t)).unwrap_or_default()
    }

    /// As [`Peek::file`], from the text of a plan.
    pub fn text(text: &str) -> Peek {
        let Ok(doc) = text.parse::<toml::Table>() else {
            // Broken TOML: the language alone, from its own line.
            return Peek { lang: lang_line(text), ..Peek::default() };
        };
        let plan = doc.get("plan").and_then(|v| v.as_table());
        let s = |k: &str| plan.and_then(|p| p.get(k)).and_then(|v| v.as_str());
        let groups = doc.get("group").and_then(|g| g.as_array()).map(Vec::as_slice).unwrap_or(&[]);
        let id = |t: &toml::Value| t.get("id").and_then(|v| v.as_str()).map(String::from);
        let items = |key: &'static str| {
            groups.iter().flat_map(move |g| g.get(key).and_then(|v| v.as_array()).into_iter().flatten())
        };
        let year = |k: &str| {
            plan.and_then(|p| p.get(k)).and_then(|v| v.as_integer()).and_then(|y| i32::try_from(y).ok())
        };
        let first_recorded = || {
            items("indicator").find_map(|i| {
                let every = i.get("every").and_then(|v| v.as_str()).and_then(Cadence::parse_name)?;
                id(i)?;
                Some((i, every))
            })
        };
        Peek {
            lang: s("lang").and_then(Lang::parse_name),
            numbers: s("numbers").and_then(NumberStyle::parse_name),
            start: year("start"),
            end: year("end"),
            group: groups.iter().find_map(id),
            indicator: first_recorded().map(|(i, every)| (id(i).unwrap_or_default(), every)),
            figure_rules: first_recorded()
                .map(|(i, _)| {
                    let number = |k: &str| {
                        i.get(k).and_then(|v| v.as_float().or_else(|| v.as_integer().map(|n| n as f64)))
                    };
                    FigureRules {
                        integer: i.get("integer").and_then(|v| v.as_bool()).unwrap_or(false),
                        min: number("min"),
                        max: number("max"),
                        percent: i.get("unit").and_then(|v| v.as_str()).is_some_and(|u| u.contains('%')),
                    }
                })
                .unwrap_or_default(),
            task: items("task").find_map(id),
            dates: s("dates").and_then(DateOrder::parse_name),
        }
    }
}

/// `lang = "vi"` on a line of its own, for a plan whose TOML does not parse.
fn lang_line(text: &str) -> Option<Lang> {
    text.lines().find_map(|l| {
        let (k, v) = l.split_once('=')?;
        (k.trim() == "lang").then(|| Lang::parse_name(v.trim().trim_matches('"')))?
    })
}

/// The value of `--NAME VALUE` or `--NAME=VALUE` among `args`, before `--`.
fn flag_value(args: &[std::ffi::OsString], name: &str) -> Option<String> {
    let long = format!("--{name}");
    let prefix = format!("--{name}=");
    let mut it = args.iter().map(|a| a.to_string_lossy()).take_while(|a| a != "--");
    while let Some(a) = it.next() {
        if a == long {
            return it.next().map(|v| v.to_string());
        }
        if let Some(v) = a.strip_prefix(&prefix) {
            return Some(v.to_string());
        }
    }
    None
}

/// The language of messages and help for a command line (SPEC §4):
/// `--lang`, else the plan's `lang`, else the environment's.
pub fn language(args: &[std::ffi::OsString], peek: &Peek) -> Lang {
    flag_value(args, "lang")
        .and_then(|l| Lang::parse_name(&l))
        .or(peek.lang)
        .unwrap_or_else(crate::i18n::env_lang)
}

/// The plan file a command line points at: `--plan`, else `PLAN_FILE`,
/// else `./plan.toml` (SPEC §1).
pub fn plan_path(args: &[std::ffi::OsString]) -> PathBuf {
    flag_value(args, "plan")
        .or_else(|| std::env::var("PLAN_FILE").ok().filter(|s| !s.is_empty()))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("plan.toml"))
}

/// Help of an argument whose meaning differs by subcommand: catalogue key
/// `cli-<subcommand>-<arg>`, else the shared `cli-arg-<arg>`.
fn arg_key(sub: Option<&str>, arg: &str) -> Option<String> {
    let lang = crate::i18n::lang();
    let own = sub.map(|s| format!("cli-{s}-{arg}"));
    let shared = format!("cli-arg-{arg}");
    own.filter(|k| crate::i18n::has_message(lang, k))
        .or_else(|| crate::i18n::has_message(lang, &shared).then_some(shared))
}

/// A catalogue message if the key exists (texts of subcommands and
/// arguments added without one keep their English doc comment).
fn maybe(key: &str) -> Option<String> {
    crate::i18n::has_message(crate::i18n::lang(), key).then(|| crate::i18n::message(key, None))
}

/// Example values from the plan in use, for `--help`.
struct Examples {
    indicator: String,
    period: String,
    value: String,
    task: String,
    group: String,
    year: String,
    /// Today, for `--date`.
    date: String,
    /// The plan's last year (the start's when the file does not say).
    end: String,
}

impl Examples {
    fn of(peek: &Peek) -> Examples {
        let today = crate::input::today().unwrap_or_else(|_| chrono::Local::now().date_naive());
        let first = peek.start.unwrap_or_else(|| chrono::Datelike::year(&today));
        let last = peek.end.unwrap_or(first).max(first);
        // The example period: the latest of the plan's years that has ended
        // by today (so `record` takes it and a date today), else the first
        // year's last.
        let period = peek.indicator.as_ref().map(|(_, every)| {
            (first..=last)
                .flat_map(|y| Period::all_in(y, *every))
                .filter(|p| p.end() < today)
                .last()
                .unwrap_or_else(|| Period::all_in(first, *every).last().unwrap_or(Period::year(first)))
        });
        let year = period.map_or(first, |p| p.year);
        let style = peek.numbers.unwrap_or(if crate::i18n::lang() == Lang::Vi {
            NumberStyle::Vi
        } else {
            NumberStyle::En
        });
        let placeholder = |k: &str| crate::i18n::message(k, None);
        Examples {
            indicator: peek
                .indicator
                .as_ref()
                .map(|(i, _)| i.clone())
                .unwrap_or_else(|| placeholder("cli-placeholder-indicator")),
            period: period.unwrap_or(Period::year(year)).to_string(),
            // Today, as a date option is written (the plan's order under
            // Vietnamese, day first when it does not say; ISO in English).
            date: peek.dates.unwrap_or_default().as_typed(today),
            value: crate::number::format_number(peek.figure_rules.example_value(), style, 1),
            task: peek.task.clone().unwrap_or_else(|| placeholder("cli-placeholder-task")),
            group: peek.group.clone().unwrap_or_else(|| placeholder("cli-placeholder-group")),
            year: year.to_string(),
            end: last.to_string(),
        }
    }

    /// The examples of `key` (`cli-examples`, `cli-record-examples`…) with the
    /// plan's ids filled in.
    fn text(&self, key: &str) -> Option<String> {
        let lang = crate::i18n::lang();
        crate::i18n::has_message(lang, key).then(|| {
            let lines = crate::tr!(
                key,
                indicator = self.indicator.as_str(),
                period = self.period.as_str(),
                value = self.value.as_str(),
                task = self.task.as_str(),
                group = self.group.as_str(),
                year = self.year.as_str(),
                end = self.end.as_str(),
                date = self.date.as_str()
            );
            let mut text = crate::tr!("cli-examples-heading");
            for line in lines.lines().filter(|l| !l.trim().is_empty()) {
                text.push_str("\n  ");
                text.push_str(line.trim());
            }
            text
        })
    }
}

/// The clap command with every help text from the catalogue in the current
/// language, and examples built from `peek`.
pub fn command(peek: &Peek) -> clap::Command {
    use clap::{Arg, ArgAction, CommandFactory};
    let ex = Examples::of(peek);
    let heading_args = crate::tr!("cli-heading-arguments");
    let heading_options = crate::tr!("cli-heading-options");
    // The forms a date argument takes: the plan's order, and ISO.
    let mut help_args = fluent_bundle::FluentArgs::new();
    help_args.set("order", peek.dates.unwrap_or_default().pattern());
    let localize_args = |cmd: clap::Command, sub: Option<&str>| {
        let mut cmd = cmd.disable_help_flag(true).arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(crate::tr!("cli-arg-help"))
                .global(sub.is_none()),
        );
        let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
        for id in ids {
            let key = arg_key(sub, &id);
            let heading = heading_args.clone();
            let option = heading_options.clone();
            let value_key = format!("cli-value-{id}");
            let value_name = crate::i18n::has_message(crate::i18n::lang(), &value_key)
                .then(|| crate::i18n::message(&value_key, None));
            cmd = cmd.mut_arg(id.as_str(), |a| {
                let mut a = if a.is_positional() { a.help_heading(heading) } else { a.help_heading(option) };
                if a.get_action().takes_values() {
                    a = a.hide_env(true).hide_default_value(true).hide_possible_values(true);
                }
                if let Some(v) = value_name {
                    a = a.value_name(v);
                }
                match &key {
                    Some(k) => a.help(crate::i18n::message(k, Some(&help_args))),
                    None => a,
                }
            });
        }
        cmd
    };
    let mut cmd = Cli::command()
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(crate::tr!("cli-arg-version")),
        )
        .about(crate::tr!("cli-about"))
        .subcommand_help_heading(crate::tr!("cli-heading-commands"))
        .subcommand_value_name(crate::tr!("cli-value-command"))
        .disable_help_subcommand(true)
        .term_width(usize::from(crate::render::terminal_width()))
        .help_template(template());
    if let Some(e) = ex.text("cli-examples") {
        cmd = cmd.after_help(format!("{e}\n\n{}", crate::tr!("cli-environment")));
    }
    cmd = localize_args(cmd, None);
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        let about = maybe(&format!("cli-{name}-about"));
        let examples = ex.text(&format!("cli-{name}-examples"));
        let template = template();
        cmd = cmd.mut_subcommand(name.as_str(), |s| {
            let mut s = localize_args(s.help_template(template), Some(&name));
            if let Some(a) = about {
                s = s.about(a);
            }
            if let Some(e) = examples {
                s = s.after_help(e);
            }
            s
        });
    }
    cmd
}

/// clap's help layout with the "Usage:" heading from the catalogue.
fn template() -> String {
    let heading = crate::tr!("cli-usage-heading");
    format!("{{about-with-newline}}\n{heading} {{usage}}\n\n{{all-args}}{{after-help}}")
}

/// clap's "[OPTIONS]" in a usage line, in the catalogue's words.
fn usage_words(text: &str) -> String {
    text.replace("[OPTIONS]", &crate::tr!("cli-usage-options"))
}

/// Parses the process's command line; help and usage errors are printed in
/// the language of SPEC §4 (exits 0 for help, 2 for a usage error).
pub fn parse() -> Cli {
    use clap::FromArgMatches;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let peek = Peek::file(&plan_path(&args));
    crate::i18n::set_lang(language(&args, &peek));
    value::set_date_order(peek.dates.unwrap_or_default());
    let matches = match command(&peek).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => exit_with(e),
    };
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| exit_with(e))
}

/// Prints a clap error (help, version, usage error) and exits: help and
/// version as clap prints them; usage errors from the catalogue, in the
/// current language, with clap's usage line.
pub fn exit_with(e: clap::Error) -> ! {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    match e.kind() {
        ErrorKind::DisplayVersion => e.exit(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let help = usage_words(&e.render().to_string());
            let code = if e.kind() == ErrorKind::DisplayHelp { 0 } else { 2 };
            // Written, not print!ed: `plan --help | head` closes the pipe,
            // and print! panics on that (SPEC §6: never a panic).
            use std::io::Write;
            let _ = if code == 0 {
                std::io::stdout().lock().write_all(help.as_bytes())
            } else {
                std::io::stderr().lock().write_all(help.as_bytes())
            };
            std::process::exit(code)
        }
        _ => {}
    }
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        Some(ContextValue::Bool(b)) => b.to_string(),
        _ => String::new(),
    };
    let arg = ctx(ContextKind::InvalidArg);
    let value = ctx(ContextKind::InvalidValue);
    let message: String = match e.kind() {
        ErrorKind::UnknownArgument => crate::tr!("cli-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => {
            crate::tr!("cli-error-unknown-command", command = ctx(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue if value.is_empty() => crate::tr!("cli-error-missing-value", arg = arg),
        // A typed value refused by its parser (`cli::value`): the parser's
        // own words, as every command says them.
        ErrorKind::ValueValidation if malformed(&e).is_some() => {
            let name = arg.split([' ', '=']).next().unwrap_or_default().to_string();
            let reason = malformed(&e).map(|m| m.0.clone()).unwrap_or_default();
            crate::tr!("input-invalid-arg", arg = name, message = reason)
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = ctx(ContextKind::ValidValue);
            if valid.is_empty() {
                crate::tr!("cli-error-invalid-value", arg = arg, value = value)
            } else {
                crate::tr!("cli-error-invalid-choice", arg = arg, value = value, valid = valid)
            }
        }
        ErrorKind::MissingRequiredArgument => crate::tr!("cli-error-missing-argument", arg = arg),
        ErrorKind::MissingSubcommand => crate::tr!("cli-error-missing-command"),
        ErrorKind::ArgumentConflict => {
            crate::tr!("cli-error-conflict", arg = arg, other = ctx(ContextKind::PriorArg))
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            crate::tr!("cli-error-values", arg = arg, value = value)
        }
        ErrorKind::NoEquals => crate::tr!("cli-error-missing-value", arg = arg),
        _ => {
            // Kinds this program does not produce: clap's own words.
            e.exit()
        }
    };
    let mut message = message;
    let suggested =
        [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
            .into_iter()
            .map(ctx)
            .find(|s| !s.is_empty());
    if let Some(s) = suggested {
        message.push('\n');
        message
            .push_str(&crate::tr!("common-hint", message = crate::tr!("cli-did-you-mean", suggestion = s)));
    }
    eprintln!("{}", usage_error_text(&message, &ctx(ContextKind::Usage)));
    std::process::exit(2)
}

/// The refusal of a typed value (`cli::value`) inside a clap error.
fn malformed(e: &clap::Error) -> Option<&value::Malformed> {
    std::error::Error::source(e)?.downcast_ref::<value::Malformed>()
}

/// "error: MESSAGE", the usage line (clap's, "Usage:" in the catalogue's
/// words) and where to read more: what a usage error prints.
pub fn usage_error_text(message: &str, usage: &str) -> String {
    let mut out = crate::tr!("common-error", message = message);
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    if !usage.is_empty() {
        out.push_str("\n\n");
        out.push_str(&crate::tr!("cli-usage", usage = usage_words(usage)));
    }
    out.push_str("\n\n");
    out.push_str(&crate::tr!("cli-more-help"));
    out
}

#[cfg(test)]
mod tests {
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
