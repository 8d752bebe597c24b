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
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};
use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};
use std::fmt::{self, Write as _};
use std::io::Write;

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
    let (mut period, mut value, mut updated) = (String::new(), String::new(), String::new());
    for v in &set.values {
        for (buf, shown) in [
            (&mut period, &Code(v.period) as &dyn fmt::Display),
            (&mut value, &Machine(v.value)),
            (&mut updated, &Day(v.last_updated)),
        ] {
            buf.clear();
            write!(buf, "{shown}")?;
        }
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
    }
    w.flush()?;
    Ok(())
}

/// ADX (`Content-Type: application/adx+xml`): one `group` per period, with
/// the organisation unit and data set (both mandatory in ADX), and a
/// `dataValue` of `dataElement` and `value` per figure. `exported` is the
/// mandatory timestamp of the root. Fails when the plan names no data set.
pub fn write_adx(set: &DataValueSet, exported: &str, out: &mut impl Write) -> Result<()> {
    let data_set = set.data_set.ok_or_else(|| anyhow::anyhow!(crate::tr!("dhis2-adx-no-data-set")))?;
    // Values by period, each period's in the order of the set.
    let mut order: Vec<usize> = (0..set.values.len()).collect();
    order.sort_by_key(|&i| set.values[i].period);
    let mut w = Writer::new_with_indent(&mut *out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let root = BytesStart::new("adx").with_attributes([("xmlns", ADX_NAMESPACE), ("exported", exported)]);
    w.write_event(Event::Start(root))?;
    let mut open: Option<Period> = None;
    let mut value = String::new();
    for i in order {
        let v = &set.values[i];
        if open != Some(v.period) {
            if open.is_some() {
                w.write_event(Event::End(BytesEnd::new("group")))?;
            }
            let period = adx_period(v.period);
            let group = BytesStart::new("group").with_attributes([
                ("orgUnit", set.org_unit),
                ("period", period.as_str()),
                ("dataSet", data_set),
            ]);
            w.write_event(Event::Start(group))?;
            open = Some(v.period);
        }
        value.clear();
        write!(value, "{}", Machine(v.value))?;
        let dv = BytesStart::new("dataValue")
            .with_attributes([("dataElement", v.data_element), ("value", value.as_str())]);
        w.write_event(Event::Empty(dv))?;
    }
    if open.is_some() {
        w.write_event(Event::End(BytesEnd::new("group")))?;
    }
    w.write_event(Event::End(BytesEnd::new("adx")))?;
    out.write_all(b"\n")?;
    Ok(())
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
}
