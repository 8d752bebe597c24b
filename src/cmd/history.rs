//! `plan history` (SPEC §2.1, §4): the plan versions the ledger recorded
//! and the plan's amendments; `--show N` prints version N's text.

use super::{Ctx, reject};
use crate::cli::{HistoryArgs, HistoryFormat};
use crate::ledger::{self, PlanVersion};
use crate::plan::Amendment;
use crate::tr;
use anyhow::Result;
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(Serialize)]
struct History<'a> {
    plan: &'a str,
    /// The plan file's fingerprint: its record's `N:HEX`, else its own
    /// content fingerprint, with `recorded` false.
    plan_file: FileVersion,
    versions: Vec<Version>,
    amendments: &'a [Amendment],
}

#[derive(Serialize)]
struct FileVersion {
    fingerprint: String,
    recorded: bool,
}

#[derive(Serialize)]
struct Version {
    #[serde(flatten)]
    version: PlanVersion,
    /// Whether this is the plan file's text.
    current: bool,
}

pub fn run(ctx: &Ctx, args: HistoryArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let ledger = ctx.reading_ledger(&plan, true)?;
    if let Some(n) = args.show {
        let text = match &ledger {
            Some(l) => l.plan_version_text(n)?,
            None => None,
        };
        let Some(text) = text else {
            return Err(reject(tr!("amend-history-no-version", n = n.to_string())));
        };
        crate::render::write_text(text.as_bytes(), None)?;
        return Ok(ExitCode::SUCCESS);
    }
    let versions = match &ledger {
        Some(l) => l.plan_versions()?,
        None => Vec::new(),
    };
    let current = ledger::content_hash(&plan.text);
    let current_hex = hex::encode(current);
    let recorded = versions.iter().find(|v| v.content_hash == current_hex).map(|v| v.fingerprint.clone());
    let plan_file = FileVersion {
        recorded: recorded.is_some(),
        fingerprint: recorded.unwrap_or_else(|| ledger::text_fingerprint(&plan.text)),
    };
    let history = History {
        plan: &plan.id,
        versions: versions
            .into_iter()
            .map(|v| Version { current: v.content_hash == current_hex, version: v })
            .collect(),
        amendments: &plan.amendments,
        plan_file,
    };
    let mut out = Vec::new();
    match args.format {
        HistoryFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &history)?;
            out.push(b'\n');
        }
        HistoryFormat::Table => write_table(&history, &mut out)?,
    }
    crate::render::write_text(&out, None)?;
    Ok(ExitCode::SUCCESS)
}

fn write_table(h: &History, out: &mut Vec<u8>) -> Result<()> {
    writeln!(out, "{}", tr!("amend-history-versions"))?;
    if h.versions.is_empty() {
        writeln!(out, "  {}", tr!("amend-history-no-versions"))?;
    }
    for v in &h.versions {
        let mark = if v.current { format!("  ({})", tr!("amend-history-current")) } else { String::new() };
        writeln!(
            out,
            "  {:>4}  {}  {}  {}{mark}",
            v.version.n, v.version.fingerprint, v.version.recorded_at, v.version.by
        )?;
    }
    if !h.plan_file.recorded {
        writeln!(out, "  {}", tr!("amend-plan-version-new", fingerprint = h.plan_file.fingerprint.as_str()))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", tr!("amend-history-amendments"))?;
    if h.amendments.is_empty() {
        writeln!(out, "  {}", tr!("amend-history-no-amendments"))?;
    }
    for a in h.amendments {
        writeln!(out, "  {}  {}  {}", a.id, crate::words::date_in_message(a.on), a.decision)?;
        if let Some(s) = &a.summary {
            writeln!(out, "        {s}")?;
        }
        if !a.retired.is_empty() {
            writeln!(out, "        {}", tr!("amend-history-retired", ids = a.retired.join(", ")))?;
        }
    }
    Ok(())
}
