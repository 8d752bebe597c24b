//! The CSV source of an import (SPEC §4.1 "Files"): bytes to typed rows
//! for the batch's one row checker ([`super::Batch`]).
//!
//! The file is read as it streams: its first bytes tell the encoding
//! (`encoding.rs`: UTF-8 with or without BOM, UTF-16 with a BOM; anything
//! else is refused in one line), its header line the delimiter (`,` `;`
//! or tab, the one that occurs most outside quotes), and every raw byte is
//! hashed on the way (the batch records the file's SHA-256). Each record
//! becomes cells of text under the header's columns, labelled by the
//! physical line it starts on (`file.csv:12`).
//!
//! Invariants: memory grows neither with the file nor with the ledger
//! (but for one record: a quote never closed makes the rest of the file
//! one record, which the csv reader holds whole).

use super::cell::Cell;
use super::encoding;
use super::header::{self, BadHeader, COLS, Col};
use super::{At, Batch, Known, Options, Outcome};
use crate::ledger::NewEntry;
use crate::plan::Plan;
use crate::tr;
use anyhow::{Context, Result};
use csv::ByteRecord;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::io::{self, Chain, Cursor, Read};

/// The longest header line looked at to detect the delimiter.
const MAX_HEADER: usize = 1 << 20;

/// A file that is not text this importer reads: the message says what it
/// looks like and how to save it (one line).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Unreadable(pub String);

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
type Input<R> = Chain<Chain<Cursor<Vec<u8>>, LineEnds<Decoded<R>>>, &'static [u8]>;

/// CR line ends (old Mac Excel's "CSV (Macintosh)") as LF, so that records
/// end and lines are counted alike whatever the file's line ends (SPEC
/// §4.1: CRLF, LF or CR): a CR not followed by LF is one. CRLF passes as
/// it is (the CR is trimmed with the cell). Rewrites the caller's buffer
/// in place; a CR at the end of a read waits for the next byte.
struct LineEnds<R> {
    inner: R,
    buf: Vec<u8>,
    /// What is left to hand out: `buf[at..len]`.
    at: usize,
    len: usize,
    /// A CR held back from the end of the last read, to see what follows.
    cr: bool,
}

impl<R> LineEnds<R> {
    fn new(inner: R) -> Self {
        LineEnds { inner, buf: vec![0; 1 << 16], at: 0, len: 0, cr: false }
    }

    fn into_inner(self) -> R {
        self.inner
    }
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.at == self.len {
            let start = usize::from(self.cr);
            if self.cr {
                self.buf[0] = b'\r';
            }
            let n = self.inner.read(&mut self.buf[start..])?;
            if n == 0 && !self.cr {
                return Ok(0);
            }
            self.cr = false;
            let mut len = start + n;
            if n > 0 && self.buf[len - 1] == b'\r' {
                self.cr = true;
                len -= 1;
            }
            let chunk = &mut self.buf[..len];
            let mut i = 0;
            while let Some(at) = chunk[i..].iter().position(|&b| b == b'\r') {
                let at = i + at;
                // Past the chunk is what follows a CR at its end: a held
                // CR meeting the end of the input.
                if chunk.get(at + 1) != Some(&b'\n') {
                    chunk[at] = b'\n';
                }
                i = at + 1;
            }
            self.at = 0;
            self.len = len;
        }
        let n = out.len().min(self.len - self.at);
        out[..n].copy_from_slice(&self.buf[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

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
        let (_, decoded) = inner.into_inner();
        let (_, mut src) = decoded.into_inner().into_raw().into_inner();
        io::copy(&mut src, &mut io::sink())?;
        Ok(hex::encode(src.sha.finalize()))
    }
}

/// Reads the first bytes to tell the encoding (refusing what is no
/// text), the header line (to detect the delimiter), and returns the
/// records of the whole input as UTF-8, hashing every raw byte.
fn open<R: Read>(raw: R, delimiter: Option<u8>) -> Result<Records<R>> {
    let mut src = Hashing { inner: raw, sha: Sha256::new() };
    let mut probe = vec![0u8; encoding::PROBE];
    let mut filled = 0;
    while filled < probe.len() {
        match src.read(&mut probe[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    probe.truncate(filled);
    let found = encoding::sniff(&probe, filled < encoding::PROBE).map_err(Unreadable)?;
    let mut start = Cursor::new(probe);
    if found == encoding::Found::Utf8Bom {
        start.set_position(encoding::UTF8_BOM.len() as u64);
    }
    let mut text = LineEnds::new(match found {
        encoding::Found::Utf16(enc) => Decoded::Utf16(encoding::Utf16::new(start.chain(src), enc)),
        _ => Decoded::Plain(start.chain(src)),
    });
    let mut head = Vec::with_capacity(8192);
    let mut buf = [0u8; 8192];
    let mut quoted = false;
    'read: while head.len() < MAX_HEADER {
        let n = match text.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
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
    let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(&head));
    let rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(1 << 16)
        .from_reader(Source { input: Cursor::new(head).chain(text).chain(&b"\n"[..]), ended: false });
    Ok(Records { rdr, delimiter })
}

/// The input as UTF-8: as it is, or decoded from UTF-16.
enum Decoded<R> {
    Plain(Chain<Cursor<Vec<u8>>, Hashing<R>>),
    Utf16(encoding::Utf16<Chain<Cursor<Vec<u8>>, Hashing<R>>>),
}

impl<R> Decoded<R> {
    fn into_raw(self) -> Chain<Cursor<Vec<u8>>, Hashing<R>> {
        match self {
            Self::Plain(r) => r,
            Self::Utf16(d) => d.into_inner(),
        }
    }
}

impl<R: Read> Read for Decoded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Self::Plain(r) => r.read(buf),
            Self::Utf16(d) => d.read(buf),
        }
    }
}

