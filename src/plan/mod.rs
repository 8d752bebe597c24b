//! The plan model: what `plan.toml` says, validated.
//!
//! A `Plan` is only ever built by [`load_file`], which checks every reference,
//! so the rest of the program may assume that ids resolve, derived
//! indicators are acyclic and years lie inside the plan.

mod amend;
mod audit;
mod load;
mod target;

pub use amend::{Amendment, AmendmentRef, Revision};
pub use audit::{Audit, GroupAudit, Ro};
pub use load::{Diagnostic, LoadError, Loaded, load_file, load_str};
pub use target::{AttainmentNote, Status, Target};

use crate::number::NumberStyle;
use crate::period::Cadence;
use crate::settings::Lang;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// A stock read at a date (enterprises in operation).
    Level,
    /// An amount over a period (new jobs, revenue); periods add up.
    Flow,
    /// A percentage or ratio reported as such (growth rate).
    Rate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    End,
    Year,
    Average,
    Compound,
    Cumulative,
}

/// Where an indicator's values come from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind")]
pub enum Source {
    /// Figures recorded by clerks.
    Recorded { measure: Measure, every: Cadence },
    /// Year value of `num` / year value of `den` × 100.
    Ratio { num: String, den: String },
    /// (this year / last year − 1) × 100 of `of`.
    Growth { of: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Baseline {
    pub year: i32,
    pub value: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub source: Source,
    #[serde(serialize_with = "ser_target")]
    pub target: Option<Target>,
    pub basis: Basis,
    /// Target year (default: plan end).
    pub by: i32,
    pub by_explicit: bool,
    pub baseline: Option<Baseline>,
    pub milestones: BTreeMap<i32, f64>,
    pub weight: f64,
    pub note: Option<String>,
    /// The DHIS2 data element this indicator's figures go to (a code or a
    /// UID, as the province's DHIS2 knows it), for `plan export` and for
    /// importing a data value set (SPEC §2, §4.3). Never on a derived one.
    pub dhis2: Option<String>,
    /// `min` as set in the plan (see [`Indicator::lower_bound`]).
    pub min: Option<f64>,
    /// `max`: the largest valid figure, none unless set.
    pub max: Option<f64>,
    /// `integer`: figures are whole numbers (counts of things).
    pub integer: bool,
    /// `formerly`: ids this indicator was recorded under before a
    /// renaming; their figures count for it (SPEC §2.1).
    pub formerly: Vec<String>,
    /// `renamed_by`: the amendment that gave it its new id, cited by
    /// reports that show it.
    pub renamed_by: Option<String>,
    /// `[[group.indicator.revision]]`, in the file's order (SPEC §2.1).
    pub revisions: Vec<Revision>,
    /// `added_by`: the amendment that added it; its periods that end
    /// before the amendment's date are not expected.
    pub added_by: Option<String>,
}

fn ser_target<S: serde::Serializer>(t: &Option<Target>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.collect_str(t),
        None => s.serialize_none(),
    }
}

impl Indicator {
    /// Its id, then its old ids (`formerly`, SPEC §2.1), under which the
    /// ledger may hold its figures.
    pub fn ids_with_old(&self) -> Vec<&str> {
        std::iter::once(self.id.as_str()).chain(self.formerly.iter().map(String::as_str)).collect()
    }

    /// The smallest valid figure (SPEC §2 `min`): as set, else 0 for a
    /// level or flow (a count or an amount is never negative), else none.
    pub fn lower_bound(&self) -> Option<f64> {
        self.min.or(match self.measure() {
            Some(Measure::Level | Measure::Flow) => Some(0.0),
            _ => None,
        })
    }

    pub fn cadence(&self) -> Option<Cadence> {
        match self.source {
            Source::Recorded { every, .. } => Some(every),
            _ => None,
        }
    }

    pub fn measure(&self) -> Option<Measure> {
        match self.source {
            Source::Recorded { measure, .. } => Some(measure),
            _ => None,
        }
    }

    pub fn is_derived(&self) -> bool {
        !matches!(self.source, Source::Recorded { .. })
    }

