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

impl<'s> Reader<'s> {
    fn err(&mut self, span: Span, message: impl Into<String>, help: Option<String>) {
        self.found.push((span, message.into(), help));
    }

    /// The line and column (1-based, in characters) of byte `offset`.
    fn line_column(&self, offset: usize) -> (usize, usize) {
        let start = offset.min(self.src.len());
        let line_start = self.src[..start].rfind('\n').map_or(0, |i| i + 1);
        (self.src[..start].matches('\n').count() + 1, self.src[line_start..start].chars().count() + 1)
    }

    fn locate(&self, span: Span, message: String, help: Option<String>) -> Diagnostic {
        let start = span.start.min(self.src.len());
        let line_start = self.src[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.src[start..].find('\n').map_or(self.src.len(), |i| start + i);
        let (line, column) = self.line_column(start);
        let end = span.end.clamp(start, line_end);
        Diagnostic {
            file: self.file.to_string(),
            line,
            column,
            message,
            help,
            source_line: self.src[line_start..line_end].trim_end_matches('\r').to_string(),
            width: self.src[start..end].chars().count(),
        }
    }

    /// Reports keys of `t` that are not in `allowed`, with a suggestion.
    fn check_keys(&mut self, t: &Table, allowed: &[&str], what: &str) {
        for (k, _) in t.iter() {
            let key: &str = k.get_ref();
            if !allowed.contains(&key) {
                let help = match suggest(key, allowed.iter().copied()) {
                    Some(s) => tr!("plan-did-you-mean", id = s),
                    None => tr!("plan-takes", what = what, keys = allowed.join(", ")),
                };
                self.err(k.span(), tr!("plan-unknown-key", key = key, what = what), Some(help));
            }
        }
    }

    fn get<'t, 'i>(t: &'t Table<'i>, key: &str) -> Option<&'t Value<'i>> {
        t.iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v)
    }

    /// `[report]` (SPEC §2): the heading of the review document.
    fn read_document_heading(&mut self, t: &Table, plan_id: &str) -> DocumentHeading {
        self.check_keys(
            t,
            &["style", "parent", "issuer", "place", "signer_title", "signer", "recipients"],
            "[report]",
        );
        let texts = |l: &mut Self, key: &str| -> Vec<String> {
            l.strings(t, key).map(|v| v.into_iter().map(|(s, _)| s).collect()).unwrap_or_default()
        };
        DocumentHeading {
            style: self
                .enum_of(t, "style", DocumentStyle::parse_name, &["party", "state"])
                .unwrap_or_else(|| DocumentStyle::of_plan_number(plan_id)),
            parent: self.opt_text(t, "parent"),
            issuer: self.opt_text(t, "issuer"),
            place: self.opt_text(t, "place"),
            signer_title: texts(self, "signer_title"),
            signer: self.opt_text(t, "signer"),
            recipients: texts(self, "recipients"),
        }
    }

    fn missing(&mut self, at: &Span, key: &str, what: &str) {
        self.err(at.start..at.start, tr!("plan-missing-key", key = key, what = what), None);
    }

    /// "`key` must be EXPECTED, found TYPE"; `expected` is a catalogue key
    /// (`plan-expect-…`).
    fn type_err(&mut self, v: &Value, key: &str, expected: &str) {
        let found = match v.get_ref().type_str() {
            "string" => tr!("plan-type-string"),
            "integer" => tr!("plan-type-integer"),
            "float" => tr!("plan-type-float"),
            "boolean" => tr!("plan-type-boolean"),
            "array" => tr!("plan-type-array"),
            "table" => tr!("plan-type-table"),
            _ => tr!("plan-type-datetime"),
        };
        let expected = tr!(expected, key = key);
        self.err(v.span(), tr!("plan-wrong-type", key = key, expected = expected, found = found), None);
    }

    fn string(&mut self, t: &Table, key: &str) -> Option<(String, Span)> {
        let v = Self::get(t, key)?;
        match v.get_ref().as_str() {
            Some(s) => Some((s.to_string(), v.span())),
            None => {
                self.type_err(v, key, "plan-expect-string");
                None
            }
        }
    }

