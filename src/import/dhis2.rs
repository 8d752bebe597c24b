//! DHIS2 data value sets as an import source (SPEC §4.1, last bullet; §4.3):
//! DHIS2's JSON, DHIS2's CSV, and XML (ADX, or DHIS2's own DXF
//! `dataValueSet`), told apart by their content ([`detect`]), read into
//! rows of typed cells ([`Cell`]) in the plan's columns, each with a label
//! that says where it is in the file (`dataValues[12]` in JSON, the line in
//! CSV, `dataValue 12` in XML).
//!
//! A data value is mapped back through the plan: its data element through
//! the indicators' `dhis2` codes, its organisation unit against `[export.dhis2]
//! org_unit` (values for another organisation unit are refused, not
//! skipped: a file of the wrong commune must not pass for an empty one), its
//! period from DHIS2's code (`2027Q3`) or ADX's `2027-07-01/P3M` to the plan's
//! `2027-Q3`, its value as a number (DHIS2 writes machine numbers, `.` for
//! decimals, whatever the plan's style), `created` (else `lastUpdated`) as
//! the date reported, `storedBy` as who, `comment` as the note. What cannot
//! be mapped is an error of the row; the row checker of the batch then
//! applies the same rules to these cells as to a CSV's.
//!
//! The plan keeps one value per indicator and period: a data value with a
//! disaggregation (a category option combination other than the default,
//! or ADX category attributes) is refused, and so is one marked `deleted`.
//!
//! Shapes: DHIS2 Web API "Data values", "CSV data value format", "ADX data
//! format" (<https://docs.dhis2.org/master/en/developer/html/webapi_data_values.html>).
//! Memory: the file is read whole (a data value set of one office is small).

use super::cell::Cell;
use super::{At, Batch, Cells, Col, Header, Known, Options, Outcome, ValueAt};
use crate::export::dhis2::{ADX_NAMESPACE, parse_adx_period, parse_period_code};
use crate::ledger::NewEntry;
use crate::plan::{Plan, suggest};
use crate::tr;
use anyhow::Result;
use chrono::NaiveDate;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use serde_json::Value as Json;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::HashMap;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The namespace of DHIS2's own XML data value sets (DXF 2).
pub const DXF_NAMESPACE: &str = "http://dhis2.org/schema/dxf/2.0";

/// The category option combination DHIS2 uses when a data element is not
/// disaggregated, by name or code, and by the UID DHIS2 gives it.
const DEFAULT_COMBOS: [&str; 2] = ["default", "HllvX50cXC0"];

/// A DHIS2 data value set format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A JSON object with `dataValues`.
    Json,
    /// DHIS2's CSV: a header starting `dataelement,period,orgunit`.
    Csv,
    /// XML: ADX (`urn:ihe:qrph:adx:2015`) or DXF 2 (`<dataValueSet>`).
    Xml,
}

impl Format {
    /// The name of the format, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "DHIS2 JSON",
            Format::Csv => "DHIS2 CSV",
            Format::Xml => "DHIS2 XML",
        }
    }
}

/// Tells a DHIS2 data value set by its first bytes (a UTF-8 BOM and white
/// space skipped): a JSON object, an XML document, or a CSV whose header
/// starts with DHIS2's `dataelement,period,orgunit` (quoted or not, any
/// case). `None`: the plan's own CSV (or a workbook), read as such.
pub fn detect(head: &[u8]) -> Option<Format> {
    let head = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..];
    match head[0] {
        b'{' => return Some(Format::Json),
        b'<' => return Some(Format::Xml),
        _ => {}
    }
    let line = head.split(|&b| b == b'\n' || b == b'\r').next().unwrap_or_default();
    let fields: Vec<String> = line
        .split(|&b| b == b',')
        .take(3)
        .map(|f| String::from_utf8_lossy(f).trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    (fields == ["dataelement", "period", "orgunit"]).then_some(Format::Csv)
}

/// A whole-file problem: nothing can be read (not valid JSON or XML, no
/// data values, no `[export.dhis2]` in the plan...).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BadSet(pub String);

/// One data value, as the plan's columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Where it is in the file (after `FILE:`): `dataValues[12]` (JSON,
    /// counted from 0 as in a JSON path), `13` (the CSV line), `dataValue 12`
    /// (XML, counted from 1).
    pub at: At,
    /// The indicator's id (`Empty` when the data element is unknown).
    pub indicator: Cell<'static>,
    /// The period, as the plan writes it (`2027-Q3`).
    pub period: Cell<'static>,
    /// `Number`, or `Empty` for a value left empty.
    pub value: Cell<'static>,
    /// `created`, else `lastUpdated` (the date part).
    pub date: Cell<'static>,
    /// `storedBy`.
    pub by: Cell<'static>,
    /// `comment`.
    pub note: Cell<'static>,
    /// What could not be mapped: (the field as the file names it, message).
    pub errors: Vec<(String, String)>,
}

