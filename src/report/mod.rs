//! The report (SPEC §5, §5a): pure computation from the plan, the ledger's
//! entries, what is reviewed ([`Review`]: a year, a part of one, a span of
//! years) and a review date to a plain `Report` struct. No SQLite, no
//! printing: `render` turns the result into bytes.
//!
//! One computation (`year.rs`) makes the report of year Y through a cut-off
//! day E (the last day of Y for a year report, of P for `--period P`), over
//! a window of years for lateness and tasks (Y alone, or A…B for a span);
//! `review.rs` says what E and the window are for each kind of review and
//! adds what only a review has (the same period last year, the series of a
//! span).

pub mod log;
mod pace;
mod review;
mod tasks;
pub mod template;
mod values;
mod year;

use crate::period::Period;
use crate::plan::{AttainmentNote, Basis, Status, Target};
use crate::settings::Lang;
use chrono::NaiveDate;
use serde::Serialize;

pub use pace::{Kind as PaceKind, Pace, elapsed, judge as judge_pace};
pub use review::{Review, Years};
pub use tasks::{task_class, task_class_in};
pub use values::{YearValue, month_end};
pub use year::{
    Options, Series, TargetOrigin, basis_value, compute, compute_counted, compute_review, needs, target_for,
    target_with_origin,
};

/// Status counts of a group's indicators (SPEC §5 "Group roll-up"):
/// `on_track`, `behind` and `in_progress` only in a review of part of a
/// year; `tracked` counts the indicators the plan sets no target at all.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Counts {
    pub exceeded: u32,
    pub met: u32,
    pub not_met: u32,
    pub no_data: u32,
    pub no_target: u32,
    pub tracked: u32,
    pub on_track: u32,
    pub behind: u32,
    pub in_progress: u32,
}

impl Counts {
    fn add(&mut self, s: Status) {
        *self.slot(s) += 1;
    }

    fn slot(&mut self, s: Status) -> &mut u32 {
        match s {
            Status::Exceeded => &mut self.exceeded,
            Status::Met => &mut self.met,
            Status::NotMet => &mut self.not_met,
            Status::NoData => &mut self.no_data,
            Status::NoTarget => &mut self.no_target,
            Status::Tracked => &mut self.tracked,
            Status::OnTrack => &mut self.on_track,
            Status::Behind => &mut self.behind,
            Status::InProgress => &mut self.in_progress,
        }
    }

    /// How many indicators have status `s`.
    pub fn of(&self, s: Status) -> u32 {
        let mut c = *self;
        *c.slot(s)
    }

    /// Every status with its count, in the order reports list them
    /// ([`Status::ALL`]).
    pub fn by_status(&self) -> [(Status, u32); 9] {
        Status::ALL.map(|s| (s, self.of(s)))
    }

    fn merge(&mut self, o: &Counts) {
        for (s, n) in o.by_status() {
            *self.slot(s) += n;
        }
    }
}

/// Lateness of figures (SPEC §5), with DHIS2-style rates.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Reports {
    pub on_time: u32,
    pub late: u32,
    pub missing: u32,
    pub not_yet_due: u32,
    pub days_late: i64,
    pub days_overdue: i64,
    /// Periods due by `as_of`.
    pub expected: u32,
    /// Of those, periods with a figure.
    pub received: u32,
    /// received / expected × 100, or null when nothing is expected yet.
    pub reporting_rate: Option<f64>,
    /// on time (of the expected) / expected × 100.
    pub on_time_rate: Option<f64>,
    #[serde(skip)]
    on_time_expected: u32,
}

impl Reports {
    fn merge(&mut self, o: &Reports) {
        self.on_time += o.on_time;
        self.late += o.late;
        self.missing += o.missing;
        self.not_yet_due += o.not_yet_due;
        self.days_late += o.days_late;
        self.days_overdue += o.days_overdue;
        self.expected += o.expected;
        self.received += o.received;
        self.on_time_expected += o.on_time_expected;
        self.finish();
    }

