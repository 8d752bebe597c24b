//! `plan verify`: is the ledger still what `plan` wrote?
//!
//! Checks, in order: SQLite's own integrity check, the schema version, the
//! append-only triggers, the plan the ledger is bound to, then every entry
//! in id order (the checks: [`crate::ledger::verify`]). Findings are
//! printed one per line, then the head
//! fingerprint (`ID:HEX`); `--head ID:HEX` fails unless the chain still holds
//! that entry with that hash. Exit 1 if there is any finding.

use super::{Ctx, Reported};
use crate::cli::VerifyArgs;
use crate::ledger::verify::{check_head, verify};
use crate::ledger::{self, Ledger};
use crate::number::format_number;
use crate::plan::Plan;
use crate::tr;
use anyhow::{Context, Result};
use std::io::Write;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: VerifyArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let pinned = args.head;
    let path = ctx.ledger_path(&plan);
    let name = path.display().to_string();
    // Opening fails cleanly (never panics) on garbage, a truncated file or
    // a newer schema: that is the finding, and the error says so.
    // A path given that does not exist is a typo, not an empty ledger (SPEC §3).
    if !path.exists() && ctx.ledger_given(&plan) {
        return Err(super::reject(tr!("ledger-missing", path = name.as_str())));
    }
    let Some(ledger) = Ledger::open_existing(&path)? else {
        if pinned.is_some() {
            return Err(super::reject(tr!("verify-head-no-ledger", file = name.as_str())));
        }
        eprintln!("{}", tr!("verify-no-ledger", file = name.as_str()));
        return Ok(ExitCode::SUCCESS);
    };
    let mut report =
        verify(&ledger, &plan).with_context(|| tr!("verify-cannot-read", file = name.as_str()))?;
    let head = ledger.head()?;
    if let Some(pin) = &pinned
        && let Some(f) = check_head(&ledger, pin.id, &pin.hex)?
    {
        report.findings.push(f);
    }
    let mut out = crate::render::stdout();
    for f in &report.findings {
        writeln!(out, "{name}: {f}")?;
    }
    let n = format_number(report.entries as f64, plan.numbers, 0);
    let chain = if report.chain_intact { tr!("verify-chain-intact") } else { tr!("verify-chain-broken") };
    writeln!(
        out,
        "{}",
        tr!(
            "verify-summary",
            file = name.as_str(),
            entries = n,
            chain = chain,
            schema = report.schema.to_string()
        )
    )?;
    let fingerprint = head.map_or_else(|| "-".to_string(), |h| h.fingerprint());
    writeln!(out, "{}", tr!("verify-head", file = name.as_str(), head = fingerprint))?;
    // The plan file against the latest recorded version: said, never a
    // failure (the next write records it, SPEC §2.1).
    if let Some(latest) = ledger.plan_versions()?.last() {
        if ledger::content_hash(&plan.text)
            != hex::decode(&latest.content_hash).unwrap_or_default().as_slice()
        {
            writeln!(
                out,
                "{name}: {}",
                tr!("amend-verify-plan-differs", version = latest.fingerprint.as_str())
            )?;
        } else {
            writeln!(
                out,
                "{name}: {}",
                tr!("amend-verify-plan-same", version = latest.fingerprint.as_str())
            )?;
        }
    }
    out.flush()?;
    if report.findings.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        let message = tr!("verify-failed", n = report.findings.len() as i64, file = name.as_str());
        eprintln!("{}", tr!("common-error", message = message));
        Err(Reported("verify failed".into()).into())
    }
}

/// What every report checks before it is computed (SPEC §3): the
/// append-only triggers in place and, with `whole_chain` (the formats made
/// for signing), every check of `plan verify` that finds a change made
/// behind plan's back (ids the plan no longer has are no such change).
/// Refused with the first problem and the advice to run `plan verify`, so
/// that no report prints the fingerprint of a ledger found tampered with.
pub fn trusted(ledger: &Ledger, plan: &Plan, whole_chain: bool) -> Result<()> {
    let file = ledger.path().display().to_string();
    let refuse = |problem: String| {
        super::reject(tr!("verify-report-refused", file = file.as_str(), problem = problem))
    };
    if !ledger.triggers_present()? {
        return Err(refuse(tr!("verify-triggers")));
    }
    if whole_chain {
        let verdict =
            verify(ledger, plan).with_context(|| tr!("verify-cannot-read", file = file.as_str()))?;
        if let Some(first) = verdict.tampering.into_iter().next() {
            return Err(refuse(first));
        }
    }
    Ok(())
}