/// A data value as the file gives it, before mapping.
#[derive(Debug)]
struct Raw {
    at: At,
    data_element: Option<String>,
    period: Option<String>,
    org_unit: Option<String>,
    category_option_combo: Option<String>,
    attribute_option_combo: Option<String>,
    value: Option<RawValue>,
    stored_by: Option<String>,
    created: Option<String>,
    last_updated: Option<String>,
    comment: Option<String>,
    deleted: bool,
    /// ADX category attributes (`SEX="F"`), on the value or its group.
    disaggregation: Vec<String>,
    /// Errors found while reading (a field of the wrong type).
    errors: Vec<(String, String)>,
}

impl Raw {
    fn new(at: At) -> Raw {
        Raw {
            at,
            data_element: None,
            period: None,
            org_unit: None,
            category_option_combo: None,
            attribute_option_combo: None,
            value: None,
            stored_by: None,
            created: None,
            last_updated: None,
            comment: None,
            deleted: false,
            disaggregation: Vec::new(),
            errors: Vec::new(),
        }
    }
}

#[derive(Debug)]
enum RawValue {
    Text(String),
    Number(f64),
}

/// The names a format gives the fields, for messages.
struct Fields {
    data_element: &'static str,
    period: &'static str,
    org_unit: &'static str,
    category_option_combo: &'static str,
    attribute_option_combo: &'static str,
    value: &'static str,
    /// The field the date reported is read from first.
    date: &'static str,
    last_updated: &'static str,
    stored_by: &'static str,
    comment: &'static str,
    deleted: &'static str,
    /// ADX periods are ISO start and duration, not DHIS2 codes.
    adx_periods: bool,
}

const JSON_FIELDS: Fields = Fields {
    data_element: "dataElement",
    period: "period",
    org_unit: "orgUnit",
    category_option_combo: "categoryOptionCombo",
    attribute_option_combo: "attributeOptionCombo",
    value: "value",
    date: "created",
    last_updated: "lastUpdated",
    stored_by: "storedBy",
    comment: "comment",
    deleted: "deleted",
    adx_periods: false,
};

const CSV_FIELDS: Fields = Fields {
    data_element: "dataelement",
    period: "period",
    org_unit: "orgunit",
    category_option_combo: "catoptcombo",
    attribute_option_combo: "attroptcombo",
    value: "value",
    date: "lastupdated",
    last_updated: "lastupdated",
    stored_by: "storedby",
    comment: "comment",
    deleted: "deleted",
    adx_periods: false,
};

const ADX_FIELDS: Fields = Fields { adx_periods: true, ..JSON_FIELDS };

/// Reads a data value set of `format` and maps each value through `plan`.
/// Fails when the file cannot be read as `format`, holds no data values
/// (JSON and XML: no `dataValues`, `dataValue`), or the plan has no
/// `[export.dhis2]`.
pub fn read(bytes: &[u8], format: Format, plan: &Plan) -> Result<Vec<Row>, BadSet> {
    read_set(bytes, format, plan).map(|(rows, _)| rows)
}

/// [`read`], and the names the format gives its fields.
fn read_set(bytes: &[u8], format: Format, plan: &Plan) -> Result<(Vec<Row>, &'static Fields), BadSet> {
    let target = plan.dhis2.as_ref().ok_or_else(|| BadSet(tr!("dhis2-import-no-org-unit")))?;
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        BadSet(tr!("dhis2-import-not-utf8", format = format.name(), at = (e.valid_up_to() + 1).to_string()))
    })?;
    let (raws, fields) = match format {
        Format::Json => (read_json(text)?, &JSON_FIELDS),
        Format::Csv => (read_csv(text)?, &CSV_FIELDS),
        Format::Xml => read_xml(text)?,
    };
    let mut mapper = Mapper {
        plan,
        org_unit: &target.org_unit,
        codes: plan.indicators().filter_map(|i| i.dhis2.as_deref().map(|c| (c, i.id.as_str()))).collect(),
        combos: HashMap::new(),
        fields,
    };
    Ok((raws.into_iter().map(|r| mapper.map(r)).collect(), fields))
}

