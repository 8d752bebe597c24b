//! CSV import (SPEC §4 "Import CSV"): figures and task completions read
//! from a spreadsheet export, checked row by row with the same checks as
//! `record` and `done` (`crate::input`), and handed to the caller's `push`.
//!
//! The file is read twice, streaming both times: [`sha256`] hashes its
//! bytes (for the same-file check, before anything is written; a new
//! ledger, which has no batch to compare with, skips it), then [`run`]
//! hashes them again (the file must not change in between),
//! validates every row and pushes each new entry as it goes. After the
//! first bad row nothing more is pushed (the caller rolls back), but every
//! row is still checked so that all bad rows are reported.
//!
//! Invariants: memory grows neither with the file nor with the ledger
//! (but for one record: a quote never closed makes the rest of the file
//! one record, which the csv reader holds whole).
//! What may grow is bounded: the first [`MAX_LISTED`] bad rows, the caches
//! of resolved indicator, task, period and date strings (valid ones only,
//! dates capped), and the value that counts for each (indicator, period),
//! which the plan's years and cadences bound. The ledger is read once,
//! before the rows ([`Known::read`]), entry by entry (newest first),
//! keeping only what can count (see `counted_values`).

pub mod cell;
pub mod dhis2;

use crate::counting;
use crate::input;
use crate::ledger::{Entry, Kind, NewEntry};
use crate::number::NumberStyle;
use crate::period::Period;
use crate::plan::{Indicator, Plan, Task, suggest};
use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};
use csv::ByteRecord;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{self, Chain, Cursor, Read};

/// Bad rows listed in full; the rest are only counted.
pub const MAX_LISTED: usize = 50;

/// Distinct valid dates remembered (a file spans a few years of days).
const DATE_CACHE_CAP: usize = 10_000;

/// The longest header line looked at to detect the delimiter.
const MAX_HEADER: usize = 1 << 20;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The maps looked up for every row: keys are the file's own short strings,
/// so a fast hash is worth more than SipHash's guard against crafted keys.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// What the importer reads from the ledger, to tell "unchanged" rows.
pub trait Store {
    /// Calls `f` on every entry, newest first, one at a time (a large
    /// ledger has too many to hold at once).
    fn each_entry_newest_first(&mut self, f: &mut dyn FnMut(Entry) -> Result<()>) -> Result<()>;
    /// Every entry about a task, in ledger order.
    fn task_entries(&mut self) -> Result<Vec<Entry>>;
}

/// What the ledger already counts, read once before the rows: a row that
/// repeats it is "unchanged". The importer keeps it up to date with the
/// rows it adds, so it never reads the ledger again.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// The value that counts per period, per indicator.
    pub counted: HashMap<String, FastMap<Period, f64>>,
    /// The tasks done.
    pub done: HashSet<String>,
}

impl Known {
    pub fn read<S: Store + ?Sized>(store: &mut S) -> Result<Known> {
        let done = counting::completions(&store.task_entries()?, None).into_keys().collect();
        Ok(Known { counted: counted_values(store)?, done })
    }
}

/// How to read the file.
#[derive(Debug, Clone)]
pub struct Options {
    /// Forced delimiter; `None` detects it from the header line.
    pub delimiter: Option<u8>,
    pub numbers: NumberStyle,
    /// Dates after it are refused; a figure row without a date gets it.
    pub today: NaiveDate,
    /// Who, for rows with an empty `by` (the OS user).
    pub by: String,
}

/// The columns a file may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Indicator,
    Period,
    Value,
    Task,
    Date,
    By,
    Source,
    Note,
}

/// (column, English name, Vietnamese alias, Vietnamese with diacritics).
const COLUMNS: [(Col, &str, &str, &str); 8] = [
    (Col::Indicator, "indicator", "chi_tieu", "chỉ_tiêu"),
    (Col::Period, "period", "ky", "kỳ"),
    (Col::Value, "value", "gia_tri", "giá_trị"),
    (Col::Task, "task", "nhiem_vu", "nhiệm_vụ"),
    (Col::Date, "date", "ngay", "ngày"),
    (Col::By, "by", "nguoi_nhap", "người_nhập"),
    (Col::Source, "source", "nguon", "nguồn"),
    (Col::Note, "note", "ghi_chu", "ghi_chú"),
];

fn column_of(header: &str) -> Option<Col> {
    let key: String =
        header.trim().to_lowercase().chars().map(|c| if c == ' ' || c == '-' { '_' } else { c }).collect();
    COLUMNS.iter().find(|(_, en, vi, vi_full)| key == *en || key == *vi || key == *vi_full).map(|c| c.0)
}

/// The header row: where each column is, and its name as the file spells
/// it (for messages).
#[derive(Debug)]
struct Header {
    at: [Option<usize>; 8],
    names: Vec<String>,
    /// Columns with an empty header: allowed (spreadsheets add them) as
    /// long as every cell under them is empty.
    unnamed: Vec<usize>,
}

impl Header {
    fn get(&self, c: Col) -> Option<usize> {
        self.at[c as usize]
    }
}

/// Problems with the header row; nothing can be read.
#[derive(Debug, thiserror::Error)]
#[error("{}", .problems.join("; "))]
pub struct BadHeader {
    pub problems: Vec<String>,
}

