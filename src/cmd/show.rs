//! `plan show [ID]`: the plan at a glance, or one item in full.

use super::Ctx;
use crate::cli::{ShowArgs, TextFormat as Format};
use crate::number::format_number;
use crate::plan::{self, Group, Indicator, Item, Plan, Task};
use crate::render::show::{
    added_text, due_text, from_text, group_grid, indicator_grid, revision_text, task_grid,
};
use crate::render::{self, Grid, labels::Labels};
use crate::{tr, tr_in};
use anyhow::{Result, anyhow};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: ShowArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let mut out = render::stdout();
    match &args.id {
        None => show_all(&plan, args.format, &mut out)?,
        Some(id) => {
            if plan.item(id).is_none()
                && let Some(new) = plan.renamed_to(id)
            {
                anyhow::bail!(tr!("amend-renamed", old = id.as_str(), new = new.id.as_str()));
            }
            let item = plan.item(id).ok_or_else(|| {
                let hint = match plan::suggest(id, plan.ids()) {
                    Some(s) => tr!("commands-did-you-mean", id = s),
                    None => tr!("commands-show-lists-ids"),
                };
                anyhow!(tr!("commands-show-unknown-id", id = id.as_str(), hint = hint))
            })?;
            show_one(&plan, item, args.format, &mut out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes grids with titles in the chosen format (csv: one table per kind,
/// separated by a blank line).
fn write_grids(format: Format, sections: &[(String, Grid)], out: &mut impl Write) -> Result<()> {
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
            // `show ID`: the field names stay on one line.
            _ if title.is_empty() => writeln!(out, "{}\n", render::table_keeping(grid, &[0]))?,
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
    let l = Labels::new(plan.lang);
    if !matches!(format, Format::Csv) {
        let width = usize::from(render::terminal_width());
        writeln!(out, "{}", render::wrap(&format!("{} — {}", plan.id, plan.title), width, "  "))?;
        if let Some(by) = &plan.issued_by {
            let on = plan.issued_on.map(|d| format!(", {}", l.date(d))).unwrap_or_default();
            writeln!(out, "{}", render::wrap(&format!("{by}{on}"), width, "  "))?;
        }
        let years = tr_in!(
            plan.lang,
            "tables-title-period",
            start = plan.start.to_string(),
            end = plan.end.to_string()
        );
        writeln!(out, "{years}\n")?;
        // The decisions that amended the plan (SPEC §2.1).
        if !plan.amendments.is_empty() {
            writeln!(out, "{}", l.tr("amend-history-amendments"))?;
            for a in &plan.amendments {
                let line = format!("{}  {}  {}", a.id, l.date(a.on), a.decision);
                writeln!(out, "  {}", render::wrap(&line, width, "    "))?;
            }
            writeln!(out)?;
        }
    }
    let (g, i, t) =
        (l.tr("tables-title-groups"), l.tr("tables-title-indicators"), l.tr("tables-title-tasks"));
    let sections = if format == Format::Csv {
        vec![(i, indicator_grid(plan, &all, true)), (t, task_grid(plan, &all))]
    } else {
        vec![(g, group_grid(plan)), (i, indicator_grid(plan, &all, false)), (t, task_grid(plan, &all))]
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
    let l = Labels::new(plan.lang);
    let w = |key: &str| l.tr(key);
    let mut grid = Grid { headers: vec![w("tables-col-field"), w("tables-col-content")], rows: Vec::new() };
    let mut row = |k: String, val: String| {
        if !val.is_empty() {
            grid.push(vec![k, val]);
        }
    };
    let n = |x: f64| format_number(x, plan.numbers, 4);
    let agency =
        |id: &Option<String>| id.as_deref().map(|a| plan.agency_name(a).to_string()).unwrap_or_default();
    let agencies = |ids: &[String]| ids.iter().map(|a| plan.agency_name(a)).collect::<Vec<_>>().join(", ");
    if let Some(ind) = indicator {
        row(w("tables-col-id"), ind.id.clone());
        row(w("tables-col-name"), ind.name.clone());
        row(w("tables-col-unit"), ind.unit.clone());
        if let (Some(m), Some(every)) = (ind.measure(), ind.cadence()) {
            row(w("tables-col-measure"), l.measure(m));
            row(w("tables-col-reported"), l.every(every));
        }
        row(w("tables-col-derived-from"), from_text(plan, ind));
        if let Some(t) = ind.target {
            row(w("tables-col-target"), t.words(plan.lang, plan.numbers, Some(&ind.unit)));
            row(w("tables-col-basis"), l.basis(ind.basis));
        }
        row(w("tables-col-by"), ind.by.to_string());
        if let Some(b) = ind.baseline {
            row(w("tables-col-baseline"), format!("{}: {}", b.year, n(b.value)));
        }
        let ms: Vec<String> = ind.milestones.iter().map(|(y, x)| format!("{y}: {}", n(*x))).collect();
        row(w("tables-col-milestones"), ms.join(", "));
        row(w("tables-col-weight"), n(ind.weight));
        row(w("tables-col-note"), ind.note.clone().unwrap_or_default());
        // SPEC §2.1: old ids, revisions, the amendment that added it.
        row(w("amend-col-formerly"), ind.formerly.join(", "));
        for r in &ind.revisions {
            row(w("amend-col-revision"), revision_text(plan, ind, r));
        }
        row(w("amend-col-added-by"), added_text(plan, ind.added_by.as_deref()));
    }
    if let Some(t) = task {
        row(w("tables-col-id"), t.id.clone());
        row(w("tables-col-name"), t.name.clone());
        row(w("tables-col-lead"), agency(&t.lead));
        row(w("tables-col-partners"), agencies(&t.partners));
        row(w("tables-col-product"), t.deliverable.clone().unwrap_or_default());
        row(w("tables-col-due"), due_text(plan, t.due));
        row(w("tables-col-note"), t.note.clone().unwrap_or_default());
        row(w("amend-col-added-by"), added_text(plan, t.added_by.as_deref()));
    }
    let g = group;
    row(w("tables-col-group"), format!("{} {} — {}", g.id, g.section.clone().unwrap_or_default(), g.name));
    row(w("tables-col-group-goal"), g.goal.clone().unwrap_or_default());
    row(w("tables-ro-work"), g.content.clone().unwrap_or_default());
    let partners = if g.partners.is_empty() {
        String::new()
    } else {
        format!(" ({})", tr_in!(plan.lang, "tables-ro-with", partners = agencies(&g.partners)))
    };
    row(w("tables-ro-executor"), format!("{}{partners}", agency(&g.lead)));
    row(w("tables-ro-responsibility"), g.responsibility.clone().unwrap_or_default());
    row(w("tables-ro-timeline"), g.schedule.map(|(a, b)| format!("{a}–{b}")).unwrap_or_default());
    row(w("tables-ro-product"), g.deliverables.join("; "));
    row(
        w("tables-ro-supervision"),
        g.oversight
            .as_ref()
            .map(|o| match o.every {
                Some(e) => format!("{} / {}", agency(&o.by), l.every(e)),
                None => agency(&o.by),
            })
            .unwrap_or_default(),
    );
    row(w("tables-col-funding"), g.funding.clone().unwrap_or_default());
    // md gives the item a heading of its own; the table's field names stay
    // on one line with no title above them.
    let title = if format == Format::Md {
        match (indicator, task) {
            (Some(ind), _) => format!("{} — {}", ind.id, ind.name),
            (_, Some(t)) => format!("{} — {}", t.id, t.name),
            _ => format!("{} — {}", g.id, g.name),
        }
    } else {
        String::new()
    };
    let mut sections = vec![(title, grid)];
    if kind == "group" {
        let one = [g];
        sections.push((w("tables-title-indicators"), indicator_grid(plan, &one, format == Format::Csv)));
        sections.push((w("tables-title-tasks"), task_grid(plan, &one)));
    }
    write_grids(format, &sections, out)
}
