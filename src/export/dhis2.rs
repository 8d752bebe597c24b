//! DHIS2 data value sets (SPEC §4.3): the figures that count, mapped to the
//! plan's `dhis2` data elements and `[export.dhis2]` organisation unit and
//! data set, written as DHIS2's JSON, DHIS2's CSV or ADX XML.
//!
//! The shapes are DHIS2's own (Web API "Data values" and "ADX data format",
//! <https://docs.dhis2.org/master/en/developer/html/webapi_data_values.html>,
//! source `dhis2/dhis2-docs` `src/developer/web-api/data.md`; and "Date and
//! period format",
//! <https://docs.dhis2.org/archive/en/2.25/developer/html/webapi_date_perid_format.html>,
//! source `src/developer/web-api/overview.md`): one data value per
//! indicator and period, the default category option combination (none
//! written), values as plain machine numbers (`1234.5`) whatever the plan's
//! number style. Periods are DHIS2 codes (`2027`, `2027S1`, `2027Q3`,
//! `202707`) in JSON and CSV, ISO 8601 start and duration in ADX
//! (`2027-07-01/P3M`). The period codes are also read back here, for
//! `import`.

use super::Figure;
use crate::period::{Cadence, Period};
use crate::plan::Plan;
use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};
use std::fmt;
use std::io::Write;
use std::path::PathBuf;

mod adx;

use adx::{AdxXml, ByPeriod};
pub use adx::{SPILL_ABOVE, SortFileError};

/// The ADX namespace (IHE QRPH ADX, as DHIS2 reads and writes it).
pub const ADX_NAMESPACE: &str = "urn:ihe:qrph:adx:2015";

/// The header of DHIS2's CSV data value format, as DHIS2 writes it.
pub const CSV_HEADER: [&str; 10] = [
    "dataelement",
    "period",
    "orgunit",
    "catoptcombo",
    "attroptcombo",
    "value",
    "storedby",
    "lastupdated",
    "comment",
    "followup",
];

/// The DHIS2 period identifier of `p`: `2027`, `2027S1`, `2027Q3`, `202707`.
pub fn period_code(p: Period) -> String {
    Code(p).to_string()
}

/// The ADX period of `p`: its first day and its ISO 8601 duration,
/// `2027-01-01/P1Y`, `2027-07-01/P6M`, `2027-07-01/P3M`, `2027-07-01/P1M`.
pub fn adx_period(p: Period) -> String {
    let duration = match p.cadence {
        Cadence::Year => "P1Y",
        Cadence::Half => "P6M",
        Cadence::Quarter => "P3M",
        Cadence::Month => "P1M",
    };
    format!("{}/{duration}", p.start().format("%Y-%m-%d"))
}

/// Reads a DHIS2 period code of a kind the plan keeps (year `2027`,
/// six-month `2027S1`, quarter `2027Q3`, month `202707`); any other (weekly,
/// daily, bi-monthly, financial years) is refused with the forms expected.
pub fn parse_period_code(code: &str) -> Result<Period, String> {
    let c = code.trim();
    let bad = || crate::tr!("dhis2-period-code", code = c);
    let b = c.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return Err(bad());
    }
    let year: i32 = c[..4].parse().map_err(|_| bad())?;
    let rest = &c[4..];
    let digit = |s: &str| {
        (s.len() == 1 && s.as_bytes()[0].is_ascii_digit()).then(|| u32::from(s.as_bytes()[0] - b'0'))
    };
    let (cadence, index) = match rest.as_bytes().first() {
        None => return Ok(Period::year(year)),
        Some(b'S') => (Cadence::Half, digit(&rest[1..]).ok_or_else(bad)?),
        Some(b'Q') => (Cadence::Quarter, digit(&rest[1..]).ok_or_else(bad)?),
        Some(_) if rest.len() == 2 && rest.bytes().all(|x| x.is_ascii_digit()) => {
            (Cadence::Month, rest.parse().map_err(|_| bad())?)
        }
        Some(_) => return Err(bad()),
    };
    if index == 0 || index > cadence.per_year() {
        return Err(bad());
    }
    Ok(Period { year, cadence, index })
}

