//! The "6 rõ" audit: for each task group, which of the six clarities the
//! plan states and what is missing from each.

use super::{Group, Plan};

use crate::settings::Lang;
use serde::Serialize;

/// The six "rõ", in the order the plan text lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ro {
    Content,
    Executor,
    Responsibility,
    Timeline,
    Product,
    Supervision,
}

impl Ro {
    pub const ALL: [Ro; 6] =
        [Ro::Content, Ro::Executor, Ro::Responsibility, Ro::Timeline, Ro::Product, Ro::Supervision];

    /// "1. Rõ nội dung", "1. Clear work": the catalogue's words.
    pub fn label(self, lang: Lang) -> String {
        let key = match self {
            Ro::Content => "tables-ro-work",
            Ro::Executor => "tables-ro-executor",
            Ro::Responsibility => "tables-ro-responsibility",
            Ro::Timeline => "tables-ro-timeline",
            Ro::Product => "tables-ro-product",
            Ro::Supervision => "tables-ro-supervision",
        };
        crate::tr_in!(lang, key)
    }
}

/// One group's audit: for each "rõ", the gaps found (empty = clear).
#[derive(Debug, Clone, Serialize)]
pub struct GroupAudit {
    pub group: String,
    pub section: Option<String>,
    pub name: String,
    pub gaps: Vec<(Ro, Vec<String>)>,
}

impl GroupAudit {
    pub fn is_clear(&self) -> bool {
        self.gaps.iter().all(|(_, g)| g.is_empty())
    }

    pub fn gap_count(&self) -> usize {
        self.gaps.iter().filter(|(_, g)| !g.is_empty()).count()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    pub groups: Vec<GroupAudit>,
}

impl Audit {
    pub fn of(plan: &Plan) -> Audit {
        Audit { groups: plan.groups.iter().map(|g| audit_group(g, plan.lang)).collect() }
    }

    pub fn gap_count(&self) -> usize {
        self.groups.iter().map(GroupAudit::gap_count).sum()
    }
}

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|s| s.trim().is_empty())
}

fn audit_group(g: &Group, lang: Lang) -> GroupAudit {
    let say = |key: &str, field: &str| crate::tr_in!(lang, key, field = field);
    let mut gaps = Vec::new();

    let mut content = Vec::new();
    if blank(&g.content) {
        content.push(say("plan-audit-no-field", "content"));
    }
    if g.indicators.is_empty() && g.tasks.is_empty() {
        content.push(say("plan-audit-empty", ""));
    }
    gaps.push((Ro::Content, content));

    let mut executor = Vec::new();
    if g.lead.is_none() {
        executor.push(say("plan-audit-no-lead", "lead"));
    }
    let leaderless: Vec<&str> = g.tasks.iter().filter(|t| t.lead.is_none()).map(|t| t.id.as_str()).collect();
    if !leaderless.is_empty() {
        executor.push(list(lang, "plan-audit-tasks-without-lead", &leaderless));
    }
    gaps.push((Ro::Executor, executor));

    let mut resp = Vec::new();
    if blank(&g.responsibility) {
        resp.push(say("plan-audit-no-field", "responsibility"));
    }
    gaps.push((Ro::Responsibility, resp));

    let mut timeline = Vec::new();
    if g.schedule.is_none() {
        timeline.push(say("plan-audit-no-field", "schedule"));
    }
    let has_milestone = g.indicators.iter().any(|i| !i.milestones.is_empty() || i.by_explicit);
    let has_due = g.tasks.iter().any(|t| t.due.is_some());
    if !has_milestone && !has_due {
        timeline.push(say("plan-audit-no-dates", "by"));
    }
    let undated: Vec<&str> = g.tasks.iter().filter(|t| t.due.is_none()).map(|t| t.id.as_str()).collect();
    if !undated.is_empty() {
        timeline.push(list(lang, "plan-audit-tasks-without-due", &undated));
    }
    gaps.push((Ro::Timeline, timeline));

    let mut product = Vec::new();
    if g.deliverables.iter().all(|d| d.trim().is_empty()) {
        product.push(say("plan-audit-no-field", "deliverables"));
    }
    let productless: Vec<&str> =
        g.tasks.iter().filter(|t| blank(&t.deliverable)).map(|t| t.id.as_str()).collect();
    if !productless.is_empty() {
        product.push(list(lang, "plan-audit-tasks-without-deliverable", &productless));
    }
    gaps.push((Ro::Product, product));

    let mut supervision = Vec::new();
    match &g.oversight {
        None => supervision.push(say("plan-audit-no-field", "oversight")),
        Some(o) => {
            if o.by.is_none() {
                supervision.push(say("plan-audit-no-supervisor", "by"));
            }
            if o.every.is_none() {
                supervision.push(say("plan-audit-no-frequency", "every"));
            }
        }
    }
    gaps.push((Ro::Supervision, supervision));

    GroupAudit { group: g.id.clone(), section: g.section.clone(), name: g.name.clone(), gaps }
}

/// "3 tasks without a deadline: a, b, c" or "…: a, b, c, … (+N)" for long
/// lists.
fn list(lang: Lang, key: &str, ids: &[&str]) -> String {
    const SHOWN: usize = 3;
    let mut head = ids.iter().take(SHOWN).copied().collect::<Vec<_>>().join(", ");
    if ids.len() > SHOWN {
        head.push_str(&format!(", … (+{})", ids.len() - SHOWN));
    }
    crate::tr_in!(lang, key, n = ids.len() as i64, ids = head)
}
