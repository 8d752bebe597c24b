//! The checks of `plan verify` (SPEC §3): is the ledger still what `plan`
//! wrote? In order: SQLite's own integrity check, the schema version, the
//! append-only triggers, the plan the ledger is bound to, then every entry
//! in id order: ids consecutive from 1, `hash` equal to the hash of the
//! entry's content and the previous entry's hash, its batch present, the plan
//! id, targets that precede the entry, and indicator/task ids the plan still
//! has; then each import batch's count of entries against the entries that
//! carry it (a chain cut at its tail still links, but its last batch comes
//! up short). Findings are sentences in the catalogue's language.

use super::{GENESIS, Ledger, VERSION, recompute_hash};
use crate::entry::Kind;
use crate::plan::Plan;
use crate::tr;
use anyhow::Result;
use std::collections::BTreeMap;

/// The finding when the chain no longer holds entry `id` with a hash that
/// starts with `hex`.
pub fn check_head(ledger: &Ledger, id: i64, hex: &str) -> Result<Option<String>> {
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

/// What [`verify`] found.
pub struct Verdict {
    /// Every finding, one sentence each, in the order of the checks.
    pub findings: Vec<String>,
    /// The findings that say the ledger was changed behind plan's back
    /// (all but ids the plan no longer has, which a plan amendment makes).
    pub tampering: Vec<String>,
    /// Entries read.
    pub entries: u64,
    /// The schema version found.
    pub schema: i64,
    /// Every id and hash links to the one before.
    pub chain_intact: bool,
}

/// Runs every check on `ledger` against `plan`. Errors: SQLite failures
/// other than an unreadable row (which is a finding).
pub fn verify(ledger: &Ledger, plan: &Plan) -> Result<Verdict> {
    let mut findings = Vec::new();
    match ledger.integrity_check() {
        Ok(rows) if rows.iter().all(|r| r == "ok") => {}
        Ok(rows) => findings.extend(rows.into_iter().map(|r| tr!("verify-integrity", problem = r))),
        Err(e) => findings.push(tr!("verify-integrity-failed", error = format!("{e:#}"))),
    }
    let schema = ledger.schema_version()?;
    if schema != VERSION {
        findings.push(tr!("verify-schema", found = schema.to_string(), expected = VERSION.to_string()));
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
    let mut versions: Vec<(i64, String)> = Vec::new();
    let mut lost_batches: BTreeMap<i64, (u64, i64)> = BTreeMap::new();
    let mut batch_counts: BTreeMap<i64, i64> = BTreeMap::new();
    let read = ledger.for_each_entry(|e| {
        entries += 1;
        let mut problem = None;
        if e.id != prev_id + 1 {
            problem = Some(tr!("verify-ids-jump", id = e.id.to_string(), prev = prev_id.to_string()));
        } else if recompute_hash(&prev_hash, &e) != e.hash {
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
            super::TextProblem::Missing { entry } => {
                tr!("amend-verify-text-missing", id = entry.to_string())
            }
            super::TextProblem::Edited { entry } => tr!("amend-verify-text-edited", id = entry.to_string()),
        });
    }
    let tampering = findings[..unknown_from].iter().chain(&findings[unknown_to..]).cloned().collect();
    Ok(Verdict { findings, tampering, entries, schema, chain_intact })
}