/// Reads an ADX period (`2027-07-01/P3M`): a year, half, quarter or month,
/// given by its first day and its length.
pub fn parse_adx_period(text: &str) -> Result<Period, String> {
    let t = text.trim();
    let bad = || crate::tr!("dhis2-adx-period", period = t);
    let (start, duration) = t.split_once('/').ok_or_else(bad)?;
    let start = NaiveDate::parse_from_str(start, "%Y-%m-%d").map_err(|_| bad())?;
    let cadence = match duration {
        "P1Y" | "P12M" => Cadence::Year,
        "P6M" => Cadence::Half,
        "P3M" => Cadence::Quarter,
        "P1M" => Cadence::Month,
        _ => return Err(bad()),
    };
    let p = Period::containing(start, cadence);
    if p.start() != start {
        return Err(bad());
    }
    Ok(p)
}

/// A value as DHIS2 reads it: a plain machine number, `.` as the decimal
/// mark, no grouping, no exponent (`1234.5`, `12`, `-3`).
pub fn value_text(v: f64) -> String {
    Machine(v).to_string()
}

/// [`value_text`], written without an allocation.
struct Machine(f64);

impl fmt::Display for Machine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Rust prints the shortest text that reads back as the same f64,
        // never with an exponent; -0 is 0.
        if self.0 == 0.0 { f.write_str("0") } else { write!(f, "{}", self.0) }
    }
}

/// A period as its DHIS2 code ([`period_code`]), written without an
/// allocation.
struct Code(Period);

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.0;
        match p.cadence {
            Cadence::Year => write!(f, "{:04}", p.year),
            Cadence::Half => write!(f, "{:04}S{}", p.year, p.index),
            Cadence::Quarter => write!(f, "{:04}Q{}", p.year, p.index),
            Cadence::Month => write!(f, "{:04}{:02}", p.year, p.index),
        }
    }
}

/// A date as `YYYY-MM-DD`.
struct Day(NaiveDate);

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0.year(), self.0.month(), self.0.day())
    }
}

/// Serializes a [`fmt::Display`] as a JSON string, written as it goes.
struct Shown<T>(T);

impl<T: fmt::Display> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// One data value: a figure mapped to its data element.
#[derive(Debug, Clone, PartialEq)]
pub struct DataValue<'a> {
    pub data_element: &'a str,
    pub period: Period,
    pub value: f64,
    pub stored_by: &'a str,
    /// The date the figure was first reported.
    pub created: NaiveDate,
    /// The date its value was last set (a correction's date).
    pub last_updated: NaiveDate,
    pub comment: Option<&'a str>,
}

/// A data value set: the office's organisation unit, the data set if the
/// plan names one, and the values in the order of the figures.
#[derive(Debug, Clone, PartialEq)]
pub struct DataValueSet<'a> {
    pub org_unit: &'a str,
    pub data_set: Option<&'a str>,
    pub values: Vec<DataValue<'a>>,
}