fn parse_header(rec: &ByteRecord) -> Result<Header, BadHeader> {
    let mut h = Header { at: [None; 8], names: Vec::with_capacity(rec.len()), unnamed: Vec::new() };
    let mut problems = Vec::new();
    let known: Vec<&str> = COLUMNS.iter().flat_map(|(_, en, vi, _)| [*en, *vi]).collect();
    for (i, raw) in rec.iter().enumerate() {
        let name = String::from_utf8_lossy(raw).trim().to_string();
        if std::str::from_utf8(raw).is_err() {
            problems.push(format!("column {} `{name}` is not UTF-8 text: save the file as CSV UTF-8", i + 1));
        }
        if name.is_empty() {
            h.unnamed.push(i);
        } else {
            match column_of(&name) {
                Some(c) => match h.at[c as usize] {
                    Some(j) => problems.push(format!(
                        "column `{name}` repeats column {} `{}`: keep one of them",
                        j + 1,
                        h.names[j]
                    )),
                    None => h.at[c as usize] = Some(i),
                },
                None => {
                    let key = name.to_lowercase();
                    let hint = match suggest(&key, known.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => "expected indicator, period, value, date, by, source, note, task \
                                 (or chi_tieu, ky, gia_tri, ngay, nguoi_nhap, nguon, ghi_chu, nhiem_vu)"
                            .to_string(),
                    };
                    problems.push(format!("unknown column `{name}`: {hint}"));
                }
            }
        }
        h.names.push(name);
    }
    let figure_cols = [Col::Indicator, Col::Period, Col::Value];
    let has = |c: Col| h.get(c).is_some();
    if figure_cols.iter().any(|c| has(*c)) {
        let missing: Vec<&str> = COLUMNS
            .iter()
            .filter(|(c, ..)| figure_cols.contains(c) && !has(*c))
            .map(|(_, en, vi, _)| if has(Col::Indicator) || has(Col::Period) { *en } else { *vi })
            .collect();
        if !missing.is_empty() {
            problems.push(format!(
                "missing column{} {}: figures need indicator, period and value (chi_tieu, ky, gia_tri)",
                if missing.len() > 1 { "s" } else { "" },
                missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
            ));
        }
    }
    if has(Col::Task) && !has(Col::Date) {
        problems.push(
            "missing column `date` (ngay): task completions need the date each task was done".to_string(),
        );
    }
    if !has(Col::Indicator) && !has(Col::Task) && problems.is_empty() {
        problems.push(
            "missing columns: expected indicator, period, value for figures (chi_tieu, ky, gia_tri) \
             and/or task, date for completions (nhiem_vu, ngay)"
                .to_string(),
        );
    }
    if problems.is_empty() { Ok(h) } else { Err(BadHeader { problems }) }
}

/// `--delimiter`: one ASCII character; `\t` or `tab` for a tab.
pub fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "\\t" | "tab" | "TAB" | "Tab" | "\t" => return Ok(b'\t'),
        _ => {}
    }
    match s.as_bytes() {
        [b] if b.is_ascii_punctuation() && *b != b'"' => Ok(*b),
        _ => Err(format!(
            "invalid delimiter `{s}`: expected one character such as `,` `;` `|`, or `tab` (also `\\t`)"
        )),
    }
}

/// The delimiter of a header line: whichever of `,` `;` and tab occurs most
/// outside quotes before the first line break (`,` when none does).
pub fn detect_delimiter(head: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let cands = [b',', b';', b'\t'];
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    if counts[best] == 0 { b',' } else { cands[best] }
}

/// A reader that hashes what passes through it.
struct Hashing<R> {
    inner: R,
    sha: Sha256,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.sha.update(&buf[..n]);
        Ok(n)
    }
}

/// The header line read ahead, the rest of the input, and a final line
/// break so that every record ends with one, but for a record that a quote
/// left open.
type Input<R> = Chain<Chain<Cursor<Vec<u8>>, Hashing<R>>, &'static [u8]>;

/// What the csv reader reads: the input, and whether all of it was read.
struct Source<R> {
    input: Input<R>,
    /// Set once a read returned nothing: every byte was read.
    ended: bool,
}

impl<R: Read> Read for Source<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.input.read(buf)?;
        self.ended |= n == 0 && !buf.is_empty();
        Ok(n)
    }
}

/// Records with the physical line each starts on.
///
/// Lines are counted by `\n` only and records end at `\n` (a `\r` before
/// it is trimmed with the cell), so that the csv crate's line count after a
/// record, less the line breaks inside it and the one that ended it, is the
/// line it started on: its own position is where it began to look, before
/// skipping blank lines.
///
/// A quote never closed is the one way a record ends without a line break:
/// its cell runs to the end of the input, the final line break inside it.
/// Such a record is the only one read once the input has `ended`: the csv
/// reader asks for more bytes only while a record is unfinished, and the
/// empty read that tells it the input is over is what finishes this one.
struct Records<R> {
    rdr: csv::Reader<Source<R>>,
    delimiter: u8,
}

enum Next {
    Record {
        line: u64,
        /// The line of a quote never closed, which ran this record to the
        /// end of the file (it is the last).
        open_quote: Option<u64>,
    },
    /// A record whose field count differs from the header's.
    Ragged {
        line: u64,
        expected: u64,
        len: u64,
        open_quote: Option<u64>,
    },
    End,
}

