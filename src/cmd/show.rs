//! `plan show [ID]`: the plan at a glance, or one item in full.

use super::Ctx;
use crate::cli::{Format, ShowArgs};
use crate::number::format_number;
use crate::plan::{self, Group, Indicator, Item, Lang, Plan, Source, Task};
use crate::render::{self, Grid};
use anyhow::{Result, anyhow};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: ShowArgs) -> Result<ExitCode> {
    args.format.allow("show", &[Format::Table, Format::Csv, Format::Json, Format::Md])?;
    let plan = ctx.load_plan()?;
    let mut out = render::stdout();
    match &args.id {
        None => show_all(&plan, args.format, &mut out)?,
        Some(id) => {
            let item = plan.item(id).ok_or_else(|| {
                let hint = plan::suggest(id, plan.ids())
                    .map(|s| format!(": did you mean `{s}`?"))
                    .unwrap_or_else(|| ": `plan show` lists every id".into());
                anyhow!("unknown id `{id}`{hint}")
            })?;
            show_one(&plan, item, args.format, &mut out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn vi(plan: &Plan) -> bool {
    plan.lang == Lang::Vi
}

fn target_text(plan: &Plan, ind: &Indicator) -> String {
    ind.target.map(|t| t.display(plan.numbers)).unwrap_or_else(|| "—".into())
}

fn from_text(ind: &Indicator) -> String {
    match &ind.source {
        Source::Recorded { .. } => String::new(),
        Source::Ratio { num, den } => format!("{num} / {den} × 100"),
        Source::Growth { of } => format!("growth {of}"),
    }
}

fn cadence_text(ind: &Indicator) -> String {
    match &ind.source {
        Source::Recorded { measure, every } => format!("{} / {}", json_name(measure), every),
        _ => "derived".into(),
    }
}

fn json_name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

fn indicator_grid(plan: &Plan, groups: &[&Group]) -> Grid {
    let h: &[&str] = if vi(plan) {
        &["Nhóm", "Chỉ tiêu", "Tên", "Đơn vị", "Loại / kỳ", "Mục tiêu", "Cách tính", "Năm", "Tính từ"]
    } else {
        &["Group", "Indicator", "Name", "Unit", "Measure / every", "Target", "Basis", "By", "Derived from"]
    };
    let mut grid = Grid::new(h);
    for g in groups {
        for ind in &g.indicators {
            grid.push(vec![
                g.id.clone(),
                ind.id.clone(),
                ind.name.clone(),
                ind.unit.clone(),
                cadence_text(ind),
                target_text(plan, ind),
                if ind.target.is_some() { json_name(&ind.basis) } else { String::new() },
                ind.by.to_string(),
                from_text(ind),
            ]);
        }
    }
    grid
}

fn task_grid(plan: &Plan, groups: &[&Group]) -> Grid {
    let h: &[&str] = if vi(plan) {
        &["Nhóm", "Nhiệm vụ", "Tên", "Chủ trì", "Hạn", "Sản phẩm"]
    } else {
        &["Group", "Task", "Name", "Lead", "Due", "Product"]
    };
    let mut grid = Grid::new(h);
    let no_deadline = if vi(plan) { "không có hạn" } else { "no deadline" };
    for g in groups {
        for t in &g.tasks {
            grid.push(vec![
                g.id.clone(),
                t.id.clone(),
                t.name.clone(),
                t.lead.clone().unwrap_or_default(),
                t.due.map(|d| d.to_string()).unwrap_or_else(|| no_deadline.into()),
                t.deliverable.clone().unwrap_or_default(),
            ]);
        }
    }
    grid
}

fn group_grid(plan: &Plan) -> Grid {
    let h: &[&str] = if vi(plan) {
        &["Nhóm", "Mục", "Tên", "Chủ trì", "Chỉ tiêu", "Nhiệm vụ"]
    } else {
        &["Group", "Section", "Name", "Lead", "Indicators", "Tasks"]
    };
    let mut grid = Grid::new(h);
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

/// Writes grids with titles in the chosen format (csv: one table per kind,
/// separated by a blank line).
fn write_grids(format: Format, sections: &[(&str, Grid)], out: &mut impl Write) -> Result<()> {
    for (i, (title, grid)) in sections.iter().enumerate() {
        if grid.rows.is_empty() {
            continue;
        }
        match format {
            Format::Csv => {
                if i > 0 {
                    writeln!(out)?;
                }
                render::write_csv(grid, &mut *out)?;
            }
            Format::Md => writeln!(out, "## {title}\n\n{}", render::markdown(grid))?,
            _ => writeln!(out, "{title}\n{}\n", render::table(grid))?,
        }
    }
    Ok(())
}

fn show_all(plan: &Plan, format: Format, out: &mut impl Write) -> Result<()> {
    if format == Format::Json {
        return render::write_json(plan, out);
    }
    let all: Vec<&Group> = plan.groups.iter().collect();
    if !matches!(format, Format::Csv) {
        writeln!(out, "{} — {}", plan.id, plan.title)?;
        if let Some(by) = &plan.issued_by {
            writeln!(out, "{by}{}", plan.issued_on.map(|d| format!(", {d}")).unwrap_or_default())?;
        }
        writeln!(out, "{}–{}\n", plan.start, plan.end)?;
    }
    let (g, i, t) = if vi(plan) {
        ("Nhóm nhiệm vụ", "Chỉ tiêu", "Nhiệm vụ")
    } else {
        ("Task groups", "Indicators", "Tasks")
    };
    let sections = if format == Format::Csv {
        vec![(i, indicator_grid(plan, &all)), (t, task_grid(plan, &all))]
    } else {
        vec![(g, group_grid(plan)), (i, indicator_grid(plan, &all)), (t, task_grid(plan, &all))]
    };
    write_grids(format, &sections, out)
}

#[derive(Serialize)]
struct ItemJson<'a> {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    indicator: Option<&'a Indicator>,
    #[serde(skip_serializing_if = "Option::is_none")]
    task: Option<&'a Task>,
    group: &'a Group,
}

fn show_one(plan: &Plan, item: Item, format: Format, out: &mut impl Write) -> Result<()> {
    let (group, kind, indicator, task) = match item {
        Item::Group(g) => (&plan.groups[g], "group", None, None),
        Item::Indicator(g, i) => (&plan.groups[g], "indicator", Some(&plan.groups[g].indicators[i]), None),
        Item::Task(g, t) => (&plan.groups[g], "task", None, Some(&plan.groups[g].tasks[t])),
    };
    if format == Format::Json {
        return render::write_json(&ItemJson { kind, indicator, task, group }, out);
    }
    let v = vi(plan);
    let l = |a: &'static str, b: &'static str| if v { a } else { b };
    let mut grid = Grid::new(&[l("Mục", "Field"), l("Nội dung", "Value")]);
    let mut row = |k: &str, val: String| {
        if !val.is_empty() {
            grid.push(vec![k.to_string(), val]);
        }
    };
    let agency =
        |id: &Option<String>| id.as_deref().map(|a| plan.agency_name(a).to_string()).unwrap_or_default();
    let agencies = |ids: &[String]| ids.iter().map(|a| plan.agency_name(a)).collect::<Vec<_>>().join(", ");
    if let Some(ind) = indicator {
        row("id", ind.id.clone());
        row(l("Tên", "Name"), ind.name.clone());
        row(l("Đơn vị", "Unit"), ind.unit.clone());
        row(l("Loại / kỳ", "Measure / every"), cadence_text(ind));
        row(l("Tính từ", "Derived from"), from_text(ind));
        row(l("Mục tiêu", "Target"), target_text(plan, ind));
        row(l("Cách tính", "Basis"), json_name(&ind.basis));
        row(l("Năm đạt", "By"), ind.by.to_string());
        if let Some(b) = ind.baseline {
            row(l("Năm gốc", "Baseline"), format!("{}: {}", b.year, format_number(b.value, plan.numbers, 4)));
        }
        let ms: Vec<String> = ind
            .milestones
            .iter()
            .map(|(y, x)| format!("{y}: {}", format_number(*x, plan.numbers, 4)))
            .collect();
        row(l("Mốc", "Milestones"), ms.join(", "));
        row(l("Trọng số", "Weight"), format_number(ind.weight, plan.numbers, 4));
        row(l("Ghi chú", "Note"), ind.note.clone().unwrap_or_default());
    }
    if let Some(t) = task {
        row("id", t.id.clone());
        row(l("Tên", "Name"), t.name.clone());
        row(l("Chủ trì", "Lead"), agency(&t.lead));
        row(l("Phối hợp", "Partners"), agencies(&t.partners));
        row(l("Sản phẩm", "Product"), t.deliverable.clone().unwrap_or_default());
        row(
            l("Hạn", "Due"),
            t.due.map(|d| d.to_string()).unwrap_or_else(|| l("không có hạn", "no deadline").into()),
        );
        row(l("Ghi chú", "Note"), t.note.clone().unwrap_or_default());
    }
    let g = group;
    let prefix = if kind == "group" { "" } else { l("Nhóm: ", "Group: ") };
    row(
        &format!("{prefix}{}", l("nhóm", "group")),
        format!("{} {} — {}", g.id, g.section.clone().unwrap_or_default(), g.name),
    );
    row(&format!("{prefix}{}", l("mục tiêu", "goal")), g.goal.clone().unwrap_or_default());
    row(l("1. Rõ nội dung", "1. Work"), g.content.clone().unwrap_or_default());
    row(
        l("2. Rõ chủ thể", "2. Executor"),
        format!(
            "{}{}",
            agency(&g.lead),
            if g.partners.is_empty() {
                String::new()
            } else {
                format!(" ({} {})", l("phối hợp:", "with"), agencies(&g.partners))
            }
        ),
    );
    row(l("3. Rõ trách nhiệm", "3. Responsibility"), g.responsibility.clone().unwrap_or_default());
    row(l("4. Rõ tiến độ", "4. Timeline"), g.schedule.map(|(a, b)| format!("{a}–{b}")).unwrap_or_default());
    row(l("5. Rõ sản phẩm", "5. Product"), g.deliverables.join("; "));
    row(
        l("6. Rõ giám sát", "6. Supervision"),
        g.oversight
            .as_ref()
            .map(|o| format!("{} / {}", agency(&o.by), o.every.map(|e| e.to_string()).unwrap_or_default()))
            .unwrap_or_default(),
    );
    row(l("Nguồn lực", "Funding"), g.funding.clone().unwrap_or_default());
    let mut sections = vec![("", grid)];
    if kind == "group" {
        let one = [g];
        sections.push((l("Chỉ tiêu", "Indicators"), indicator_grid(plan, &one)));
        sections.push((l("Nhiệm vụ", "Tasks"), task_grid(plan, &one)));
    }
    write_grids(format, &sections, out)
}