impl<'a> DataValueSet<'a> {
    /// Maps `figures` through the plan's `dhis2` codes; a figure of an
    /// indicator without one is left out (the caller names those).
    /// Fails, saying which key to set, when the plan has no
    /// `[export.dhis2] org_unit`.
    pub fn new(plan: &'a Plan, figures: &'a [Figure<'a>]) -> Result<Self, String> {
        let target = plan.dhis2.as_ref().ok_or_else(|| crate::tr!("dhis2-no-org-unit"))?;
        let mut values = Vec::with_capacity(figures.len());
        let mut last: Option<(&str, Option<&'a str>)> = None;
        for f in figures {
            // Figures come grouped by indicator: one look-up per group.
            let code = match last {
                Some((id, code)) if id == f.indicator => code,
                _ => plan.indicator(f.indicator).and_then(|i| i.dhis2.as_deref()),
            };
            last = Some((f.indicator, code));
            let Some(data_element) = code else { continue };
            values.push(DataValue {
                data_element,
                period: f.period,
                value: f.value,
                stored_by: &f.by,
                created: f.reported_on,
                last_updated: f.updated_on,
                comment: f.note.as_deref(),
            });
        }
        Ok(DataValueSet { org_unit: &target.org_unit, data_set: target.data_set.as_deref(), values })
    }

    /// The one period every value has, if they all have the same.
    fn common_period(&self) -> Option<Period> {
        let first = self.values.first()?.period;
        self.values.iter().all(|v| v.period == first).then_some(first)
    }
}

/// The set as DHIS2's JSON, serialized as it is written (no copy of the
/// values).
struct JsonSet<'s, 'a>(&'s DataValueSet<'a>);

impl Serialize for JsonSet<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let set = self.0;
        let period = set.common_period();
        let mut m = s.serialize_struct("DataValueSet", 4)?;
        if let Some(ds) = set.data_set {
            m.serialize_field("dataSet", ds)?;
        }
        if let Some(p) = period {
            m.serialize_field("period", &Shown(Code(p)))?;
        }
        m.serialize_field("orgUnit", set.org_unit)?;
        m.serialize_field("dataValues", &JsonValues(set))?;
        m.end()
    }
}

struct JsonValues<'s, 'a>(&'s DataValueSet<'a>);

impl Serialize for JsonValues<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.values.len()))?;
        for v in &self.0.values {
            seq.serialize_element(&JsonValue { org_unit: self.0.org_unit, v })?;
        }
        seq.end()
    }
}

struct JsonValue<'s, 'a> {
    org_unit: &'s str,
    v: &'s DataValue<'a>,
}

impl Serialize for JsonValue<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.v;
        let mut m = s.serialize_struct("DataValue", 9)?;
        m.serialize_field("dataElement", v.data_element)?;
        m.serialize_field("period", &Shown(Code(v.period)))?;
        m.serialize_field("orgUnit", self.org_unit)?;
        m.serialize_field("value", &Shown(Machine(v.value)))?;
        m.serialize_field("storedBy", v.stored_by)?;
        m.serialize_field("created", &Shown(Day(v.created)))?;
        m.serialize_field("lastUpdated", &Shown(Day(v.last_updated)))?;
        if let Some(c) = v.comment {
            m.serialize_field("comment", c)?;
        }
        m.serialize_field("followup", &false)?;
        m.end()
    }
}

/// DHIS2's JSON data value set (`POST /api/dataValueSets`,
/// `Content-Type: application/json`), compact, on one line (as DHIS2's API
/// writes it). `value` is a string, as DHIS2 writes it; `period` at the top
/// only when every value has the same one.
pub fn write_json(set: &DataValueSet, out: &mut impl Write) -> Result<()> {
    serde_json::to_writer(&mut *out, &JsonSet(set))?;
    out.write_all(b"\n")?;
    Ok(())
}

/// DHIS2's CSV data value format (`Content-Type: application/csv`), with
/// the header DHIS2 writes; the combinations are left empty (the default).
pub fn write_csv(set: &DataValueSet, out: &mut impl Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER)?;
    for v in &set.values {
        write_csv_row(&mut w, set, v)?;
    }
    w.flush()?;
    Ok(())
}

/// One row of DHIS2's CSV: value `v` of `set`.
fn write_csv_row<W: Write>(w: &mut csv::Writer<W>, set: &DataValueSet, v: &DataValue) -> Result<()> {
    let (period, value, updated) =
        (Code(v.period).to_string(), Machine(v.value).to_string(), Day(v.last_updated).to_string());
    w.write_record([
        v.data_element,
        &period,
        set.org_unit,
        "",
        "",
        &value,
        v.stored_by,
        &updated,
        v.comment.unwrap_or(""),
        "false",
    ])?;
    Ok(())
}