/// Imports a data value set (SPEC §4.1): reads it ([`read`]) and hands
/// each value, as a row of cells, to the one row checker of the batch, so
/// that the same rules as for a CSV apply (all or nothing, unchanged rows,
/// two values for one period, the tenfold guard...). A value that could
/// not be mapped is a bad row, its errors named by the file's own field
/// names. The outcome carries the SHA-256 of `bytes`.
pub fn run(
    plan: &Plan,
    bytes: &[u8],
    format: Format,
    opts: &Options,
    known: Known,
    mut push: impl FnMut(&NewEntry) -> Result<()>,
) -> Result<Outcome> {
    let (rows, f) = read_set(bytes, format, plan)?;
    // The source's "columns": its fields, in this order.
    let names = [
        f.data_element,
        f.period,
        f.value,
        f.date,
        f.last_updated,
        f.stored_by,
        f.comment,
        f.org_unit,
        f.category_option_combo,
        f.attribute_option_combo,
        f.deleted,
        "dataValues",
    ];
    let columns = [
        (Col::Indicator, 0),
        (Col::Period, 1),
        (Col::Value, 2),
        (Col::Date, 3),
        (Col::By, 5),
        (Col::Note, 6),
    ];
    let mut batch = Batch::new(plan, opts, Header::named(&names, &columns), known);
    for row in rows {
        for (field, message) in row.errors {
            // A disaggregation is named in its message; it stands where the
            // combination would.
            let i = names.iter().position(|n| *n == field).unwrap_or(8);
            batch.cell_error(i, message);
        }
        let mut cells: Cells<'_> = Default::default();
        cells[Col::Indicator as usize] = row.indicator;
        cells[Col::Period as usize] = row.period;
        cells[Col::Value as usize] = row.value;
        cells[Col::Date as usize] = row.date;
        cells[Col::By as usize] = row.by;
        cells[Col::Note as usize] = row.note;
        batch.row(row.at, &cells, &mut push)?;
    }
    let mut outcome = batch.finish();
    outcome.sha256 = hex::encode(Sha256::digest(bytes));
    Ok(outcome)
}

/// Maps raw values to rows, remembering the combination met for each data
/// element (two for one element are a disaggregation).
struct Mapper<'p> {
    plan: &'p Plan,
    org_unit: &'p str,
    codes: HashMap<&'p str, &'p str>,
    combos: HashMap<String, (String, String)>,
    fields: &'static Fields,
}

impl Mapper<'_> {
    fn map(&mut self, raw: Raw) -> Row {
        let f = self.fields;
        let mut errors = raw.errors;
        let mut err = |field: &str, message: String| errors.push((field.to_string(), message));
        let text = |s: Option<String>| match s {
            Some(s) if !s.trim().is_empty() => Cell::Text(Cow::Owned(s.trim().to_string())),
            _ => Cell::Empty,
        };
        let present =
            |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);

        let indicator = match present(&raw.data_element) {
            None => {
                err(f.data_element, tr!("dhis2-import-no-field", field = f.data_element));
                Cell::Empty
            }
            Some(de) => match self.codes.get(de.as_str()) {
                Some(id) => Cell::Text(Cow::Owned(id.to_string())),
                None => {
                    let message = match suggest(&de, self.codes.keys().copied()) {
                        Some(s) => {
                            tr!("dhis2-import-unknown-element-suggest", code = de.as_str(), suggestion = s)
                        }
                        None => tr!(
                            "dhis2-import-unknown-element",
                            code = de.as_str(),
                            plan = self.plan.id.as_str()
                        ),
                    };
                    err(f.data_element, message);
                    Cell::Empty
                }
            },
        };
        match present(&raw.org_unit) {
            None => err(f.org_unit, tr!("dhis2-import-no-field", field = f.org_unit)),
            Some(ou) if ou != self.org_unit => err(
                f.org_unit,
                tr!("dhis2-import-other-org-unit", org_unit = ou.as_str(), ours = self.org_unit),
            ),
            Some(_) => {}
        }
        let period = match present(&raw.period) {
            None => {
                err(f.period, tr!("dhis2-import-no-field", field = f.period));
                Cell::Empty
            }
            Some(p) => {
                let parsed = if f.adx_periods { parse_adx_period(&p) } else { parse_period_code(&p) };
                match parsed {
                    Ok(p) => Cell::Text(Cow::Owned(p.to_string())),
                    Err(m) => {
                        err(f.period, m);
                        Cell::Empty
                    }
                }
            }
        };
        let value = match raw.value {
            None => Cell::Empty,
            Some(RawValue::Number(n)) => Cell::Number(n),
            Some(RawValue::Text(t)) if t.trim().is_empty() => Cell::Empty,
            Some(RawValue::Text(t)) => match machine_number(&t) {
                Some(n) => Cell::Number(n),
                None => {
                    err(f.value, tr!("dhis2-import-bad-value", value = t.trim()));
                    Cell::Empty
                }
            },
        };
        let (date_field, date_text) = match (present(&raw.created), present(&raw.last_updated)) {
            (Some(c), _) => (f.date, Some(c)),
            (None, Some(u)) => (f.last_updated, Some(u)),
            (None, None) => (f.date, None),
        };
        let date = match date_text {
            None => Cell::Empty,
            Some(t) => match date_part(&t) {
                Some(d) => Cell::Date(d),
                None => {
                    err(date_field, tr!("dhis2-import-bad-date", value = t.as_str()));
                    Cell::Empty
                }
            },
        };
        if raw.deleted {
            err(f.deleted, tr!("dhis2-import-deleted"));
        }
        for d in &raw.disaggregation {
            err(d, tr!("dhis2-import-disaggregated", category = d.as_str()));
        }
        // One combination per data element: the default, or one other that
        // stands for the whole (a DHIS2 whose default has another UID).
        let combo = |s: &Option<String>| {
            present(s).filter(|c| !DEFAULT_COMBOS.contains(&c.as_str())).unwrap_or_default()
        };
        let key = (combo(&raw.category_option_combo), combo(&raw.attribute_option_combo));
        if let Some(de) = present(&raw.data_element) {
            let first = self.combos.entry(de.clone()).or_insert_with(|| key.clone());
            if *first != key {
                let field = if first.0 != key.0 { f.category_option_combo } else { f.attribute_option_combo };
                let shown = |c: &str| if c.is_empty() { "default".to_string() } else { c.to_string() };
                let (a, b) = if first.0 != key.0 { (&first.0, &key.0) } else { (&first.1, &key.1) };
                errors.push((
                    field.to_string(),
                    tr!("dhis2-import-two-combos", code = de.as_str(), first = shown(a), second = shown(b)),
                ));
            }
        }
        Row {
            at: raw.at,
            indicator,
            period,
            value,
            date,
            by: text(raw.stored_by),
            note: text(raw.comment),
            errors,
        }
    }
}