    fn req_string(&mut self, t: &Table, at: &Span, key: &str, what: &str) -> Option<(String, Span)> {
        let r = self.string(t, key);
        if r.is_none() && Self::get(t, key).is_none() {
            self.missing(at, key, what);
        }
        r
    }

    fn opt_text(&mut self, t: &Table, key: &str) -> Option<String> {
        self.string(t, key).map(|(s, _)| s)
    }

    fn int(&mut self, t: &Table, key: &str) -> Option<(i64, Span)> {
        let v = Self::get(t, key)?;
        match int_of(v.get_ref()) {
            Some(i) => Some((i, v.span())),
            None => {
                self.type_err(v, key, "plan-expect-integer");
                None
            }
        }
    }

    fn year(&mut self, t: &Table, key: &str) -> Option<(i32, Span)> {
        let (i, span) = self.int(t, key)?;
        if !(1900..=2200).contains(&i) {
            self.err(span, tr!("plan-implausible-year", key = key, year = i.to_string()), None);
            return None;
        }
        Some((i as i32, span))
    }

    fn number(&mut self, v: &Value, key: &str) -> Option<f64> {
        let n = match v.get_ref() {
            DeValue::Integer(_) => int_of(v.get_ref()).map(|i| i as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => None,
        };
        match n {
            Some(x) if x.is_finite() => Some(x),
            _ => {
                self.type_err(v, key, "plan-expect-number");
                None
            }
        }
    }

    fn date(&mut self, t: &Table, key: &str) -> Option<(NaiveDate, Span)> {
        let v = Self::get(t, key)?;
        let d = match v.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() => {
                dt.date.and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()))
            }
            _ => None,
        };
        if d.is_none() {
            self.err(v.span(), tr!("plan-date", key = key), None);
        }
        d.map(|d| (d, v.span()))
    }

    fn strings(&mut self, t: &Table, key: &str) -> Option<Vec<(String, Span)>> {
        let v = Self::get(t, key)?;
        let Some(arr) = v.get_ref().as_array() else {
            self.type_err(v, key, "plan-expect-strings");
            return None;
        };
        let mut out = Vec::new();
        for item in arr.iter() {
            match item.get_ref().as_str() {
                Some(s) => out.push((s.to_string(), item.span())),
                None => self.type_err(item, key, "plan-expect-strings"),
            }
        }
        Some(out)
    }

    fn table<'t, 'i>(&mut self, t: &'t Table<'i>, key: &str) -> Option<(&'t Table<'i>, Span)> {
        let v = Self::get(t, key)?;
        match v.get_ref().as_table() {
            Some(tt) => Some((tt, v.span())),
            None => {
                self.type_err(v, key, "plan-expect-table");
                None
            }
        }
    }

    fn tables<'t, 'i>(&mut self, t: &'t Table<'i>, key: &str) -> Vec<(&'t Table<'i>, Span)> {
        let Some(v) = Self::get(t, key) else { return vec![] };
        let Some(arr) = v.get_ref().as_array() else {
            self.type_err(v, key, "plan-expect-tables");
            return vec![];
        };
        let mut out = Vec::new();
        for item in arr.iter() {
            match item.get_ref().as_table() {
                Some(tt) => out.push((tt, item.span())),
                None => self.type_err(item, key, "plan-expect-table"),
            }
        }
        out
    }

    fn enum_of<T>(
        &mut self,
        t: &Table,
        key: &str,
        parse: fn(&str) -> Option<T>,
        allowed: &[&str],
    ) -> Option<T> {
        let (s, span) = self.string(t, key)?;
        match parse(&s) {
            Some(x) => Some(x),
            None => {
                let help = match suggest(&s, allowed.iter().copied()) {
                    Some(x) => tr!("plan-did-you-mean", id = x),
                    None => tr!("plan-one-of", values = allowed.join(", ")),
                };
                self.err(span, tr!("plan-not-valid", key = key, value = s.as_str()), Some(help));
                None
            }
        }
    }

    fn id(&mut self, t: &Table, at: &Span, what: &str, spans: &mut Spans) -> String {
        let Some((id, span)) = self.req_string(t, at, "id", what) else {
            return String::new();
        };
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            let fixed: String =
                id.to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
            self.err(
                span.clone(),
                tr!("plan-bad-id", id = id.as_str()),
                (!fixed.is_empty()).then(|| tr!("plan-write", fixed = fixed.as_str())),
            );
        }
        spans.ids.push((id.clone(), span));
        id
    }

    fn agency_ref(&mut self, s: Option<(String, Span)>, spans: &mut Spans) -> Option<String> {
        let (id, span) = s?;
        spans.agency_refs.push((id.clone(), span));
        Some(id)
    }

    fn read_plan(&mut self, root: &Table, whole: Span) -> (Plan, Spans) {
        let mut spans = Spans::default();
        self.check_keys(
            root,
            &["plan", "agencies", "reporting", "report", "group", "export", "amendment"],
            "the plan file",
        );
        let mut plan = Plan {
            id: String::new(),
            title: String::new(),
            issued_by: None,
            issued_on: None,
            implements: None,
            start: 0,
            end: 0,
            horizon: None,
            lang: Lang::Vi,
            numbers: NumberStyle::Vi,
            dates: DateOrder::Dmy,
            ledger: None,
            agencies: Vec::new(),
            due_days: DueDays::default(),
            groups: Vec::new(),
            dhis2: None,
            document: None,
            amendments: Vec::new(),
            text: String::new(),
            index: HashMap::new(),
        };
        match self.table(root, "plan") {
            None => self.missing(&(0..0), "[plan]", "the plan file"),
            Some((p, at)) => {
                let what = "[plan]";
                self.check_keys(
                    p,
                    &[
                        "id",
                        "title",
                        "issued_by",
                        "issued_on",
                        "implements",
                        "start",
                        "end",
                        "horizon",
                        "lang",
                        "numbers",
                        "dates",
                        "ledger",
                    ],
                    what,
                );
                plan.id = self.req_string(p, &at, "id", what).map(|s| s.0).unwrap_or_default();
                plan.title = self.req_string(p, &at, "title", what).map(|s| s.0).unwrap_or_default();
                plan.issued_by = self.opt_text(p, "issued_by");
                plan.issued_on = self.date(p, "issued_on").map(|d| d.0);
                plan.implements = self.opt_text(p, "implements");
                let start = self.year(p, "start");
                let end = self.year(p, "end");
                if start.is_none() && Self::get(p, "start").is_none() {
                    self.missing(&at, "start", what);
                }
                if end.is_none() && Self::get(p, "end").is_none() {
                    self.missing(&at, "end", what);
                }
                if let (Some((s, ss)), Some((e, es))) = (&start, &end) {
                    spans.start_end = ss.start..es.end;
                    if s > e {
                        self.err(
                            es.clone(),
                            tr!("plan-end-before-start", end = e.to_string(), start = s.to_string()),
                            None,
                        );
                    }
                }
                plan.start = start.map_or(0, |s| s.0);
                plan.end = end.map_or(0, |e| e.0);
                if let Some((h, span)) = self.year(p, "horizon") {
                    if h < plan.end {
                        self.err(
                            span,
                            tr!("plan-horizon", horizon = h.to_string(), end = plan.end.to_string()),
                            None,
                        );
                    }
                    plan.horizon = Some(h);
                }
                plan.lang = self
                    .enum_of(p, "lang", Lang::parse_name, &["vi", "en"])
                    .unwrap_or_else(crate::i18n::env_lang);
                plan.numbers = self
                    .enum_of(p, "numbers", NumberStyle::parse_name, &["vi", "en"])
                    .unwrap_or(NumberStyle::Vi);
                plan.dates =
                    self.enum_of(p, "dates", DateOrder::parse_name, &["dmy", "mdy"]).unwrap_or_default();
                plan.ledger = self.opt_text(p, "ledger");
            }
        }
        if let Some((a, _)) = self.table(root, "agencies") {
            for (k, v) in a.iter() {
                let id: &str = k.get_ref();
                if id.is_empty()
                    || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                {
                    self.err(k.span(), tr!("plan-bad-agency-id", id = id), None);
                }
                match v.get_ref().as_str() {
                    Some(name) => plan.agencies.push((id.to_string(), name.to_string())),
                    None => self.type_err(v, id, "plan-expect-agency-name"),
                }
            }
        }
        if let Some((rep, _)) = self.table(root, "reporting") {
            self.check_keys(rep, &["due_days"], "[reporting]");
            if let Some((dd, _)) = self.table(rep, "due_days") {
                self.check_keys(dd, &["year", "half", "quarter", "month"], "[reporting.due_days]");
                for c in Cadence::ALL {
                    if let Some((n, _)) = self.int(dd, c.name()) {
                        match c {
                            Cadence::Year => plan.due_days.year = n,
                            Cadence::Half => plan.due_days.half = n,
                            Cadence::Quarter => plan.due_days.quarter = n,
                            Cadence::Month => plan.due_days.month = n,
                        }
                    }
                }
            }
        }
        plan.dhis2 = self.read_export(root);
        plan.amendments = self.read_amendments(root, &mut spans);
        if let Some((t, _)) = self.table(root, "report") {
            plan.document = Some(self.read_document_heading(t, &plan.id));
        }
        let groups = self.tables(root, "group");
        if groups.is_empty() && Self::get(root, "group").is_none() {
            self.err(whole.start..whole.start, tr!("plan-no-group"), Some(tr!("plan-add-group")));
        }
        for (g, at) in groups {
            let group = self.read_group(g, at, &plan, &mut spans);
            plan.groups.push(group);
        }
        (plan, spans)
    }

    fn read_group(&mut self, g: &Table, at: Span, plan: &Plan, spans: &mut Spans) -> Group {
        let what = "[[group]]";
        self.check_keys(
            g,
            &[
                "id",
                "section",
                "name",
                "goal",
                "content",
                "lead",
                "partners",
                "responsibility",
                "schedule",
                "deliverables",
                "oversight",
                "funding",
                "indicator",
                "task",
            ],
            what,
        );
        let id = self.id(g, &at, what, spans);
        let name = self.req_string(g, &at, "name", what).map(|s| s.0).unwrap_or_default();
        let lead = self.string(g, "lead");
        let lead = self.agency_ref(lead, spans);
        let partners = self.strings(g, "partners").unwrap_or_default();
        let partners = partners.into_iter().filter_map(|p| self.agency_ref(Some(p), spans)).collect();
        let schedule = self.table(g, "schedule").and_then(|(s, sat)| {
            self.check_keys(s, &["start", "end"], "`schedule`");
            let start = self.year(s, "start");
            let end = self.year(s, "end");
            match (start, end) {
                (Some((a, aspan)), Some((b, bspan))) => {
                    for (y, span) in [(a, aspan), (b, bspan.clone())] {
                        if !plan.years().contains(&y) && plan.start != 0 {
                            self.err(
                                span,
                                tr!(
                                    "plan-schedule-year",
                                    year = y.to_string(),
                                    start = plan.start.to_string(),
                                    end = plan.end.to_string()
                                ),
                                None,
                            );
                        }
                    }
                    if a > b {
                        self.err(
                            bspan,
                            tr!("plan-schedule-order", end = b.to_string(), start = a.to_string()),
                            None,
                        );
                    }
                    Some((a, b))
                }
                _ => {
                    self.err(sat, tr!("plan-schedule-needs"), None);
                    None
                }
            }
        });
        let oversight = self.table(g, "oversight").map(|(o, _)| {
            self.check_keys(o, &["by", "every"], "`oversight`");
            let by = self.string(o, "by");
            Oversight {
                by: self.agency_ref(by, spans),
                every: self.enum_of(o, "every", Cadence::parse_name, &["year", "half", "quarter", "month"]),
            }
        });
        let mut group = Group {
            section: self.opt_text(g, "section"),
            goal: self.opt_text(g, "goal"),
            content: self.opt_text(g, "content"),
            responsibility: self.opt_text(g, "responsibility"),
            deliverables: self
                .strings(g, "deliverables")
                .unwrap_or_default()
                .into_iter()
                .map(|s| s.0)
                .collect(),
            funding: self.opt_text(g, "funding"),
            id,
            name,
            lead,
            partners,
            schedule,
            oversight,
            indicators: Vec::new(),
            tasks: Vec::new(),
        };
        for (t, at) in self.tables(g, "indicator") {
            let ind = self.read_indicator(t, at, plan, spans);
            group.indicators.push(ind);
        }
        for (t, at) in self.tables(g, "task") {
            let task = self.read_task(t, at, plan, spans);
            group.tasks.push(task);
        }
        group
    }

    fn read_indicator(&mut self, t: &Table, at: Span, plan: &Plan, spans: &mut Spans) -> Indicator {
        let what = "[[group.indicator]]";
        self.check_keys(
            t,
            &[
                "id",
                "name",
                "unit",
                "measure",
                "every",
                "target",
                "basis",
                "by",
                "baseline",
                "milestones",
                "weight",
                "ratio",
                "growth",
                "note",
                "dhis2",
                "min",
                "max",
                "integer",
                amend::INDICATOR_KEYS[0],
                amend::INDICATOR_KEYS[1],
                amend::INDICATOR_KEYS[2],
                amend::INDICATOR_KEYS[3],
            ],
            what,
        );
        let mut isp = IndicatorSpans::default();
        let id = self.id(t, &at, what, spans);
        let name = self.req_string(t, &at, "name", what).map(|s| s.0).unwrap_or_default();
        let unit = self.opt_text(t, "unit").unwrap_or_default();
        let measure = self.enum_of(t, "measure", parse_measure, &["level", "flow", "rate"]);
        let every = self.enum_of(t, "every", Cadence::parse_name, &["year", "half", "quarter", "month"]);
        let ratio = self.strings(t, "ratio");
        let growth = self.string(t, "growth");
        let derived_span = Self::get(t, "ratio").or(Self::get(t, "growth")).map(|v| v.span());
        let source = match (ratio, growth) {
            (Some(_), Some((_, span))) => {
                self.err(span, tr!("plan-ratio-and-growth"), None);
                None
            }
            (Some(r), None) => {
                if r.len() != 2 {
                    self.err(derived_span.clone().unwrap_or(at.clone()), tr!("plan-ratio-two"), None);
                    None
                } else {
                    Some(Source::Ratio { num: r[0].0.clone(), den: r[1].0.clone() })
                }
            }
            (None, Some((of, _))) => Some(Source::Growth { of }),
            (None, None) => None,
        };
        let source = match source {
            Some(s) => {
                for key in ["measure", "every"] {
                    if let Some(v) = Self::get(t, key) {
                        self.err(v.span(), tr!("plan-derived-remove", key = key), None);
                    }
                }
                isp.derived = derived_span.unwrap_or(at.clone());
                s
            }
            None => {
                let any_derived = Self::get(t, "ratio").is_some() || Self::get(t, "growth").is_some();
                if !any_derived {
                    if Self::get(t, "measure").is_none() {
                        self.err(at.start..at.start, tr!("plan-needs-measure", id = id.as_str()), None);
                    }
                    if Self::get(t, "every").is_none() {
                        self.err(at.start..at.start, tr!("plan-needs-every", id = id.as_str()), None);
                    }
                }
                Source::Recorded {
                    measure: measure.unwrap_or(Measure::Level),
                    every: every.unwrap_or(Cadence::Year),
                }
            }
        };
        let target = self.string(t, "target").and_then(|(s, span)| match Target::parse(&s, plan.numbers) {
            Ok(t) => Some(t),
            Err(e) => {
                let (msg, help) = match e.split_once('\n') {
                    Some((m, h)) => (m.to_string(), Some(h.to_string())),
                    None => (e, None),
                };
                self.err(span, msg, help);
                None
            }
        });
        let basis = self
            .enum_of(t, "basis", parse_basis, &["end", "year", "average", "compound", "cumulative"])
            .unwrap_or(Basis::End);
        let by = self.year(t, "by").map(|(y, span)| {
            isp.by = Some(span);
            y
        });
        let baseline = self.table(t, "baseline").and_then(|(b, bat)| {
            self.check_keys(b, &["year", "value"], "`baseline`");
            let year = self.year(b, "year");
            let value = Self::get(b, "value").and_then(|v| self.number(v, "value"));
            match (year, value) {
                (Some((y, span)), Some(v)) => {
                    isp.baseline_year = Some(span);
                    Some(Baseline { year: y, value: v })
                }
                _ => {
                    if Self::get(b, "year").is_none() || Self::get(b, "value").is_none() {
                        self.err(bat, tr!("plan-baseline-needs"), None);
                    }
                    None
                }
            }
        });
        let mut milestones = BTreeMap::new();
        if let Some((m, mspan)) = self.table(t, "milestones") {
            if target.is_some_and(|t| t.is_range()) {
                self.err(mspan, tr!("plan-milestones-range"), Some(tr!("plan-milestones-range-help")));
            }
            for (k, v) in m.iter() {
                let key: &str = k.get_ref();
                let Some(year) = key.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y)) else {
                    self.err(k.span(), tr!("plan-milestone-key", key = key), None);
                    continue;
                };
                if let Some(x) = self.number(v, key) {
                    milestones.insert(year, x);
                    isp.milestones.push((year, k.span()));
                }
            }
        }
        let weight = match Self::get(t, "weight") {
            Some(v) => match self.number(v, "weight") {
                Some(w) if w > 0.0 => w,
                Some(w) => {
                    self.err(v.span(), tr!("plan-weight", weight = w.to_string()), None);
                    1.0
                }
                None => 1.0,
            },
            None => 1.0,
        };
        let min = Self::get(t, "min").and_then(|v| self.number(v, "min"));
        let max = Self::get(t, "max").and_then(|v| self.number(v, "max"));
        if let (Some(lo), Some(hi), Some(v)) = (min, max, Self::get(t, "max"))
            && hi < lo
        {
            self.err(v.span(), tr!("plan-max-below-min", max = hi.to_string(), min = lo.to_string()), None);
        }
        let integer = match Self::get(t, "integer") {
            Some(v) => match v.get_ref() {
                DeValue::Boolean(b) => *b,
                _ => {
                    self.type_err(v, "integer", "plan-expect-bool");
                    false
                }
            },
            None => false,
        };
        if !matches!(source, Source::Recorded { .. }) {
            for key in ["min", "max", "integer"] {
                if let Some(v) = Self::get(t, key) {
                    self.err(v.span(), tr!("plan-derived-remove", key = key), None);
                }
            }
        }
        let dhis2 = self.dhis2_code(t, &mut isp);
        spans.indicator.insert(id.clone(), isp);
        let am = self.read_indicator_amend(t, &id, plan, spans);
        Indicator {
            formerly: am.formerly,
            renamed_by: am.renamed_by,
            revisions: am.revisions,
            added_by: am.added_by,
            dhis2,
            min,
            max,
            integer,
            note: self.opt_text(t, "note"),
            by_explicit: by.is_some(),
            by: by.unwrap_or(plan.end),
            id,
            name,
            unit,
            source,
            target,
            basis,
            baseline,
            milestones,
            weight,
        }
    }

    fn read_task(&mut self, t: &Table, at: Span, plan: &Plan, spans: &mut Spans) -> Task {
        let what = "[[group.task]]";
        self.check_keys(
            t,
            &["id", "name", "lead", "partners", "deliverable", "due", "note", "added_by"],
            what,
        );
        let id = self.id(t, &at, what, spans);
        let name = self.req_string(t, &at, "name", what).map(|s| s.0).unwrap_or_default();
        let lead = self.string(t, "lead");
        let lead = self.agency_ref(lead, spans);
        let partners = self.strings(t, "partners").unwrap_or_default();
        let partners = partners.into_iter().filter_map(|p| self.agency_ref(Some(p), spans)).collect();
        let due = self.date(t, "due").map(|(d, span)| {
            spans.task_due.insert(id.clone(), span);
            d
        });
        let _ = plan;
        Task {
            added_by: self.added_by(t, spans),
            deliverable: self.opt_text(t, "deliverable"),
            note: self.opt_text(t, "note"),
            id,
            name,
            lead,
            partners,
            due,
        }
    }

    /// Cross-checks: unique ids, agency references, derived indicators,
    /// years inside the plan.
    fn validate(&mut self, plan: &Plan, spans: &Spans) {
        let mut seen: HashMap<&str, ()> = HashMap::new();
        for (id, span) in &spans.ids {
            if id.is_empty() {
                continue;
            }
            if seen.insert(id, ()).is_some() {
                self.err(
                    span.clone(),
                    tr!("plan-duplicate-id", id = id.as_str()),
                    Some(tr!("plan-rename", id = id.as_str())),
                );
            }
        }
        let agencies: Vec<&str> = plan.agencies.iter().map(|(a, _)| a.as_str()).collect();
        for (id, span) in &spans.agency_refs {
            if !agencies.contains(&id.as_str()) {
                let help = match suggest(id, agencies.iter().copied()) {
                    Some(s) => tr!("plan-agency-did-you-mean", id = s),
                    None => tr!("plan-agency-add", id = id.as_str()),
                };
                self.err(span.clone(), tr!("plan-unknown-agency", id = id.as_str()), Some(help));
            }
        }
        // With `start` or `end` unreadable (already reported), year checks
        // would only repeat that error.
        let years_known = plan.start != 0 && plan.end != 0;
        let years = if years_known { plan.years() } else { i32::MIN..=i32::MAX };
        let indicators: HashMap<&str, &Indicator> = plan.indicators().map(|i| (i.id.as_str(), i)).collect();
        let all_ids: Vec<&str> = indicators.keys().copied().collect();
        for ind in plan.indicators() {
            let Some(isp) = spans.indicator.get(&ind.id) else { continue };
            if let Some(span) = &isp.by
                && !years.contains(&ind.by)
            {
                self.err(
                    span.clone(),
                    tr!(
                        "plan-by-outside",
                        by = ind.by.to_string(),
                        start = plan.start.to_string(),
                        end = plan.end.to_string()
                    ),
                    None,
                );
            }
            for (year, span) in &isp.milestones {
                if !years.contains(year) {
                    self.err(
                        span.clone(),
                        tr!(
                            "plan-milestone-outside",
                            year = year.to_string(),
                            start = plan.start.to_string(),
                            end = plan.end.to_string()
                        ),
                        None,
                    );
                }
            }
            if let (Some(b), Some(span)) = (ind.baseline, &isp.baseline_year)
                && years_known
                && (b.year > plan.end || b.year >= ind.by)
            {
                self.err(
                    span.clone(),
                    tr!("plan-baseline-order", year = b.year.to_string(), by = ind.by.to_string()),
                    None,
                );
            }
            for input in ind.inputs() {
                match indicators.get(input) {
                    None => {
                        let help =
                            suggest(input, all_ids.iter().copied()).map(|s| tr!("plan-did-you-mean", id = s));
                        self.err(
                            isp.derived.clone(),
                            tr!("plan-unknown-input", id = ind.id.as_str(), input = input),
                            help,
                        );
                    }
                    Some(src) if matches!(ind.source, Source::Growth { .. }) && src.is_derived() => {
                        self.err(isp.derived.clone(), tr!("plan-growth-derived", input = input), None);
                    }
                    Some(_) if input == ind.id => {
                        self.err(isp.derived.clone(), tr!("plan-self", id = ind.id.as_str()), None);
                    }
                    Some(_) => {}
                }
            }
        }
        // Cycles among ratios (growth sources are recorded, so cannot loop).
        for ind in plan.indicators().filter(|i| i.is_derived()) {
            if let Some(path) = find_cycle(&ind.id, &indicators)
                && let Some(isp) = spans.indicator.get(&ind.id)
                && path.len() > 2
            {
                self.err(isp.derived.clone(), tr!("plan-cycle", path = path.join(" → ")), None);
            }
        }
        if !years_known {
            return;
        }
        let first = NaiveDate::from_ymd_opt(plan.start, 1, 1);
        let last = NaiveDate::from_ymd_opt(plan.end, 12, 31);
        for task in plan.groups.iter().flat_map(|g| &g.tasks) {
            if let (Some(due), Some(span)) = (task.due, spans.task_due.get(&task.id))
                && (Some(due) < first || Some(due) > last)
            {
                self.err(
                    span.clone(),
                    tr!(
                        "plan-due-outside",
                        due = crate::words::date_in_message(due),
                        start = plan.start.to_string(),
                        end = plan.end.to_string()
                    ),
                    None,
                );
            }
        }
        let _ = &spans.start_end;
    }
}

