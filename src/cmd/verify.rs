//! `plan verify`: is the ledger still what `plan` wrote?
//!
//! Checks, in order: SQLite's own integrity check, the schema version, the
//! append-only triggers, the plan the ledger is bound to, then every entry
//! in id order: ids consecutive from 1, `hash` equal to the hash of the
//! entry's content and the previous entry's hash, its batch present, the plan
//! id, targets that precede the entry, and indicator/task ids the plan still
//! has; then each import batch's count of entries against the entries that
//! carry it (a chain cut at its tail still links, but its last batch comes
//! up short, SPEC §3). Findings are printed one per line, then the head
//! fingerprint (`ID:HEX`); `--head ID:HEX` fails unless the chain still holds
//! that entry with that hash. Exit 1 if there is any finding.

use super::{Ctx, Reported};
use crate::cli::VerifyArgs;
use crate::entry::Kind;
use crate::ledger::{self, GENESIS, Ledger};
use crate::number::format_number;
use crate::plan::Plan;
use crate::tr;
use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: VerifyArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let pinned = match args.head.as_deref().map(parse_head).transpose() {
        Ok(p) => p,
        Err(m) => return Err(super::reject(tr!("input-invalid-arg", arg = "--head", message = m))),
    };
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
    if let Some((id, hex)) = &pinned
        && let Some(f) = check_head(&ledger, *id, hex)?
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

/// `--head ID:HEX`: an entry id and at least 4 hex digits of its hash.
fn parse_head(s: &str) -> Result<(i64, String), String> {
    let bad = || tr!("verify-head-form", text = s.trim());
    let (id, hex) = s.trim().split_once(':').ok_or_else(bad)?;
    let id: i64 = id.trim().trim_start_matches('#').parse().map_err(|_| bad())?;
    let hex = hex.trim().to_ascii_lowercase();
    if id < 1 || hex.len() < 4 || hex.len() > 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad());
    }
    Ok((id, hex))
}

/// The finding when the chain no longer holds entry `id` with a hash that
/// starts with `hex`.
fn check_head(ledger: &Ledger, id: i64, hex: &str) -> Result<Option<String>> {
    let Some(e) = ledger.entry(id).ok().flatten() else {
        return Ok(Some(tr!("verify-head-missing", id = id.to_string(), hex = hex)));
    };
    let stored = e.hash.to_ascii_lowercase();
    Ok((!stored.starts_with(hex)).then(|| {
        tr!(
            "verify-head-differs",
            id = id.to_string(),
            hex = hex,
            stored = stored.get(..hex.len()).unwrap_or(&stored)
        )
    }))
}

struct Verdict {
    findings: Vec<String>,
    /// The findings that say the ledger was changed behind plan's back
    /// (all but ids the plan no longer has, which a plan amendment makes).
    tampering: Vec<String>,
    entries: u64,
    schema: i64,
    chain_intact: bool,
}