    fn finish(&mut self) {
        let rate = |n: u32| (self.expected > 0).then(|| n as f64 / self.expected as f64 * 100.0);
        self.reporting_rate = rate(self.received);
        self.on_time_rate = rate(self.on_time_expected);
    }
}

/// The four classes of task tracking, plus tasks without a deadline (SPEC
/// §5 "Tasks in year Y"): open ones (`no_deadline`) and done ones
/// (`done_no_deadline`), both outside the four classes and the rate.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct TaskCounts {
    pub done_on_time: u32,
    pub done_late: u32,
    pub open_in_time: u32,
    pub open_overdue: u32,
    pub no_deadline: u32,
    pub done_no_deadline: u32,
    pub days_late: i64,
    pub days_overdue: i64,
    /// done / (done + open overdue) × 100 (what has come due), or null.
    pub rate: Option<f64>,
}

impl TaskCounts {
    fn add(&mut self, t: &TaskReport) {
        match t.class {
            TaskClass::DoneOnTime => self.done_on_time += 1,
            TaskClass::DoneLate => {
                self.done_late += 1;
                self.days_late += t.days;
            }
            TaskClass::OpenInTime => self.open_in_time += 1,
            TaskClass::OpenOverdue => {
                self.open_overdue += 1;
                self.days_overdue += t.days;
            }
            TaskClass::NoDeadline => self.no_deadline += 1,
            TaskClass::DoneNoDeadline => self.done_no_deadline += 1,
        }
        self.finish();
    }

    fn merge(&mut self, o: &TaskCounts) {
        self.done_on_time += o.done_on_time;
        self.done_late += o.done_late;
        self.open_in_time += o.open_in_time;
        self.open_overdue += o.open_overdue;
        self.no_deadline += o.no_deadline;
        self.done_no_deadline += o.done_no_deadline;
        self.days_late += o.days_late;
        self.days_overdue += o.days_overdue;
        self.finish();
    }