impl<R: Read> Records<R> {
    /// The next record that is not blank, into `rec`. A record that a quote
    /// left open is returned even when blank: the quote is an error.
    fn next(&mut self, rec: &mut ByteRecord) -> csv::Result<Next> {
        loop {
            let read = self.rdr.read_byte_record(rec);
            let after = self.rdr.position().line();
            let breaks = |field: &[u8]| field.iter().filter(|&&b| b == b'\n').count() as u64;
            // Only a record that a quote left open ends at the end of the
            // input, not at a line break of its own.
            let (line, open_quote) = if self.rdr.get_ref().ended {
                // The open cell is the last one: the quote opened on the
                // line before its line breaks.
                let last = rec.iter().next_back().map_or(0, breaks);
                (after.saturating_sub(breaks(rec.as_slice())), Some(after.saturating_sub(last).max(1)))
            } else {
                (after.saturating_sub(breaks(rec.as_slice()) + 1), None)
            };
            let line = line.max(1);
            let blank = open_quote.is_none() && is_blank(rec);
            match read {
                Ok(false) => return Ok(Next::End),
                Ok(true) if blank => continue,
                Ok(true) => return Ok(Next::Record { line, open_quote }),
                Err(e) => match e.kind() {
                    csv::ErrorKind::UnequalLengths { .. } if blank => continue,
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        return Ok(Next::Ragged { line, expected: *expected_len, len: *len, open_quote });
                    }
                    _ => return Err(e),
                },
            }
        }
    }

    /// Reads what is left; returns the hash of every byte, as hex.
    fn finish(self) -> io::Result<String> {
        let (inner, _) = self.rdr.into_inner().input.into_inner();
        let (_, mut src) = inner.into_inner();
        io::copy(&mut src, &mut io::sink())?;
        Ok(hex::encode(src.sha.finalize()))
    }
}

/// Reads the header line (to detect the delimiter), drops a UTF-8 BOM, and
/// returns the records of the whole input, hashing every byte.
fn open<R: Read>(raw: R, delimiter: Option<u8>) -> io::Result<Records<R>> {
    let mut src = Hashing { inner: raw, sha: Sha256::new() };
    let mut head = Vec::with_capacity(8192);
    let mut buf = [0u8; 8192];
    let mut quoted = false;
    'read: while head.len() < MAX_HEADER {
        let n = match src.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let start = head.len();
        head.extend_from_slice(&buf[..n]);
        for &b in &head[start..] {
            if b == b'"' {
                quoted = !quoted;
            } else if b == b'\n' && !quoted {
                break 'read;
            }
        }
    }
    if head.starts_with(UTF8_BOM) {
        head.drain(..UTF8_BOM.len());
    }
    let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(&head));
    let rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(1 << 16)
        .from_reader(Source { input: Cursor::new(head).chain(src).chain(&b"\n"[..]), ended: false });
    Ok(Records { rdr, delimiter })
}

fn is_blank(rec: &ByteRecord) -> bool {
    rec.iter().all(|f| f.trim_ascii().is_empty())
}

/// The error of a quote never closed, reported at line `at`; `into` is what
/// the rest of the file was read as.
fn never_closed(at: u64, quote: u64, into: &str) -> String {
    let on = if quote == at { "on this line".to_string() } else { format!("on line {quote}") };
    format!("a quote `\"` opened {on} is never closed: the rest of the file was read as {into}")
}

/// First pass: the SHA-256 of every byte, as hex (a raw hash, no CSV
/// parsing: for the same-file check before anything is written).
pub fn sha256(mut raw: impl Read) -> io::Result<String> {
    let mut sha = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match raw.read(&mut buf) {
            Ok(0) => return Ok(hex::encode(sha.finalize())),
            Ok(n) => sha.update(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// One bad cell or row, at a physical line of the file (the header is 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    /// The column as the file names it; `None` for the row as a whole.
    pub column: Option<String>,
    pub message: String,
}

/// Rows added and left unchanged, for one indicator or task or in all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub added: u64,
    pub unchanged: u64,
}

/// What a run found.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Data rows read (not the header, not blank rows).
    pub rows: u64,
    pub total: Tally,
    /// Per indicator, then per task, in plan order; only those in the file.
    pub indicators: Vec<(String, Tally)>,
    pub tasks: Vec<(String, Tally)>,
    pub bad_rows: u64,
    /// The errors of the first [`MAX_LISTED`] bad rows.
    pub errors: Vec<RowError>,
    pub sha256: String,
    pub delimiter: u8,
}

struct IndicatorState<'p> {
    ind: &'p Indicator,
    /// Each period text met, its period, and whether the text is the
    /// period as stored (then it is stored as is, without formatting).
    periods: FastMap<String, (Period, bool)>,
    /// The value that counts per period: the ledger's, then this file's.
    counted: Option<FastMap<Period, f64>>,
    tally: Tally,
}

struct TaskState<'p> {
    task: &'p Task,
    done: Option<bool>,
    tally: Tally,
}

