//! Amending the plan while it runs (SPEC §2.1, điều chỉnh, bổ sung): the
//! model of `[[amendment]]`, `[[group.indicator.revision]]`, `formerly`,
//! `retired` and `added_by`, and the rules that read them: which revision
//! is in force for a year, which id an old one became, which ids the
//! ledger holds that the plan no longer names.
//!
//! Reading and every diagnostic of these keys live in `load/amend.rs`.

use super::{Indicator, Plan, Target};
use chrono::NaiveDate;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// One decision that changed the plan (`[[amendment]]`).
#[derive(Debug, Clone, Serialize)]
pub struct Amendment {
    pub id: String,
    /// The decision's date.
    pub on: NaiveDate,
    /// The decision as cited ("Nghị quyết 12-NQ/ĐU ngày 15/7/2027").
    pub decision: String,
    pub summary: Option<String>,
    /// Ids (indicators or tasks) taken out of the plan by this decision.
    pub retired: Vec<String>,
}

/// From year `from` on, what replaces an indicator's target, `by` and
/// milestones (`[[group.indicator.revision]]`, SPEC §2.1, §5 "Target for
/// year Y").
#[derive(Debug, Clone, Serialize)]
pub struct Revision {
    /// The first plan year judged by this revision.
    pub from: i32,
    #[serde(serialize_with = "ser_target")]
    pub target: Target,
    /// Replaces `by` when given.
    pub by: Option<i32>,
    /// Replace the milestones when given (the whole table).
    pub milestones: Option<BTreeMap<i32, f64>>,
    /// The amendment that decided it.
    pub amendment: String,
}

fn ser_target<S: serde::Serializer>(t: &Target, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(t)
}

/// A citation of an amendment in a report (SPEC §2.1, §5a `amendments`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AmendmentRef {
    pub id: String,
    pub decision: String,
    pub on: NaiveDate,
}

impl From<&Amendment> for AmendmentRef {
    fn from(a: &Amendment) -> Self {
        AmendmentRef { id: a.id.clone(), decision: a.decision.clone(), on: a.on }
    }
}

impl Indicator {
    /// The revision in force for `year` (the one with the latest `from` not
    /// after it), if any. Year-based, whatever the review's `as_of`.
    pub fn revision_for(&self, year: i32) -> Option<&Revision> {
        self.revisions.iter().filter(|r| r.from <= year).max_by_key(|r| r.from)
    }

    /// This indicator as it stands for `year` (SPEC §2.1): the revision in
    /// force replaces `target`, and `by` and the milestones where it gives
    /// them; the baseline (where an `end` straight line starts) stays.
    /// Borrowed unchanged when no revision is in force.
    pub fn in_force(&self, year: i32) -> Cow<'_, Indicator> {
        let Some(r) = self.revision_for(year) else { return Cow::Borrowed(self) };
        let mut ind = self.clone();
        ind.target = Some(r.target);
        if let Some(by) = r.by {
            ind.by = by;
            ind.by_explicit = true;
        }
        if let Some(m) = &r.milestones {
            ind.milestones = m.clone();
        }
        Cow::Owned(ind)
    }
}

impl Plan {
    /// The amendment named `id`.
    pub fn amendment(&self, id: &str) -> Option<&Amendment> {
        self.amendments.iter().find(|a| a.id == id)
    }

    /// The live indicator that `old` was renamed to (`formerly`), if any.
    pub fn renamed_to(&self, old: &str) -> Option<&Indicator> {
        self.indicators().find(|i| i.formerly.iter().any(|f| f == old))
    }

    /// Every (old id, new id) pair of the plan's `formerly` lists.
    pub fn renames(&self) -> Vec<(String, String)> {
        self.indicators().flat_map(|i| i.formerly.iter().map(|f| (f.clone(), i.id.clone()))).collect()
    }

    /// The amendment that retired `id`, if one did.
    pub fn retired_by(&self, id: &str) -> Option<&Amendment> {
        self.amendments.iter().find(|a| a.retired.iter().any(|r| r == id))
    }

    /// `(id, amendment)` of every retired id, in the plan's order.
    pub fn retired(&self) -> Vec<(String, String)> {
        self.amendments.iter().flat_map(|a| a.retired.iter().map(|r| (r.clone(), a.id.clone()))).collect()
    }

