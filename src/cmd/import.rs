//! `plan import FILE|-`: figures and task completions from a CSV file, all
//! or nothing (the reading and checking is `crate::import`).
//!
//! Invariants: a file goes in as one IMMEDIATE transaction and one batch,
//! or not at all; a rejected file leaves the ledger as it was, and when
//! there was no ledger yet, no ledger file either: a new ledger is built
//! beside the real path and linked into place only once committed. The
//! summary goes to stdout (like the receipts of `record` and `done`), bad
//! rows and refusals to stderr.

use super::{Ctx, Reported, reject, today};
use crate::cli::{DatesArg, ImportArgs, StyleArg};
use crate::entry::Entry;
use crate::import::{self, BadHeader, Known, MAX_LISTED, Options, Outcome, Store, Unreadable};
use crate::input;
use crate::ledger::{Ledger, NewEntry, Sealed, Writer};
use crate::number::{NumberStyle, format_number};
use crate::plan::Plan;
use crate::settings::DateOrder;
use crate::tr;
use anyhow::{Context, Result, anyhow, bail};
use indicatif::{ProgressBar, ProgressStyle};
use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;

/// More than any real row takes (a row of figures is some 40 to 80 bytes):
/// a file of `n` bytes has at least `n / BYTES_PER_ROW_AT_MOST` rows, and
/// when that is more than the ledger holds, the index of figures is built
/// once at the end rather than row by row.
const BYTES_PER_ROW_AT_MOST: u64 = 200;

/// Files larger than this get a progress bar (on a terminal).
const PROGRESS_MIN_BYTES: u64 = 1 << 20;

pub fn run(ctx: &Ctx, args: ImportArgs) -> Result<ExitCode> {
    let delimiter = match args.delimiter.as_deref().map(import::parse_delimiter).transpose() {
        Ok(d) => d,
        Err(msg) => return usage_error(&msg),
    };
    let plan = ctx.load_plan()?;
    // The clock first: a date "after today" on a clock set back is no typo.
    ctx.check_clock(&plan)?;
    let opts = Options {
        delimiter,
        numbers: match args.numbers {
            Some(StyleArg::Vi) => NumberStyle::Vi,
            Some(StyleArg::En) => NumberStyle::En,
            None => plan.numbers,
        },
        dates: match args.dates {
            Some(DatesArg::Dmy) => DateOrder::Dmy,
            Some(DatesArg::Mdy) => DateOrder::Mdy,
            None => plan.dates,
        },
        today: today()?,
        by: input::who(None),
        yes: args.yes,
    };
    let mut input = Input::open(&args.file)?;
    input.workbook = input.sniff_workbook()?;
    match (&input.workbook, &args.sheet) {
        (None, Some(_)) => {
            return Err(reject(tr!("workbook-sheet-not-workbook", file = input.name.as_str())));
        }
        (_, sheet) => input.sheet = sheet.clone(),
    }
    let path = ctx.ledger_path(&plan);
    // The hash of the bytes, for the same-file check before anything is
    // written. A new ledger has no batch to compare the file with: there,
    // the one pass hashes the bytes it reads, which is what the batch records.
    let first_pass = || {
        import::sha256(input.reader()?).with_context(|| tr!("import-cannot-read", file = input.name.as_str()))
    };

    if args.dry_run {
        let sha256 = &first_pass()?;
        let ledger = ctx.read_ledger(&plan)?;
        if let Some(l) = &ledger {
            refuse_same_bytes(l, &input, sha256, args.force)?;
        }
        let known = Known::read(&mut ReadOnly(ledger.as_ref()))?;
        let outcome = read(&plan, &input, &opts, known, |_| Ok(()), Some(sha256))?;
        print_summary(&plan, &input, &outcome, None, Some(tr!("import-dry-run")))?;
        return Ok(ExitCode::SUCCESS);
    }

    // A new ledger is built aside and linked into place once committed;
    // when another command creates the ledger meanwhile, the import goes
    // again, into that one (the second time round, the ledger exists).
    let mut sha256: Option<String> = None;
    let (outcome, batch) = loop {
        let staging = (!path.exists()).then(|| Staging::beside(&path));
        let work = staging.as_ref().map_or(path.as_path(), |s| s.path.as_path());
        let mut ledger = Ledger::open(work)
            .with_context(|| tr!("import-cannot-create-ledger", file = path.display().to_string()))?;
        // The clock rule of every write (SPEC §3), applied by the writer.
        ledger.allow_clock_behind(ctx.clock_ok);
        // The first write under a plan text not yet recorded records it (SPEC §2.1).
        ledger.set_plan_text(&plan.text);
        if staging.is_some() {
            ledger.build_unshared()?;
        } else {
            ledger.check_plan(&plan.id)?;
            let sha = match &sha256 {
                Some(s) => s,
                None => sha256.insert(first_pass()?),
            };
            refuse_same_bytes(&ledger, &input, sha, args.force)?;
        }
        let early_sync = staging.as_ref().map(|s| s.path.as_path());
        let written = import_piped(&mut ledger, &plan, &input, &opts, sha256.as_deref(), early_sync)?;
        let (outcome, batch) = match written {
            (outcome, None) => {
                print_summary(&plan, &input, &outcome, None, Some(tr!("import-nothing-new")))?;
                return Ok(ExitCode::SUCCESS);
            }
            (outcome, Some(batch)) => (outcome, batch),
        };
        if staging.is_some() {
            ledger.share()?;
        }
        drop(ledger);
        match &staging {
            Some(s) if !s.publish(&path)? => continue,
            _ => break (outcome, batch),
        }
    };
    print_summary(&plan, &input, &outcome, Some(batch), None)?;
    Ok(ExitCode::SUCCESS)
}