    fn finish(&mut self) {
        let done = self.done_on_time + self.done_late;
        let due = done + self.open_overdue;
        self.rate = (due > 0).then(|| done as f64 / due as f64 * 100.0);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodStatus {
    OnTime,
    Late,
    Missing,
    NotYetDue,
}

/// The input of a ratio or growth found to be 0 (`attainment_note`
/// `input_zero`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NoteInput {
    pub id: String,
    pub year: i32,
}

/// One period of a recorded indicator in the year (`--detail`).
#[derive(Debug, Clone, Serialize)]
pub struct PeriodReport {
    pub period: Period,
    #[serde(serialize_with = "crate::period::iso_date")]
    pub due: NaiveDate,
    /// The value that counts, after corrections.
    pub value: Option<f64>,
    /// Date of the earliest figure that was not voided.
    #[serde(serialize_with = "crate::period::iso_date_opt")]
    pub reported_on: Option<NaiveDate>,
    pub status: PeriodStatus,
    /// Days late (late) or overdue (missing); 0 otherwise.
    pub days: i64,
    /// The counting figure was dated before the period ended (ước).
    pub estimate: bool,
}

/// A point of an indicator's path across years (`--years` A…B, and the
/// charts of the HTML report).
#[derive(Debug, Clone, Serialize)]
pub struct YearPoint {
    pub year: i32,
    /// The year value (SPEC §5 "Year value"), before the basis.
    pub value: Option<f64>,
    pub partial: bool,
    pub estimate: bool,
    /// The value compared with that year's target (after the basis).
    pub basis_value: Option<f64>,
    pub target: Option<f64>,
    pub target_max: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorReport {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub basis: Basis,
    pub derived: bool,
    pub weight: f64,
    /// Y's target as written (for renderers).
    #[serde(skip)]
    pub target_spec: Option<Target>,
    /// Where Y's target comes from; null when Y has none.
    pub target_origin: Option<TargetOrigin>,
    /// The final target in force for Y (plan.toml's `target`, or a
    /// revision's, SPEC §2.1): its bounds and year (`by`); null for an
    /// indicator without a target. In words: [`IndicatorReport::final_target_words`].
    pub final_target: Option<f64>,
    pub final_target_max: Option<f64>,
    pub by: i32,
    /// The amendment whose revision is in force for Y (SPEC §2.1), if any.
    pub revision: Option<String>,
    /// The baseline (year, value), for the wording of a straight line.
    pub baseline: Option<crate::plan::Baseline>,
    /// Y's raw year-to-date value through the cut-off day, before the
    /// basis is applied (the raw year value for a year report).
    pub ytd: Option<f64>,
    /// Whether `value` (or `ytd`) rests on an estimate (SPEC §5).
    pub estimate: bool,
    /// The same period last year (cùng kỳ), for recorded level and flow.
    pub last_year: Option<f64>,
    pub last_year_estimate: bool,
    /// ytd ÷ last_year × 100.
    pub vs_last_year: Option<f64>,
    /// The value compared with the target (after the basis is applied).
    pub value: Option<f64>,
    /// Y's target: the bound of a one-sided or `~` target, the lower bound of a range.
    pub target: Option<f64>,
    /// The upper bound of a range target.
    pub target_max: Option<f64>,
    pub attainment: Option<f64>,
    /// Why `attainment` is null when there is a target: "no data", or why
    /// the value or its attainment is n/a (a code word in JSON:
    /// `no_data`, `target_zero`, `value_zero`, `not_finite`, `input_zero`,
    /// `growth_at_most_minus_100`).
    pub attainment_note: Option<AttainmentNote>,
    /// For `input_zero`: which input is 0 in which year.
    pub attainment_note_input: Option<NoteInput>,
    /// Part of a year (SPEC §5): the value the pace of Y's target calls for
    /// at E; null when the indicator is not judged by pace.
    pub expected: Option<f64>,
    /// value ÷ expected × 100 (expected ÷ value for a cap); null when not
    /// paced or not computable.
    pub pace_attainment: Option<f64>,
    /// A span (SPEC §5 "Review of a span of years"): the year whose value
    /// is judged (B, or for an `end` basis with no value in B the latest
    /// year with one); null otherwise.
    pub value_year: Option<i32>,
    /// Attainment against the final target when Y has none (progress).
    pub progress: Option<f64>,
    pub status: Status,
    pub partial: bool,
    /// Whether the indicator counts in the group's attainment, and as what.
    pub in_rollup: bool,
    pub reports: Reports,
    pub periods: Vec<PeriodReport>,
    pub series: Vec<YearPoint>,
    /// The target and its year as the plan itself sets them (`target`,
    /// `by` in plan.toml, before any amendment's revision); null without a
    /// target. The HTML report shows it for an indicator with no target in
    /// Y. Not in JSON (SPEC §5a lists `final_target`, the one in force).
    #[serde(skip)]
    pub planned_target: Option<PlannedTarget>,
    /// A recorded indicator's next figure: the first period of its cadence
    /// that ends after the cut-off day E, within the plan's years, and the
    /// day it is due (SPEC §4 "due"); null for a derived indicator or when
    /// the plan ends first. For the báo cáo's directions (SPEC §4.2 IV);
    /// not in JSON.
    #[serde(skip)]
    pub next_figure: Option<NextFigure>,
}

impl IndicatorReport {
    /// Y's target in words in `lang` and `numbers` ("trên 120"), "" when Y
    /// has none. Worded by the renderer that asks, so the report itself
    /// carries no text of any language (SPEC §5a).
    pub fn target_words(&self, lang: Lang, numbers: crate::number::NumberStyle) -> String {
        self.target_spec.map(|t| t.words(lang, numbers, None)).unwrap_or_default()
    }