/// A DHIS2 value: a machine number (`-12`, `1234.5`, `1.5E3`), never a
/// grouped or comma-decimal one, never infinite.
fn machine_number(text: &str) -> Option<f64> {
    let t = text.trim();
    let ok = t.bytes().enumerate().all(|(i, b)| {
        b.is_ascii_digit()
            || b == b'.'
            || b == b'e'
            || b == b'E'
            || ((b == b'-' || b == b'+') && (i == 0 || matches!(t.as_bytes()[i - 1], b'e' | b'E')))
    });
    if !ok || !t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The date of a DHIS2 date or timestamp: `2027-10-05`,
/// `2027-10-05T09:12:00.000`, `2027-10-05 09:12`.
fn date_part(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let (date, rest) = t.split_at_checked(10)?;
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// A JSON scalar as text: strings as they are, numbers as written; other
/// types are an error of the row.
fn json_text(v: Option<&Json>, field: &str, errors: &mut Vec<(String, String)>) -> Option<String> {
    match v? {
        Json::Null => None,
        Json::String(s) => Some(s.clone()),
        Json::Number(n) => Some(n.to_string()),
        Json::Bool(b) => Some(b.to_string()),
        other => {
            errors.push((
                field.to_string(),
                tr!("dhis2-import-not-text", field = field, found = json_kind(other)),
            ));
            None
        }
    }
}

fn json_kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "true/false",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "list",
        Json::Object(_) => "object",
    }
}