/// `dhis2` codes and `[export.dhis2]` (SPEC §2, §4.3).
impl Reader<'_> {
    /// A DHIS2 identifier: not empty, no spaces at its ends, no control
    /// characters (DHIS2 codes are at most 50 characters; UIDs are 11).
    fn dhis2_id(&mut self, t: &Table, key: &str) -> Option<(String, Span)> {
        let (s, span) = self.string(t, key)?;
        if s.trim().is_empty() || s.trim() != s || s.chars().any(char::is_control) || s.chars().count() > 50 {
            self.err(span, crate::tr!("dhis2-plan-bad-id", key = key, value = s.as_str()), None);
            return None;
        }
        Some((s, span))
    }

    /// `dhis2` on an indicator; its span is kept for the cross-checks.
    fn dhis2_code(&mut self, t: &Table, isp: &mut IndicatorSpans) -> Option<String> {
        let (code, span) = self.dhis2_id(t, "dhis2")?;
        isp.dhis2 = Some(span);
        Some(code)
    }

    /// `[export.dhis2]`: `org_unit` (required) and `data_set`.
    fn read_export(&mut self, root: &Table) -> Option<Dhis2Target> {
        let (export, _) = self.table(root, "export")?;
        self.check_keys(export, &["dhis2"], "[export]");
        let (t, at) = self.table(export, "dhis2")?;
        let what = "[export.dhis2]";
        self.check_keys(t, &["org_unit", "data_set"], what);
        let data_set = self.dhis2_id(t, "data_set").map(|s| s.0);
        if Self::get(t, "org_unit").is_none() {
            self.missing(&at, "org_unit", what);
        }
        let (org_unit, _) = self.dhis2_id(t, "org_unit")?;
        Some(Dhis2Target { org_unit, data_set })
    }

    /// A `dhis2` code maps one indicator, which is recorded: a derived one
    /// is not exported (DHIS2 computes its own), and two indicators with one
    /// code could not be told apart on import.
    fn validate_dhis2(&mut self, plan: &Plan, spans: &Spans) {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for ind in plan.indicators() {
            let (Some(code), Some(span)) =
                (&ind.dhis2, spans.indicator.get(&ind.id).and_then(|s| s.dhis2.clone()))
            else {
                continue;
            };
            if ind.is_derived() {
                self.err(span.clone(), crate::tr!("dhis2-plan-derived", id = ind.id.as_str()), None);
            }
            if let Some(other) = seen.insert(code, &ind.id) {
                self.err(
                    span,
                    crate::tr!(
                        "dhis2-plan-duplicate",
                        code = code.as_str(),
                        other = other,
                        id = ind.id.as_str()
                    ),
                    None,
                );
            }
        }
    }
}