    /// Ids this indicator is computed from (empty for a recorded one).
    pub fn inputs(&self) -> Vec<&str> {
        match &self.source {
            Source::Recorded { .. } => vec![],
            Source::Ratio { num, den } => vec![num, den],
            Source::Growth { of } => vec![of],
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Task {
    pub id: String,
    pub name: String,
    pub lead: Option<String>,
    pub partners: Vec<String>,
    pub deliverable: Option<String>,
    pub due: Option<NaiveDate>,
    pub note: Option<String>,
    /// `added_by`: the amendment that added this task (SPEC §2.1).
    pub added_by: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Oversight {
    pub by: Option<String>,
    pub every: Option<Cadence>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub id: String,
    pub section: Option<String>,
    pub name: String,
    pub goal: Option<String>,
    pub content: Option<String>,
    pub lead: Option<String>,
    pub partners: Vec<String>,
    pub responsibility: Option<String>,
    pub schedule: Option<(i32, i32)>,
    pub deliverables: Vec<String>,
    pub oversight: Option<Oversight>,
    pub funding: Option<String>,
    pub indicators: Vec<Indicator>,
    pub tasks: Vec<Task>,
}

/// Days after a period's end that its figure is due, per cadence.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct DueDays {
    pub year: i64,
    pub half: i64,
    pub quarter: i64,
    pub month: i64,
}

impl Default for DueDays {
    fn default() -> Self {
        Self { year: 15, half: 15, quarter: 10, month: 5 }
    }
}

impl DueDays {
    pub fn of(&self, c: Cadence) -> i64 {
        match c {
            Cadence::Year => self.year,
            Cadence::Half => self.half,
            Cadence::Quarter => self.quarter,
            Cadence::Month => self.month,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub id: String,
    pub title: String,
    pub issued_by: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub implements: Option<String>,
    pub start: i32,
    pub end: i32,
    pub horizon: Option<i32>,
    pub lang: Lang,
    pub numbers: NumberStyle,
    /// `dates`: the order of a slashed date (`dmy` by default).
    pub dates: crate::settings::DateOrder,
    /// `[plan] ledger`, relative to the plan file.
    pub ledger: Option<String>,
    pub agencies: Vec<(String, String)>,
    pub due_days: DueDays,
    pub groups: Vec<Group>,
    /// `[export.dhis2]`: where this office's data lives in DHIS2 (§4.3).
    pub dhis2: Option<Dhis2Target>,
    /// `[report]`: the heading of the review as a document (SPEC §2, §4.2).
    pub document: Option<DocumentHeading>,
    /// `[[amendment]]`: the decisions that changed the plan (SPEC §2.1).
    pub amendments: Vec<Amendment>,
    /// The file's text as the ledger records a plan version (SPEC §2.1):
    /// a leading BOM dropped, line ends as LF.
    #[serde(skip)]
    pub text: String,
    #[serde(skip)]
    index: HashMap<String, Item>,
}

/// `[export.dhis2]` (SPEC §2, §4.3): the office's place in the province's
/// DHIS2. Identifiers are codes or UIDs, as typed; DHIS2 is told which with
/// its `idScheme` import parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dhis2Target {
    /// The office's organisation unit.
    pub org_unit: String,
    /// The data set the values belong to (required by ADX, optional else).
    pub data_set: Option<String>,
}

/// The administrative document format a body must use for its báo cáo
/// (SPEC §4.2): `party` — Hướng dẫn 36-HD/VPTW (Party bodies); `state` —
/// Nghị định 30/2020/NĐ-CP (State bodies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DocumentStyle {
    #[default]
    Party,
    State,
}

impl DocumentStyle {
    /// The style a plan's own number shows, when `[report]` does not say:
    /// Party documents are numbered `66-KH/ĐU` (number, dash, kind, slash,
    /// body: Hướng dẫn 36-HD/VPTW), State ones `15/KH-UBND` (number,
    /// slash, kind, dash, body: Nghị định 30/2020/NĐ-CP). Anything else is
    /// taken as a State body's, whose format is the general one.
    pub fn of_plan_number(id: &str) -> Self {
        let digits = id.chars().take_while(char::is_ascii_digit).count();
        let rest = &id[digits..];
        match (digits > 0, rest.strip_prefix('-')) {
            (true, Some(after)) if after.contains('/') => Self::Party,
            _ => Self::State,
        }
    }

    pub fn parse_name(s: &str) -> Option<Self> {
        match s {
            "party" => Some(Self::Party),
            "state" => Some(Self::State),
            _ => None,
        }
    }
}

/// `[report]` of the plan: who issues the review document and who signs it
/// (SPEC §2). Every text is as the office wants it printed (capitals
/// included); anything missing is left blank in the document, never invented.
#[derive(Debug, Clone, Serialize, Default)]
pub struct DocumentHeading {
    pub style: DocumentStyle,
    /// The body above the issuer (party style), or the governing body (state style).
    pub parent: Option<String>,
    /// The issuing body, as printed in the heading.
    pub issuer: Option<String>,
    /// The place name (địa danh) of "Nghi Dương, ngày … tháng … năm …".
    pub place: Option<String>,
    /// Lines above the signature ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ").
    pub signer_title: Vec<String>,
    pub signer: Option<String>,
    /// "Nơi nhận" lines.
    pub recipients: Vec<String>,
}

/// Where an id lives in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Group(usize),
    Indicator(usize, usize),
    Task(usize, usize),
}

impl Plan {
    /// Refuses a review, an export or a template whose years
    /// `first..=last` are not all the plan's (SPEC §4 "a period outside
    /// the plan's years", exit 1): one message for every command and
    /// argument, `what` being the argument and its value as the user gave
    /// it (`--period 2027-Q3`, `--years 2025-2027`, `--year 2031`).
    pub fn within_years(&self, what: &str, first: i32, last: i32) -> Result<(), String> {
        if self.years().contains(&first) && self.years().contains(&last) {
            return Ok(());
        }
        Err(crate::tr!(
            "report-outside-plan",
            what = what,
            start = self.start.to_string(),
            end = self.end.to_string()
        ))
    }

    pub(crate) fn build_index(&mut self) {
        let mut index = HashMap::new();
        for (g, group) in self.groups.iter().enumerate() {
            index.entry(group.id.clone()).or_insert(Item::Group(g));
            for (i, ind) in group.indicators.iter().enumerate() {
                index.entry(ind.id.clone()).or_insert(Item::Indicator(g, i));
            }
            for (t, task) in group.tasks.iter().enumerate() {
                index.entry(task.id.clone()).or_insert(Item::Task(g, t));
            }
        }
        self.index = index;
    }

    pub fn item(&self, id: &str) -> Option<Item> {
        self.index.get(id).copied()
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        match self.item(id)? {
            Item::Indicator(g, i) => Some(&self.groups[g].indicators[i]),
            _ => None,
        }
    }

    pub fn task(&self, id: &str) -> Option<&Task> {
        match self.item(id)? {
            Item::Task(g, t) => Some(&self.groups[g].tasks[t]),
            _ => None,
        }
    }

    pub fn group_of(&self, id: &str) -> Option<&Group> {
        match self.item(id)? {
            Item::Group(g) | Item::Indicator(g, _) | Item::Task(g, _) => Some(&self.groups[g]),
        }
    }

    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.groups.iter().flat_map(|g| g.indicators.iter())
    }

    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.groups.iter().flat_map(|g| g.tasks.iter())
    }