    /// Whether the ledger may hold entries under `id` without it being an
    /// orphan (SPEC §2.1): a live indicator or task, a retired id, or an
    /// old id in a `formerly`.
    pub fn accounts_for(&self, id: &str) -> bool {
        self.indicator(id).is_some()
            || self.task(id).is_some()
            || self.retired_by(id).is_some()
            || self.renamed_to(id).is_some()
    }

    /// The amendments a review of `years` of the indicators and tasks of
    /// `groups` (all when `None`) cites (SPEC §2.1): those with a revision
    /// in force for a reviewed year, those that renamed an indicator it
    /// shows (`renamed_by`) or added one of its indicators or tasks
    /// (`added_by`), and those that retired an id in `mentioned_retired`.
    /// Each once, in the plan's order.
    pub fn cited_amendments(
        &self,
        years: std::ops::RangeInclusive<i32>,
        group: Option<&str>,
        mentioned_retired: &[String],
    ) -> Vec<AmendmentRef> {
        let mut ids: Vec<&str> = Vec::new();
        for g in self.groups.iter().filter(|g| group.is_none_or(|id| id == g.id)) {
            for ind in &g.indicators {
                for y in years.clone() {
                    if let Some(r) = ind.revision_for(y) {
                        ids.push(&r.amendment);
                    }
                }
                ids.extend(ind.renamed_by.as_deref());
                ids.extend(ind.added_by.as_deref());
            }
            ids.extend(g.tasks.iter().filter_map(|t| t.added_by.as_deref()));
        }
        for id in mentioned_retired {
            ids.extend(self.retired_by(id).map(|a| a.id.as_str()));
        }
        self.amendments.iter().filter(|a| ids.contains(&a.id.as_str())).map(AmendmentRef::from).collect()
    }

    /// Of `(id, entries)` held by the ledger (indicators and tasks, any
    /// kind), those the plan does not account for: orphans (SPEC §2.1).
    pub fn orphans(&self, held: &[(String, i64)]) -> Vec<(String, i64)> {
        held.iter().filter(|(id, _)| !self.accounts_for(id)).cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::settings::Lang;

    const PLAN: &str = r#"
[plan]
id = "P"
title = "T"
start = 2026
end = 2030

[[amendment]]
id = "dc1"
on = 2027-07-15
decision = "NQ 12"
retired = ["chi_cu"]

[[group]]
id = "g"
name = "G"

[[group.indicator]]
id = "dn"
name = "DN"
measure = "level"
every = "year"
target = ">= 120"
by = 2030
baseline = { year = 2025, value = 100 }
milestones = { 2026 = 104, 2027 = 108 }
formerly = ["doanh_nghiep"]
renamed_by = "dc1"

[[group.indicator.revision]]
from = 2028
target = ">= 130"
amendment = "dc1"
"#;

    #[test]
    fn a_revision_is_in_force_from_its_year_key_by_key() {
        crate::i18n::set_lang(Lang::En);
        let loaded = super::super::load_str(PLAN, "p.toml");
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let plan = loaded.plan.unwrap();
        let ind = plan.indicator("dn").unwrap();
        // 2027: the original target and milestones.
        let y27 = ind.in_force(2027);
        assert_eq!(y27.target.map(|t| t.to_string()), Some(">= 120".into()));
        assert_eq!(y27.milestones.get(&2027), Some(&108.0));
        // 2028: target replaced; `by` and milestones not given, so kept.
        let y28 = ind.in_force(2028);
        assert_eq!(y28.target.map(|t| t.to_string()), Some(">= 130".into()));
        assert_eq!((y28.by, y28.milestones.len()), (2030, 2));
        assert_eq!(plan.renamed_to("doanh_nghiep").map(|i| i.id.as_str()), Some("dn"));
        assert!(plan.accounts_for("chi_cu") && plan.accounts_for("doanh_nghiep"));
        assert!(!plan.accounts_for("viec_lam"));
        assert_eq!(
            plan.orphans(&[("dn".into(), 3), ("viec_lam".into(), 9), ("chi_cu".into(), 1)]),
            vec![("viec_lam".to_string(), 9)]
        );
        // 2027 alone: only the renaming is cited; 2028: the revision too
        // (the same decision, once).
        assert_eq!(plan.cited_amendments(2027..=2027, None, &[]).len(), 1);
        assert_eq!(plan.cited_amendments(2028..=2028, None, &[])[0].id, "dc1");
    }
}