/// A path from `start` back to itself through derived inputs, if any.
fn find_cycle(start: &str, indicators: &HashMap<&str, &Indicator>) -> Option<Vec<String>> {
    fn walk(
        node: &str,
        start: &str,
        indicators: &HashMap<&str, &Indicator>,
        path: &mut Vec<String>,
        visited: &mut HashSet<String>,
    ) -> bool {
        let Some(ind) = indicators.get(node) else { return false };
        for input in ind.inputs() {
            if input == start {
                path.push(input.to_string());
                return true;
            }
            if visited.insert(input.to_string()) {
                path.push(input.to_string());
                if walk(input, start, indicators, path, visited) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_string()];
    let mut visited = HashSet::new();
    walk(start, start, indicators, &mut path, &mut visited).then_some(path)
}

fn int_of(v: &DeValue) -> Option<i64> {
    match v {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok(),
        _ => None,
    }
}

fn parse_measure(s: &str) -> Option<Measure> {
    match s {
        "level" => Some(Measure::Level),
        "flow" => Some(Measure::Flow),
        "rate" => Some(Measure::Rate),
        _ => None,
    }
}

fn parse_basis(s: &str) -> Option<Basis> {
    match s {
        "end" => Some(Basis::End),
        "year" => Some(Basis::Year),
        "average" => Some(Basis::Average),
        "compound" => Some(Basis::Compound),
        "cumulative" => Some(Basis::Cumulative),
        _ => None,
    }
}