    pub fn agency_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.agencies.iter().find(|(a, _)| a == id).map(|(_, n)| n.as_str()).unwrap_or(id)
    }

    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.start..=self.end
    }

    /// Ids of every indicator and task, for "did you mean".
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.index.keys().map(String::as_str)
    }
}

/// "ratio of a / b" or "growth of a", for messages.
pub fn derived_from(ind: &Indicator) -> String {
    match &ind.source {
        Source::Recorded { .. } => String::new(),
        Source::Ratio { num, den } => {
            crate::tr!("input-derived-ratio", num = num.as_str(), den = den.as_str())
        }
        Source::Growth { of } => crate::tr!("input-derived-growth", of = of.as_str()),
    }
}

/// The closest of `candidates` to `word`, if close enough to suggest.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(s, _)| *s >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use crate::settings::Lang;

    #[test]
    fn within_years_is_one_check_and_one_message() {
        crate::i18n::set_lang(Lang::En);
        let text = "[plan]\nid = \"P\"\ntitle = \"T\"\nstart = 2026\nend = 2030\n\
                    [[group]]\nid = \"g\"\nname = \"G\"\n";
        let plan = super::load_str(text, "p.toml").plan.expect("the plan loads");
        // 2026..=2030: both ends inside, or refused naming the argument.
        assert_eq!(plan.within_years("--period 2026-Q1", 2026, 2026), Ok(()));
        assert_eq!(plan.within_years("--years 2026-2030", 2026, 2030), Ok(()));
        assert_eq!(
            plan.within_years("--years 2025-2027", 2025, 2027),
            Err("--years 2025-2027 is outside the plan's years 2026–2030".to_string())
        );
        assert!(plan.within_years("--year 2031", 2031, 2031).is_err());
        // (The language of messages is one per process: the Vietnamese
        // words are checked through the binary, tests/cli/args.rs.)
    }
}
