//! `plan verify`: is the ledger still what `plan` wrote?
//!
//! Checks, in order: SQLite's own integrity check, the schema version, the
//! append-only triggers, the plan the ledger is bound to, then every entry
//! in id order: ids consecutive from 1, `hash` equal to the hash of the
//! entry's content and the previous entry's hash, its batch present, the plan
//! id, targets that precede the entry, and indicator/task ids the plan still
//! has. Findings are printed one per line; exit 1 if there is any.

use super::{Ctx, Reported};
use crate::cli::VerifyArgs;
use crate::ledger::{self, GENESIS, Kind, Ledger};
use crate::number::format_number;
use crate::plan::Plan;
use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, _args: VerifyArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let path = ctx.ledger_path(&plan);
    let name = path.display().to_string();
    // Opening fails cleanly (never panics) on garbage, a truncated file or
    // a newer schema: that is the finding, and the error says so.
    let Some(ledger) = Ledger::open_existing(&path)? else {
        eprintln!("{name}: no ledger yet (nothing recorded): nothing to verify");
        return Ok(ExitCode::SUCCESS);
    };
    let report = verify(&ledger, &plan).with_context(|| format!("cannot read ledger {name} to the end"))?;
    let mut out = crate::render::stdout();
    for f in &report.findings {
        writeln!(out, "{name}: {f}")?;
    }
    let n = format_number(report.entries as f64, plan.numbers, 0);
    let chain = if report.chain_intact { "chain intact" } else { "chain BROKEN" };
    writeln!(out, "{name}: {n} entries, {chain}, schema {}", report.schema)?;
    out.flush()?;
    if report.findings.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("error: {} problem(s) found in {name}", report.findings.len());
        Err(Reported("verify failed".into()).into())
    }
}

struct Verdict {
    findings: Vec<String>,
    entries: u64,
    schema: i64,
    chain_intact: bool,
}

fn verify(ledger: &Ledger, plan: &Plan) -> Result<Verdict> {
    let mut findings = Vec::new();
    match ledger.integrity_check() {
        Ok(rows) if rows.iter().all(|r| r == "ok") => {}
        Ok(rows) => findings.extend(rows.into_iter().map(|r| format!("SQLite integrity check: {r}"))),
        Err(e) => findings.push(format!("SQLite integrity check failed: {e:#}")),
    }
    let schema = ledger.schema_version()?;
    if schema != ledger::VERSION {
        findings.push(format!("schema version {schema}, expected {}", ledger::VERSION));
    }
    if !ledger.triggers_present()? {
        findings.push(
            "the append-only triggers are missing (dropped outside plan?): entries can be edited".to_string(),
        );
    }
    if let Some(id) = ledger.plan_id()?
        && id != plan.id
    {
        findings.push(format!("the ledger belongs to plan `{id}`, not `{}` (the plan file given)", plan.id));
    }

    let mut entries = 0u64;
    let mut prev_id = 0i64;
    let mut prev_hash = GENESIS.to_string();
    let mut first_break: Option<String> = None;
    let mut later_breaks = 0u64;
    let mut other_plans: BTreeMap<String, (u64, i64)> = BTreeMap::new();
    let mut unknown: BTreeMap<(String, String), (u64, i64)> = BTreeMap::new();
    let mut bad_targets = Vec::new();
    let batches = ledger.batch_ids()?;
    let mut lost_batches: BTreeMap<i64, (u64, i64)> = BTreeMap::new();
    let read = ledger.for_each_entry(|e| {
        entries += 1;
        let mut problem = None;
        if e.id != prev_id + 1 {
            problem = Some(format!(
                "entry #{}: ids jump from #{prev_id} to #{} (entries deleted or inserted outside plan?)",
                e.id, e.id
            ));
        } else if ledger::recompute_hash(&prev_hash, &e) != e.hash {
            // The hash covers the previous entry's hash: an edit there shows
            // here too.
            problem =
                Some(format!("entry #{}: hash does not match its content (edited outside plan?)", e.id));
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
        let (what, id, known) = match (&e.indicator, &e.task) {
            (Some(i), _) => ("indicator", i, plan.indicator(i).is_some()),
            (None, Some(t)) => ("task", t, plan.task(t).is_some()),
            (None, None) => ("indicator", &String::new(), false),
        };
        if !known {
            let slot = unknown.entry((what.to_string(), id.clone())).or_insert((0, e.id));
            slot.0 += 1;
        }
        if let Some(b) = e.batch.filter(|b| !batches.contains(b)) {
            lost_batches.entry(b).or_insert((0, e.id)).0 += 1;
        }
        if matches!(e.kind, Kind::Correction | Kind::Void) {
            match e.target_entry {
                Some(t) if t < e.id => {}
                Some(t) => {
                    bad_targets.push(format!("entry #{}: targets #{t}, which does not precede it", e.id))
                }
                None => {
                    bad_targets.push(format!("entry #{}: a {} without a target entry", e.id, e.kind.as_str()))
                }
            }
        }
        Ok(())
    });
    if let Err(e) = read {
        // A row that no longer parses (a date or kind edited outside plan).
        findings.push(format!("entry after #{prev_id}: cannot be read ({e:#}; edited outside plan?)"));
        first_break.get_or_insert_with(|| format!("entry after #{prev_id} cannot be read"));
    }
    let chain_intact = first_break.is_none();
    if let Some(b) = first_break.take() {
        findings.push(if later_breaks > 0 {
            format!("{b}; {later_breaks} later entr{} also fail", if later_breaks == 1 { "y" } else { "ies" })
        } else {
            b
        });
    }
    for (id, (n, first)) in other_plans {
        findings.push(format!("{n} entr{} of another plan `{id}` (first #{first})", plural(n)));
    }
    for ((what, id), (n, first)) in unknown {
        findings.push(if id.is_empty() {
            format!("{n} entr{} with neither indicator nor task (first #{first})", plural(n))
        } else {
            format!("{n} entr{} of {what} `{id}`, which the plan no longer has (first #{first})", plural(n))
        });
    }
    for (b, (n, first)) in lost_batches {
        findings.push(format!(
            "{n} entr{} of batch #{b}, which is not in the ledger (first #{first}; deleted outside plan?)",
            plural(n)
        ));
    }
    findings.extend(bad_targets);
    Ok(Verdict { findings, entries, schema, chain_intact })
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "y" } else { "ies" }
}
