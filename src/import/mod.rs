//! Import (SPEC §4.1): figures and task completions from a file, all or
//! nothing, checked row by row with the rules every input path shares
//! (`crate::input`), and handed to the caller's `push`.
//!
//! # The hand-off between sources and the batch
//!
//! Each source turns its rows into typed cells and gives them to the one
//! row checker, [`Batch`], so that every source gets the same rules:
//!
//! 1. read the header row's cell texts into a [`Header`] with
//!    [`header::parse`] (aliases, accents, units in parentheses, ignored
//!    columns);
//! 2. [`Batch::new`] with the plan, the [`Options`], the header and what
//!    the ledger counts ([`Known::read`]);
//! 3. for each data row, a [`Cells`] array — one [`Cell`] per [`Col`], in
//!    `Col` order, picked from the source's columns with
//!    [`Header::get`] — and an [`At`] that labels the row in messages
//!    (`At::line(12)` prints `file.csv:12`, `At::sheet("Sheet1", 12)`
//!    prints `file.xlsx:Sheet1!12`). A problem the source found in a cell
//!    (not text, a value under no header) goes in first with
//!    [`Batch::cell_error`], a row it could not read at all with
//!    [`Batch::bad_row`]. Then [`Batch::row`];
//! 4. [`Batch::finish`] gives the [`Outcome`] (the source fills in its
//!    `sha256`).
//!
//! Typed cells are taken as typed: a number cell is never printed and
//! re-read; a date cell is a date; a percent cell is a percentage.
//!
//! # What the batch decides
//!
//! Per row: the indicator or task, the period, the value (the plan's
//! number style, `%`, `min`/`max`/`integer`), the date (the plan's
//! `dates` order, not before the period, not after today; none: today,
//! counted), `by`/`source`/`note` (NFC, no controls, ≤ 2,000 characters).
//! An empty value cell skips the row (a template row not filled in,
//! counted). Across rows: a row equal to what the ledger counts is
//! unchanged; one that differs replaces it (listed, old → new); two rows
//! giving one period different values are both named and refused; a value
//! more than tenfold off the previous figure of the same kind of period is
//! refused unless `--yes`. After the first bad row nothing more is pushed
//! (the caller rolls back), but every row is still checked so that all
//! bad rows are reported.
//!
//! Invariants: memory grows neither with the file nor with the ledger.
//! What may grow is bounded by the plan: the value that counts for each
//! period of each indicator met (a dense array per indicator over the
//! plan's years), the first [`MAX_LISTED`] bad rows and replacements, and
//! a capped cache of date texts. The ledger is read once, before the rows
//! ([`Known::read`]), entry by entry (newest first), keeping only what can
//! count (see `counted_values`).

pub mod cell;
pub mod csv;
pub mod dhis2;
pub mod encoding;
pub mod header;
pub mod source;
pub mod stage;
pub mod workbook;

pub use self::csv::{Unreadable, detect_delimiter, parse_delimiter, run, sha256};
pub use cell::Cell;
pub use header::{BadHeader, COLS, Col, Header};

use crate::counting;
use crate::entry::{Entry, Kind};
use crate::input;
use crate::ledger::NewEntry;
use crate::number::{NumberStyle, format_number};
use crate::period::{Cadence, Period};
use crate::plan::{Indicator, Plan, Task};
use crate::settings::DateOrder;
use crate::tr;
use crate::words::date_in_message;
use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

/// Bad rows (and replacements) listed in full; the rest are only counted.
pub const MAX_LISTED: usize = 50;

/// Distinct valid dates remembered (a file spans a few years of days).
const DATE_CACHE_CAP: usize = 10_000;

/// The maps looked up for every row: keys are the file's own short strings,
/// so a fast hash is worth more than SipHash's guard against crafted keys.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// How many distinct texts [`Batch`] remembers as free of legacy-font
/// letters (a few MiB at most).
const PLAIN_TEXTS: usize = 16_384;

/// One row's cells, one per [`Col`] in `Col` order ([`Cell::Empty`] for a
/// column the source does not have).
pub type Cells<'a> = [Cell<'a>; COLS];