/// DHIS2's JSON: `{"dataSet", "period", "orgUnit", "dataValues": [...]}`;
/// the set's `period`, `orgUnit` and `attributeOptionCombo` stand for a
/// value's own when it has none.
fn read_json(text: &str) -> Result<Vec<Raw>, BadSet> {
    let doc: Json = serde_json::from_str(text).map_err(|e| {
        BadSet(tr!(
            "dhis2-import-bad-json",
            line = e.line().to_string(),
            column = e.column().to_string(),
            message = e.to_string()
        ))
    })?;
    let Json::Object(set) = doc else { return Err(BadSet(tr!("dhis2-import-no-data-values"))) };
    let Some(Json::Array(values)) = set.get("dataValues") else {
        return Err(BadSet(tr!("dhis2-import-no-data-values")));
    };
    let mut set_errors = Vec::new();
    let set_period = json_text(set.get("period"), "period", &mut set_errors);
    let set_org_unit = json_text(set.get("orgUnit"), "orgUnit", &mut set_errors);
    let set_aoc = json_text(set.get("attributeOptionCombo"), "attributeOptionCombo", &mut set_errors);
    if let Some((field, message)) = set_errors.into_iter().next() {
        return Err(BadSet(format!("{field}: {message}")));
    }
    Ok(values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let mut raw = Raw::new(At::data_value(ValueAt::Json, i as u64 + 1));
            let Json::Object(o) = v else {
                raw.errors.push(("dataValues".into(), tr!("dhis2-import-not-object", found = json_kind(v))));
                return raw;
            };
            let e = &mut raw.errors;
            raw.data_element = json_text(o.get("dataElement"), "dataElement", e);
            raw.period = json_text(o.get("period"), "period", e).or_else(|| set_period.clone());
            raw.org_unit = json_text(o.get("orgUnit"), "orgUnit", e).or_else(|| set_org_unit.clone());
            raw.category_option_combo = json_text(o.get("categoryOptionCombo"), "categoryOptionCombo", e);
            raw.attribute_option_combo = json_text(o.get("attributeOptionCombo"), "attributeOptionCombo", e)
                .or_else(|| set_aoc.clone());
            raw.value = match o.get("value") {
                Some(Json::Number(n)) => n.as_f64().map(RawValue::Number),
                other => json_text(other, "value", e).map(RawValue::Text),
            };
            raw.stored_by = json_text(o.get("storedBy"), "storedBy", e);
            raw.created = json_text(o.get("created"), "created", e);
            raw.last_updated = json_text(o.get("lastUpdated"), "lastUpdated", e);
            raw.comment = json_text(o.get("comment"), "comment", e);
            raw.deleted = matches!(o.get("deleted"), Some(Json::Bool(true)));
            raw
        })
        .collect())
}

/// The line ends in `bytes`: LF, CRLF (one) and a CR alone (SPEC §4.1).
fn line_ends(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

/// DHIS2's CSV: the header is skipped (DHIS2 reads the columns by position:
/// dataelement, period, orgunit, catoptcombo, attroptcombo, value, storedby,
/// lastupdated, comment, followup, and in newer versions deleted).
fn read_csv(text: &str) -> Result<Vec<Raw>, BadSet> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut rec = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(BadSet(tr!("dhis2-import-bad-csv", message = e.to_string()))),
        }
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        // The record's own line (CRLF, LF or CR line ends): the reader's
        // position is where it began to look, before the empty lines it
        // skipped.
        let start = rec.position().map_or(0, |p| p.byte() as usize).min(text.len());
        let blank = text[start..].bytes().take_while(|b| matches!(b, b'\n' | b'\r')).count();
        let line = line_ends(&text.as_bytes()[..start + blank]) + 1;
        let cell = |i: usize| rec.get(i).map(str::to_string).filter(|s| !s.trim().is_empty());
        out.push(Raw {
            at: At::line(line as u64),
            data_element: cell(0),
            period: cell(1),
            org_unit: cell(2),
            category_option_combo: cell(3),
            attribute_option_combo: cell(4),
            value: cell(5).map(RawValue::Text),
            stored_by: cell(6),
            created: None,
            last_updated: cell(7),
            comment: cell(8),
            deleted: cell(10).is_some_and(|d| d.trim().eq_ignore_ascii_case("true")),
            disaggregation: Vec::new(),
            errors: Vec::new(),
        });
    }
    Ok(out)
}

/// The attributes of an element: (name, value), `xmlns` declarations left
/// out.
fn attributes(e: &BytesStart) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let key = a.key.as_ref().to_string();
        if key == "xmlns" || key.starts_with("xmlns:") || key.starts_with("xsi:") {
            continue;
        }
        let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|e| e.to_string())?;
        out.push((key, value.into_owned()));
    }
    Ok(out)
}

fn take(attrs: &mut Vec<(String, String)>, name: &str) -> Option<String> {
    let i = attrs.iter().position(|(k, _)| k == name)?;
    Some(attrs.remove(i).1)
}

/// Which XML: ADX groups of values, or DXF 2's one set of values.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Xml {
    Adx,
    Dxf,
}