fn verify(ledger: &Ledger, plan: &Plan) -> Result<Verdict> {
    let mut findings = Vec::new();
    match ledger.integrity_check() {
        Ok(rows) if rows.iter().all(|r| r == "ok") => {}
        Ok(rows) => findings.extend(rows.into_iter().map(|r| tr!("verify-integrity", problem = r))),
        Err(e) => findings.push(tr!("verify-integrity-failed", error = format!("{e:#}"))),
    }
    let schema = ledger.schema_version()?;
    if schema != ledger::VERSION {
        findings.push(tr!(
            "verify-schema",
            found = schema.to_string(),
            expected = ledger::VERSION.to_string()
        ));
    }
    if !ledger.triggers_present()? {
        findings.push(tr!("verify-triggers"));
    }
    if !ledger.plan_texts_protected()? {
        findings.push(tr!("amend-verify-text-triggers"));
    }
    if let Some(id) = ledger.plan_id()?
        && id != plan.id
    {
        findings.push(tr!("verify-other-plan", id = id.as_str(), plan = plan.id.as_str()));
    }

    let mut entries = 0u64;
    let mut prev_id = 0i64;
    let mut prev_hash = GENESIS.to_string();
    let mut first_break: Option<String> = None;
    let mut later_breaks = 0u64;
    let mut other_plans: BTreeMap<String, (u64, i64)> = BTreeMap::new();
    let mut unknown: BTreeMap<(String, String), (u64, i64)> = BTreeMap::new();
    let mut bad_targets = Vec::new();
    let batches: BTreeMap<i64, Option<i64>> = ledger.batch_entries()?.into_iter().collect();
    let mut lost_batches: BTreeMap<i64, (u64, i64)> = BTreeMap::new();
    let mut batch_counts: BTreeMap<i64, i64> = BTreeMap::new();
    let mut versions: Vec<(i64, String)> = Vec::new();
    let read = ledger.for_each_entry(|e| {
        entries += 1;
        let mut problem = None;
        if e.id != prev_id + 1 {
            problem = Some(tr!("verify-ids-jump", id = e.id.to_string(), prev = prev_id.to_string()));
        } else if ledger::recompute_hash(&prev_hash, &e) != e.hash {
            // The hash covers the previous entry's hash: an edit there shows
            // here too.
            problem = Some(tr!("verify-hash", id = e.id.to_string()));
        }
        if let Some(p) = problem {
            if first_break.is_none() {
                first_break = Some(p);
            } else {
                later_breaks += 1;
            }
        }
        prev_id = e.id;
        prev_hash.clone_from(&e.hash);
        if e.plan_id != plan.id {
            let slot = other_plans.entry(e.plan_id.clone()).or_insert((0, e.id));
            slot.0 += 1;
        }
        // A retired id or one in a `formerly` is accounted for (SPEC §2.1);
        // a plan version has no subject.
        let (what, id, known) = match (&e.indicator, &e.task) {
            (Some(i), _) => ("indicator", i, plan.indicator(i).is_some() || plan.accounts_for(i)),
            (None, Some(t)) => ("task", t, plan.task(t).is_some() || plan.accounts_for(t)),
            (None, None) => ("indicator", &String::new(), e.kind == Kind::PlanVersion),
        };
        if e.kind == Kind::PlanVersion {
            versions.push((e.id, e.value_text.clone().unwrap_or_default()));
        }
        if !known {
            let slot = unknown.entry((what.to_string(), id.clone())).or_insert((0, e.id));
            slot.0 += 1;
        }
        if let Some(b) = e.batch {
            if batches.contains_key(&b) {
                *batch_counts.entry(b).or_default() += 1;
            } else {
                lost_batches.entry(b).or_insert((0, e.id)).0 += 1;
            }
        }
        if matches!(e.kind, Kind::Correction | Kind::Void) {
            match e.target_entry {
                Some(t) if t < e.id => {}
                Some(t) => bad_targets.push(tr!(
                    "verify-target-after",
                    id = e.id.to_string(),
                    target = t.to_string()
                )),
                None => {
                    bad_targets.push(tr!("verify-target-none", id = e.id.to_string(), kind = e.kind.as_str()))
                }
            }
        }
        Ok(())
    });
    if let Err(e) = read {
        // A row that no longer parses (a date or kind edited outside plan).
        findings.push(tr!("verify-unreadable", prev = prev_id.to_string(), error = format!("{e:#}")));
        first_break.get_or_insert_with(|| tr!("verify-unreadable-short", prev = prev_id.to_string()));
    }
    let chain_intact = first_break.is_none();
    if let Some(b) = first_break.take() {
        findings.push(if later_breaks > 0 {
            format!("{b}; {}", tr!("verify-later-breaks", n = later_breaks as i64))
        } else {
            b
        });
    }
    for (id, (n, first)) in other_plans {
        findings.push(tr!(
            "verify-entries-other-plan",
            n = n as i64,
            id = id.as_str(),
            first = first.to_string()
        ));
    }
    let unknown_from = findings.len();
    for ((what, id), (n, first)) in unknown {
        findings.push(if id.is_empty() {
            tr!("verify-entries-no-subject", n = n as i64, first = first.to_string())
        } else {
            tr!(
                "verify-entries-unknown",
                n = n as i64,
                kind = what.as_str(),
                id = id.as_str(),
                first = first.to_string()
            )
        });
    }
    let unknown_to = findings.len();
    for (b, (n, first)) in lost_batches {
        findings.push(tr!(
            "verify-batch-lost",
            n = n as i64,
            batch = b.to_string(),
            first = first.to_string()
        ));
    }
    // A batch says how many entries it wrote: fewer now means entries were
    // cut off (the tail of the chain, most likely), more that some were
    // added to it behind plan's back.
    for (b, recorded) in &batches {
        let found = batch_counts.get(b).copied().unwrap_or(0);
        if let Some(n) = recorded
            && *n != found
        {
            findings.push(tr!(
                "verify-batch-count",
                batch = b.to_string(),
                recorded = n.to_string(),
                found = found.to_string()
            ));
        }
    }
    findings.extend(bad_targets);
    // Each plan version's stored text still hashes to its record (SPEC §2.1).
    for problem in ledger.check_plan_texts(&versions)? {
        findings.push(match problem {
            ledger::TextProblem::Missing { entry } => {
                tr!("amend-verify-text-missing", id = entry.to_string())
            }
            ledger::TextProblem::Edited { entry } => tr!("amend-verify-text-edited", id = entry.to_string()),
        });
    }
    let tampering = findings[..unknown_from].iter().chain(&findings[unknown_to..]).cloned().collect();
    Ok(Verdict { findings, tampering, entries, schema, chain_intact })
}
