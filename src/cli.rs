//! The command line: one Args struct per subcommand (clap derive).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "plan",
    version,
    about = "A KPI ledger for public action plans held to the \"6 rõ\" principle",
    long_about = None,
    after_help = "Examples:\n  plan check\n  plan record doanh_nghiep 104 --period 2026 --source \"Báo cáo 15/BC-UBND\"\n  plan import so-lieu.csv\n  plan report --year 2026\n\nEnvironment: PLAN_FILE, PLAN_LEDGER, PLAN_TODAY (YYYY-MM-DD, overrides today), NO_COLOR."
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
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
    Md,
    Html,
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
    #[command(
        after_help = "Examples:\n  plan check\n  plan check --strict\n  plan --plan other.toml check --format json"
    )]
    Check(CheckArgs),
    /// Show groups, indicators, tasks and targets: the ids to type
    #[command(after_help = "Examples:\n  plan show\n  plan show doanh_nghiep\n  plan show ktn --format md")]
    Show(ShowArgs),
    /// Record a figure (no arguments on a terminal: asks for each field)
    #[command(
        after_help = "Examples:\n  plan record doanh_nghiep 104 --period 2026 --date 2027-01-10 --source \"Báo cáo 15/BC-UBND\"\n  plan record thu_ns 1.234,5 --period 2026-Q3\n  plan record            # interactive"
    )]
    Record(RecordArgs),
    /// Mark a task done
    #[command(
        after_help = "Examples:\n  plan done hoi_doanh_nhan --date 2027-11-20 --source \"QĐ 45/QĐ-UBND\""
    )]
    Done(DoneArgs),
    /// Load figures and completions from a CSV file (all or nothing)
    #[command(
        after_help = "Examples:\n  plan import so-lieu.csv\n  plan import so-lieu.csv --dry-run\n  cat export.csv | plan import - --numbers en"
    )]
    Import(ImportArgs),
    /// Correct an entry's value (a new entry that supersedes it)
    #[command(
        after_help = "Examples:\n  plan correct 42 105 --reason \"Số liệu chính thức của Chi cục Thống kê\""
    )]
    Correct(CorrectArgs),
    /// Withdraw an entry (a new entry that voids it)
    #[command(after_help = "Examples:\n  plan void 42 --reason \"Nhập nhầm chỉ tiêu\"")]
    Void(VoidArgs),
    /// The audit trail of entries
    #[command(
        after_help = "Examples:\n  plan log\n  plan log --indicator doanh_nghiep --year 2026\n  plan log --format json"
    )]
    Log(LogArgs),
    /// Attainment and lateness per task group for a year
    #[command(
        after_help = "Examples:\n  plan report --year 2026\n  plan report --year 2027 --as-of 2028-01-31 --detail\n  plan report --group ktn --format json\n  plan report --format html > bao-cao.html"
    )]
    Report(ReportArgs),
    /// Write the figures that count as a DHIS2 data value set (JSON, CSV or ADX)
    #[command(
        after_help = "Examples:\n  plan export --format dhis2-json > so-lieu.json\n  plan export --format adx --period 2027-Q3 --output quy3.xml\n  plan export --format dhis2-csv --year 2027 --as-of 2028-01-31"
    )]
    Export(ExportArgs),
    /// Check the ledger: integrity, schema, hash chain, unknown ids
    #[command(after_help = "Examples:\n  plan verify")]
    Verify(VerifyArgs),
    /// Print shell completions
    #[command(
        after_help = "Examples:\n  plan completions bash > /etc/bash_completion.d/plan\n  plan completions zsh > ~/.zfunc/_plan"
    )]
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Treat gaps in the six "rõ" as errors
    #[arg(long)]
    pub strict: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A group, indicator or task id to show in full
    pub id: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Who, when and from what document: shared by every writing command.
#[derive(Debug, Args, Clone, Default)]
pub struct Provenance {
    /// The date it was reported (YYYY-MM-DD) [default: today]
    #[arg(long)]
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
    #[arg(long)]
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
    pub task: String,
    #[command(flatten)]
    pub provenance: Provenance,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// CSV file, or - for standard input
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
}

#[derive(Debug, Args)]
pub struct CorrectArgs {
    /// The entry to correct (see `plan log`)
    pub entry: i64,
    /// The correct value
    #[arg(allow_hyphen_values = true)]
    pub value: String,
    /// Why it is corrected
    #[arg(long)]
    pub reason: String,
    /// The date of the correction [default: today]
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct VoidArgs {
    /// The entry to withdraw (see `plan log`)
    pub entry: i64,
    /// Why it is withdrawn
    #[arg(long)]
    pub reason: String,
    #[arg(long)]
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
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The plan year [default: the current year]
    #[arg(long)]
    pub year: Option<i32>,
    /// Only this task group
    #[arg(long)]
    pub group: Option<String>,
    /// Review date: ignore entries reported after it [default: today]
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// A line per period and the task list
    #[arg(long)]
    pub detail: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
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
    #[arg(long)]
    pub period: Option<String>,
    /// Ignore entries reported after this date (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
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

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

pub fn parse() -> Cli {
    Cli::parse()
}