    /// The final target in force for Y in words, none without a target.
    pub fn final_target_words(&self, lang: Lang, numbers: crate::number::NumberStyle) -> Option<String> {
        self.planned_target.map(|p| p.target.words(lang, numbers, None))
    }
}

/// An indicator's final target in force for the reviewed year (plan.toml's
/// `target`, or a revision's, SPEC §2.1), with its year `by`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlannedTarget {
    pub target: Target,
    pub by: i32,
}

/// A period of figures still to come and its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextFigure {
    pub period: Period,
    pub due: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskClass {
    DoneOnTime,
    DoneLate,
    OpenInTime,
    OpenOverdue,
    NoDeadline,
    DoneNoDeadline,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskReport {
    pub id: String,
    pub name: String,
    pub lead: Option<String>,
    pub lead_name: Option<String>,
    pub deliverable: Option<String>,
    #[serde(serialize_with = "crate::period::iso_date_opt")]
    pub due: Option<NaiveDate>,
    #[serde(serialize_with = "crate::period::iso_date_opt")]
    pub done_on: Option<NaiveDate>,
    pub class: TaskClass,
    /// Days late (done late) or overdue (open overdue).
    pub days: i64,
    /// The document recorded with the completion that counts (`done
    /// --source`), for the báo cáo to cite (SPEC §4.2 I); null when none.
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupReport {
    pub id: String,
    pub section: Option<String>,
    pub name: String,
    pub lead: Option<String>,
    pub lead_name: Option<String>,
    pub attainment: Option<f64>,
    pub counts: Counts,
    pub reports: Reports,
    pub tasks: TaskCounts,
    /// How many indicators the attainment rests on, of `indicator_count`.
    pub rollup_count: u32,
    pub indicator_count: u32,
    pub indicators: Vec<IndicatorReport>,
    pub task_list: Vec<TaskReport>,
    /// Figures due and not in, oldest first, with the agency responsible
    /// (the group's lead).
    pub missing_figures: Vec<MissingFigure>,
    /// Tasks open past their deadline, most overdue first.
    pub overdue_tasks: Vec<OverdueTask>,
    /// Part of a year (SPEC §5): tasks due after E in Y and still open as
    /// of `as_of`, soonest first (empty for a year or a span).
    pub upcoming: Vec<UpcomingTask>,
    /// Every task of the group the plan sets due in Y + 1, done or not, in
    /// the plan's order, with its lead (the group's when the task names
    /// none): what the báo cáo of a year or a span lists among the next
    /// period's tasks (SPEC §4.2 IV). Not in JSON.
    #[serde(skip)]
    pub next_year_tasks: Vec<UpcomingTask>,
}

/// A task coming due after the part of the year reviewed.
#[derive(Debug, Clone, Serialize)]
pub struct UpcomingTask {
    pub id: String,
    #[serde(serialize_with = "crate::period::iso_date")]
    pub due: NaiveDate,
    pub name: String,
    pub lead: Option<String>,
    pub lead_name: Option<String>,
}

/// A figure due by `as_of` and not reported.
#[derive(Debug, Clone, Serialize)]
pub struct MissingFigure {
    pub indicator: String,
    pub name: String,
    pub period: Period,
    #[serde(serialize_with = "crate::period::iso_date")]
    pub due: NaiveDate,
    pub days_overdue: i64,
    pub agency: Option<String>,
    pub agency_name: Option<String>,
}

/// A task still open after its deadline.
#[derive(Debug, Clone, Serialize)]
pub struct OverdueTask {
    pub task: String,
    pub name: String,
    #[serde(serialize_with = "crate::period::iso_date")]
    pub due: NaiveDate,
    pub days_overdue: i64,
    pub agency: Option<String>,
    pub agency_name: Option<String>,
}

/// A report of a year, of a part of a year or of a span of years (§5a).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub plan: String,
    /// What is reviewed, typed (a year, a part of one, a span): the
    /// renderers ask it, never the texts of `period` or `years`. Not in
    /// JSON (`period` and `years` say it there).
    #[serde(skip)]
    pub review: Review,
    pub title: String,
    pub issued_by: Option<String>,
    /// The day the plan was issued (`issued_on`), if it says. Not in JSON.
    #[serde(skip)]
    pub issued_on: Option<NaiveDate>,
    /// The document the plan carries out (`implements`), as the plan
    /// writes it. Not in JSON.
    #[serde(skip)]
    pub implements: Option<String>,
    /// The heading, closing block and style of the báo cáo (`[report]`,
    /// SPEC §4.2), its texts as the plan gives them; without `[report]`,
    /// empty but for the style the plan's own number shows. Not in JSON.
    #[serde(skip)]
    pub document: crate::plan::DocumentHeading,
    /// The year whose targets are judged (B for a span).
    pub year: i32,
    /// `"2027"`, `"2027-H1"`… for `--year`/`--period`; null for a span.
    pub period: Option<String>,
    /// `[A, B]` for `--years A-B`; null otherwise.
    pub years: Option<[i32; 2]>,
    /// The cut-off day E: the last day of the period (of Y for a year).
    #[serde(serialize_with = "crate::period::iso_date")]
    pub through: NaiveDate,
    #[serde(serialize_with = "crate::period::iso_date")]
    pub as_of: NaiveDate,
    /// The ledger's head fingerprint `ID:HEX` (SPEC §3); null when the
    /// ledger is empty or does not exist yet.
    pub ledger_head: Option<String>,
    /// SPEC §5 "A review not yet over": `as_of` is before the last day
    /// reviewed (E, or the end of B): the figures run to `as_of`.
    pub provisional: bool,
    /// Entries reported after today (SPEC §3 "The clock": written while the
    /// computer's clock ran ahead), which no report counts until they are
    /// re-dated (`plan correct ENTRY --reported-on D`). Set by the caller.
    pub future_entries: Vec<i64>,
    pub start: i32,
    pub end: i32,
    /// The plan's language (after `--lang`), for the command to choose the
    /// renderers' (`render::RenderOptions`); renderers read theirs
    /// from the options. Not in JSON, which is the same whatever the
    /// language (SPEC §5a).
    #[serde(skip)]
    pub lang: Lang,
    pub numbers: crate::number::NumberStyle,
    pub attainment: Option<f64>,
    pub counts: Counts,
    pub reports: Reports,
    pub tasks: TaskCounts,
    /// How many indicators the whole plan's attainment rests on, of
    /// `indicator_count`.
    pub rollup_count: u32,
    pub indicator_count: u32,
    pub groups: Vec<GroupReport>,
    /// The amendments this review cites (SPEC §2.1): those with a revision
    /// in force for a reviewed year, those that renamed, added or retired
    /// an id it shows; `[{"id", "decision", "on"}]` in JSON.
    pub amendments: Vec<crate::plan::AmendmentRef>,
    /// Ids taken out of the plan, and by which amendment.
    pub retired: Vec<Retired>,
    /// Ids with entries in the ledger that the plan does not account for
    /// (SPEC §2.1); set by the caller, which reads the ledger.
    pub orphans: Vec<Orphan>,
    /// The plan version's fingerprint `N:HEX` (SPEC §2.1): the ledger's
    /// record of this plan text, else the text's own (N = 0) when the
    /// ledger has not recorded it yet (`plan_version_recorded` false).
    /// Set by the caller.
    pub plan_version: Option<String>,
    pub plan_version_recorded: bool,
}

/// An id retired by an amendment (SPEC §2.1, §5a `retired`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Retired {
    pub id: String,
    pub amendment: String,
}

/// An id the ledger holds entries of that the plan no longer accounts for
/// (SPEC §2.1, §5a `orphans`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Orphan {
    pub id: String,
    pub entries: i64,
}

impl Report {
    /// Whether this report covers a part of a year (`--period` other than
    /// a whole year).
    pub fn is_part_of_year(&self) -> bool {
        self.review.is_part_of_year()
    }
}

#[cfg(test)]
mod tests;