/// ADX (`<adx xmlns="urn:ihe:qrph:adx:2015"><group orgUnit period dataSet>
/// <dataValue dataElement value/>`), or DXF 2 (`<dataValueSet orgUnit
/// period><dataValue dataElement period orgUnit value storedBy comment/>`).
fn read_xml(text: &str) -> Result<(Vec<Raw>, &'static Fields), BadSet> {
    let mut reader = NsReader::from_str(text);
    let bad = |at: u64, message: String| {
        let at = (at as usize).min(text.len());
        let line = line_ends(&text.as_bytes()[..at]) + 1;
        BadSet(tr!("dhis2-import-bad-xml", line = line.to_string(), message = message))
    };
    let mut kind: Option<Xml> = None;
    // The group (ADX) or set (DXF) attributes in force.
    let mut context: Vec<(String, String)> = Vec::new();
    let mut out = Vec::new();
    let mut depth = 0usize;
    loop {
        // The element's namespace, if bound (`None`: none, or unknown).
        let (ns, event) = match reader.read_resolved_event() {
            Ok((ResolveResult::Bound(n), event)) => (Some(n.as_ref().to_string()), event),
            Ok((_, event)) => (None, event),
            Err(e) => return Err(bad(reader.error_position(), e.to_string())),
        };
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.local_name().as_ref().to_string();
                let attrs = attributes(e).map_err(|m| bad(reader.buffer_position(), m))?;
                match (depth, kind, name.as_str()) {
                    (0, _, "adx") if ns.as_deref() == Some(ADX_NAMESPACE) => kind = Some(Xml::Adx),
                    (0, _, "dataValueSet") if ns.as_deref().is_none_or(|n| n == DXF_NAMESPACE) => {
                        kind = Some(Xml::Dxf);
                        context = attrs;
                    }
                    (0, _, root) => {
                        let namespace = ns.unwrap_or_default();
                        return Err(BadSet(tr!("dhis2-import-not-adx", root = root, namespace = namespace)));
                    }
                    (1, Some(Xml::Adx), "group") => context = attrs,
                    (2, Some(Xml::Adx), "dataValue") | (1, Some(Xml::Dxf), "dataValue") => {
                        let at = At::data_value(ValueAt::Xml, out.len() as u64 + 1);
                        out.push(xml_value(kind == Some(Xml::Adx), at, attrs, &context));
                    }
                    _ => {}
                }
                if !empty {
                    depth += 1;
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Eof => break,
            _ => {}
        }
    }
    match kind {
        None => Err(BadSet(tr!("dhis2-import-no-data-values"))),
        Some(Xml::Adx) => Ok((out, &ADX_FIELDS)),
        Some(Xml::Dxf) => Ok((out, &JSON_FIELDS)),
    }
}