/// A bad argument value: clap's message and usage, exit 2.
fn usage_error(message: &str) -> Result<ExitCode> {
    use clap::CommandFactory;
    let mut cmd = crate::cli::Cli::command();
    cmd.build();
    let err = match cmd.find_subcommand_mut("import") {
        Some(sub) => sub.error(clap::error::ErrorKind::InvalidValue, message),
        None => cmd.error(clap::error::ErrorKind::InvalidValue, message),
    };
    let _ = err.print();
    Ok(ExitCode::from(2))
}

/// Entries sent to the writing thread at a time.
const CHUNK: usize = 1024;
/// Chunks on their way to the writing thread at most (memory stays bounded
/// when it is the slower of the two).
const CHUNKS_IN_FLIGHT: usize = 8;

/// What the reading thread sends the writing one.
enum ToWriter {
    Entries(Vec<Sealed>),
    /// Every row was good: write the batch's row and commit.
    Commit {
        rows: u64,
        sha256: String,
    },
}

/// The second pass, on two threads: this one reads and checks the rows and
/// seals the new entries (id and hash), another inserts them in one
/// IMMEDIATE transaction (which it opens, reading what the ledger counts
/// inside it). Returns the batch, or `None` when nothing was new (then
/// nothing is written).
fn import_piped(
    ledger: &mut Ledger,
    plan: &Plan,
    input: &Input,
    opts: &Options,
    sha256: Option<&str>,
    early_sync: Option<&Path>,
) -> Result<(Outcome, Option<i64>)> {
    std::thread::scope(|s| {
        let (known_tx, known_rx) = mpsc::sync_channel(1);
        let (to_writer, from_reader) = mpsc::sync_channel(CHUNKS_IN_FLIGHT);
        let (recycle, recycled) = mpsc::channel::<Vec<Sealed>>();
        let batch_file = &input.batch_name;
        let size = input.size;
        // Named, so that a profile tells the two threads apart.
        let writer = std::thread::Builder::new().name("plan-writer".into()).spawn_scoped(
            s,
            move || -> Result<Option<i64>> {
                let mut w = ledger.writer(&plan.id)?;
                if size / BYTES_PER_ROW_AT_MOST > w.entries_before() as u64 {
                    w.defer_figure_index()?;
                }
                let batch = w.open_batch()?;
                if known_tx.send((Known::read(&mut Reading(&w))?, w.sealer())).is_err() {
                    return Ok(None);
                }
                for msg in from_reader {
                    match msg {
                        ToWriter::Entries(chunk) => {
                            w.insert(&chunk)?;
                            // The reader may be gone: then the chunk just drops.
                            let _ = recycle.send(chunk);
                        }
                        ToWriter::Commit { rows, sha256 } => {
                            w.close_batch(batch_file, &sha256, rows as i64, &opts.by)?;
                            w.commit()?;
                            return Ok(Some(batch));
                        }
                    }
                }
                // The reader stopped without a commit: the transaction rolls back.
                Ok(None)
            },
        )?;
        let writer_failed =
            |writer: std::thread::ScopedJoinHandle<'_, Result<Option<i64>>>| match writer.join() {
                Ok(Err(e)) => e,
                Ok(Ok(_)) => anyhow!(tr!("import-writer-stopped")),
                Err(panic) => std::panic::resume_unwind(panic),
            };
        // The hash chain is extended here, the writer only checks each
        // entry's place in it: hashing is a good part of the work.
        let Ok((known, mut sealer)) = known_rx.recv() else { return Err(writer_failed(writer)) };
        let mut chunk: Vec<Sealed> = Vec::with_capacity(CHUNK);
        let mut filled = 0;
        let send = |chunk: &mut Vec<Sealed>, filled: &mut usize| {
            chunk.truncate(*filled);
            let next = recycled.try_recv().unwrap_or_else(|_| Vec::with_capacity(CHUNK));
            *filled = 0;
            to_writer.send(ToWriter::Entries(std::mem::replace(chunk, next))).is_ok()
        };
        let read = read(
            plan,
            input,
            opts,
            known,
            |e| {
                match chunk.get_mut(filled) {
                    Some(slot) => sealer.seal_into(e, slot),
                    None => chunk.push(sealer.seal(e)),
                }
                filled += 1;
                if filled == CHUNK && !send(&mut chunk, &mut filled) {
                    bail!(tr!("import-writer-stopped"));
                }
                Ok(())
            },
            sha256,
        );
        let outcome = match read {
            Ok(o) if o.total.added > 0 => o,
            // Bad rows, or nothing new: dropping the sender rolls back.
            other => {
                drop(to_writer);
                return match writer.join() {
                    Ok(Err(e)) => Err(e),
                    Ok(Ok(_)) => other.map(|o| (o, None)),
                    Err(panic) => std::panic::resume_unwind(panic),
                };
            }
        };
        if filled > 0 && !send(&mut chunk, &mut filled) {
            return Err(writer_failed(writer));
        }
        let commit = ToWriter::Commit { rows: outcome.rows, sha256: outcome.sha256.clone() };
        if to_writer.send(commit).is_err() {
            return Err(writer_failed(writer));
        }
        drop(to_writer);
        // A new ledger is synced before it is published: what is written
        // so far goes to disk while the writer builds the index, so that
        // less is left for that sync (best effort: it is repeated).
        if let Some(path) = early_sync {
            let _ = File::open(path).and_then(|f| f.sync_data());
        }
        match writer.join() {
            Ok(Ok(batch)) => Ok((outcome, batch)),
            Ok(Err(e)) => Err(e),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// The second pass; bad rows and a bad header are printed and refused, and
/// so is a file whose bytes differ from the first pass's `sha256` (when
/// there was one).
fn read(
    plan: &Plan,
    input: &Input,
    opts: &Options,
    known: Known,
    push: impl FnMut(&NewEntry) -> Result<()>,
    sha256: Option<&str>,
) -> Result<Outcome> {
    let dhis2 = if input.workbook.is_some() { None } else { input.dhis2_format()? };
    let result = match (input.workbook, dhis2) {
        // A workbook (SPEC §4.1): its typed cells, through the same checks.
        (Some(kind), _) => {
            import::workbook::run(plan, &input.path, kind, input.sheet.as_deref(), opts, known, push)
        }
        // A DHIS2 data value set (SPEC §4.1): read whole, mapped back
        // through the plan's codes, checked row by row alike.
        (None, Some(format)) => {
            let bytes = std::fs::read(&input.path).map_err(|e| super::cannot_read(&input.name, &e))?;
            import::dhis2::run(plan, &bytes, format, opts, known, push)
        }
        (None, None) => {
            let bar = input.progress_bar();
            let result = import::run(plan, input.reader()?, opts, known, push, |pos| {
                if let Some(b) = &bar {
                    b.set_position(pos);
                }
            });
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            result
        }
    };
    let outcome = match result {
        Ok(o) => o,
        Err(e) => {
            if let Some(import::workbook::WorkbookError::BadHeader { sheet, row, problems }) =
                e.downcast_ref()
            {
                for p in problems {
                    eprintln!("{}:{sheet}!{row}: {p}", input.name);
                }
                eprintln!("{}", tr!("import-no-header", file = input.name.as_str()));
                return Err(Reported("bad header".into()).into());
            }
            if let Some(w) = e.downcast_ref::<import::workbook::WorkbookError>() {
                eprintln!("{}", tr!("common-error", message = format!("{}: {w}", input.name)));
                return Err(Reported("unreadable workbook".into()).into());
            }
            if let Some(h) = e.downcast_ref::<BadHeader>() {
                for p in &h.problems {
                    eprintln!("{}:1: {p}", input.name);
                }
                eprintln!("{}", tr!("import-no-header", file = input.name.as_str()));
                return Err(Reported("bad header".into()).into());
            }
            if let Some(b) = e.downcast_ref::<import::dhis2::BadSet>() {
                eprintln!("{}", tr!("common-error", message = format!("{}: {b}", input.name)));
                return Err(Reported("unreadable data value set".into()).into());
            }
            if let Some(u) = e.downcast_ref::<Unreadable>() {
                eprintln!("{}", tr!("common-error", message = format!("{}: {u}", input.name)));
                return Err(Reported("unreadable file".into()).into());
            }
            return Err(e.context(tr!("import-cannot-read", file = input.name.as_str())));
        }
    };
    if outcome.bad_rows > 0 {
        print_bad_rows(plan, input, &outcome)?;
        return Err(Reported("bad rows".into()).into());
    }
    if sha256.is_some_and(|s| s != outcome.sha256) {
        return Err(reject(tr!("import-changed", file = input.name.as_str())));
    }
    Ok(outcome)
}

/// Refuses a file whose bytes were imported before, unless `--force`.
fn refuse_same_bytes(ledger: &Ledger, input: &Input, sha256: &str, force: bool) -> Result<()> {
    if force {
        return Ok(());
    }
    match ledger.batch_by_sha(sha256)? {
        Some(b) => Err(reject(tr!(
            "import-same-file",
            file = input.name.as_str(),
            batch = b.id.to_string(),
            name = b.file.as_str(),
            date = b
                .imported_at
                .get(..10)
                .and_then(crate::input::date::parse_iso)
                .map_or_else(|| b.imported_at.clone(), crate::words::date_in_message),
            by = b.by.as_str()
        ))),
        None => Ok(()),
    }
}

fn count(plan: &Plan, n: u64) -> String {
    format_number(n as f64, plan.numbers, 0)
}

fn print_bad_rows(plan: &Plan, input: &Input, o: &Outcome) -> Result<()> {
    let mut err = io::stderr().lock();
    for e in &o.errors {
        match &e.column {
            Some(c) => writeln!(err, "{}:{}: {c}: {}", input.name, e.at, e.message)?,
            None => writeln!(err, "{}:{}: {}", input.name, e.at, e.message)?,
        }
    }
    let listed = o.bad_rows.min(MAX_LISTED as u64);
    if o.bad_rows > listed {
        writeln!(err, "{}", tr!("import-more-bad-rows", n = count(plan, o.bad_rows - listed)))?;
    }
    let message = tr!(
        "import-bad-rows",
        bad = count(plan, o.bad_rows),
        n = o.bad_rows as i64,
        rows = count(plan, o.rows)
    );
    writeln!(err, "{}", tr!("common-error", message = message))?;
    Ok(())
}

fn print_summary(
    plan: &Plan,
    input: &Input,
    o: &Outcome,
    batch: Option<i64>,
    note: Option<String>,
) -> Result<()> {
    let mut out = crate::render::stdout();
    let mut line = match batch {
        Some(b) => tr!(
            "import-summary-batch",
            file = input.name.as_str(),
            rows = count(plan, o.rows),
            n = o.rows,
            batch = b.to_string(),
            added = count(plan, o.total.added),
            unchanged = count(plan, o.total.unchanged)
        ),
        None => tr!(
            "import-summary",
            file = input.name.as_str(),
            rows = count(plan, o.rows),
            n = o.rows,
            added = count(plan, o.total.added),
            unchanged = count(plan, o.total.unchanged)
        ),
    };
    for (n, key) in [
        (o.replaced, "import-summary-replaced"),
        (o.skipped_empty, "import-summary-skipped"),
        (o.dated_today, "import-summary-dated-today"),
        (o.jumps_accepted, "import-summary-jumps"),
    ] {
        if n > 0 {
            line.push_str("; ");
            line.push_str(&tr!(key, n = count(plan, n)));
        }
    }
    if let Some(note) = note {
        line.push_str(&note);
    }
    writeln!(out, "{line}")?;
    let width = o.indicators.iter().chain(&o.tasks).map(|(id, _)| id.chars().count()).max().unwrap_or(0);
    for (id, t) in o.indicators.iter().chain(&o.tasks) {
        let tally = tr!("import-tally", added = count(plan, t.added), unchanged = count(plan, t.unchanged));
        writeln!(out, "  {id:<width$}  {tally}")?;
    }
    for r in &o.replacements {
        let n = |v: f64| format_number(v, plan.numbers, 10);
        writeln!(
            out,
            "  {}",
            tr!(
                "import-replacement",
                indicator = r.indicator.as_str(),
                period = r.period.in_message(),
                old = n(r.old),
                new = n(r.new),
                entry = r.entry.to_string(),
                at = format!("{}:{}", input.name, r.at)
            )
        )?;
    }
    if o.replaced > o.replacements.len() as u64 {
        writeln!(
            out,
            "  {}",
            tr!("import-more-replacements", n = count(plan, o.replaced - o.replacements.len() as u64))
        )?;
    }
    out.flush()?;
    Ok(())
}

/// The file to import: a path, or standard input copied to a temporary
/// file (it may be read twice).
struct Input {
    /// For messages: the path as typed, or `<stdin>`.
    name: String,
    /// For the batch: the file's name, or `<stdin>`.
    batch_name: String,
    path: PathBuf,
    size: u64,
    temporary: bool,
    /// A workbook, read by `import::workbook`, not as CSV text.
    workbook: Option<import::workbook::Kind>,
    /// `--sheet`.
    sheet: Option<String>,
}

impl Input {
    fn open(arg: &str) -> Result<Input> {
        if arg == "-" {
            let (path, mut f) = temp_file()?;
            let mut input = Input {
                name: "<stdin>".into(),
                batch_name: "<stdin>".into(),
                path,
                size: 0,
                temporary: true,
                workbook: None,
                sheet: None,
            };
            input.size = io::copy(&mut io::stdin().lock(), &mut f)
                .context(tr!("import-cannot-read", file = "<stdin>"))?;
            return Ok(input);
        }
        let path = PathBuf::from(arg);
        let meta = std::fs::metadata(&path).map_err(|e| super::cannot_read(arg, &e))?;
        if meta.is_dir() {
            return Err(anyhow!(tr!("import-directory", file = arg)));
        }
        let batch_name =
            path.file_name().map_or_else(|| arg.to_string(), |n| n.to_string_lossy().into_owned());
        Ok(Input {
            name: arg.to_string(),
            batch_name,
            path,
            size: meta.len(),
            temporary: false,
            workbook: None,
            sheet: None,
        })
    }

    /// Whether the file is a workbook, by its first bytes (and its name).
    fn sniff_workbook(&self) -> Result<Option<import::workbook::Kind>> {
        let mut head = Vec::with_capacity(8192);
        self.reader()?.take(8192).read_to_end(&mut head).map_err(|e| super::cannot_read(&self.name, &e))?;
        Ok(import::workbook::Kind::sniff(&head, &self.path))
    }

    /// The DHIS2 data value set format of the file, told from its first
    /// bytes; `None` for the plan's own CSV.
    fn dhis2_format(&self) -> Result<Option<import::dhis2::Format>> {
        let mut head = Vec::with_capacity(4096);
        self.reader()?.take(4096).read_to_end(&mut head).map_err(|e| super::cannot_read(&self.name, &e))?;
        Ok(import::dhis2::detect(&head))
    }

    fn reader(&self) -> Result<impl Read + use<>> {
        File::open(&self.path).map_err(|e| super::cannot_read(&self.name, &e))
    }

    fn progress_bar(&self) -> Option<ProgressBar> {
        if self.size < PROGRESS_MIN_BYTES || !io::stderr().is_terminal() {
            return None;
        }
        let bar = ProgressBar::new(self.size);
        if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})")
            .map(|s| s.progress_chars("=> "))
        {
            bar.set_style(style);
        }
        bar.set_message(tr!("import-progress", file = self.batch_name.as_str()));
        Some(bar)
    }
}

/// A new file in the temporary directory, never one that was there.
fn temp_file() -> Result<(PathBuf, File)> {
    let dir = std::env::temp_dir();
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let mut attempt = 0u32;
    loop {
        let path = dir.join(format!("plan-import-{}-{nanos}-{attempt}.csv", std::process::id()));
        match File::options().write(true).create_new(true).open(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => {
                return Err(e).with_context(|| tr!("import-stdin-temp", dir = dir.display().to_string()));
            }
        }
    }
}

impl Drop for Input {
    fn drop(&mut self) {
        if self.temporary {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// A new ledger built beside its final path; removed unless published.
struct Staging {
    path: PathBuf,
}

impl Staging {
    fn beside(ledger: &Path) -> Staging {
        let name =
            ledger.file_name().map_or_else(|| "ledger.db".into(), |n| n.to_string_lossy().into_owned());
        let path = ledger.with_file_name(format!(".{name}.import-{}", std::process::id()));
        let s = Staging { path };
        s.remove();
        s
    }

    /// Puts the committed ledger at `dest`, unless another command created
    /// one there meanwhile: then nothing is imported, and it returns false.
    fn publish(&self, dest: &Path) -> Result<bool> {
        // Closing the connection checkpointed the WAL into the file; if it
        // could not, the file alone is not the ledger.
        if std::fs::metadata(self.sibling("-wal")).is_ok_and(|m| m.len() > 0) {
            return Err(anyhow!(tr!("import-cannot-finish", file = dest.display().to_string())));
        }
        // It was built without syncs: make it durable before it is seen.
        File::open(&self.path)
            .and_then(|f| f.sync_all())
            .with_context(|| tr!("import-cannot-finish", file = dest.display().to_string()))?;
        match std::fs::hard_link(&self.path, dest) {
            Ok(()) => {
                // The new name, too (best effort: not every system can).
                if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
                    let _ = File::open(dir).and_then(|d| d.sync_all());
                }
                Ok(true)
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
            // No hard links here (some network drives): rename instead.
            Err(_) if dest.exists() => Ok(false),
            Err(_) => std::fs::rename(&self.path, dest)
                .map(|()| true)
                .with_context(|| tr!("import-cannot-create-ledger", file = dest.display().to_string())),
        }
    }

    fn sibling(&self, suffix: &str) -> PathBuf {
        let mut p = self.path.clone().into_os_string();
        p.push(suffix);
        PathBuf::from(p)
    }

    fn remove(&self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(self.sibling(suffix));
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        self.remove();
    }
}

/// Reads inside the import's transaction, so "unchanged" cannot race
/// another writer.
struct Reading<'a, 'c>(&'a Writer<'c>);

impl Store for Reading<'_, '_> {
    fn each_entry_newest_first(&mut self, f: &mut dyn FnMut(Entry) -> Result<()>) -> Result<()> {
        self.0.for_each_entry_newest_first(f)
    }

    fn task_entries(&mut self) -> Result<Vec<Entry>> {
        self.0.task_entries()
    }
}

/// `--dry-run`: reads the ledger if there is one, writes nothing.
struct ReadOnly<'a>(Option<&'a Ledger>);

impl Store for ReadOnly<'_> {
    fn each_entry_newest_first(&mut self, f: &mut dyn FnMut(Entry) -> Result<()>) -> Result<()> {
        self.0.map_or(Ok(()), |l| l.for_each_entry_newest_first(f))
    }

    fn task_entries(&mut self) -> Result<Vec<Entry>> {
        self.0.map_or(Ok(Vec::new()), |l| l.task_entries())
    }
}
