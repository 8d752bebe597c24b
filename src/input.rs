//! Raw input (typed at a prompt, passed as arguments, read from CSV) turned
//! into checked values before anything is written. Each check says what was
//! expected, so `record` and `import` give the same messages.

use crate::number::{self, NumberStyle};
use crate::period::Period;
use crate::plan::{Indicator, Plan, Task, suggest};
use chrono::NaiveDate;

/// An indicator id that the plan has and that takes figures.
pub fn recorded_indicator<'p>(plan: &'p Plan, id: &str) -> Result<&'p Indicator, String> {
    let id = id.trim();
    match plan.indicator(id) {
        Some(ind) if ind.is_derived() => Err(format!(
            "`{id}` is derived ({}): it is computed, never recorded; record its inputs instead",
            crate::plan::derived_from(ind)
        )),
        Some(ind) => Ok(ind),
        None => Err(unknown(plan, id, "indicator", plan.indicators().map(|i| i.id.as_str()))),
    }
}

pub fn task<'p>(plan: &'p Plan, id: &str) -> Result<&'p Task, String> {
    let id = id.trim();
    plan.task(id).ok_or_else(|| unknown(plan, id, "task", plan.tasks().map(|t| t.id.as_str())))
}

fn unknown<'a>(plan: &Plan, id: &str, what: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    let mut msg = if id.is_empty() { format!("no {what} given") } else { format!("unknown {what} `{id}`") };
    match suggest(id, candidates) {
        Some(s) => msg.push_str(&format!(": did you mean `{s}`?")),
        None => msg.push_str(&format!(": `plan show` lists the {what} ids of plan {}", plan.id)),
    }
    msg
}

/// A period that fits the indicator's cadence (or a whole year) inside the plan.
pub fn period(plan: &Plan, ind: &Indicator, text: &str) -> Result<Period, String> {
    let p: Period = text.parse().map_err(|e: crate::period::PeriodError| e.to_string())?;
    plan.check_period(ind, p)?;
    Ok(p)
}

/// A value in the given number style.
pub fn value(text: &str, style: NumberStyle) -> Result<f64, String> {
    number::parse(text, style).map_err(|e| e.to_string())
}

/// A reporting date: `YYYY-MM-DD` (or `DD/MM/YYYY`), not after `today`.
pub fn date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let t = text.trim();
    let d = NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
        .map_err(|_| format!("`{t}` is not a date: expected YYYY-MM-DD (e.g. 2027-01-15) or DD/MM/YYYY"))?;
    if d > today {
        return Err(format!(
            "date {d} is after today ({today}): a likely typo; figures are dated when they were reported"
        ));
    }
    Ok(d)
}

/// Who is writing: `--by`, else the session's `USER` (`USERNAME`), else
/// the OS account of the process looked up by user id (cron, services and
/// `sudo -u` sessions often lack `USER`), else "unknown".
pub fn who(by: Option<&str>) -> String {
    by.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .or_else(|| std::env::var("USER").ok().filter(|s| !s.is_empty()))
        .or_else(|| std::env::var("USERNAME").ok().filter(|s| !s.is_empty()))
        .or_else(|| whoami::account().ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
}

/// Today: `PLAN_TODAY` (YYYY-MM-DD) when set, else the system date.
pub fn today() -> Result<NaiveDate, String> {
    match std::env::var("PLAN_TODAY") {
        Ok(s) if !s.trim().is_empty() => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| format!("PLAN_TODAY=`{s}` is not a date: expected YYYY-MM-DD")),
        _ => Ok(chrono::Local::now().date_naive()),
    }
}