/// A `dataValue` element with the attributes of its group (ADX) or set
/// (DXF) in force. In ADX, attributes beyond the known ones are category
/// dimensions: a disaggregation.
fn xml_value(adx: bool, at: At, mut attrs: Vec<(String, String)>, context: &[(String, String)]) -> Raw {
    let mut group = context.to_vec();
    let mut raw = Raw::new(at);
    raw.data_element = take(&mut attrs, "dataElement");
    raw.period = take(&mut attrs, "period").or_else(|| take(&mut group, "period"));
    raw.org_unit = take(&mut attrs, "orgUnit").or_else(|| take(&mut group, "orgUnit"));
    raw.category_option_combo = take(&mut attrs, "categoryOptionCombo");
    raw.attribute_option_combo =
        take(&mut attrs, "attributeOptionCombo").or_else(|| take(&mut group, "attributeOptionCombo"));
    raw.value = take(&mut attrs, "value").map(RawValue::Text);
    raw.stored_by = take(&mut attrs, "storedBy");
    raw.created = take(&mut attrs, "created");
    raw.last_updated = take(&mut attrs, "lastUpdated");
    raw.comment = take(&mut attrs, "comment");
    raw.deleted = take(&mut attrs, "deleted").is_some_and(|d| d.trim().eq_ignore_ascii_case("true"));
    if adx {
        // What DHIS2 passes through on a group or value; anything else is a
        // category of the disaggregation.
        const KNOWN: [&str; 4] = ["dataSet", "completeDate", "followup", "exported"];
        for (k, v) in attrs.iter().chain(group.iter()) {
            if !KNOWN.contains(&k.as_str()) {
                raw.disaggregation.push(format!("{k}={v}"));
            }
        }
    }
    raw
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::load_str;

    fn plan(export: &str) -> Plan {
        let text = format!(
            r#"
[plan]
id = "KH-1"
title = "t"
start = 2026
end = 2030
{export}
[[group]]
id = "g"
name = "g"
[[group.indicator]]
id = "so_dn"
name = "a"
measure = "level"
every = "half"
dhis2 = "DN_HOAT_DONG"
[[group.indicator]]
id = "thu_ns"
name = "b"
measure = "flow"
every = "quarter"
dhis2 = "THU_NS"
"#
        );
        load_str(&text, "plan.toml").plan.expect("valid plan")
    }

    fn with_target() -> Plan {
        plan("[export.dhis2]\norg_unit = \"XA_ND\"\ndata_set = \"DS\"\n")
    }

    fn t(s: &str) -> Cell<'static> {
        Cell::Text(Cow::Owned(s.to_string()))
    }

    fn d(s: &str) -> Cell<'static> {
        Cell::Date(s.parse().unwrap())
    }

    #[test]
    fn detects_the_three_formats_and_leaves_the_plans_csv_alone() {
        assert_eq!(detect(b"\xEF\xBB\xBF  \n{\"dataValues\": []}"), Some(Format::Json));
        assert_eq!(detect(b"<?xml version=\"1.0\"?><adx/>"), Some(Format::Xml));
        assert_eq!(detect(b"dataelement,period,orgunit,catoptcombo\n"), Some(Format::Csv));
        assert_eq!(detect(b"\"DataElement\",\"Period\",\"OrgUnit\"\r\n"), Some(Format::Csv));
        assert_eq!(detect(b"indicator,period,value\n"), None);
        assert_eq!(detect(b"chi_tieu;ky;gia_tri\n"), None);
        assert_eq!(detect(b""), None);
    }

    /// Rows are numbered by their lines whatever the line ends (SPEC
    /// §4.1): header 1, a blank line 2, rows on 3 and 4.
    #[test]
    fn csv_lines_with_any_line_ends() {
        for eol in ["\n", "\r\n", "\r"] {
            let text =
                "dataelement,period,orgunit\n\nTHU_NS,2027Q3,XA_ND\nDN,2027S1,XA_ND\n".replace('\n', eol);
            let rows = read_csv(&text).unwrap();
            let lines: Vec<String> = rows.iter().map(|r| r.at.to_string()).collect();
            assert_eq!(lines, ["3", "4"], "eol {eol:?}");
        }
    }

    #[test]
    fn json_values_map_back_through_the_codes() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let json = r#"{"dataSet": "DS", "period": "2027Q3", "orgUnit": "XA_ND", "dataValues": [
            {"dataElement": "THU_NS", "value": "1234.5", "storedBy": "Nam", "created": "2027-10-05",
             "lastUpdated": "2027-10-20T08:00:00.000", "comment": "ước", "followup": false},
            {"dataElement": "DN_HOAT_DONG", "period": "2027S1", "orgUnit": "XA_ND", "value": 104,
             "categoryOptionCombo": "HllvX50cXC0", "lastUpdated": "2027-07-10"}
        ]}"#;
        let rows = read(json.as_bytes(), Format::Json, &with_target()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].at.to_string(), "dataValues[0]");
        assert_eq!(
            (&rows[0].indicator, &rows[0].period, &rows[0].value, &rows[0].date, &rows[0].by, &rows[0].note),
            (&t("thu_ns"), &t("2027-Q3"), &Cell::Number(1234.5), &d("2027-10-05"), &t("Nam"), &t("ước"))
        );
        assert!(rows[0].errors.is_empty(), "{:?}", rows[0].errors);
        assert_eq!(
            (&rows[1].indicator, &rows[1].period, &rows[1].value, &rows[1].date, &rows[1].by),
            (&t("so_dn"), &t("2027-H1"), &Cell::Number(104.0), &d("2027-07-10"), &Cell::Empty)
        );
        assert!(rows[1].errors.is_empty(), "{:?}", rows[1].errors);
    }

    #[test]
    fn what_cannot_be_mapped_is_an_error_of_its_row() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let json = r#"{"dataValues": [
            {"dataElement": "THU_NSS", "period": "2027Q3", "orgUnit": "XA_ND", "value": "1"},
            {"dataElement": "THU_NS", "period": "2027Q3", "orgUnit": "XA_KHAC", "value": "1"},
            {"dataElement": "THU_NS", "period": "2027W3", "orgUnit": "XA_ND", "value": "1,5"},
            {"dataElement": "THU_NS", "period": "2027Q4", "orgUnit": "XA_ND", "value": "1", "deleted": true},
            {"dataElement": "THU_NS", "period": "2027Q2", "orgUnit": "XA_ND", "value": "1", "categoryOptionCombo": "NAM"},
            {"period": "2027Q2", "orgUnit": "XA_ND", "value": "1", "created": "05/10/2027"}
        ]}"#;
        let rows = read(json.as_bytes(), Format::Json, &with_target()).unwrap();
        fn fields(r: &Row) -> Vec<&str> {
            r.errors.iter().map(|(f, _)| f.as_str()).collect()
        }
        assert_eq!(fields(&rows[0]), ["dataElement"]);
        assert!(rows[0].errors[0].1.contains("`THU_NSS`") && rows[0].errors[0].1.contains("`THU_NS`"));
        assert_eq!(fields(&rows[1]), ["orgUnit"]);
        assert!(rows[1].errors[0].1.contains("XA_KHAC") && rows[1].errors[0].1.contains("XA_ND"));
        assert_eq!(fields(&rows[2]), ["period", "value"]);
        assert_eq!(fields(&rows[3]), ["deleted"]);
        assert_eq!(fields(&rows[4]), ["categoryOptionCombo"]);
        assert!(rows[4].errors[0].1.contains("NAM"));
        assert_eq!(fields(&rows[5]), ["dataElement", "created"]);
    }

    #[test]
    fn a_plan_without_export_dhis2_reads_nothing() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let e = read(br#"{"dataValues": []}"#, Format::Json, &plan("")).unwrap_err();
        assert!(e.0.contains("[export.dhis2]") && e.0.contains("org_unit"), "{e}");
    }

    #[test]
    fn csv_columns_are_read_by_position_with_their_lines() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let csv = "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\n\
                   THU_NS,2027Q3,XA_ND,,,1234.5,Nam,2027-10-05,\"ước, tạm\",false\n\
                   \n\
                   DN_HOAT_DONG,2027S1,XA_ND,bRowv6yZOF2,bRowv6yZOF2,104,Hoa,2027-07-10T10:00:00.000,,false\n";
        let rows = read(csv.as_bytes(), Format::Csv, &with_target()).unwrap();
        assert_eq!(rows.iter().map(|r| r.at.to_string()).collect::<Vec<_>>(), ["2", "4"]);
        assert_eq!(
            (&rows[0].indicator, &rows[0].period, &rows[0].value, &rows[0].date, &rows[0].note),
            (&t("thu_ns"), &t("2027-Q3"), &Cell::Number(1234.5), &d("2027-10-05"), &t("ước, tạm"))
        );
        // One combination for the whole of a data element stands for the
        // default (a DHIS2 whose default has its own UID).
        assert!(rows[1].errors.is_empty(), "{:?}", rows[1].errors);
        assert_eq!(rows[1].date, d("2027-07-10"));
    }

    #[test]
    fn adx_groups_give_their_values_org_unit_and_period() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let adx = r#"<?xml version="1.0" encoding="UTF-8"?>