/// The value that counts for each period, and its entry, per indicator.
pub type Counted = HashMap<String, FastMap<Period, (f64, i64)>>;

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
    /// The value that counts per period, per indicator, and its entry.
    pub counted: Counted,
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
    /// The order of slashed dates (`--dates`, else the plan's).
    pub dates: DateOrder,
    /// Dates after it are refused; a figure row without a date gets it.
    pub today: NaiveDate,
    /// Who, for rows with an empty `by` (the OS user).
    pub by: String,
    /// `--yes`: rows that jump tenfold are imported (and counted).
    pub yes: bool,
}

/// Where a row is, for messages: a line of a text file, a row of a
/// workbook's sheet, or a data value of a DHIS2 data value set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    pub sheet: Option<Arc<str>>,
    /// The physical line (text) or row number (sheet), 1-based; the header
    /// is usually 1. For a data value, its place among them, 1-based.
    pub row: u64,
    /// A data value of a DHIS2 JSON or XML set (`dhis2.rs`).
    pub value: Option<ValueAt>,
}

/// How a DHIS2 data value set names its values in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueAt {
    /// `dataValues[11]`: a JSON path, counted from 0.
    Json,
    /// `dataValue 12`: the 12th `dataValue` element.
    Xml,
}

impl At {
    /// Line `row` of a text file: prints as `12` (after `file.csv:`).
    pub fn line(row: u64) -> At {
        At { sheet: None, row, value: None }
    }

    /// Row `row` of sheet `sheet`: prints as `Sheet1!12`.
    pub fn sheet(sheet: Arc<str>, row: u64) -> At {
        At { sheet: Some(sheet), row, value: None }
    }

    /// The `n`th data value (1-based) of a DHIS2 JSON or XML set: prints as
    /// `dataValues[n - 1]` or `dataValue n`.
    pub fn data_value(form: ValueAt, n: u64) -> At {
        At { sheet: None, row: n, value: Some(form) }
    }

    /// Another row of the same sheet.
    fn with_row(&self, row: u64) -> At {
        At { sheet: self.sheet.clone(), row, value: self.value }
    }
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.sheet, self.value) {
            (_, Some(ValueAt::Json)) => write!(f, "dataValues[{}]", self.row.saturating_sub(1)),
            (_, Some(ValueAt::Xml)) => write!(f, "dataValue {}", self.row),
            (Some(s), None) => write!(f, "{s}!{}", self.row),
            (None, None) => write!(f, "{}", self.row),
        }
    }
}

/// One bad cell or row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub at: At,
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

/// A row that replaces the figure the ledger counts for its period.
#[derive(Debug, Clone, PartialEq)]
pub struct Replacement {
    pub at: At,
    pub indicator: String,
    pub period: Period,
    /// The entry that counted, and its value.
    pub entry: i64,
    pub old: f64,
    pub new: f64,
}

/// What a run found.
#[derive(Debug, Clone, Default)]
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
    /// Rows skipped because their value cell was empty.
    pub skipped_empty: u64,
    /// Figure rows without a date, dated today.
    pub dated_today: u64,
    /// The first [`MAX_LISTED`] replacements, and how many there were.
    pub replacements: Vec<Replacement>,
    pub replaced: u64,
    /// Rows imported with `--yes` although they jump tenfold.
    pub jumps_accepted: u64,
    /// The hash of the file's bytes (set by the source).
    pub sha256: String,
    /// The sheet read, for a workbook (set by the source): every summary
    /// names it (SPEC §4.1).
    pub sheet: Option<String>,
    /// Hidden or filtered-out rows left out (`--hidden skip`).
    pub skipped_hidden: u64,
    /// The delimiter of a text file (set by the source).
    pub delimiter: u8,
}

/// The value that counts for one period, while the batch runs.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// NaN: no value.
    value: f64,
    /// Where it comes from: > 0 the ledger entry, < 0 minus the row of
    /// this file, 0 nothing.
    origin: i64,
}

const EMPTY: Slot = Slot { value: f64::NAN, origin: 0 };

struct IndicatorState<'p> {
    ind: &'p Indicator,
    /// The value that counts for each period the indicator may have
    /// ([`slot_of`]): the ledger's, then this file's. Built when the
    /// indicator is first met.
    slots: Vec<Slot>,
    tally: Tally,
}

