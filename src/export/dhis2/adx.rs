//! ADX's XML and the order of its values (SPEC §4.3): one `group` per
//! period, periods in order, each period's values in the order they come.
//!
//! [`ByPeriod`] puts the values in that order with memory that does not
//! grow with the set: a few thousand values are held and sorted in memory;
//! past [`SPILL_ABOVE`] every value goes, as a 16-byte record, to an
//! anonymous temporary file while the values of each period are counted,
//! and at the end a counting sort (each period's first place is the count
//! of the periods before it) distributes the records, one small buffer per
//! period, into a second temporary file, which is then read in order. Two
//! sequential passes over 16 bytes a value, whatever the ledger's size;
//! memory holds the plan's data elements and periods, and the buffers.

use super::{ADX_NAMESPACE, Machine, adx_period};
use crate::period::Period;
use anyhow::Result;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The values the ADX writer holds and sorts in memory (32 bytes each: 128
/// KiB); past that many they go to a temporary file.
pub const SPILL_ABOVE: usize = 4096;

/// Bytes of one value in the temporary files: the index of its data
/// element (u32), the index of its period (u32) in the order first seen,
/// the value's bits (f64), little-endian.
const RECORD: usize = 16;

/// Records buffered while distributing, over all periods (1 MiB): a
/// period's buffer holds this many divided by the number of periods (at
/// least one), e.g. 172 records (2.7 KiB) for the 380 periods of 20
/// years of months, quarters, halves and years.
const SORT_BUFFER: usize = 1 << 16;

/// The sort's temporary file could not be made, written or read back (an
/// unwritable or full temporary folder): what failed, where, and what to do.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SortFileError(String);

impl SortFileError {
    fn new(dir: &Path, e: &io::Error) -> Self {
        let reason = match e.kind() {
            io::ErrorKind::NotFound => crate::tr!("dhis2-adx-temp-missing"),
            io::ErrorKind::PermissionDenied => crate::tr!("dhis2-adx-temp-denied"),
            // The system's words: a full disk, a folder that is a file.
            _ => e.to_string(),
        };
        SortFileError(crate::tr!("dhis2-adx-temp", dir = dir.display().to_string(), reason = reason))
    }
}

/// ADX values (data element, period, value) given in the set's order and
/// given back by period (periods in [`Period`] order, each period's values
/// in the order given: a stable sort).
pub struct ByPeriod<'p> {
    /// Values held in memory while there are no more than this.
    above: usize,
    /// The folder of the temporary files.
    dir: PathBuf,
    /// Records buffered while distributing, over all periods.
    sort_buffer: usize,
    held: Vec<(&'p str, Period, f64)>,
    /// The records, once spilled, in the order given.
    spill: Option<BufWriter<File>>,
    /// Data elements of the records, by index; the index of each.
    elements: Vec<&'p str>,
    element_of: HashMap<&'p str, u32>,
    /// Periods of the records, by index, in the order first seen; the
    /// index of each and its number of records.
    periods: Vec<Period>,
    period_of: HashMap<Period, u32>,
    counts: Vec<u64>,
}

impl<'p> ByPeriod<'p> {
    /// Values held in memory up to `above` (`usize::MAX`: always), then
    /// spilled to temporary files in `dir`.
    pub fn new(above: usize, dir: PathBuf) -> Self {
        ByPeriod {
            above,
            dir,
            sort_buffer: SORT_BUFFER,
            held: Vec::new(),
            spill: None,
            elements: Vec::new(),
            element_of: HashMap::new(),
            periods: Vec::new(),
            period_of: HashMap::new(),
            counts: Vec::new(),
        }
    }

    /// Adds one value, after those given so far. Fails with a
    /// [`SortFileError`] when the temporary file cannot be made or written.
    pub fn push(&mut self, data_element: &'p str, period: Period, value: f64) -> Result<()> {
        if self.spill.is_none() {
            if self.held.len() < self.above {
                self.held.push((data_element, period, value));
                return Ok(());
            }
            let file = self.temp_file()?;
            self.spill = Some(BufWriter::with_capacity(1 << 16, file));
            for (d, p, v) in std::mem::take(&mut self.held) {
                self.record(d, p, v)?;
            }
        }
        self.record(data_element, period, value)
    }

    /// Writes one value to the spill file, counting it in its period.
    fn record(&mut self, data_element: &'p str, period: Period, value: f64) -> Result<()> {
        // Values come indicator by indicator: mostly the last element.
        let element = match self.elements.last() {
            Some(&last) if last == data_element => self.elements.len() as u32 - 1,
            _ => *self.element_of.entry(data_element).or_insert_with(|| {
                self.elements.push(data_element);
                self.elements.len() as u32 - 1
            }),
        };
        let index = *self.period_of.entry(period).or_insert_with(|| {
            self.periods.push(period);
            self.counts.push(0);
            self.periods.len() as u32 - 1
        });
        self.counts[index as usize] += 1;
        let mut rec = [0u8; RECORD];
        rec[..4].copy_from_slice(&element.to_le_bytes());
        rec[4..8].copy_from_slice(&index.to_le_bytes());
        rec[8..].copy_from_slice(&value.to_bits().to_le_bytes());
        let spill = self.spill.as_mut().expect("spilling");
        spill.write_all(&rec).map_err(|e| SortFileError::new(&self.dir, &e))?;
        Ok(())
    }

    /// An anonymous temporary file in the folder (gone when closed).
    fn temp_file(&self) -> Result<File> {
        Ok(tempfile::tempfile_in(&self.dir).map_err(|e| SortFileError::new(&self.dir, &e))?)
    }

    /// The values in period order, ready to be written: the temporary
    /// files' work is done here, before any of the output.
    pub fn sorted(mut self) -> Result<Sorted<'p>> {
        let Some(spill) = self.spill.take() else {
            self.held.sort_by_key(|v| v.1);
            return Ok(Sorted { values: Values::Held(self.held), dir: self.dir });
        };
        let file = self.distribute(spill).map_err(|e| SortFileError::new(&self.dir, &e))?;
        let values = Values::Spilled {
            records: BufReader::with_capacity(1 << 16, file),
            count: self.counts.iter().sum(),
            elements: self.elements,
            periods: self.periods,
        };
        Ok(Sorted { values, dir: self.dir })
    }

    /// The counting sort: the records of `spill` (in the order given) put
    /// by period into a second temporary file, rewound.
    fn distribute(&self, spill: BufWriter<File>) -> io::Result<File> {
        let mut given = spill.into_inner().map_err(|e| e.into_error())?;
        given.seek(SeekFrom::Start(0))?;
        let mut given = BufReader::with_capacity(1 << 16, given);
        // Each period's next place (in records): the periods before it in
        // Period order, counted.
        let mut order: Vec<usize> = (0..self.periods.len()).collect();
        order.sort_by_key(|&i| self.periods[i]);
        let mut next = vec![0u64; self.periods.len()];
        let mut total = 0;
        for i in order {
            next[i] = total;
            total += self.counts[i];
        }
        let mut sorted = tempfile::tempfile_in(&self.dir)?;
        let size = (self.sort_buffer / self.periods.len().max(1)).max(1) * RECORD;
        let mut buffers = vec![Vec::new(); self.periods.len()];
        let mut rec = [0u8; RECORD];
        for _ in 0..total {
            given.read_exact(&mut rec)?;
            let period = fields(&rec).1;
            let buffer: &mut Vec<u8> = &mut buffers[period];
            if buffer.capacity() == 0 {
                buffer.reserve_exact(size);
            }
            buffer.extend_from_slice(&rec);
            if buffer.len() >= size {
                put(&mut sorted, &mut next[period], buffer)?;
            }
        }
        for (period, buffer) in buffers.iter_mut().enumerate() {
            if !buffer.is_empty() {
                put(&mut sorted, &mut next[period], buffer)?;
            }
        }
        sorted.seek(SeekFrom::Start(0))?;
        Ok(sorted)
    }
}

