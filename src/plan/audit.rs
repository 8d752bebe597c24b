//! The "6 rõ" audit: for each task group, which of the six clarities the
//! plan states and what is missing from each.

use super::{Group, Lang, Plan};
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

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Ro::Content, Lang::Vi) => "Rõ nội dung",
            (Ro::Executor, Lang::Vi) => "Rõ chủ thể",
            (Ro::Responsibility, Lang::Vi) => "Rõ trách nhiệm",
            (Ro::Timeline, Lang::Vi) => "Rõ tiến độ",
            (Ro::Product, Lang::Vi) => "Rõ sản phẩm",
            (Ro::Supervision, Lang::Vi) => "Rõ giám sát",
            (Ro::Content, Lang::En) => "Work",
            (Ro::Executor, Lang::En) => "Executor",
            (Ro::Responsibility, Lang::En) => "Responsibility",
            (Ro::Timeline, Lang::En) => "Timeline",
            (Ro::Product, Lang::En) => "Product",
            (Ro::Supervision, Lang::En) => "Supervision",
        }
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
    let vi = lang == Lang::Vi;
    let say = |vi_text: &str, en_text: &str| if vi { vi_text.to_string() } else { en_text.to_string() };
    let mut gaps = Vec::new();

    let mut content = Vec::new();
    if blank(&g.content) {
        content.push(say("thiếu `content`", "no `content`"));
    }
    if g.indicators.is_empty() && g.tasks.is_empty() {
        content.push(say("không có chỉ tiêu hay nhiệm vụ", "no indicator or task"));
    }
    gaps.push((Ro::Content, content));

    let mut executor = Vec::new();
    if g.lead.is_none() {
        executor.push(say("thiếu cơ quan chủ trì (`lead`)", "no `lead` agency"));
    }
    let leaderless: Vec<&str> = g.tasks.iter().filter(|t| t.lead.is_none()).map(|t| t.id.as_str()).collect();
    if !leaderless.is_empty() {
        executor.push(list(&say("nhiệm vụ không có chủ trì", "tasks without lead"), &leaderless));
    }
    gaps.push((Ro::Executor, executor));

    let mut resp = Vec::new();
    if blank(&g.responsibility) {
        resp.push(say("thiếu `responsibility`", "no `responsibility`"));
    }
    gaps.push((Ro::Responsibility, resp));

    let mut timeline = Vec::new();
    if g.schedule.is_none() {
        timeline.push(say("thiếu `schedule`", "no `schedule`"));
    }
    let has_milestone = g.indicators.iter().any(|i| !i.milestones.is_empty() || i.by_explicit);
    let has_due = g.tasks.iter().any(|t| t.due.is_some());
    if !has_milestone && !has_due {
        timeline.push(say("không có mốc, hạn nhiệm vụ hay năm `by`", "no milestone, task due date or `by`"));
    }
    let undated: Vec<&str> = g.tasks.iter().filter(|t| t.due.is_none()).map(|t| t.id.as_str()).collect();
    if !undated.is_empty() {
        timeline.push(list(&say("nhiệm vụ không có hạn", "tasks without due date"), &undated));
    }
    gaps.push((Ro::Timeline, timeline));

    let mut product = Vec::new();
    if g.deliverables.iter().all(|d| d.trim().is_empty()) {
        product.push(say("thiếu `deliverables`", "no `deliverables`"));
    }
    let productless: Vec<&str> =
        g.tasks.iter().filter(|t| blank(&t.deliverable)).map(|t| t.id.as_str()).collect();
    if !productless.is_empty() {
        product.push(list(&say("nhiệm vụ không có sản phẩm", "tasks without deliverable"), &productless));
    }
    gaps.push((Ro::Product, product));

    let mut supervision = Vec::new();
    match &g.oversight {
        None => supervision.push(say("thiếu `oversight`", "no `oversight`")),
        Some(o) => {
            if o.by.is_none() {
                supervision.push(say("thiếu cơ quan giám sát (`by`)", "no supervising agency (`by`)"));
            }
            if o.every.is_none() {
                supervision.push(say("thiếu định kỳ (`every`)", "no frequency (`every`)"));
            }
        }
    }
    gaps.push((Ro::Supervision, supervision));

    GroupAudit { group: g.id.clone(), section: g.section.clone(), name: g.name.clone(), gaps }
}

/// "label: a, b, c" or "label: a, b, c (+N)" for long lists.
fn list(label: &str, ids: &[&str]) -> String {
    const SHOWN: usize = 3;
    let head = ids.iter().take(SHOWN).copied().collect::<Vec<_>>().join(", ");
    if ids.len() > SHOWN {
        format!("{} {label}: {head}, … (+{})", ids.len(), ids.len() - SHOWN)
    } else {
        format!("{} {label}: {head}", ids.len())
    }
}
