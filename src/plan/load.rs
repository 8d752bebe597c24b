//! Reading `plan.toml`: every error at once, each with file, line and column.
//!
//! The text is parsed into toml's spanned tree (`DeTable`), then walked by
//! hand: a serde derive would stop at the first error, while a clerk fixing
//! a plan wants the whole list. Reading builds the model and records spans;
//! validation then checks references, years and derived indicators.

use super::*;
use crate::period::Cadence;
use crate::settings::DateOrder;
use crate::tr;
use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

mod amend;
mod dhis2;
mod fields;
mod indicator;
mod sections;
mod validate;

/// One problem in a plan file, located and explained.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
    /// The offending line of the file.
    #[serde(skip)]
    pub source_line: String,
    /// Width of the caret under the offending text, in characters.
    #[serde(skip)]
    pub width: usize,
}

impl std::fmt::Display for Diagnostic {
    /// hledger/rustc style: `FILE:LINE:COL: message`, the line, a caret, the fix.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)?;
        let num = self.line.to_string();
        let pad = " ".repeat(num.len());
        writeln!(f, "{pad} |")?;
        writeln!(f, "{num} | {}", self.source_line)?;
        write!(f, "{pad} | {}{}", " ".repeat(self.column.saturating_sub(1)), "^".repeat(self.width.max(1)))?;
        if let Some(help) = &self.help {
            write!(f, "\n{pad} = {}: {help}", tr!("plan-help-label"))?;
        }
        Ok(())
    }
}

/// The result of reading a plan file: the plan if it is valid, and every
/// diagnostic found either way.
#[derive(Debug)]
pub struct Loaded {
    pub plan: Option<Plan>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The plan file could not be read at all. The message says what and why
/// in one sentence (the io error is not a separate `source`, so `{:#}` does
/// not repeat it).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}", crate::tr!("plan-unreadable", file = path.as_str(), reason = error.to_string()))]
    Io { path: String, error: std::io::Error },
}

pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| LoadError::Io { path: path.display().to_string(), error })?;
    Ok(load_str(&text, &path.display().to_string()))
}

pub fn load_str(text: &str, file: &str) -> Loaded {
    let mut r = Reader { src: text, file, found: Vec::new() };
    let (doc, errors) = DeTable::parse_recoverable(text);
    for e in &errors {
        // The sentence in the user's language, the toml crate's (English)
        // detail in parentheses.
        let span = e.span().unwrap_or(0..0);
        let (line, column) = r.line_column(span.start);
        let message = tr!(
            "plan-toml-syntax",
            file = file,
            line = line.to_string(),
            column = column.to_string(),
            detail = e.message().trim()
        );
        r.err(span, message, None);
    }
    let mut plan = None;
    if errors.is_empty() {
        let (p, spans) = r.read_plan(doc.get_ref(), doc.span());
        r.validate(&p, &spans);
        r.validate_dhis2(&p, &spans);
        r.validate_amendments(&p, &spans);
        plan = Some(p);
    }
    let mut found = std::mem::take(&mut r.found);
    found.sort_by_key(|(span, ..)| span.start);
    let diagnostics: Vec<_> =
        found.into_iter().map(|(span, message, help)| r.locate(span, message, help)).collect();
    let plan = plan.filter(|_| diagnostics.is_empty()).map(|mut p| {
        p.text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
        p.build_index();
        p
    });
    Loaded { plan, diagnostics }
}

type Span = Range<usize>;

/// Spans kept from reading, for validation messages.
#[derive(Default)]
struct Spans {
    /// (id, span of the value) for groups, indicators and tasks, in order.
    ids: Vec<(String, Span)>,
    /// (agency id, span) of every reference to an agency.
    agency_refs: Vec<(String, Span)>,
    /// indicator id -> (span of `ratio`/`growth`, span of `by`, spans of milestones by year, span of baseline year)
    indicator: HashMap<String, IndicatorSpans>,
    /// task id -> span of `due`
    task_due: HashMap<String, Span>,
    start_end: Span,
    /// The amendment keys (SPEC §2.1).
    amend: amend::AmendSpans,
}

#[derive(Default)]
struct IndicatorSpans {
    derived: Span,
    by: Option<Span>,
    milestones: Vec<(i32, Span)>,
    baseline_year: Option<Span>,
    dhis2: Option<Span>,
}

struct Reader<'s> {
    src: &'s str,
    file: &'s str,
    found: Vec<(Span, String, Option<String>)>,
}

type Table<'i> = DeTable<'i>;
type Value<'i> = Spanned<DeValue<'i>>;