/// The place of `p` among the periods `every` allows in the plan's years:
/// per year, the whole year, then each period of the cadence.
fn slot_of(start: i32, every: Cadence, p: Period) -> usize {
    let per = if every == Cadence::Year { 1 } else { every.per_year() as usize + 1 };
    let within = if p.cadence == Cadence::Year { 0 } else { p.index as usize };
    (p.year - start) as usize * per + within
}

struct TaskState<'p> {
    task: &'p Task,
    done: Option<bool>,
    tally: Tally,
}

/// The one row checker of an import: every source hands it its rows (see
/// the module documentation).
pub struct Batch<'p, 'o> {
    plan: &'p Plan,
    opts: &'o Options,
    header: Header,
    indicators: Vec<IndicatorState<'p>>,
    indicator_index: FastMap<String, usize>,
    /// The indicator of the last row that named one.
    last_indicator: Option<usize>,
    tasks: Vec<TaskState<'p>>,
    task_index: FastMap<String, usize>,
    dates: FastMap<String, NaiveDate>,
    /// Texts already found free of legacy-font letters: a source or a name
    /// repeats down a file, and the check reads each word as Vietnamese
    /// syllables. At most [`PLAIN_TEXTS`] of them are kept.
    plain_texts: FastMap<String, ()>,
    /// One entry whose buffers every row reuses.
    scratch: NewEntry,
    /// What the ledger counts; each indicator takes its part into its own
    /// state when first met.
    known: Known,
    /// The current row's errors: (source column, message).
    cell_errors: Vec<(Option<usize>, String)>,
    out: Outcome,
}

