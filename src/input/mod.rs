//! Raw input (typed at a prompt, passed as arguments, read from a file)
//! turned into checked values before anything is written. One place
//! decides each rule, and every path calls it — `record`, `done`,
//! `correct`, `void`, `import`, `--as-of`, `PLAN_TODAY`, plan targets:
//!
//! - [`date`](mod@date): the forms of a date, two-digit years, before its period,
//!   before the plan, after today (SPEC §4 "Dates");
//! - [`number`]: a figure of an indicator — `%`, `min`/`max`, `integer`,
//!   and the tenfold guard (SPEC §4 "Figures"); the reading of a number
//!   itself (styles, the ambiguity rule, significant digits) is
//!   [`crate::number::parse`];
//! - [`period`](mod@period): the typed forms of a period and whether it fits an
//!   indicator (SPEC §4 "Periods");
//! - [`text`]: `by`, `source`, `note`, `--reason` (NFC, controls, length).
//!
//! Errors are messages from the catalogue (`locales/*/input.ftl`) that say
//! what was seen and how to write it; the caller says where (the argument,
//! the file's row and column).

pub mod date;
pub mod legacy;
pub mod number;
pub mod period;
pub mod text;

pub use number::{check_figure, figure_value, tenfold};

use crate::number::NumberStyle;
use crate::period::Period;
use crate::plan::{Indicator, Plan, Task, suggest};
use crate::settings::DateOrder;
use crate::tr;
use chrono::NaiveDate;

/// An indicator id that the plan has and that takes figures (SPEC §4: an
/// id of the wrong kind, a task, is refused saying what it is and which
/// command takes it; "did you mean" proposes only indicators that take
/// figures). The one rule for `record`, its prompt and import's indicator
/// column.
pub fn recorded_indicator<'p>(plan: &'p Plan, id: &str) -> Result<&'p Indicator, String> {
    let id = id.trim();
    match plan.indicator(id) {
        Some(ind) if ind.is_derived() => {
            Err(tr!("input-derived", id = id, from = crate::plan::derived_from(ind)))
        }
        Some(ind) => Ok(ind),
        None if plan.task(id).is_some() => Err(tr!("input-id-is-task", id = id)),
        None if let Some(new) = plan.renamed_to(id) => {
            Err(tr!("amend-renamed", old = id, new = new.id.as_str()))
        }
        None if let Some(a) = plan.retired_by(id) => {
            Err(tr!("amend-retired-id", id = id, decision = a.decision.as_str()))
        }
        None => Err(unknown(
            plan,
            id,
            false,
            plan.indicators().filter(|i| !i.is_derived()).map(|i| i.id.as_str()),
        )),
    }
}

/// A task id that the plan has (SPEC §4: an indicator given here is
/// refused saying it is one and that `plan record` takes it). The one rule
/// for `done`, its prompt and import's task column.
pub fn task<'p>(plan: &'p Plan, id: &str) -> Result<&'p Task, String> {
    let id = id.trim();
    if let Some(t) = plan.task(id) {
        return Ok(t);
    }
    match plan.indicator(id) {
        // A derived indicator takes no figures either: say what it is computed from.
        Some(ind) if ind.is_derived() => {
            return Err(format!(
                "{}; {}",
                tr!("input-id-is-derived-indicator", id = id),
                tr!("input-derived", id = id, from = crate::plan::derived_from(ind))
            ));
        }
        Some(_) => return Err(tr!("input-id-is-indicator", id = id)),
        None => {}
    }
    // A task retired by an amendment takes no more completions (SPEC §2.1).
    if let Some(a) = plan.retired_by(id) {
        return Err(tr!("amend-retired-id", id = id, decision = a.decision.as_str()));
    }
    Err(unknown(plan, id, true, plan.tasks().map(|t| t.id.as_str())))
}

fn unknown<'a>(plan: &Plan, id: &str, task: bool, candidates: impl Iterator<Item = &'a str>) -> String {
    let kind = if task { "task" } else { "indicator" };
    if id.is_empty() {
        return tr!("input-id-missing", kind = kind);
    }
    match suggest(id, candidates) {
        Some(s) => tr!("input-id-unknown-suggest", kind = kind, id = id, suggestion = s),
        None => tr!("input-id-unknown", kind = kind, id = id, plan = plan.id.as_str()),
    }
}

/// A period of any typed form that fits the indicator's cadence (or a
/// whole year) inside the plan ([`period::of_indicator`]).
pub fn period(plan: &Plan, ind: &Indicator, text: &str) -> Result<Period, String> {
    period::of_indicator(plan, ind, text)
}

/// A number in the given style, with no indicator to check it against
/// (the indicator's rules are [`figure_value`]).
pub fn value(text: &str, style: NumberStyle) -> Result<f64, String> {
    crate::number::parse(text, style).map_err(|e| e.to_string())
}

/// A date typed in `order`, not after `today` (the checks of SPEC §4
/// "Dates" that need no period: [`figure_date`] and [`completion_date`]
/// add the rest).
pub fn date_in(text: &str, order: DateOrder, today: NaiveDate) -> Result<NaiveDate, String> {
    date::not_after_today(date::parse(text, order)?, today)
}

/// [`date_in`] for a cell of an imported file ([`date::parse_cell`]).
pub fn cell_date_in(text: &str, order: DateOrder, today: NaiveDate) -> Result<NaiveDate, String> {
    date::not_after_today(date::parse_cell(text, order)?, today)
}

/// [`date_in`] in day/month/year order (for callers that have no plan).
pub fn date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    date_in(text, DateOrder::Dmy, today)
}

/// The date a figure of `period` was reported: in the plan's order, not
/// after today, not before the period starts.
pub fn figure_date(plan: &Plan, period: Period, text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    date::not_before_period(date_in(text, plan.dates, today)?, period)
}

/// The date a task was done: in the plan's order, not after today, not
/// before 1 January of the plan's first year.
pub fn completion_date(plan: &Plan, text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    date::not_before_plan(date_in(text, plan.dates, today)?, plan.start)
}

/// A `--as-of` date (read by `cli::value::date`), not after today (SPEC
/// §4: "`--as-of` after today is refused like any future date"; a review
/// may be re-run as of any earlier day).
pub fn as_of(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, String> {
    date::not_after_today(date, today)
}

/// Who is writing: `--by`, else the OS user (checked as a text, [`text::clean`]).
pub fn who(by: Option<&str>) -> String {
    by.and_then(|s| text::clean_owned(s).ok().flatten())
        .or_else(|| std::env::var("USER").ok().and_then(|s| text::clean_owned(&s).ok().flatten()))
        .or_else(|| std::env::var("USERNAME").ok().and_then(|s| text::clean_owned(&s).ok().flatten()))
        // Cron, services and `sudo -u` sessions often lack USER: the OS
        // account of the process, looked up by user id.
        .or_else(|| whoami::account().ok().and_then(|s| text::clean_owned(&s).ok().flatten()))
        .unwrap_or_else(|| "unknown".to_string())
}

/// Today: `PLAN_TODAY` (`YYYY-MM-DD`, a four-digit year) when set, else
/// the system date.
pub fn today() -> Result<NaiveDate, String> {
    match std::env::var("PLAN_TODAY") {
        Ok(s) if !s.trim().is_empty() => {
            date::parse_iso(&s).ok_or_else(|| tr!("input-today-invalid", text = s.trim()))
        }
        _ => Ok(chrono::Local::now().date_naive()),
    }
}
