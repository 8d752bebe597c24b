//! `plan check`: every error of plan.toml at once, then the 6-rõ audit.

use super::Ctx;
use crate::cli::{CheckArgs, Format};
use crate::plan::{self, Audit, Lang, Ro};
use crate::render::{self, Grid};
use anyhow::Result;
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(Serialize)]
struct CheckJson<'a> {
    file: String,
    valid: bool,
    errors: &'a [plan::Diagnostic],
    audit: Vec<AuditJson<'a>>,
    gaps: usize,
}

#[derive(Serialize)]
struct AuditJson<'a> {
    group: &'a str,
    section: Option<&'a str>,
    name: &'a str,
    clear: bool,
    ro: serde_json::Map<String, serde_json::Value>,
}

pub fn run(ctx: &Ctx, args: CheckArgs) -> Result<ExitCode> {
    args.format.allow("check", &[Format::Table, Format::Csv, Format::Json, Format::Md])?;
    let loaded = plan::load_file(&ctx.plan_path)?;
    let file = ctx.plan_path.display().to_string();
    let plan = loaded.plan.map(|mut p| {
        if let Some(l) = ctx.lang {
            p.lang = l;
        }
        p
    });
    let audit = plan.as_ref().map(Audit::of);
    let mut out = render::stdout();
    match args.format {
        Format::Json => {
            let groups = audit.as_ref().map(|a| a.groups.as_slice()).unwrap_or(&[]);
            let json = CheckJson {
                file: file.clone(),
                valid: loaded.diagnostics.is_empty(),
                errors: &loaded.diagnostics,
                gaps: audit.as_ref().map_or(0, Audit::gap_count),
                audit: groups
                    .iter()
                    .map(|g| AuditJson {
                        group: &g.group,
                        section: g.section.as_deref(),
                        name: &g.name,
                        clear: g.is_clear(),
                        ro: g
                            .gaps
                            .iter()
                            .map(|(ro, gaps)| {
                                let key =
                                    serde_json::to_value(ro).ok().and_then(|v| v.as_str().map(String::from));
                                (key.unwrap_or_default(), serde_json::json!(gaps))
                            })
                            .collect(),
                    })
                    .collect(),
            };
            render::write_json(&json, &mut out)?;
        }
        _ => {
            for d in &loaded.diagnostics {
                eprintln!("{d}\n");
            }
            if let (Some(plan), Some(audit)) = (&plan, &audit) {
                let grid = audit_grid(audit, plan.lang);
                match args.format {
                    Format::Csv => render::write_csv(&grid, &mut out)?,
                    Format::Md => write!(out, "{}", render::markdown(&grid))?,
                    _ => writeln!(out, "{}", render::table(&grid))?,
                }
            }
        }
    }
    out.flush()?;
    let gaps = audit.as_ref().map_or(0, Audit::gap_count);
    if !loaded.diagnostics.is_empty() {
        eprintln!("{file}: {} error(s)", loaded.diagnostics.len());
        return Ok(ExitCode::from(1));
    }
    let plan = plan.expect("a valid plan");
    let groups = plan.groups.len();
    let indicators = plan.indicators().count();
    let tasks = plan.tasks().count();
    if gaps == 0 {
        eprintln!(
            "{file}: valid ({groups} groups, {indicators} indicators, {tasks} tasks); every group is clear on all six \"rõ\""
        );
    } else {
        eprintln!(
            "{file}: valid ({groups} groups, {indicators} indicators, {tasks} tasks); {gaps} gap(s) in the six \"rõ\"{}",
            if args.strict { " (errors under --strict)" } else { " (warnings; --strict makes them errors)" }
        );
    }
    Ok(if args.strict && gaps > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn audit_grid(audit: &Audit, lang: Lang) -> Grid {
    let group_label = if lang == Lang::Vi { "Nhóm nhiệm vụ" } else { "Group" };
    let mut headers = vec![group_label.to_string()];
    headers.extend(Ro::ALL.iter().map(|r| r.label(lang).to_string()));
    let mut grid = Grid { headers, rows: Vec::new() };
    for g in &audit.groups {
        let mut row = vec![match &g.section {
            Some(s) => format!("{} ({s})", g.group),
            None => g.group.clone(),
        }];
        for (_, gaps) in &g.gaps {
            row.push(if gaps.is_empty() {
                "✓".to_string()
            } else {
                gaps.iter().map(|s| format!("✗ {s}")).collect::<Vec<_>>().join("\n")
            });
        }
        grid.push(row);
    }
    grid
}