/// Second pass: validates every row and hands each new entry (new against
/// `known`) to `push`, until the first bad row. `progress` gets the bytes
/// read so far now and then.
pub fn run<R: Read>(
    plan: &Plan,
    raw: R,
    opts: &Options,
    known: Known,
    mut push: impl FnMut(&NewEntry) -> Result<()>,
    mut progress: impl FnMut(u64),
) -> Result<Outcome> {
    let mut records = open(raw, opts.delimiter)?;
    let delimiter = records.delimiter;
    let mut rec = ByteRecord::new();
    let header = match records.next(&mut rec) {
        // A ragged header is the first record: it cannot be.
        Ok(Next::Record { open_quote: None, .. } | Next::Ragged { open_quote: None, .. }) => {
            parse_header(&rec)?
        }
        // The quote swallowed the whole file: there is no header to read.
        Ok(Next::Record { open_quote: Some(quote), .. } | Next::Ragged { open_quote: Some(quote), .. }) => {
            let mut problems = parse_header(&rec).err().map(|h| h.problems).unwrap_or_default();
            problems.push(never_closed(1, quote, "the header row"));
            return Err(BadHeader { problems }.into());
        }
        Ok(Next::End) => {
            return Err(BadHeader {
                problems: vec![
                    "the file is empty: expected a header row such as `indicator,period,value,date`"
                        .to_string(),
                ],
            }
            .into());
        }
        Err(e) => return Err(e).context("cannot read the header row"),
    };
    let mut imp = Importer {
        plan,
        opts,
        header,
        indicators: Vec::new(),
        indicator_index: FastMap::default(),
        tasks: Vec::new(),
        task_index: FastMap::default(),
        dates: FastMap::default(),
        scratch: NewEntry {
            kind: Kind::Figure,
            indicator: None,
            task: None,
            period: None,
            year: 0,
            value_text: None,
            value: None,
            reported_on: opts.today,
            by: String::new(),
            source: None,
            note: None,
            target_entry: None,
        },
        known,
        cell_errors: Vec::new(),
        rows: 0,
        total: Tally::default(),
        bad_rows: 0,
        errors: Vec::new(),
    };
    loop {
        let bad_before = imp.bad_rows;
        let (line, open_quote) = match records.next(&mut rec).context("cannot read the file")? {
            Next::End => break,
            // Nothing but a quote left open: that is the row's one error.
            Next::Record { line, open_quote: Some(quote) }
            | Next::Ragged { line, open_quote: Some(quote), .. }
                if is_blank(&rec) =>
            {
                imp.rows += 1;
                (line, Some(quote))
            }
            Next::Record { line, open_quote } => {
                imp.row(&rec, line, &mut push)?;
                (line, open_quote)
            }
            Next::Ragged { line, expected, len, open_quote } => {
                imp.rows += 1;
                let d = match delimiter {
                    b'\t' => "tab".to_string(),
                    d => format!("`{}`", d as char),
                };
                let message = format!(
                    "this row has {len} fields but the header has {expected}: quote values that contain the delimiter {d}"
                );
                imp.bad(line, vec![(None, message)]);
                (line, open_quote)
            }
        };
        if let Some(quote) = open_quote {
            // The quote swallowed the rest of the file into this row, the
            // last: one more error of the row, which is one bad row.
            let message = never_closed(line, quote, "one cell");
            if imp.bad_rows == bad_before {
                imp.bad(line, vec![(None, message)]);
            } else if imp.bad_rows as usize <= MAX_LISTED {
                imp.errors.push(RowError { line, column: None, message });
            }
        }
        if imp.rows.is_multiple_of(8192) {
            progress(records.rdr.position().byte());
        }
    }
    progress(records.rdr.position().byte());
    let sha256 = records.finish()?;
    let indicators = imp.ordered_indicators();
    let tasks = imp.ordered_tasks();
    Ok(Outcome {
        rows: imp.rows,
        total: imp.total,
        indicators,
        tasks,
        bad_rows: imp.bad_rows,
        errors: imp.errors,
        sha256,
        delimiter,
    })
}

struct Importer<'p, 'o> {
    plan: &'p Plan,
    opts: &'o Options,
    header: Header,
    indicators: Vec<IndicatorState<'p>>,
    indicator_index: FastMap<String, usize>,
    tasks: Vec<TaskState<'p>>,
    task_index: FastMap<String, usize>,
    dates: FastMap<String, NaiveDate>,
    /// One entry whose buffers every row reuses.
    scratch: NewEntry,
    /// What the ledger counts; each indicator takes its part into its own
    /// state when first met.
    known: Known,
    /// The current row's errors: (column index, message).
    cell_errors: Vec<(Option<usize>, String)>,
    rows: u64,
    total: Tally,
    bad_rows: u64,
    errors: Vec<RowError>,
}

/// The value that counts now for each period of each indicator (SPEC §5
/// "What counts", decided by `counting::count_figures`), from one pass over
/// the ledger, newest entry first, keeping only the entries that can count:
/// the newest figure of each period that was not voided, and its newest
/// correction that was not voided. Newest first, a void is met before the
/// entry it withdraws, a correction before its figure. Memory: the voided
/// ids, a figure per period, the corrections not yet matched; never every
/// figure.
fn counted_values<S: Store + ?Sized>(store: &mut S) -> Result<HashMap<String, FastMap<Period, f64>>> {
    let mut voided: HashSet<i64> = HashSet::new();
    let mut figures: HashMap<String, HashMap<Period, Entry>> = HashMap::new();
    let mut corrections: HashMap<i64, Entry> = HashMap::new();
    let mut kept: Vec<Entry> = Vec::new();
    store.each_entry_newest_first(&mut |e| {
        match e.kind {
            Kind::Void => voided.extend(e.target_entry),
            Kind::Correction => {
                if !voided.contains(&e.id)
                    && let Some(t) = e.target_entry
                {
                    corrections.entry(t).or_insert(e);
                }
            }
            Kind::Figure => {
                let correction = corrections.remove(&e.id);
                // The same figures `count_figures` skips are skipped here.
                let period = e.period.as_deref().and_then(|p| p.parse::<Period>().ok());
                let (Some(ind), Some(p), Some(_)) = (&e.indicator, period, e.value) else {
                    return Ok(());
                };
                if voided.contains(&e.id) {
                    return Ok(());
                }
                let periods = figures.entry(ind.clone()).or_default();
                if let std::collections::hash_map::Entry::Vacant(slot) = periods.entry(p) {
                    kept.extend(correction);
                    slot.insert(e);
                }
            }
            Kind::Completion => {}
        }
        Ok(())
    })?;
    kept.extend(figures.into_values().flat_map(HashMap::into_values));
    Ok(counting::count_figures(&kept, None)
        .into_iter()
        .map(|(ind, periods)| {
            let values = periods.into_iter().filter_map(|(p, f)| f.counted.map(|c| (p, c.value))).collect();
            (ind, values)
        })
        .collect())
}

