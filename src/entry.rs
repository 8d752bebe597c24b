//! The entry type of the ledger (SPEC §3), as plain data: what the store
//! reads back and what "what counts" (SPEC §5, [`crate::counting`]) and the
//! renderers work on. No SQLite here: the store is [`crate::ledger`].

use chrono::NaiveDate;
use serde::Serialize;

/// What an entry records (SPEC §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Figure,
    Completion,
    Correction,
    Void,
    /// A version of the plan the ledger worked under (SPEC §2.1): its
    /// `value_text` holds the SHA-256 of the plan text (hex), the text
    /// itself lies in the ledger's `plan_text` table. Never a figure:
    /// no indicator, task or period.
    #[serde(rename = "plan_version")]
    PlanVersion,
}

impl Kind {
    /// The kind as stored and as `log --format json` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Figure => "figure",
            Kind::Completion => "completion",
            Kind::Correction => "correction",
            Kind::Void => "void",
            Kind::PlanVersion => "plan_version",
        }
    }

    /// The kind named as stored (`figure`, …); `None` for any other text.
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "figure" => Some(Kind::Figure),
            "completion" => Some(Kind::Completion),
            "correction" => Some(Kind::Correction),
            "void" => Some(Kind::Void),
            "plan_version" => Some(Kind::PlanVersion),
            _ => None,
        }
    }
}

/// An entry as stored.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub id: i64,
    pub kind: Kind,
    pub indicator: Option<String>,
    pub task: Option<String>,
    pub period: Option<String>,
    #[serde(skip)]
    pub year: i64,
    /// The value exactly as typed.
    pub value_text: Option<String>,
    pub value: Option<f64>,
    /// The date the figure was reported (`--date`).
    #[serde(rename = "date")]
    pub reported_on: NaiveDate,
    /// When `plan` wrote it (system clock, UTC).
    pub recorded_at: String,
    pub by: String,
    pub source: Option<String>,
    pub note: Option<String>,
    pub target_entry: Option<i64>,
    pub batch: Option<i64>,
    pub plan_id: String,
    /// SHA-256 over the content and the previous entry's hash, as hex.
    pub hash: String,
}
