//! `plan check`: every error of plan.toml at once, then the 6-rõ audit.

use super::Ctx;
use crate::cli::{CheckArgs, TextFormat as Format};
use crate::plan::{self, Audit};
use crate::render::{self, Grid};
use crate::settings::Lang;
use crate::{tr, tr_in};
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
    /// Ids with entries in the ledger that the plan no longer accounts
    /// for (SPEC §2.1), when a ledger is at hand.
    orphans: &'a [crate::report::Orphan],
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
    let loaded = ctx.load_file()?;
    let file = ctx.plan_path.display().to_string();
    let plan = loaded.plan.map(|mut p| {
        if let Some(l) = ctx.lang {
            p.lang = l;
        }
        crate::i18n::set_lang(p.lang);
        p
    });
    let audit = plan.as_ref().map(Audit::of);
    // With a ledger at hand, the ids it holds that the plan no longer
    // accounts for (SPEC §2.1); a ledger that cannot be read is the
    // reading commands' to explain.
    let orphans: Vec<crate::report::Orphan> = match plan.as_ref().map(|p| (p, ctx.read_ledger(p))) {
        Some((p, Ok(Some(l)))) => l
            .held_ids(|id| !p.accounts_for(id))?
            .into_iter()
            .map(|(id, entries)| crate::report::Orphan { id, entries })
            .collect(),
        _ => Vec::new(),
    };
    let mut out = render::stdout();
    match args.format {
        Format::Json => {
            let groups = audit.as_ref().map(|a| a.groups.as_slice()).unwrap_or(&[]);
            let json = CheckJson {
                file: file.clone(),
                valid: loaded.diagnostics.is_empty(),
                errors: &loaded.diagnostics,
                gaps: audit.as_ref().map_or(0, Audit::gap_count),
                orphans: &orphans,
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
                    _ => writeln!(out, "{}", render::table_keeping(&grid, &[0, 1]))?,
                }
            }
        }
    }
    out.flush()?;
    let gaps = audit.as_ref().map_or(0, Audit::gap_count);
    let width = usize::from(render::terminal_width());
    if !loaded.diagnostics.is_empty() {
        let n = loaded.diagnostics.len() as i64;
        eprintln!(
            "{}",
            render::wrap(&tr!("commands-check-errors", file = file.as_str(), n = n), width, "  ")
        );
        return Ok(ExitCode::from(1));
    }
    let plan = plan.expect("a valid plan");
    let counts = tr!(
        "commands-check-counts",
        groups = plan.groups.len() as i64,
        indicators = plan.indicators().count() as i64,
        tasks = plan.tasks().count() as i64
    );
    let verdict = match (gaps, args.strict) {
        (0, _) => tr!("commands-check-clear"),
        (n, true) => tr!("commands-check-gaps-strict", n = n as i64),
        (n, false) => tr!("commands-check-gaps", n = n as i64),
    };
    let summary = tr!("commands-check-valid", file = file.as_str(), counts = counts, verdict = verdict);
    eprintln!("{}", render::wrap(&summary, width, "  "));
    if let Some(message) = super::orphans_message(&orphans) {
        eprintln!("{}", render::wrap(&tr!("common-error", message = message), width, "  "));
        return Ok(ExitCode::from(1));
    }
    Ok(if args.strict && gaps > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// One row per group and "rõ": what is missing, or ✓. Seven columns side by
/// side cannot fit 80 columns with task ids in the cells; three can.
fn audit_grid(audit: &Audit, lang: Lang) -> Grid {
    let headers = ["tables-col-task-group", "commands-check-col-ro", "commands-check-col-gaps"];
    let mut grid = Grid { headers: headers.iter().map(|k| tr_in!(lang, k)).collect(), rows: Vec::new() };
    for g in &audit.groups {
        let name = match &g.section {
            Some(s) => format!("{} ({s})", g.group),
            None => g.group.clone(),
        };
        for (i, (ro, gaps)) in g.gaps.iter().enumerate() {
            let cell = if gaps.is_empty() {
                "✓".to_string()
            } else {
                gaps.iter().map(|s| format!("✗ {s}")).collect::<Vec<_>>().join("\n")
            };
            grid.push(vec![if i == 0 { name.clone() } else { String::new() }, ro.label(lang), cell]);
        }
    }
    grid
}