/// Sets `slot` to `s`, reusing its buffer.
fn set(slot: &mut String, s: &str) {
    slot.clear();
    slot.push_str(s);
}

fn set_opt(slot: &mut Option<String>, s: &str) {
    if s.is_empty() {
        *slot = None;
    } else if let Some(b) = slot {
        set(b, s);
    } else {
        *slot = Some(s.to_string());
    }
}

impl<'p> Importer<'p, '_> {
    /// Records a bad row (its errors are listed while fewer than
    /// `MAX_LISTED` rows were).
    fn bad(&mut self, line: u64, errs: Vec<(Option<String>, String)>) {
        self.bad_rows += 1;
        if self.bad_rows as usize <= MAX_LISTED {
            self.errors.extend(errs.into_iter().map(|(column, message)| RowError { line, column, message }));
        }
    }

    fn row(
        &mut self,
        rec: &ByteRecord,
        line: u64,
        push: &mut impl FnMut(&NewEntry) -> Result<()>,
    ) -> Result<()> {
        self.rows += 1;
        self.cell_errors.clear();
        // Every cell as trimmed UTF-8 text ("" for an absent column).
        let mut cells: [&str; 8] = [""; 8];
        // The record checked at once; a cell on its own only when that fails
        // (to say where), or when a cell's edge splits a character.
        let whole = std::str::from_utf8(rec.as_slice()).ok();
        for (c, at) in self.header.at.iter().enumerate() {
            if let Some(i) = *at {
                let raw = rec.get(i).unwrap_or_default();
                let text = match whole.zip(rec.range(i)).and_then(|(w, r)| w.get(r)) {
                    Some(t) => Ok(t),
                    None => std::str::from_utf8(raw),
                };
                match text {
                    Ok(s) => cells[c] = s.trim(),
                    Err(e) => self.cell_errors.push((
                        Some(i),
                        format!(
                            "not UTF-8 text (invalid byte 0x{:02X} at position {}): save the file as CSV UTF-8",
                            raw[e.valid_up_to()],
                            e.valid_up_to() + 1
                        ),
                    )),
                }
            }
        }
        for &i in &self.header.unnamed {
            if !rec.get(i).unwrap_or_default().trim_ascii().is_empty() {
                self.cell_errors
                    .push((Some(i), format!("a value under no header: name column {} or empty it", i + 1)));
            }
        }
        let cell = |c: Col| cells[c as usize];
        let figure = self.header.get(Col::Indicator).is_some()
            && (!cell(Col::Indicator).is_empty() || cell(Col::Task).is_empty());
        if self.cell_errors.is_empty() {
            if figure {
                self.figure(&cells, push)?;
            } else {
                self.completion(&cells, push)?;
            }
        }
        if !self.cell_errors.is_empty() {
            let names = &self.header.names;
            let label = |i: usize| match names[i].as_str() {
                "" => format!("column {}", i + 1),
                name => name.to_string(),
            };
            let errs = self.cell_errors.drain(..).map(|(i, m)| (i.map(label), m)).collect::<Vec<_>>();
            self.bad(line, errs);
        }
        Ok(())
    }

    fn err(&mut self, c: Col, message: String) {
        self.cell_errors.push((self.header.get(c), message));
    }

    fn indicator(&mut self, id: &str) -> Result<usize, String> {
        if let Some(&i) = self.indicator_index.get(id) {
            return Ok(i);
        }
        let ind = input::recorded_indicator(self.plan, id)?;
        let i = self.indicators.len();
        self.indicators.push(IndicatorState {
            ind,
            periods: FastMap::default(),
            counted: None,
            tally: Tally::default(),
        });
        self.indicator_index.insert(id.to_string(), i);
        Ok(i)
    }

    fn task(&mut self, id: &str) -> Result<usize, String> {
        if let Some(&i) = self.task_index.get(id) {
            return Ok(i);
        }
        let task = input::task(self.plan, id)?;
        let i = self.tasks.len();
        self.tasks.push(TaskState { task, done: None, tally: Tally::default() });
        self.task_index.insert(id.to_string(), i);
        Ok(i)
    }

    fn period(&mut self, i: usize, text: &str) -> Result<(Period, bool), String> {
        let st = &mut self.indicators[i];
        if let Some(p) = st.periods.get(text) {
            return Ok(*p);
        }
        if text.is_empty() {
            return Err("no period given: expected YYYY, YYYY-H1..H2, YYYY-Q1..Q4 or YYYY-MM \
                        (e.g. 2027, 2027-H1, 2027-Q3, 2027-07)"
                .to_string());
        }
        let p = input::period(self.plan, st.ind, text)?;
        let stored = (p, p.to_string() == text);
        st.periods.insert(text.to_string(), stored);
        Ok(stored)
    }

    fn date(&mut self, text: &str) -> Result<NaiveDate, String> {
        if let Some(d) = self.dates.get(text) {
            return Ok(*d);
        }
        let d = input::date(text, self.opts.today)?;
        if self.dates.len() < DATE_CACHE_CAP {
            self.dates.insert(text.to_string(), d);
        }
        Ok(d)
    }

    fn figure(&mut self, cells: &[&str; 8], push: &mut impl FnMut(&NewEntry) -> Result<()>) -> Result<()> {
        let cell = |c: Col| cells[c as usize];
        if !cell(Col::Task).is_empty() {
            self.err(
                Col::Task,
                "a row is either a figure (indicator, period, value) or a task completion (task, date), \
                 not both: put them on two rows"
                    .to_string(),
            );
        }
        let ind = self.indicator(cell(Col::Indicator)).map_err(|m| self.err(Col::Indicator, m)).ok();
        let period = match ind {
            Some(i) => self.period(i, cell(Col::Period)).map_err(|m| self.err(Col::Period, m)).ok(),
            None => {
                // The indicator is unknown; the period can still be malformed.
                if let Err(e) = cell(Col::Period).parse::<Period>() {
                    self.err(Col::Period, e.to_string());
                }
                None
            }
        };
        let value =
            input::value(cell(Col::Value), self.opts.numbers).map_err(|m| self.err(Col::Value, m)).ok();
        let date = match cell(Col::Date) {
            "" => Some(self.opts.today),
            d => self.date(d).map_err(|m| self.err(Col::Date, m)).ok(),
        };
        let (Some(i), Some((period, as_stored)), Some(value), Some(date)) = (ind, period, value, date) else {
            return Ok(());
        };
        if !self.cell_errors.is_empty() || self.bad_rows > 0 {
            // Nothing will be written: only checking from here on.
            return Ok(());
        }
        let st = &mut self.indicators[i];
        let counted =
            st.counted.get_or_insert_with(|| self.known.counted.remove(&st.ind.id).unwrap_or_default());
        if counted.insert(period, value) == Some(value) {
            st.tally.unchanged += 1;
            self.total.unchanged += 1;
            return Ok(());
        }
        st.tally.added += 1;
        self.total.added += 1;
        let e = &mut self.scratch;
        e.kind = Kind::Figure;
        set_opt(&mut e.indicator, &st.ind.id);
        e.task = None;
        let p = e.period.get_or_insert_with(String::new);
        if as_stored {
            set(p, cell(Col::Period));
        } else {
            p.clear();
            write!(p, "{period}").expect("write to a String");
        }
        e.year = period.year;
        set_opt(&mut e.value_text, cell(Col::Value));
        e.value = Some(value);
        e.reported_on = date;
        self.fill_provenance(cells);
        push(&self.scratch)
    }

    fn completion(
        &mut self,
        cells: &[&str; 8],
        push: &mut impl FnMut(&NewEntry) -> Result<()>,
    ) -> Result<()> {
        let cell = |c: Col| cells[c as usize];
        for c in [Col::Period, Col::Value] {
            if !cell(c).is_empty() {
                self.err(
                    c,
                    "a task completion takes no period or value: put a figure on its own row, with its indicator"
                        .to_string(),
                );
            }
        }
        let task = self.task(cell(Col::Task)).map_err(|m| self.err(Col::Task, m)).ok();
        let date = match cell(Col::Date) {
            "" => {
                self.err(
                    Col::Date,
                    "no date given: a task completion needs the date the task was done (YYYY-MM-DD)"
                        .to_string(),
                );
                None
            }
            d => self.date(d).map_err(|m| self.err(Col::Date, m)).ok(),
        };
        let (Some(i), Some(date)) = (task, date) else { return Ok(()) };
        if !self.cell_errors.is_empty() || self.bad_rows > 0 {
            return Ok(());
        }
        let st = &mut self.tasks[i];
        let done = st.done.unwrap_or_else(|| self.known.done.contains(&st.task.id));
        st.done = Some(true);
        if done {
            st.tally.unchanged += 1;
            self.total.unchanged += 1;
            return Ok(());
        }
        st.tally.added += 1;
        self.total.added += 1;
        let e = &mut self.scratch;
        e.kind = Kind::Completion;
        e.indicator = None;
        set_opt(&mut e.task, &st.task.id);
        e.period = None;
        e.year = date.year();
        e.value_text = None;
        e.value = None;
        e.reported_on = date;
        self.fill_provenance(cells);
        push(&self.scratch)
    }

    fn fill_provenance(&mut self, cells: &[&str; 8]) {
        let e = &mut self.scratch;
        match cells[Col::By as usize] {
            "" => set(&mut e.by, &self.opts.by),
            by => set(&mut e.by, by),
        }
        set_opt(&mut e.source, cells[Col::Source as usize]);
        set_opt(&mut e.note, cells[Col::Note as usize]);
    }

    fn ordered_indicators(&self) -> Vec<(String, Tally)> {
        let mut v: Vec<_> = self
            .indicators
            .iter()
            .filter(|s| s.tally != Tally::default())
            .map(|s| (s.ind, s.tally))
            .collect();
        let pos: HashMap<&str, usize> =
            self.plan.indicators().enumerate().map(|(i, ind)| (ind.id.as_str(), i)).collect();
        v.sort_by_key(|(ind, _)| pos.get(ind.id.as_str()).copied());
        v.into_iter().map(|(ind, t)| (ind.id.clone(), t)).collect()
    }

    fn ordered_tasks(&self) -> Vec<(String, Tally)> {
        let mut v: Vec<_> =
            self.tasks.iter().filter(|s| s.tally != Tally::default()).map(|s| (s.task, s.tally)).collect();
        let pos: HashMap<&str, usize> =
            self.plan.tasks().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
        v.sort_by_key(|(t, _)| pos.get(t.id.as_str()).copied());
        v.into_iter().map(|(t, tally)| (t.id.clone(), tally)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::counting::tests::entry;
    use proptest::prelude::*;

    /// A ledger in memory.
    struct Entries(Vec<Entry>);

    impl Store for Entries {
        fn each_entry_newest_first(&mut self, f: &mut dyn FnMut(Entry) -> Result<()>) -> Result<()> {
            self.0.iter().rev().try_for_each(|e| f(e.clone()))
        }
        fn task_entries(&mut self) -> Result<Vec<Entry>> {
            Ok(self.0.iter().filter(|e| e.task.is_some()).cloned().collect())
        }
    }

    proptest! {
        /// Keeping only the entries that can count gives what counting all
        /// of them gives, whatever the figures, corrections and voids.
        #[test]
        fn counted_values_agree_with_count_figures(
            ops in proptest::collection::vec((0u8..4, 0usize..2, 0usize..3, 0usize..60, 0i32..5), 1..60)
        ) {
            let periods = ["2026", "2026-Q1", "2026-Q2"];
            let mut es: Vec<Entry> = Vec::new();
            for (kind, ind, p, target, v) in ops {
                let id = es.len() as i64 + 1;
                let ind = ["a", "b"][ind];
                // Corrections and voids carry their target's indicator.
                let target = (!es.is_empty()).then(|| &es[target % es.len()]);
                let t_ind = target.and_then(|t| t.indicator.clone()).unwrap_or_else(|| ind.into());
                let t_id = target.map(|t| t.id);
                let e = match kind {
                    0 | 1 => entry(id, Kind::Figure, ind, periods[p], Some(v.into()), "2026-12-01", None),
                    2 => entry(id, Kind::Correction, &t_ind, "", Some((v + 10).into()), "2026-12-01", t_id),
                    _ => entry(id, Kind::Void, &t_ind, "", None, "2026-12-01", t_id),
                };
                es.push(e);
            }
            let values = |f: counting::Figures| -> HashMap<String, FastMap<Period, f64>> {
                f.into_iter()
                    .map(|(i, m)| (i, m.into_iter().filter_map(|(p, f)| f.counted.map(|c| (p, c.value))).collect()))
                    .filter(|(_, m): &(String, FastMap<Period, f64>)| !m.is_empty())
                    .collect()
            };
            let mut got = counted_values(&mut Entries(es.clone())).unwrap();
            got.retain(|_, m| !m.is_empty());
            prop_assert_eq!(got, values(counting::count_figures(&es, None)));
        }
    }

    #[test]
    fn detects_the_delimiter_outside_quotes() {
        assert_eq!(detect_delimiter(b"indicator,period,value\n"), b',');
        assert_eq!(detect_delimiter(b"chi_tieu;ky;gia_tri\r\n"), b';');
        assert_eq!(detect_delimiter(b"indicator\tperiod\tvalue\n"), b'\t');
        assert_eq!(detect_delimiter(b"\"a;b;c\",period,value\n"), b',');
        assert_eq!(detect_delimiter(b"a;b\nc,d,e,f\n"), b';');
        assert_eq!(detect_delimiter(b"indicator"), b',');
    }

    #[test]
    fn parses_delimiter_arguments() {
        assert_eq!(parse_delimiter(";"), Ok(b';'));
        assert_eq!(parse_delimiter("tab"), Ok(b'\t'));
        assert_eq!(parse_delimiter("\\t"), Ok(b'\t'));
        assert_eq!(parse_delimiter("|"), Ok(b'|'));
        assert!(parse_delimiter("ab").is_err());
        assert!(parse_delimiter("x").is_err());
        assert!(parse_delimiter("\"").is_err());
    }

    #[test]
    fn column_names_and_aliases() {
        assert_eq!(column_of(" Chi_Tieu "), Some(Col::Indicator));
        assert_eq!(column_of("Chỉ tiêu"), Some(Col::Indicator));
        assert_eq!(column_of("NGƯỜI NHẬP"), Some(Col::By));
        assert_eq!(column_of("value"), Some(Col::Value));
        assert_eq!(column_of("values"), None);
    }

    fn header(s: &str) -> Result<Header, BadHeader> {
        parse_header(&ByteRecord::from(s.split(',').collect::<Vec<_>>()))
    }

    #[test]
    fn header_problems_are_all_named() {
        let e = header("indicator,periode,value,nguon,source").unwrap_err();
        assert_eq!(e.problems.len(), 3, "{:?}", e.problems);
        assert!(e.problems[0].contains("unknown column `periode`: did you mean `period`?"));
        assert!(e.problems[1].contains("column `source` repeats column 4 `nguon`"));
        assert!(e.problems[2].contains("missing column `period`"));
        let e = header("nhiem_vu,nguon").unwrap_err();
        assert!(e.problems[0].contains("missing column `date`"), "{:?}", e.problems);
        let e = header("note,by").unwrap_err();
        assert!(e.problems[0].contains("missing columns"), "{:?}", e.problems);
        let h = header("task,date,,").unwrap();
        assert_eq!(h.unnamed, vec![2, 3]);
    }

    #[test]
    fn date_display_is_the_hashed_format() {
        // The ledger hashes `reported_on.to_string()`; older entries were
        // hashed with `format("%Y-%m-%d")`: they must agree.
        for d in ["2026-01-05", "0999-12-31", "0001-01-01", "9999-12-31"] {
            let d: NaiveDate = d.parse().unwrap();
            assert_eq!(d.to_string(), d.format("%Y-%m-%d").to_string());
        }
        let far = NaiveDate::from_ymd_opt(12345, 1, 2).unwrap();
        assert_eq!(far.to_string(), far.format("%Y-%m-%d").to_string());
    }

    /// Each record: its line, the line of a quote it left open, its cells.
    fn lines(data: &[u8]) -> Vec<(u64, Option<u64>, Vec<String>)> {
        let mut records = open(data, None).unwrap();
        let mut rec = ByteRecord::new();
        let mut out = Vec::new();
        loop {
            let (line, open_quote) = match records.next(&mut rec).unwrap() {
                Next::End => break,
                Next::Record { line, open_quote } => (line, open_quote),
                Next::Ragged { line, open_quote, .. } => (line, open_quote),
            };
            let cells = rec.iter().map(|f| String::from_utf8_lossy(f).trim().to_string()).collect();
            out.push((line, open_quote, cells));
        }
        out
    }

    #[test]
    fn records_know_their_physical_line() {
        for eol in ["\n", "\r\n"] {
            let text = "a,b\n\nx,\"two\nlines\"\n\n;;\n,\n\ny,z".replace('\n', eol);
            let got = lines(text.as_bytes());
            let want: Vec<(u64, Option<u64>, Vec<String>)> = vec![
                (1, None, vec!["a".into(), "b".into()]),
                (3, None, vec!["x".into(), format!("two{eol}lines")]),
                (6, None, vec![";;".into()]),
                (9, None, vec!["y".into(), "z".into()]),
            ];
            assert_eq!(got, want, "eol {eol:?}");
        }
    }

    #[test]
    fn a_quote_never_closed_runs_its_record_to_the_end() {
        let cells = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<String>>();
        for eol in ["\n", "\r\n"] {
            let text = |s: &str| s.replace('\n', eol);
            let open_first = text("a,b\n\nx,\"y\nz,w\n");
            let want = vec![(1, None, cells(&["a", "b"])), (3, Some(3), cells(&["x", &text("y\nz,w")]))];
            assert_eq!(lines(open_first.as_bytes()), want, "eol {eol:?}");
            // Nothing after the quote: a blank record, still returned.
            let alone = text("a,b\n\"");
            assert_eq!(
                lines(alone.as_bytes()),
                vec![(1, None, cells(&["a", "b"])), (2, Some(2), cells(&[""]))]
            );
            // The record starts on line 2; its last cell's quote opens on 3.
            let later = text("a,b\nx,\"two\nlines\",\"open\n\nmore");
            let got = lines(later.as_bytes());
            assert_eq!((got[1].0, got[1].1), (2, Some(3)), "eol {eol:?}");
            // A quote inside a cell is a literal one: nothing is left open,
            // whether the file's quotes are odd or even.
            let literal = text("a,b\nx,y\"z\nu,v\n");
            let want = vec![
                (1, None, cells(&["a", "b"])),
                (2, None, cells(&["x", "y\"z"])),
                (3, None, cells(&["u", "v"])),
            ];
            assert_eq!(lines(literal.as_bytes()), want, "eol {eol:?}");
            let even = text("a,b\nx\"y,\"z\nu,v");
            let got = lines(even.as_bytes());
            assert_eq!(got.len(), 2);
            assert_eq!((got[1].0, got[1].1), (2, Some(2)), "eol {eol:?}");
        }
    }

    /// What `lines` should give, worked out byte by byte the way the csv
    /// reader reads (`"` opens a quoted cell only at its start, `""` in it
    /// is a quote, `\n` ends records, empty lines are skipped).
    fn reference_lines(data: &[u8]) -> Vec<(u64, Option<u64>, Vec<String>)> {
        #[derive(PartialEq)]
        enum S {
            StartRecord,
            StartField,
            InField,
            Quoted,
            QuoteInQuoted,
        }
        let mut out = Vec::new();
        let (mut line, mut start, mut quote) = (1, 1, 1);
        let (mut state, mut cells, mut cell) = (S::StartRecord, Vec::new(), Vec::new());
        // A record, unless blank with no quote left open (skipped).
        let mut end = |cells: &mut Vec<String>, open: Option<u64>, start: u64| {
            let cells = std::mem::take(cells);
            if open.is_some() || cells.iter().any(|c| !c.is_empty()) {
                out.push((start, open, cells));
            }
        };
        let text = |cell: &mut Vec<u8>| String::from_utf8_lossy(&std::mem::take(cell)).trim().to_string();
        for &b in data.iter().chain(b"\n") {
            if state == S::StartRecord && b != b'\n' {
                start = line;
                state = S::StartField;
            }
            match (&state, b) {
                (S::StartRecord, _) => {}
                (S::StartField, b'"') => {
                    quote = line;
                    state = S::Quoted;
                }
                (S::Quoted, b'"') => state = S::QuoteInQuoted,
                (S::Quoted, _) => cell.push(b),
                (S::QuoteInQuoted, b'"') => {
                    cell.push(b);
                    state = S::Quoted;
                }
                (_, b',') => {
                    cells.push(text(&mut cell));
                    state = S::StartField;
                }
                (_, b'\n') => {
                    cells.push(text(&mut cell));
                    end(&mut cells, None, start);
                    state = S::StartRecord;
                }
                _ => {
                    cell.push(b);
                    state = S::InField;
                }
            }
            line += (b == b'\n') as u64;
        }
        if state == S::Quoted {
            cells.push(text(&mut cell));
            end(&mut cells, Some(quote), start);
        }
        out
    }

    proptest! {
        /// Every record's line and open quote, whatever the quotes, cells
        /// and line breaks.
        #[test]
        fn records_agree_with_a_byte_by_byte_reading(
            data in proptest::collection::vec(proptest::sample::select(b"a,\"\n\r ".to_vec()), 0..40)
        ) {
            prop_assert_eq!(lines(&data), reference_lines(&data));
        }
    }

    #[test]
    fn both_passes_hash_the_same_bytes() {
        let data = b"\xEF\xBB\xBFa;b\r\n1;2\r\n;\r\n3;4\r\n";
        let sha = sha256(&data[..]).unwrap();
        assert_eq!(sha, hex::encode(Sha256::digest(data)));
        let second = open(&data[..], None).unwrap().finish().unwrap();
        assert_eq!(second, sha);
    }
}
