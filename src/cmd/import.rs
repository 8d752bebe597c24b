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
use crate::cli::{DatesArg, HiddenArg, ImportArgs, StyleArg};
use crate::import::source::Input;
use crate::import::stage::{ReadOnly, Staging, import_piped};
use crate::import::{self, BadHeader, Known, Options, Outcome, Unreadable};
use crate::input;
use crate::ledger::{Ledger, NewEntry};
use crate::number::NumberStyle;
use crate::plan::Plan;
use crate::render::import as import_words;
use crate::settings::DateOrder;
use crate::tr;
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// Files larger than this get a progress bar (on a terminal).
const PROGRESS_MIN_BYTES: u64 = 1 << 20;

pub fn run(ctx: &Ctx, args: ImportArgs) -> Result<ExitCode> {
    let delimiter = args.delimiter;
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
    match (&input.workbook, &args.sheet, args.hidden) {
        (None, Some(_), _) => {
            return Err(reject(tr!("workbook-sheet-not-workbook", file = input.name.as_str())));
        }
        (None, _, Some(_)) => {
            return Err(reject(tr!("workbook-hidden-not-workbook", file = input.name.as_str())));
        }
        (_, sheet, hidden) => {
            input.sheet = sheet.clone();
            input.hidden = match hidden {
                None => import::workbook::Hidden::Refuse,
                Some(HiddenArg::Skip) => import::workbook::Hidden::Skip,
                Some(HiddenArg::Include) => import::workbook::Hidden::Include,
            };
        }
    }
    let path = ctx.ledger_path(&plan);
    // The hash of the bytes, for the same-file check before anything is
    // written. A new ledger has no batch to compare the file with: there,
    // the one pass hashes the bytes it reads, which is what the batch records.
    let first_pass = || {
        import::sha256(input.reader()?).with_context(|| tr!("import-cannot-read", file = input.name.as_str()))
    };

    if args.dry_run {
        let ledger = ctx.read_ledger(&plan)?;
        // As for the import itself: with no ledger, no batch to compare
        // the file with, and the one pass hashes the bytes it reads.
        let sha256 = match &ledger {
            Some(l) => {
                let sha256 = first_pass()?;
                refuse_same_bytes(l, &input, &sha256, args.force)?;
                Some(sha256)
            }
            None => None,
        };
        let known = Known::read(&mut ReadOnly(ledger.as_ref()))?;
        let outcome = read(&plan, &input, &opts, known, |_| Ok(()), sha256.as_deref())?;
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
        let written = import_piped(&mut ledger, &plan, &input, &opts.by, early_sync, |known, push| {
            read(&plan, &input, &opts, known, push, sha256.as_deref())
        })?;
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
        (Some(kind), _) => import::workbook::run(
            plan,
            &input.path,
            kind,
            input.sheet.as_deref(),
            input.hidden,
            opts,
            known,
            push,
        ),
        // A DHIS2 data value set (SPEC §4.1): read whole, mapped back
        // through the plan's codes, checked row by row alike.
        (None, Some(format)) => {
            let bytes = std::fs::read(&input.path).map_err(|e| super::cannot_read(&input.name, &e))?;
            import::dhis2::run(plan, &bytes, format, opts, known, push)
        }
        (None, None) => {
            let bar = progress_bar(input);
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
                let at = format!("{}:{sheet}!{row}", input.name);
                eprint!("{}", import_words::header_problems(plan.numbers, problems, &at));
                eprintln!("{}", tr!("import-no-header", file = input.name.as_str()));
                return Err(Reported("bad header".into()).into());
            }
            if let Some(w) = e.downcast_ref::<import::workbook::WorkbookError>() {
                eprintln!("{}", tr!("common-error", message = format!("{}: {w}", input.name)));
                return Err(Reported("unreadable workbook".into()).into());
            }
            if let Some(h) = e.downcast_ref::<BadHeader>() {
                let at = format!("{}:1", input.name);
                eprint!("{}", import_words::header_problems(plan.numbers, &h.problems, &at));
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
        eprint!("{}", import_words::bad_rows(plan.numbers, &input.name, &outcome));
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

/// A progress bar on a terminal, for a large file.
fn progress_bar(input: &Input) -> Option<ProgressBar> {
    if input.size < PROGRESS_MIN_BYTES || !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(input.size);
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})")
        .map(|s| s.progress_chars("=> "))
    {
        bar.set_style(style);
    }
    bar.set_message(tr!("import-progress", file = input.batch_name.as_str()));
    Some(bar)
}

/// Writes the summary to stdout.
fn print_summary(
    plan: &Plan,
    input: &Input,
    o: &Outcome,
    batch: Option<i64>,
    note: Option<String>,
) -> Result<()> {
    let mut out = crate::render::stdout();
    write!(out, "{}", import_words::summary(plan.numbers, &input.name, o, batch, note))?;
    out.flush()?;
    Ok(())
}
