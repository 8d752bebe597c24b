//! `plan show` for people: the plan's groups, indicators and tasks as
//! grids (the table, md and csv of `show`), and an indicator's target,
//! inputs, cadence and a task's due date in words.

use crate::plan::{Group, Indicator, Plan, Source};
use crate::render::Grid;
use crate::render::labels::Labels;
use crate::tr_in;

/// The plan's target in words with its year: "trên 120\nđến năm 2030".
pub fn target_text(plan: &Plan, ind: &Indicator) -> String {
    match ind.target {
        Some(t) => format!(
            "{}\n{}",
            t.words(plan.lang, plan.numbers, None),
            tr_in!(plan.lang, "tables-by-year", year = ind.by.to_string())
        ),
        None => "—".into(),
    }
}

/// "from 2028: > 130 by 2030; milestones 2028: 118 (dc1: Nghị quyết …)".
pub fn revision_text(plan: &Plan, ind: &Indicator, r: &crate::plan::Revision) -> String {
    let n = |x: f64| crate::number::format_number(x, plan.numbers, 4);
    let mut s = tr_in!(
        plan.lang,
        "amend-revision",
        from = r.from.to_string(),
        target = r.target.words(plan.lang, plan.numbers, Some(&ind.unit)),
        by = r.by.unwrap_or(ind.by).to_string()
    );
    if let Some(m) = &r.milestones {
        let ms: Vec<String> = m.iter().map(|(y, x)| format!("{y}: {}", n(*x))).collect();
        s.push_str(&format!("; {}", ms.join(", ")));
    }
    format!("{s} ({})", added_text(plan, Some(&r.amendment)))
}

/// "dc1: Nghị quyết 12-NQ/ĐU ngày 15/7/2027", or "" for none.
pub fn added_text(plan: &Plan, amendment: Option<&str>) -> String {
    match amendment.and_then(|a| plan.amendment(a)) {
        Some(a) => format!("{}: {}", a.id, a.decision),
        None => String::new(),
    }
}

/// What a derived indicator is computed from ("" for a recorded one).
pub fn from_text(plan: &Plan, ind: &Indicator) -> String {
    match &ind.source {
        Source::Recorded { .. } => String::new(),
        Source::Ratio { num, den } => {
            tr_in!(plan.lang, "tables-derived-ratio", num = num.as_str(), den = den.as_str())
        }
        Source::Growth { of } => tr_in!(plan.lang, "tables-derived-growth", of = of.as_str()),
    }
}

/// How often it is reported ("hằng quý"), or what it is derived from.
pub fn cadence_text(plan: &Plan, ind: &Indicator) -> String {
    match ind.cadence() {
        Some(every) => crate::words::every(every, plan.lang),
        None => from_text(plan, ind),
    }
}

/// A task's due date, or "no deadline", in the plan's language.
pub fn due_text(plan: &Plan, due: Option<chrono::NaiveDate>) -> String {
    let l = Labels::new(plan.lang);
    due.map(|d| l.date(d)).unwrap_or_else(|| l.tr("tables-no-deadline"))
}

/// An empty grid with these catalogue keys as its headers.
pub fn headers(plan: &Plan, keys: &[&str]) -> Grid {
    let words: Vec<String> = keys.iter().map(|k| tr_in!(plan.lang, k)).collect();
    Grid { headers: words, rows: Vec::new() }
}

/// The indicator table: targets and cadences in words for people, or as
/// typed in plan.toml (`> 120`, `half`) for csv (`machine`).
pub fn indicator_grid(plan: &Plan, groups: &[&Group], machine: bool) -> Grid {
    let mut grid = headers(
        plan,
        &[
            "tables-col-group",
            "tables-col-indicator",
            "tables-col-name",
            "tables-col-unit",
            "tables-col-target",
            "tables-col-reported",
        ],
    );
    for g in groups {
        for ind in &g.indicators {
            grid.push(vec![
                g.id.clone(),
                ind.id.clone(),
                ind.name.clone(),
                ind.unit.clone(),
                if machine {
                    ind.target.map(|t| t.display(plan.numbers)).unwrap_or_default()
                } else {
                    target_text(plan, ind)
                },
                match (machine, ind.cadence()) {
                    (true, Some(every)) => every.to_string(),
                    _ => cadence_text(plan, ind),
                },
            ]);
        }
    }
    grid
}

/// The task table of `groups`: group, id, name, lead, due date, product.
pub fn task_grid(plan: &Plan, groups: &[&Group]) -> Grid {
    let mut grid = headers(
        plan,
        &[
            "tables-col-group",
            "tables-col-task",
            "tables-col-name",
            "tables-col-lead",
            "tables-col-due",
            "tables-col-product",
        ],
    );
    for g in groups {
        for t in &g.tasks {
            grid.push(vec![
                g.id.clone(),
                t.id.clone(),
                t.name.clone(),
                t.lead.clone().unwrap_or_default(),
                due_text(plan, t.due),
                t.deliverable.clone().unwrap_or_default(),
            ]);
        }
    }
    grid
}

/// The group table of the plan.
pub fn group_grid(plan: &Plan) -> Grid {
    let mut grid = headers(
        plan,
        &[
            "tables-col-group",
            "tables-col-section",
            "tables-col-name",
            "tables-col-lead",
            "tables-col-indicators",
            "tables-col-tasks",
        ],
    );
    for g in &plan.groups {
        grid.push(vec![
            g.id.clone(),
            g.section.clone().unwrap_or_default(),
            g.name.clone(),
            g.lead.clone().unwrap_or_default(),
            g.indicators.len().to_string(),
            g.tasks.len().to_string(),
        ]);
    }
    grid
}
