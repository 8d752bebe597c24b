//! The arguments of each command (clap derive) and the format enum of
//! each command that writes more than one.

use super::*;

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

/// What `import` does with hidden or filtered-out rows and columns of a
/// workbook (SPEC §4.1): refused unless this says.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum HiddenArg {
    /// Leave them out
    Skip,
    /// Read them like the rest
    Include,
}

/// The order of day and month in a slashed date.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DatesArg {
    /// 31/12/2026
    Dmy,
    /// 12/31/2026
    Mdy,
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
    #[arg(long, value_parser = value::date)]
    pub date: Option<NaiveDate>,
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
    #[arg(long, value_parser = value::period)]
    pub period: Option<Period>,
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
    #[arg(long, value_name = "C", value_parser = value::delimiter)]
    pub delimiter: Option<u8>,
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
    /// The sheet of a workbook (.xlsx, .xls, .ods) [default: the first visible one]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Hidden or filtered-out rows and columns of a workbook: skip or include [default: refused]
    #[arg(long, value_enum, value_name = "WHAT")]
    pub hidden: Option<HiddenArg>,
}

#[derive(Debug, Args)]
pub struct CorrectArgs {
    /// The entry to correct (see `plan log`)
    pub entry: i64,
    /// The correct value (may be left out with --reported-on)
    #[arg(allow_hyphen_values = true, required_unless_present = "reported_on")]
    pub value: Option<String>,
    /// The date the entry was really reported on, re-dating it (SPEC §3 "The clock")
    #[arg(long, value_name = "DATE", value_parser = value::date)]
    pub reported_on: Option<NaiveDate>,
    /// Why it is corrected
    #[arg(long)]
    pub reason: String,
    /// The date of the correction [default: today]
    #[arg(long, value_parser = value::date)]
    pub date: Option<NaiveDate>,
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
    #[arg(long, value_parser = value::date)]
    pub date: Option<NaiveDate>,
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
    /// The office's own text for the báo cáo (docx): Markdown, `## KEY` sections (SPEC §4.2)
    #[arg(long, value_name = "FILE")]
    pub notes: Option<PathBuf>,
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
    #[arg(long, value_name = "ID:HEX", value_parser = value::head)]
    pub head: Option<value::HeadPin>,
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