/// The value that counts now for each period of each indicator (SPEC §5
/// "What counts", decided by [`counting::Tally`]), from one pass over the
/// ledger, newest entry first. Memory: the voided ids, a result per
/// period, the corrections not yet matched; never every figure.
fn counted_values<S: Store + ?Sized>(store: &mut S) -> Result<Counted> {
    let mut tally = counting::Tally::new(None, false);
    store.each_entry_newest_first(&mut |e| {
        tally.push((&e).into());
        Ok(())
    })?;
    Ok(tally
        .finish()
        .into_iter()
        .map(|(ind, periods)| {
            let values =
                periods.into_iter().filter_map(|(p, f)| f.counted.map(|c| (p, (c.value, c.entry)))).collect();
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

impl<'p, 'o> Batch<'p, 'o> {
    pub fn new(plan: &'p Plan, opts: &'o Options, header: Header, known: Known) -> Self {
        Batch {
            plan,
            opts,
            header,
            indicators: Vec::new(),
            indicator_index: FastMap::default(),
            last_indicator: None,
            tasks: Vec::new(),
            task_index: FastMap::default(),
            dates: FastMap::default(),
            plain_texts: FastMap::default(),
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
            out: Outcome::default(),
        }
    }

    /// Data rows seen so far.
    pub fn rows(&self) -> u64 {
        self.out.rows
    }

    /// Bad rows so far.
    pub fn bad_rows(&self) -> u64 {
        self.out.bad_rows
    }

    /// A problem the source found in source column `column` of the next
    /// row (reported with that row's other errors by [`Batch::row`]).
    pub fn cell_error(&mut self, column: usize, message: String) {
        self.cell_errors.push((Some(column), message));
    }

    /// A row the source could not read into cells: one bad row.
    pub fn bad_row(&mut self, at: At, message: String) {
        self.out.rows += 1;
        self.cell_errors.clear();
        self.bad(at, vec![(None, message)]);
    }

    /// One more error of the row just given, at `at`: the row is bad (if it
    /// was not already, counted as one more bad row; `bad_before` is
    /// [`Batch::bad_rows`] before it was given).
    pub fn more(&mut self, at: At, bad_before: u64, message: String) {
        if self.out.bad_rows == bad_before {
            self.bad(at, vec![(None, message)]);
        } else if self.out.bad_rows as usize <= MAX_LISTED {
            self.out.errors.push(RowError { at, column: None, message });
        }
    }

    /// The outcome: counts, errors, replacements (the source sets its
    /// `sha256` and `delimiter`).
    pub fn finish(mut self) -> Outcome {
        self.out.indicators = self.ordered_indicators();
        self.out.tasks = self.ordered_tasks();
        self.out
    }

    /// Records a bad row (its errors are listed while fewer than
    /// `MAX_LISTED` rows were).
    fn bad(&mut self, at: At, errs: Vec<(Option<String>, String)>) {
        self.out.bad_rows += 1;
        if self.out.bad_rows as usize <= MAX_LISTED {
            self.out.errors.extend(errs.into_iter().map(|(column, message)| RowError {
                at: at.clone(),
                column,
                message,
            }));
        }
    }

    /// Checks one row and, when it is good and new, hands its entry to
    /// `push`.
    pub fn row(
        &mut self,
        at: At,
        cells: &Cells<'_>,
        push: &mut impl FnMut(&NewEntry) -> Result<()>,
    ) -> Result<()> {
        self.out.rows += 1;
        let cell = |c: Col| &cells[c as usize];
        let figure = self.header.get(Col::Indicator).is_some()
            && (!cell(Col::Indicator).is_empty() || cell(Col::Task).is_empty());
        // Text typed in a legacy Vietnamese font, in any column (SPEC §4.1).
        for c in Col::ALL {
            let Cell::Text(t) = cell(c) else { continue };
            // Only text with a Latin-1 letter can be in a legacy font
            // (`input::legacy::legacy_font`): most cells are passed at once.
            if !input::legacy::may_be_legacy(t) || self.plain_texts.contains_key(t.as_ref()) {
                continue;
            }
            match input::legacy::check(t) {
                Err(m) => self.err(c, m),
                Ok(()) if self.plain_texts.len() < PLAIN_TEXTS => {
                    self.plain_texts.insert(t.to_string(), ());
                }
                Ok(()) => {}
            }
        }
        if self.cell_errors.is_empty() {
            if figure {
                self.figure(&at, cells, push)?;
            } else {
                self.completion(cells, push)?;
            }
        }
        if !self.cell_errors.is_empty() {
            let header = &self.header;
            let errs =
                self.cell_errors.drain(..).map(|(i, m)| (i.map(|i| header.label(i)), m)).collect::<Vec<_>>();
            self.bad(at, errs);
        }
        Ok(())
    }

    fn err(&mut self, c: Col, message: String) {
        self.cell_errors.push((self.header.get(c), message));
    }

    fn indicator(&mut self, id: &str) -> Result<usize, String> {
        // Rows come grouped by indicator: the last one met, without hashing.
        if let Some(i) = self.last_indicator
            && self.indicators[i].ind.id == id
        {
            return Ok(i);
        }
        if let Some(&i) = self.indicator_index.get(id) {
            self.last_indicator = Some(i);
            return Ok(i);
        }
        let ind = input::recorded_indicator(self.plan, id)?;
        let every = ind.cadence().expect("a recorded indicator");
        let years = (self.plan.end - self.plan.start + 1).max(0) as usize;
        let per = if every == Cadence::Year { 1 } else { every.per_year() as usize + 1 };
        let mut slots = vec![EMPTY; years * per];
        for (p, (value, entry)) in self.known.counted.remove(&ind.id).unwrap_or_default() {
            if self.plan.years().contains(&p.year) && (p.cadence == every || p.cadence == Cadence::Year) {
                slots[slot_of(self.plan.start, every, p)] = Slot { value, origin: entry };
            }
        }
        let i = self.indicators.len();
        self.indicators.push(IndicatorState { ind, slots, tally: Tally::default() });
        self.indicator_index.insert(id.to_string(), i);
        self.last_indicator = Some(i);
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

    /// The period of a figure of indicator `i`.
    fn period(&self, i: usize, c: &Cell<'_>) -> Result<Period, String> {
        let ind = self.indicators[i].ind;
        match c {
            Cell::Empty => Err(tr!("input-period-empty")),
            Cell::Text(t) => input::period(self.plan, ind, t),
            // A year typed as a number.
            Cell::Number(v) if v.fract() == 0.0 && (1000.0..10000.0).contains(v) => {
                let p = Period::year(*v as i32);
                input::period::fits(self.plan, ind, p).map(|()| p)
            }
            Cell::Number(v) | Cell::Percent(v) => Err(tr!("input-period-form", text = v.to_string())),
            Cell::Date(d) => Err(tr!("input-period-is-date", text = date_in_message(*d))),
        }
    }

    /// A date cell, in the file's order, not after today.
    fn date(&mut self, c: &Cell<'_>) -> Result<NaiveDate, String> {
        match c {
            Cell::Date(d) => input::date::not_after_today(*d, self.opts.today),
            Cell::Text(t) if t.len() == 10 && t.as_bytes()[4] == b'-' => {
                // `YYYY-MM-DD` reads faster than it hashes.
                input::cell_date_in(t, self.opts.dates, self.opts.today)
            }
            Cell::Text(t) => {
                if let Some(d) = self.dates.get(t.as_ref()) {
                    return Ok(*d);
                }
                let d = input::cell_date_in(t, self.opts.dates, self.opts.today)?;
                if self.dates.len() < DATE_CACHE_CAP {
                    self.dates.insert(t.to_string(), d);
                }
                Ok(d)
            }
            Cell::Number(v) | Cell::Percent(v) => {
                Err(tr!("input-date-serial", text = v.to_string(), pattern = self.opts.dates.pattern()))
            }
            Cell::Empty => Err(tr!("input-date-empty", pattern = self.opts.dates.pattern())),
        }
    }

    /// The value of a figure of `ind`, and its text as typed.
    fn value<'c>(&self, ind: &Indicator, c: &'c Cell<'c>) -> Result<(f64, Cow<'c, str>), String> {
        let style = self.opts.numbers;
        match c {
            Cell::Text(t) => input::figure_value(ind, t, style).map(|v| (v, Cow::Borrowed(t.as_ref()))),
            // A machine number (a DHIS2 value; workbook cells are rounded
            // as they are read): at the digits a spreadsheet shows.
            Cell::Number(v) => {
                let v = input::number::as_shown(*v);
                input::check_figure(ind, v, style).map(|()| (v, Cow::Owned(format_number(v, style, 10))))
            }
            Cell::Percent(v) if input::number::is_percent(ind) => input::check_figure(ind, *v, style)
                .map(|()| (*v, Cow::Owned(format!("{}%", format_number(*v, style, 10))))),
            Cell::Percent(v) => Err(tr!(
                "input-value-percent",
                text = format!("{}%", format_number(*v, style, 10)),
                unit = ind.unit.as_str(),
                id = ind.id.as_str()
            )),
            Cell::Date(d) => Err(tr!("import-value-date", date = date_in_message(*d))),
            Cell::Empty => Err(tr!("input-number-empty")),
        }
    }

    fn figure(
        &mut self,
        at: &At,
        cells: &Cells<'_>,
        push: &mut impl FnMut(&NewEntry) -> Result<()>,
    ) -> Result<()> {
        let cell = |c: Col| &cells[c as usize];
        if !cell(Col::Task).is_empty() {
            self.err(Col::Task, tr!("import-row-both"));
        }
        if cell(Col::Value).is_empty() && self.cell_errors.is_empty() {
            // A template row not filled in: skipped, and counted.
            self.out.skipped_empty += 1;
            return Ok(());
        }
        let ind = self.indicator(&cell(Col::Indicator).text()).map_err(|m| self.err(Col::Indicator, m)).ok();
        let period = match ind {
            Some(i) => self.period(i, cell(Col::Period)).map_err(|m| self.err(Col::Period, m)).ok(),
            None => {
                // The indicator is unknown; the period can still be malformed.
                if let Cell::Text(t) = cell(Col::Period)
                    && let Err(e) = input::period::parse(t)
                {
                    self.err(Col::Period, e);
                }
                None
            }
        };
        let value = match ind {
            Some(i) => {
                self.value(self.indicators[i].ind, cell(Col::Value)).map_err(|m| self.err(Col::Value, m)).ok()
            }
            None => None,
        };
        let date = match cell(Col::Date) {
            // No date: today's, so a period not begun yet is the period's fault.
            Cell::Empty => match period {
                Some(p) => input::date::period_begun(p, self.opts.today)
                    .map(|_| self.opts.today)
                    .map_err(|m| self.err(Col::Period, m))
                    .ok(),
                None => Some(self.opts.today),
            },
            d => self
                .date(d)
                .and_then(|d| match period {
                    Some(p) => input::date::not_before_period(d, p),
                    None => Ok(d),
                })
                .map_err(|m| self.err(Col::Date, m))
                .ok(),
        };
        let texts = self.provenance(cells);
        let (Some(i), Some(period), Some((value, value_text)), Some(date), Some(texts)) =
            (ind, period, value, date, texts)
        else {
            return Ok(());
        };
        let plan_start = self.plan.start;
        let st = &mut self.indicators[i];
        let every = st.ind.cadence().expect("a recorded indicator");
        let at_slot = slot_of(plan_start, every, period);
        let slot = st.slots[at_slot];
        if slot.origin < 0 {
            // Set by an earlier row of this file.
            if slot.value == value {
                st.tally.unchanged += 1;
                self.out.total.unchanged += 1;
            } else {
                let message = tr!(
                    "import-row-conflict",
                    indicator = st.ind.id.as_str(),
                    period = period.in_message(),
                    other = at.with_row(slot.origin.unsigned_abs()).to_string(),
                    other_value = format_number(slot.value, self.opts.numbers, 10),
                    value = value_text.as_ref()
                );
                self.cell_errors.push((self.header.get(Col::Value), message));
            }
            return Ok(());
        }
        if slot.origin > 0 && slot.value == value {
            st.tally.unchanged += 1;
            self.out.total.unchanged += 1;
            st.slots[at_slot].origin = -(at.row as i64);
            return Ok(());
        }
        // A new value: the tenfold guard against the value it replaces, else
        // the previous figure of the same kind of period.
        let previous = if slot.origin > 0 {
            Some((period, slot.value))
        } else {
            let mut p = period.prev();
            loop {
                if p.year < plan_start {
                    break None;
                }
                let s = st.slots[slot_of(plan_start, every, p)];
                if s.origin != 0 {
                    break Some((p, s.value));
                }
                p = p.prev();
            }
        };
        if let Some((p, prev)) = previous
            && input::tenfold(prev, value)
        {
            if self.opts.yes {
                self.out.jumps_accepted += 1;
            } else {
                let message = tr!(
                    "import-row-jump",
                    value = value_text.as_ref(),
                    up = if value.abs() > prev.abs() { "yes" } else { "no" },
                    period = p.in_message(),
                    previous = format_number(prev, self.opts.numbers, 10)
                );
                self.cell_errors.push((self.header.get(Col::Value), message));
                return Ok(());
            }
        }
        st.slots[at_slot] = Slot { value, origin: -(at.row.min(i64::MAX as u64) as i64) };
        if slot.origin > 0 {
            self.out.replaced += 1;
            if self.out.replacements.len() < MAX_LISTED {
                self.out.replacements.push(Replacement {
                    at: at.clone(),
                    indicator: st.ind.id.clone(),
                    period,
                    entry: slot.origin,
                    old: slot.value,
                    new: value,
                });
            }
        }
        if !self.cell_errors.is_empty() || self.out.bad_rows > 0 {
            // Nothing will be written: only checking from here on.
            return Ok(());
        }
        st.tally.added += 1;
        self.out.total.added += 1;
        if cell(Col::Date).is_empty() {
            self.out.dated_today += 1;
        }
        let e = &mut self.scratch;
        e.kind = Kind::Figure;
        set_opt(&mut e.indicator, &st.ind.id);
        e.task = None;
        // The period as stored, whatever form the cell typed it in.
        let p = e.period.get_or_insert_with(String::new);
        p.clear();
        period.push_to(p);
        e.year = period.year;
        set_opt(&mut e.value_text, &value_text);
        e.value = Some(value);
        e.reported_on = date;
        self.fill_provenance(texts);
        push(&self.scratch)
    }

    /// `by`, `source` and `note` checked as texts; `None` when one is bad
    /// (its error recorded).
    fn provenance<'c>(&mut self, cells: &'c Cells<'c>) -> Option<[Option<Cow<'c, str>>; 3]> {
        let mut out: [Option<Cow<'c, str>>; 3] = [None, None, None];
        let mut ok = true;
        for (k, c) in [Col::By, Col::Source, Col::Note].into_iter().enumerate() {
            let text = match &cells[c as usize] {
                Cell::Text(t) => input::text::clean(t),
                Cell::Empty => Ok(None),
                other => input::text::clean(&other.text()).map(|o| o.map(|c| Cow::Owned(c.into_owned()))),
            };
            match text {
                Ok(t) => out[k] = t,
                Err(m) => {
                    self.err(c, m);
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    fn completion(
        &mut self,
        cells: &Cells<'_>,
        push: &mut impl FnMut(&NewEntry) -> Result<()>,
    ) -> Result<()> {
        let cell = |c: Col| &cells[c as usize];
        for c in [Col::Period, Col::Value] {
            if !cell(c).is_empty() {
                self.err(c, tr!("import-completion-extra"));
            }
        }
        let task = self.task(&cell(Col::Task).text()).map_err(|m| self.err(Col::Task, m)).ok();
        let date = match cell(Col::Date) {
            Cell::Empty => {
                self.err(Col::Date, tr!("import-completion-no-date"));
                None
            }
            d => self
                .date(d)
                .and_then(|d| input::date::not_before_plan(d, self.plan.start))
                .map_err(|m| self.err(Col::Date, m))
                .ok(),
        };
        let texts = self.provenance(cells);
        let (Some(i), Some(date), Some(texts)) = (task, date, texts) else { return Ok(()) };
        if !self.cell_errors.is_empty() || self.out.bad_rows > 0 {
            return Ok(());
        }
        let st = &mut self.tasks[i];
        let done = st.done.unwrap_or_else(|| self.known.done.contains(&st.task.id));
        st.done = Some(true);
        if done {
            st.tally.unchanged += 1;
            self.out.total.unchanged += 1;
            return Ok(());
        }
        st.tally.added += 1;
        self.out.total.added += 1;
        let e = &mut self.scratch;
        e.kind = Kind::Completion;
        e.indicator = None;
        set_opt(&mut e.task, &st.task.id);
        e.period = None;
        e.year = date.year();
        e.value_text = None;
        e.value = None;
        e.reported_on = date;
        self.fill_provenance(texts);
        push(&self.scratch)
    }

    fn fill_provenance(&mut self, [by, source, note]: [Option<Cow<'_, str>>; 3]) {
        let e = &mut self.scratch;
        match by {
            None => set(&mut e.by, &self.opts.by),
            Some(by) => set(&mut e.by, &by),
        }
        set_opt(&mut e.source, source.as_deref().unwrap_or_default());
        set_opt(&mut e.note, note.as_deref().unwrap_or_default());
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
            let values = |f: counting::Figures| -> Counted {
                f.into_iter()
                    .map(|(i, m)| (i, m.into_iter().filter_map(|(p, f)| f.counted.map(|c| (p, (c.value, c.entry)))).collect()))
                    .filter(|(_, m): &(String, FastMap<Period, (f64, i64)>)| !m.is_empty())
                    .collect()
            };
            let mut got = counted_values(&mut Entries(es.clone())).unwrap();
            got.retain(|_, m| !m.is_empty());
            prop_assert_eq!(got, values(counting::count_figures(&es, None)));
        }
    }

    /// A plan for the typed-cell tests: a count, a percentage, a task.
    fn typed_plan() -> Plan {
        let text = r#"
[plan]
id = "T"
title = "T"
start = 2026
end = 2030
[[group]]
id = "g"
name = "G"
[[group.indicator]]
id = "so_dn"
name = "Enterprises"
unit = "doanh nghiệp"
measure = "level"
every = "half"
integer = true
[[group.indicator]]
id = "ty_le"
name = "Rate"
unit = "%"
measure = "rate"
every = "year"
[[group.task]]
id = "hoi"
name = "Task"
"#;
        crate::plan::load_str(text, "t.toml").plan.expect("the plan loads")
    }

    /// Rows of typed cells, as a workbook reader hands them over, through
    /// the one row checker: numbers, percentages and dates are taken as
    /// typed, and errors name the sheet's row.
    #[test]
    fn typed_cells_are_taken_as_typed_and_rows_labelled_by_sheet() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let plan = typed_plan();
        let opts = Options {
            delimiter: None,
            numbers: NumberStyle::Vi,
            dates: DateOrder::Dmy,
            today: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            by: "clerk".into(),
            yes: false,
        };
        let header = header::parse(["Chỉ tiêu", "Kỳ", "Giá trị", "Ngày", "Nhiệm vụ"].map(Some)).unwrap();
        let mut batch = Batch::new(&plan, &opts, header, Known::default());
        let sheet: Arc<str> = Arc::from("Sheet1");
        let mut pushed = Vec::new();
        let mut push = |e: &NewEntry| {
            pushed.push(e.clone());
            Ok(())
        };
        let d = |s: &str| Cell::Date(s.parse().unwrap());
        let text = |s: &'static str| Cell::Text(Cow::Borrowed(s));
        let row = |ind, period, value, date, task| -> Cells<'static> {
            let mut c: Cells<'static> = Default::default();
            c[Col::Indicator as usize] = ind;
            c[Col::Period as usize] = period;
            c[Col::Value as usize] = value;
            c[Col::Date as usize] = date;
            c[Col::Task as usize] = task;
            c
        };
        let good = [
            row(text("so_dn"), text("2026-H1"), Cell::Number(104.0), d("2026-07-10"), Cell::Empty),
            row(text("ty_le"), Cell::Number(2026.0), Cell::Percent(10.2), d("2026-11-20"), Cell::Empty),
            row(Cell::Empty, Cell::Empty, Cell::Empty, d("2026-06-25"), text("hoi")),
        ];
        for (i, cells) in good.iter().enumerate() {
            batch.row(At::sheet(sheet.clone(), i as u64 + 2), cells, &mut push).unwrap();
        }
        let bad = [
            row(text("so_dn"), d("2026-07-01"), Cell::Number(105.0), d("2026-07-10"), Cell::Empty),
            row(text("so_dn"), text("2026-H2"), Cell::Number(104.5), d("2026-11-20"), Cell::Empty),
            row(text("so_dn"), text("2026-H2"), Cell::Percent(50.0), Cell::Number(46120.0), Cell::Empty),
        ];
        for (i, cells) in bad.iter().enumerate() {
            batch.row(At::sheet(sheet.clone(), i as u64 + 5), cells, &mut push).unwrap();
        }
        let out = batch.finish();
        assert_eq!((out.rows, out.bad_rows, out.total.added), (6, 3, 3), "{:?}", out.errors);
        assert_eq!(pushed[0].value, Some(104.0));
        assert_eq!(pushed[0].value_text.as_deref(), Some("104"));
        assert_eq!((pushed[1].period.as_deref(), pushed[1].value), (Some("2026"), Some(10.2)));
        assert_eq!(pushed[1].value_text.as_deref(), Some("10,2%"));
        assert_eq!(pushed[2].reported_on.to_string(), "2026-06-25");
        let msg = |row: u64| -> Vec<String> {
            out.errors
                .iter()
                .filter(|e| e.at == At::sheet(sheet.clone(), row))
                .map(|e| format!("{}: {}", e.column.as_deref().unwrap_or(""), e.message))
                .collect()
        };
        assert_eq!(At::sheet(sheet.clone(), 5).to_string(), "Sheet1!5");
        assert!(msg(5)[0].starts_with("Kỳ: `2026-07-01` is a date, not a period"), "{:?}", msg(5));
        assert!(msg(6)[0].starts_with("Giá trị: 104,5 is not a whole number"), "{:?}", msg(6));
        let seven = msg(7);
        assert!(seven.iter().any(|m| m.starts_with("Giá trị: `50%` ends in `%`")), "{seven:?}");
        assert!(
            seven.iter().any(|m| m.starts_with("Ngày: `46120` looks like a spreadsheet's day number")),
            "{seven:?}"
        );
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
}