/// The values of a [`ByPeriod`] in period order.
pub struct Sorted<'p> {
    values: Values<'p>,
    /// The folder of the temporary files.
    dir: PathBuf,
}

enum Values<'p> {
    Held(Vec<(&'p str, Period, f64)>),
    /// `count` records in a temporary file, in order, of `elements` and
    /// `periods` by index.
    Spilled {
        records: BufReader<File>,
        count: u64,
        elements: Vec<&'p str>,
        periods: Vec<Period>,
    },
}

impl Sorted<'_> {
    /// Writes the values to `xml`, in order.
    pub fn write<W: Write>(self, xml: &mut AdxXml<W>) -> Result<()> {
        match self.values {
            Values::Held(held) => {
                for (d, p, v) in held {
                    xml.value(d, p, v)?;
                }
            }
            Values::Spilled { mut records, count, elements, periods } => {
                let mut rec = [0u8; RECORD];
                for _ in 0..count {
                    records.read_exact(&mut rec).map_err(|e| SortFileError::new(&self.dir, &e))?;
                    let (element, period, value) = fields(&rec);
                    xml.value(elements[element], periods[period], value)?;
                }
            }
        }
        Ok(())
    }
}

/// Writes `buffer`'s records at record `at` of `sorted`, moves `at` past
/// them and empties `buffer`.
fn put(sorted: &mut File, at: &mut u64, buffer: &mut Vec<u8>) -> io::Result<()> {
    sorted.seek(SeekFrom::Start(*at * RECORD as u64))?;
    sorted.write_all(buffer)?;
    *at += (buffer.len() / RECORD) as u64;
    buffer.clear();
    Ok(())
}