fn is_blank(rec: &ByteRecord) -> bool {
    rec.iter().all(|f| f.trim_ascii().is_empty())
}

/// The error of a quote never closed, opened on line `quote`: the rest of
/// the file was read as one cell (`cell`) or as the header row.
fn never_closed(quote: u64, at: u64, cell: bool) -> String {
    tr!(
        "import-quote-never-closed",
        line = quote.to_string(),
        same = if quote == at { "yes" } else { "no" },
        into = if cell { "cell" } else { "header" }
    )
}

fn never_closed_at(line: u64, quote: u64) -> String {
    never_closed(quote, line, true)
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

/// Reads, checks and hands on every row of a CSV file: each new entry
/// (new against `known`) goes to `push` until the first bad row. `progress`
/// gets the bytes read so far now and then.
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
        Ok(Next::Record { open_quote: None, .. } | Next::Ragged { open_quote: None, .. }) => {
            read_header(&rec)?
        }
        // The quote swallowed the whole file: there is no header to read.
        Ok(Next::Record { open_quote: Some(quote), .. } | Next::Ragged { open_quote: Some(quote), .. }) => {
            let mut problems = read_header(&rec).err().map(|h| h.problems).unwrap_or_default();
            problems.push(never_closed(quote, 1, false));
            return Err(BadHeader { problems }.into());
        }
        Ok(Next::End) => return Err(BadHeader { problems: vec![tr!("import-file-empty")] }.into()),
        Err(e) => return Err(e).context(tr!("import-header-unreadable")),
    };
    // `742,3` unquoted in a `,`-delimited file splits in two: under `vi`
    // numbers such a file is read only when the delimiter was asked for.
    // (A header of one column was split by nothing: no delimiter was seen.)
    if delimiter == b','
        && header.len() > 1
        && opts.delimiter.is_none()
        && opts.numbers == crate::number::NumberStyle::Vi
    {
        return Err(BadHeader { problems: vec![tr!("import-comma-vi")] }.into());
    }
    let unnamed = header.unnamed.clone();
    let at_of: [Option<usize>; COLS] = Col::ALL.map(|c| header.get(c));
    let mut batch = Batch::new(plan, opts, header, known);
    loop {
        let bad_before = batch.bad_rows();
        let (line, open_quote) =
            match records.next(&mut rec).with_context(|| tr!("import-file-unreadable"))? {
                Next::End => break,
                // Nothing but a quote left open: that is the row's one error.
                Next::Record { line, open_quote: Some(quote) }
                | Next::Ragged { line, open_quote: Some(quote), .. }
                    if is_blank(&rec) =>
                {
                    batch.bad_row(At::line(line), never_closed_at(line, quote));
                    (line, None)
                }
                // The rest of the file ran into this row: its cells are not what
                // was meant, the quote is its error.
                Next::Record { line, open_quote: Some(quote) } => {
                    batch.bad_row(At::line(line), never_closed_at(line, quote));
                    (line, None)
                }
                Next::Record { line, open_quote: None } => {
                    row(&mut batch, &rec, &at_of, &unnamed, line, &mut push)?;
                    (line, None)
                }
                Next::Ragged { line, expected, len, open_quote } => {
                    let d = match delimiter {
                        b'\t' => "tab".to_string(),
                        d => format!("`{}`", d as char),
                    };
                    let message = tr!(
                        "import-row-ragged",
                        len = len.to_string(),
                        expected = expected.to_string(),
                        delimiter = d
                    );
                    batch.bad_row(At::line(line), message);
                    (line, open_quote)
                }
            };
        if let Some(quote) = open_quote {
            // The quote swallowed the rest of the file into this row, the
            // last: one more error of the row, which is one bad row.
            batch.more(At::line(line), bad_before, never_closed_at(line, quote));
        }
        if batch.rows().is_multiple_of(8192) {
            progress(records.rdr.position().byte());
        }
    }
    progress(records.rdr.position().byte());
    let sha256 = records.finish()?;
    let mut outcome = batch.finish();
    outcome.sha256 = sha256;
    outcome.delimiter = delimiter;
    Ok(outcome)
}