/// ADX (`Content-Type: application/adx+xml`): one `group` per period, with
/// the organisation unit and data set (both mandatory in ADX), and a
/// `dataValue` of `dataElement` and `value` per figure; periods in order,
/// each period's values in the set's order. `exported` is the mandatory
/// timestamp of the root. Fails when the plan names no data set.
pub fn write_adx(set: &DataValueSet, exported: &str, out: &mut impl Write) -> Result<()> {
    let data_set = set.data_set.ok_or_else(|| anyhow::anyhow!(crate::tr!("dhis2-adx-no-data-set")))?;
    let mut values = ByPeriod::new(usize::MAX, std::env::temp_dir());
    for v in &set.values {
        values.push(v.data_element, v.period, v.value)?;
    }
    let sorted = values.sorted()?;
    let mut xml = AdxXml::start(set.org_unit, data_set, exported, out)?;
    sorted.write(&mut xml)?;
    xml.end()?;
    Ok(())
}

/// The three shapes a data value set is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Json,
    Csv,
    Adx,
}

/// A data value set written as its figures come, one indicator after
/// another (`plan export` of a large ledger): the same bytes as
/// [`write_json`], [`write_csv`] and [`write_adx`] of the whole set, with
/// memory that does not grow with the ledger. CSV is written row by row;
/// JSON holds its values only until a second period shows that the set has
/// no one period (`period` at the top goes before the values), so at most
/// one period's values (one per indicator); ADX groups the values by period
/// (each period's in the order they come): it holds up to [`SPILL_ABOVE`]
/// values, then writes each as a 16-byte record to a temporary file and
/// puts them in period order at [`SetWriter::finish`], before writing any
/// of the output, by a counting sort through a second temporary file
/// (`adx::ByPeriod`: 32 bytes a value on disk, memory bounded whatever the
/// number of values; [`SortFileError`] when the temporary folder cannot be
/// written).
pub struct SetWriter<'p, W: Write> {
    shape: Shape,
    org_unit: &'p str,
    data_set: Option<&'p str>,
    /// ADX's `exported` timestamp.
    exported: String,
    out: Option<W>,
    csv: Option<csv::Writer<W>>,
    /// JSON: values not yet written, with their data elements.
    held: Vec<(&'p str, Figure<'p>)>,
    /// ADX: the values, as ADX writes them (no author, note or dates),
    /// to be put in period order.
    adx: ByPeriod<'p>,
    /// JSON: the opening and the values held so far are written.
    streaming: bool,
    written: usize,
}