/// A record's data element index, period index and value.
fn fields(rec: &[u8; RECORD]) -> (usize, usize, f64) {
    let word = |i: usize| u32::from_le_bytes(rec[i..i + 4].try_into().expect("4 bytes")) as usize;
    let bits = u64::from_le_bytes(rec[8..].try_into().expect("8 bytes"));
    (word(0), word(4), f64::from_bits(bits))
}

/// ADX being written: the declaration and root written, a `group` open
/// for the period of the last value.
pub struct AdxXml<'a, W: Write> {
    w: Writer<W>,
    org_unit: &'a str,
    data_set: &'a str,
    open: Option<Period>,
    /// The text of the value being written (one allocation for all).
    value: String,
}

impl<'a, W: Write> AdxXml<'a, W> {
    /// Writes the declaration and the root `adx` (`exported`: its
    /// timestamp) to `out`; groups will carry `org_unit` and `data_set`.
    pub fn start(org_unit: &'a str, data_set: &'a str, exported: &str, out: W) -> Result<Self> {
        let mut w = Writer::new_with_indent(out, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        let root = BytesStart::new("adx").with_attributes([("xmlns", ADX_NAMESPACE), ("exported", exported)]);
        w.write_event(Event::Start(root))?;
        Ok(AdxXml { w, org_unit, data_set, open: None, value: String::new() })
    }

    /// Writes one `dataValue`, in a new `group` when `period` is not the
    /// last value's (values come by period).
    pub fn value(&mut self, data_element: &str, period: Period, v: f64) -> Result<()> {
        if self.open != Some(period) {
            if self.open.is_some() {
                self.w.write_event(Event::End(BytesEnd::new("group")))?;
            }
            let code = adx_period(period);
            let group = BytesStart::new("group").with_attributes([
                ("orgUnit", self.org_unit),
                ("period", code.as_str()),
                ("dataSet", self.data_set),
            ]);
            self.w.write_event(Event::Start(group))?;
            self.open = Some(period);
        }
        self.value.clear();
        write!(self.value, "{}", Machine(v))?;
        let dv = BytesStart::new("dataValue")
            .with_attributes([("dataElement", data_element), ("value", self.value.as_str())]);
        self.w.write_event(Event::Empty(dv))?;
        Ok(())
    }

    /// Closes the open group and the root, ends the line; gives back the
    /// output.
    pub fn end(mut self) -> Result<W> {
        if self.open.is_some() {
            self.w.write_event(Event::End(BytesEnd::new("group")))?;
        }
        self.w.write_event(Event::End(BytesEnd::new("adx")))?;
        let mut out = self.w.into_inner();
        out.write_all(b"\n")?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{DataValueSet, SetWriter, Shape, write_adx};
    use super::*;
    use crate::export::Figure;
    use crate::plan::Plan;

    const STAMP: &str = "2027-12-31T00:00:00Z";

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    /// A plan of three coded indicators: `a` (quarterly, DE_A), `b`
    /// (monthly, DE_B), `c` (quarterly, DE_C).
    fn plan() -> Plan {
        let indicator = |id: &str, every: &str| {
            format!(
                "[[group.indicator]]\nid = \"{id}\"\nname = \"{id}\"\nmeasure = \"flow\"\nevery = \"{every}\"\n\
                 dhis2 = \"DE_{}\"\n",
                id.to_uppercase()
            )
        };
        let text = format!(
            "[plan]\nid = \"P\"\ntitle = \"t\"\nstart = 2026\nend = 2030\n\
             [export.dhis2]\norg_unit = \"OU1\"\ndata_set = \"DS\"\n\
             [[group]]\nid = \"g\"\nname = \"g\"\n{}{}{}",
            indicator("a", "quarter"),
            indicator("b", "month"),
            indicator("c", "quarter")
        );
        crate::plan::load_str(&text, "plan.toml").plan.expect("valid plan")
    }

    fn fig(indicator: &'static str, period: Period, value: f64) -> Figure<'static> {
        let day = period.end();
        Figure { indicator, period, value, by: "hoa".into(), note: None, reported_on: day, updated_on: day }
    }

    /// `groups` (data element, figures) through a [`SetWriter`] holding up
    /// to `above` values in memory and distributing with `sort_buffer`
    /// records of buffer.
    fn streamed(
        plan: &Plan,
        above: usize,
        sort_buffer: usize,
        groups: &[(&'static str, Vec<Figure<'static>>)],
    ) -> String {
        let mut w = SetWriter::new(plan, Shape::Adx, STAMP.into(), Vec::new())
            .unwrap()
            .adx_spill(above, std::env::temp_dir());
        w.adx.sort_buffer = sort_buffer;
        for (code, figures) in groups {
            w.push(code, figures.clone()).unwrap();
        }
        String::from_utf8(w.finish().unwrap().1).unwrap()
    }

    /// Two indicators, three periods, the values arriving indicator by
    /// indicator (as `plan export` gives them): DE_A 2027-Q1 = 5,
    /// 2027-Q2 = 7.5; then DE_B 2026-Q4 = 1, 2027-Q1 = 0.25, 2027-Q2 = -2.
    /// By hand: periods in order, 2026-Q4 (seen third) < 2027-Q1 <
    /// 2027-Q2; in each, the values in the order they came, so DE_A
    /// before DE_B:
    ///   2026-10-01/P3M: DE_B 1
    ///   2027-01-01/P3M: DE_A 5, DE_B 0.25
    ///   2027-04-01/P3M: DE_A 7.5, DE_B -2
    /// The same bytes held in memory or sorted through the temporary files
    /// (spilled from the first value, the third, or never), with a
    /// distributing buffer of 1, 2 or 64 records.
    #[test]
    fn values_come_by_period_each_in_the_order_given() {
        let plan = plan();
        let groups = [
            ("DE_A", vec![fig("a", p("2027-Q1"), 5.0), fig("a", p("2027-Q2"), 7.5)]),
            (
                "DE_B",
                vec![fig("b", p("2026-Q4"), 1.0), fig("b", p("2027-Q1"), 0.25), fig("b", p("2027-Q2"), -2.0)],
            ),
        ];
        let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<adx xmlns="urn:ihe:qrph:adx:2015" exported="2027-12-31T00:00:00Z">
  <group orgUnit="OU1" period="2026-10-01/P3M" dataSet="DS">
    <dataValue dataElement="DE_B" value="1"/>
  </group>
  <group orgUnit="OU1" period="2027-01-01/P3M" dataSet="DS">
    <dataValue dataElement="DE_A" value="5"/>
    <dataValue dataElement="DE_B" value="0.25"/>
  </group>
  <group orgUnit="OU1" period="2027-04-01/P3M" dataSet="DS">
    <dataValue dataElement="DE_A" value="7.5"/>
    <dataValue dataElement="DE_B" value="-2"/>
  </group>
</adx>
"#;
        for above in [usize::MAX, 0, 2, 5] {
            for sort_buffer in [1, 2, 64] {
                assert_eq!(streamed(&plan, above, sort_buffer, &groups), expected, "{above} {sort_buffer}");
            }
        }
        let all: Vec<Figure> = groups.iter().flat_map(|(_, f)| f.clone()).collect();
        let mut whole = Vec::new();
        write_adx(&DataValueSet::new(&plan, &all).unwrap(), STAMP, &mut whole).unwrap();
        assert_eq!(String::from_utf8(whole).unwrap(), expected);
    }

    /// A set over many periods and three indicators (DE_A and DE_C every
    /// quarter, DE_B every month, 2026-2030; DE_C's quarters arriving last
    /// first, then DE_B again for 2028's months, last first: two values in
    /// every quarter and in 2028's months; values with fractions,
    /// negative, -0, large), streamed with the spill forced (from the
    /// first value, the second, the 100th), through buffers of 1, 3 and
    /// 1,000 records: byte for byte what [`write_adx`] writes of the whole
    /// set in memory.
    #[test]
    fn a_spilled_set_is_the_set_sorted_in_memory() {
        let plan = plan();
        let periods = |cadence: crate::period::Cadence| {
            (2026..=2030).flat_map(move |y| Period::all_in(y, cadence)).collect::<Vec<_>>()
        };
        use crate::period::Cadence::{Month, Quarter};
        let value = |i: usize| match i % 5 {
            0 => i as f64 * 1.5,
            1 => -(i as f64) / 8.0,
            2 => -0.0,
            3 => 123456789012345.0 + i as f64,
            _ => 0.1 * i as f64,
        };
        let a: Vec<Figure> =
            periods(Quarter).into_iter().enumerate().map(|(i, q)| fig("a", q, value(i))).collect();
        let b: Vec<Figure> =
            periods(Month).into_iter().enumerate().map(|(i, m)| fig("b", m, value(i + 7))).collect();
        let c: Vec<Figure> =
            periods(Quarter).into_iter().rev().enumerate().map(|(i, q)| fig("c", q, value(i + 3))).collect();
        let b2: Vec<Figure> = Period::all_in(2028, Month)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .enumerate()
            .map(|(i, m)| fig("b", m, value(i + 1)))
            .collect();
        assert_eq!((a.len(), b.len(), c.len(), b2.len()), (20, 60, 20, 12));
        let all: Vec<Figure> = a.iter().chain(&b).chain(&c).chain(&b2).cloned().collect();
        let mut whole = Vec::new();
        write_adx(&DataValueSet::new(&plan, &all).unwrap(), STAMP, &mut whole).unwrap();
        let whole = String::from_utf8(whole).unwrap();
        // 20 quarters + 60 months: 80 groups; 20 + 60 + 20 + 12 = 112 values.
        assert_eq!((whole.matches("<group ").count(), whole.matches("<dataValue ").count()), (80, 112));
        let groups = [("DE_A", a), ("DE_B", b), ("DE_C", c), ("DE_B", b2)];
        for above in [0, 1, 99] {
            for sort_buffer in [1, 3, 1000] {
                assert_eq!(streamed(&plan, above, sort_buffer, &groups), whole, "{above} {sort_buffer}");
            }
        }
    }

    /// An unwritable temporary folder: a [`SortFileError`] naming the
    /// folder and what to set, not a panic; nothing is asked of the folder
    /// while the values fit in memory.
    #[test]
    fn an_unwritable_temporary_folder_is_said() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let plan = plan();
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing");
        let figures = vec![fig("a", p("2027-Q1"), 1.0), fig("a", p("2027-Q2"), 2.0)];
        let mut w = SetWriter::new(&plan, Shape::Adx, STAMP.into(), Vec::new())
            .unwrap()
            .adx_spill(0, missing.clone());
        let e = w.push("DE_A", figures.clone()).unwrap_err();
        let message = e.downcast_ref::<SortFileError>().expect("a SortFileError").to_string();
        let said = format!("files in {}, and that failed: the folder does not exist.", missing.display());
        assert!(message.contains(&said) && message.contains("Point TMPDIR"), "{message}");
        // A file where the folder should be: the system's words for it.
        let file = dir.path().join("a-file");
        std::fs::write(&file, "x").unwrap();
        let mut w =
            SetWriter::new(&plan, Shape::Adx, STAMP.into(), Vec::new()).unwrap().adx_spill(1, file.clone());
        w.push("DE_A", figures[..1].to_vec()).unwrap();
        let e = w.push("DE_A", figures[1..].to_vec()).unwrap_err();
        let message = e.downcast_ref::<SortFileError>().expect("a SortFileError").to_string();
        assert!(message.contains(&format!("files in {}, and that failed: ", file.display())), "{message}");
        let mut w =
            SetWriter::new(&plan, Shape::Adx, STAMP.into(), Vec::new()).unwrap().adx_spill(2, missing);
        w.push("DE_A", figures).unwrap();
        assert_eq!(w.finish().unwrap().0, 2);
    }
}