/// The header record: its cells as text (a cell that is not UTF-8 names
/// no column, and says so).
fn read_header(rec: &ByteRecord) -> Result<header::Header, BadHeader> {
    let mut problems = Vec::new();
    for (i, raw) in rec.iter().enumerate() {
        if std::str::from_utf8(raw).is_err() {
            problems.push(tr!("import-header-not-utf8", n = (i + 1).to_string()));
        }
    }
    let parsed = header::parse(rec.iter().map(|raw| std::str::from_utf8(raw).ok()));
    match parsed {
        Ok(h) if problems.is_empty() => Ok(h),
        Ok(_) => Err(BadHeader { problems }),
        Err(mut e) => {
            problems.append(&mut e.problems);
            Err(BadHeader { problems })
        }
    }
}

/// One record to the batch: its cells as trimmed text under the header's
/// columns; a cell that is not UTF-8, or a value under no header, is an
/// error of the row.
fn row(
    batch: &mut Batch<'_, '_>,
    rec: &ByteRecord,
    at_of: &[Option<usize>; COLS],
    unnamed: &[usize],
    line: u64,
    push: &mut impl FnMut(&NewEntry) -> Result<()>,
) -> Result<()> {
    let mut cells: [Cell<'_>; COLS] = Default::default();
    // The record checked at once; a cell on its own only when that fails
    // (to say where), or when a cell's edge splits a character.
    let whole = std::str::from_utf8(rec.as_slice()).ok();
    for (c, at) in at_of.iter().enumerate() {
        let Some(i) = *at else { continue };
        let raw = rec.get(i).unwrap_or_default();
        let text = match whole.zip(rec.range(i)).and_then(|(w, r)| w.get(r)) {
            Some(t) => Ok(t),
            None => std::str::from_utf8(raw),
        };
        match text {
            Ok(s) => {
                let s = crate::input::text::trim(s);
                if !s.is_empty() {
                    cells[c] = Cell::Text(Cow::Borrowed(s));
                }
            }
            Err(e) => batch.cell_error(
                i,
                tr!(
                    "import-cell-not-utf8",
                    byte = format!("0x{:02X}", raw[e.valid_up_to()]),
                    at = (e.valid_up_to() + 1).to_string()
                ),
            ),
        }
    }
    for &i in unnamed {
        if !rec.get(i).unwrap_or_default().trim_ascii().is_empty() {
            batch.cell_error(i, tr!("import-cell-unnamed", n = (i + 1).to_string()));
        }
    }
    batch.row(At::line(line), &cells, push)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
        for eol in ["\n", "\r\n", "\r"] {
            let text = "a,b\n\nx,\"two\nlines\"\n\n;;\n,\n\ny,z".replace('\n', eol);
            let got = lines(text.as_bytes());
            // A CR line end inside a cell is read as LF, as any CR line end.
            let inside = if eol == "\r" { "\n" } else { eol };
            let want: Vec<(u64, Option<u64>, Vec<String>)> = vec![
                (1, None, vec!["a".into(), "b".into()]),
                (3, None, vec!["x".into(), format!("two{inside}lines")]),
                (6, None, vec![";;".into()]),
                (9, None, vec!["y".into(), "z".into()]),
            ];
            assert_eq!(got, want, "eol {eol:?}");
        }
    }

    #[test]
    fn a_quote_never_closed_runs_its_record_to_the_end() {
        let cells = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<String>>();
        for eol in ["\n", "\r\n", "\r"] {
            let text = |s: &str| s.replace('\n', eol);
            let inside = |s: &str| if eol == "\r" { s.to_string() } else { text(s) };
            let open_first = text("a,b\n\nx,\"y\nz,w\n");
            let want = vec![(1, None, cells(&["a", "b"])), (3, Some(3), cells(&["x", &inside("y\nz,w")]))];
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
        // A CR that no LF follows is a line end (SPEC §4.1: CR line ends).
        let data: Vec<u8> = data
            .iter()
            .enumerate()
            .map(|(i, &b)| if b == b'\r' && data.get(i + 1) != Some(&b'\n') { b'\n' } else { b })
            .collect();
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

    /// CR line ends become LF whatever the reads' sizes, CRLF is kept, and
    /// a CR at the end of a read waits for the byte after it.
    #[test]
    fn line_ends_whatever_the_reads() {
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.1.min(buf.len()).min(self.0.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let input = b"a;b\rc;d\r\ne;f\n\r\rg\r";
        let want = b"a;b\nc;d\r\ne;f\n\n\ng\n".to_vec();
        for step in 1..=input.len() {
            for cap in [1, 2, 3, 64] {
                let mut out = Vec::new();
                let mut r = LineEnds::new(Trickle(input, step));
                let mut buf = vec![0u8; cap];
                loop {
                    let n = r.read(&mut buf).unwrap();
                    if n == 0 {
                        break;
                    }
                    out.extend_from_slice(&buf[..n]);
                }
                assert_eq!(out, want, "step {step}, buffer {cap}");
            }
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