impl<'p, W: Write> SetWriter<'p, W> {
    /// A writer of `plan`'s set in `shape` to `out` (`exported`: ADX's
    /// timestamp). Fails, saying which key to set, when the plan has no
    /// `[export.dhis2] org_unit`, or for ADX no data set.
    pub fn new(plan: &'p Plan, shape: Shape, exported: String, out: W) -> Result<Self> {
        let target = plan.dhis2.as_ref().ok_or_else(|| anyhow::anyhow!(crate::tr!("dhis2-no-org-unit")))?;
        if shape == Shape::Adx && target.data_set.is_none() {
            anyhow::bail!(crate::tr!("dhis2-adx-no-data-set"));
        }
        let (out, csv) = match shape {
            Shape::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(CSV_HEADER)?;
                (None, Some(w))
            }
            _ => (Some(out), None),
        };
        Ok(SetWriter {
            shape,
            org_unit: &target.org_unit,
            data_set: target.data_set.as_deref(),
            exported,
            out,
            csv,
            held: Vec::new(),
            adx: ByPeriod::new(SPILL_ABOVE, std::env::temp_dir()),
            streaming: false,
            written: 0,
        })
    }

    /// ADX: holds up to `above` values in memory (default [`SPILL_ABOVE`];
    /// 0: none), past that sorts them through temporary files in `dir`
    /// (default the system's, `TMPDIR`). Panics when values were pushed
    /// already (they would be lost): call it before [`SetWriter::push`].
    pub fn adx_spill(mut self, above: usize, dir: PathBuf) -> Self {
        assert_eq!(self.written, 0, "adx_spill after push");
        self.adx = ByPeriod::new(above, dir);
        self
    }

    /// Writes (or holds) `figures` of the indicator whose data element is
    /// `data_element`, in their order.
    pub fn push(&mut self, data_element: &'p str, figures: Vec<Figure<'p>>) -> Result<()> {
        for f in figures {
            self.written += 1;
            match self.shape {
                Shape::Csv => {
                    let csv = self.csv.as_mut().expect("a CSV writer");
                    let set =
                        DataValueSet { org_unit: self.org_unit, data_set: self.data_set, values: Vec::new() };
                    write_csv_row(csv, &set, &value_of(data_element, &f))?;
                }
                Shape::Adx => self.adx.push(data_element, f.period, f.value)?,
                Shape::Json if self.streaming => {
                    let out = self.out.as_mut().expect("an output");
                    out.write_all(b",")?;
                    serde_json::to_writer(
                        &mut *out,
                        &JsonValue { org_unit: self.org_unit, v: &value_of(data_element, &f) },
                    )?;
                }
                Shape::Json => {
                    let another = self.held.first().is_some_and(|(_, h)| h.period != f.period);
                    self.held.push((data_element, f));
                    if another {
                        self.start_json(None)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// JSON: writes the opening (with `period` when the set has one) and
    /// the values held.
    fn start_json(&mut self, period: Option<Period>) -> Result<()> {
        let out = self.out.as_mut().expect("an output");
        out.write_all(b"{")?;
        if let Some(ds) = self.data_set {
            out.write_all(b"\"dataSet\":")?;
            serde_json::to_writer(&mut *out, ds)?;
            out.write_all(b",")?;
        }
        if let Some(p) = period {
            out.write_all(b"\"period\":")?;
            serde_json::to_writer(&mut *out, &Shown(Code(p)))?;
            out.write_all(b",")?;
        }
        out.write_all(b"\"orgUnit\":")?;
        serde_json::to_writer(&mut *out, self.org_unit)?;
        out.write_all(b",\"dataValues\":[")?;
        for (i, (de, f)) in self.held.drain(..).enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            serde_json::to_writer(&mut *out, &JsonValue { org_unit: self.org_unit, v: &value_of(de, &f) })?;
        }
        self.streaming = true;
        Ok(())
    }

    /// Writes what is held and the end of the set; returns the number of
    /// values written and the output.
    pub fn finish(mut self) -> Result<(usize, W)> {
        match self.shape {
            Shape::Csv => {
                let w = self.csv.take().expect("a CSV writer");
                let out = w.into_inner().map_err(|e| anyhow::anyhow!(e.to_string()))?;
                return Ok((self.written, out));
            }
            Shape::Adx => {
                let data_set = self.data_set.expect("checked by new");
                let out = self.out.as_mut().expect("an output");
                let sorted = self.adx.sorted()?;
                let mut xml = AdxXml::start(self.org_unit, data_set, &self.exported, out)?;
                sorted.write(&mut xml)?;
                xml.end()?;
            }
            Shape::Json => {
                if !self.streaming {
                    let period = self.held.first().map(|(_, f)| f.period);
                    self.start_json(period)?;
                }
                self.out.as_mut().expect("an output").write_all(b"]}\n")?;
            }
        }
        Ok((self.written, self.out.take().expect("an output")))
    }
}

/// The data value of figure `f` of data element `data_element`.
fn value_of<'a>(data_element: &'a str, f: &'a Figure) -> DataValue<'a> {
    DataValue {
        data_element,
        period: f.period,
        value: f.value,
        stored_by: &f.by,
        created: f.reported_on,
        last_updated: f.updated_on,
        comment: f.note.as_deref(),
    }
}

/// The `exported` timestamp of ADX: `YYYY-MM-DDTHH:MM:SSZ`.
pub fn exported_stamp(date: NaiveDate, seconds_of_day: u32) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        date.year(),
        date.month(),
        date.day(),
        seconds_of_day / 3600,
        seconds_of_day / 60 % 60,
        seconds_of_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    // Period codes: DHIS2 Web API, "Date and period format"
    // (https://docs.dhis2.org/archive/en/2.25/developer/html/webapi_date_perid_format.html,
    // source dhis2/dhis2-docs src/developer/web-api/overview.md): yyyy,
    // yyyySn, yyyyQn, yyyyMM. ADX periods: "ADX period definitions"
    // (https://docs.dhis2.org/master/en/developer/html/webapi_data_values.html,
    // source src/developer/web-api/data.md): P1Y, P6M, P3M, P1M.
    #[test]
    fn period_codes_both_ways() {
        for (ours, code, adx) in [
            ("2027", "2027", "2027-01-01/P1Y"),
            ("2027-H1", "2027S1", "2027-01-01/P6M"),
            ("2027-H2", "2027S2", "2027-07-01/P6M"),
            ("2027-Q3", "2027Q3", "2027-07-01/P3M"),
            ("2027-07", "202707", "2027-07-01/P1M"),
            ("2027-12", "202712", "2027-12-01/P1M"),
        ] {
            assert_eq!(period_code(p(ours)), code);
            assert_eq!(parse_period_code(code), Ok(p(ours)));
            assert_eq!(adx_period(p(ours)), adx);
            assert_eq!(parse_adx_period(adx), Ok(p(ours)));
        }
    }

    #[test]
    fn other_dhis2_periods_are_refused() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        for code in [
            "2027W5",
            "20270701",
            "202701B",
            "2027April",
            "2027AprilS1",
            "2027S3",
            "2027Q5",
            "202713",
            "202700",
            "27Q1",
            "2027-Q3",
            "",
        ] {
            let e = parse_period_code(code).unwrap_err();
            assert!(e.contains("2027S1") && e.contains("202707"), "{code}: {e}");
        }
        for adx in [
            "2027-07-02/P1M",
            "2027-02-01/P3M",
            "2027-04-01/P6M",
            "2027-07-01/P1Y",
            "2027-10-02/P7D",
            "2027-07-01",
        ] {
            assert!(parse_adx_period(adx).is_err(), "{adx}");
        }
    }

    #[test]
    fn values_are_plain_machine_numbers() {
        assert_eq!(value_text(104.0), "104");
        assert_eq!(value_text(1234.5), "1234.5");
        assert_eq!(value_text(-3.25), "-3.25");
        assert_eq!(value_text(-0.0), "0");
        assert_eq!(value_text(123456789012345.0), "123456789012345");
        assert_eq!(value_text(0.000001), "0.000001");
    }

    #[test]
    fn exported_stamp_is_iso() {
        assert_eq!(exported_stamp("2027-10-15".parse().unwrap(), 3600 + 2 * 60 + 3), "2027-10-15T01:02:03Z");
    }

    /// A set written as it comes gives the bytes of the whole set written
    /// at once, in every shape; JSON's `period` at the top only when every
    /// value has that one.
    #[test]
    fn a_set_written_as_it_comes_is_the_whole_set() {
        let plan = crate::plan::load_str(
            r#"
[plan]
id = "P"
title = "t"
start = 2026
end = 2030
[export.dhis2]
org_unit = "OU1"
data_set = "DS"
[[group]]
id = "g"
name = "g"
[[group.indicator]]
id = "a"
name = "a"
measure = "flow"
every = "quarter"
dhis2 = "DE_A"
[[group.indicator]]
id = "b"
name = "b"
measure = "flow"
every = "quarter"
dhis2 = "DE_B"
"#,
            "plan.toml",
        )
        .plan
        .expect("valid plan");
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let fig =
            |ind: &'static str, period: &str, value: f64, by: &str, note: Option<&str>, day: &str| Figure {
                indicator: ind,
                period: p(period),
                value,
                by: by.into(),
                note: note.map(str::to_string),
                reported_on: d(day),
                updated_on: d(day),
            };
        let a1 = fig("a", "2027-Q1", 10.0, "hoa", Some("x\"y"), "2027-04-05");
        let b1 = fig("b", "2027-Q1", 2.5, "nam", None, "2027-04-06");
        let b2 = fig("b", "2027-Q2", 3.0, "nam", None, "2027-07-06");
        let streamed = |shape: Shape, groups: &[(&'static str, Vec<Figure<'static>>)]| {
            let mut w = SetWriter::new(&plan, shape, "2027-12-31T00:00:00Z".into(), Vec::new()).unwrap();
            for (code, figures) in groups {
                w.push(code, figures.clone()).unwrap();
            }
            let (n, bytes) = w.finish().unwrap();
            (n, String::from_utf8(bytes).unwrap())
        };
        let whole = |shape: Shape, figures: &[Figure]| {
            let set = DataValueSet::new(&plan, figures).unwrap();
            let mut out = Vec::new();
            match shape {
                Shape::Json => write_json(&set, &mut out).unwrap(),
                Shape::Csv => write_csv(&set, &mut out).unwrap(),
                Shape::Adx => write_adx(&set, "2027-12-31T00:00:00Z", &mut out).unwrap(),
            }
            String::from_utf8(out).unwrap()
        };
        // One period (2027-Q1, code 2027Q1): it goes to the top.
        let one = [("DE_A", vec![a1.clone()]), ("DE_B", vec![b1.clone()])];
        let (n, json) = streamed(Shape::Json, &one);
        assert_eq!(n, 2);
        assert_eq!(
            json,
            concat!(
                r#"{"dataSet":"DS","period":"2027Q1","orgUnit":"OU1","dataValues":["#,
                r#"{"dataElement":"DE_A","period":"2027Q1","orgUnit":"OU1","value":"10","storedBy":"hoa","#,
                r#""created":"2027-04-05","lastUpdated":"2027-04-05","comment":"x\"y","followup":false},"#,
                r#"{"dataElement":"DE_B","period":"2027Q1","orgUnit":"OU1","value":"2.5","storedBy":"nam","#,
                r#""created":"2027-04-06","lastUpdated":"2027-04-06","followup":false}]}"#,
                "\n"
            )
        );
        // Two periods: none at the top.
        let two = [("DE_A", vec![a1.clone()]), ("DE_B", vec![b1.clone(), b2.clone()])];
        let (n, json) = streamed(Shape::Json, &two);
        assert_eq!(n, 3);
        assert!(
            json.starts_with(r#"{"dataSet":"DS","orgUnit":"OU1","dataValues":[{"dataElement":"DE_A""#),
            "{json}"
        );
        // No value: no period either.
        let (n, json) = streamed(Shape::Json, &[]);
        assert_eq!((n, json.as_str()), (0, "{\"dataSet\":\"DS\",\"orgUnit\":\"OU1\",\"dataValues\":[]}\n"));
        for shape in [Shape::Json, Shape::Csv, Shape::Adx] {
            for (groups, all) in [
                (&one[..], vec![a1.clone(), b1.clone()]),
                (&two[..], vec![a1.clone(), b1.clone(), b2.clone()]),
                (&[][..], vec![]),
            ] {
                assert_eq!(streamed(shape, groups).1, whole(shape, &all), "{shape:?}");
            }
        }
    }
}
