//! The report as tidy CSV (SPEC §4, §5a): machine numbers, status words as
//! in JSON, one row per indicator (per indicator and year of a span).

use crate::render::{Grid, RenderOptions, write_csv};
use crate::report::Report;
use std::io::Write;

/// Tidy CSV: one row per indicator (per indicator and year of a span),
/// group columns repeated, machine numbers; `ledger_head` on every row.
pub fn write_tidy_csv(r: &Report, _o: &RenderOptions, out: &mut impl Write) -> anyhow::Result<()> {
    // The columns of the year report first, in their order; the review's
    // columns after them.
    let mut grid = Grid::new(&[
        "plan",
        "year",
        "as_of",
        "group",
        "group_name",
        "group_attainment",
        "indicator",
        "name",
        "unit",
        "basis",
        "value",
        "target",
        "target_max",
        "attainment",
        "status",
        "partial",
        "on_time",
        "late",
        "missing",
        "not_yet_due",
        "days_late",
        "days_overdue",
        "period",
        "years",
        "through",
        "ledger_head",
        "group_rollup_count",
        "ytd",
        "target_origin",
        "estimate",
        "last_year",
        "vs_last_year",
        "series_year",
        "series_value",
        "series_partial",
        "series_estimate",
        "expected",
        "pace_attainment",
        "value_year",
        "provisional",
        "group_upcoming",
    ]);
    let n = |x: Option<f64>| x.map(|v| format!("{}", (v * 1e9).round() / 1e9)).unwrap_or_default();
    let key = |v: serde_json::Value| v.as_str().map(String::from).unwrap_or_default();
    let years = r.years.map(|[a, b]| format!("{a}-{b}")).unwrap_or_default();
    let text = |s: &str| crate::render::csv_safe::csv_text_cell(s).into_owned();
    for g in &r.groups {
        // "id due; id due": the tasks coming due (a part of a year).
        let upcoming =
            g.upcoming.iter().map(|t| format!("{} {}", t.id, t.due)).collect::<Vec<_>>().join("; ");
        for i in &g.indicators {
            let tail = [
                n(i.expected),
                n(i.pace_attainment),
                i.value_year.map(|y| y.to_string()).unwrap_or_default(),
                r.provisional.to_string(),
                upcoming.clone(),
            ];
            let row = vec![
                r.plan.clone(),
                r.year.to_string(),
                r.as_of.to_string(),
                g.id.clone(),
                text(&g.name),
                n(g.attainment),
                i.id.clone(),
                text(&i.name),
                text(&i.unit),
                key(serde_json::to_value(i.basis).unwrap_or_default()),
                n(i.value),
                n(i.target),
                n(i.target_max),
                n(i.attainment),
                i.status.key().to_string(),
                i.partial.to_string(),
                i.reports.on_time.to_string(),
                i.reports.late.to_string(),
                i.reports.missing.to_string(),
                i.reports.not_yet_due.to_string(),
                i.reports.days_late.to_string(),
                i.reports.days_overdue.to_string(),
                r.period.clone().unwrap_or_default(),
                years.clone(),
                r.through.to_string(),
                r.ledger_head.clone().unwrap_or_default(),
                g.rollup_count.to_string(),
                n(i.ytd),
                key(serde_json::to_value(i.target_origin).unwrap_or_default()),
                i.estimate.to_string(),
                n(i.last_year),
                n(i.vs_last_year),
            ];
            if r.years.is_some() && !i.series.is_empty() {
                for p in &i.series {
                    let mut row = row.clone();
                    row.extend([
                        p.year.to_string(),
                        n(p.value),
                        p.partial.to_string(),
                        p.estimate.to_string(),
                    ]);
                    row.extend(tail.iter().cloned());
                    grid.push(row);
                }
            } else {
                let mut row = row;
                row.extend([String::new(), String::new(), String::new(), String::new()]);
                row.extend(tail);
                grid.push(row);
            }
        }
    }
    write_csv(&grid, out)
}