<adx xmlns="urn:ihe:qrph:adx:2015" exported="2027-10-15T00:00:00Z">
  <group orgUnit="XA_ND" period="2027-07-01/P3M" dataSet="DS">
    <dataValue dataElement="THU_NS" value="1234.5"/>
  </group>
  <group orgUnit="XA_ND" period="2027-01-01/P6M" dataSet="DS">
    <dataValue dataElement="DN_HOAT_DONG" SEX="F" value="104"/>
  </group>
</adx>"#;
        let rows = read(adx.as_bytes(), Format::Xml, &with_target()).unwrap();
        assert_eq!(rows.iter().map(|r| r.at.to_string()).collect::<Vec<_>>(), ["dataValue 1", "dataValue 2"]);
        assert_eq!((&rows[0].indicator, &rows[0].period), (&t("thu_ns"), &t("2027-Q3")));
        assert_eq!(rows[0].value, Cell::Number(1234.5));
        assert!(rows[0].errors.is_empty());
        assert_eq!(rows[1].period, t("2027-H1"));
        assert_eq!(rows[1].errors.len(), 1);
        assert!(rows[1].errors[0].1.contains("SEX=F"));
    }

    #[test]
    fn dxf_and_foreign_xml() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let dxf = r#"<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" period="202707" orgUnit="XA_ND">
  <dataValue dataElement="THU_NS" period="2027Q3" value="7" storedBy="Nam" comment="a &amp; b"/>
</dataValueSet>"#;
        let rows = read(dxf.as_bytes(), Format::Xml, &with_target()).unwrap();
        assert_eq!((&rows[0].period, &rows[0].note), (&t("2027-Q3"), &t("a & b")));
        let other = r#"<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>"#;
        let e = read(other.as_bytes(), Format::Xml, &with_target()).unwrap_err();
        assert!(e.0.contains("html") && e.0.contains(ADX_NAMESPACE), "{e}");
        let broken = "<adx xmlns=\"urn:ihe:qrph:adx:2015\">\n<group>\n</adx>";
        assert!(read(broken.as_bytes(), Format::Xml, &with_target()).is_err());
    }

    #[test]
    fn machine_numbers_only() {
        assert_eq!(machine_number("12"), Some(12.0));
        assert_eq!(machine_number(" -3.5 "), Some(-3.5));
        assert_eq!(machine_number("1.5E3"), Some(1500.0));
        for bad in ["1,5", "1.234,5", "1 234", "inf", "NaN", "-", ".", "0x10", "1-2", "12%"] {
            assert_eq!(machine_number(bad), None, "{bad}");
        }
    }
}
