//! What `plan import` says: the summary of a file imported (or checked by
//! a dry run) and the list of its bad rows, in the user's language.

use crate::import::{MAX_LISTED, Outcome};
use crate::number::{NumberStyle, format_number};
use crate::tr;
use std::fmt::Write as _;

fn count(numbers: NumberStyle, n: u64) -> String {
    format_number(n as f64, numbers, 0)
}

/// The bad rows of a refused file, one line each (`FILE:ROW: COLUMN:
/// message`, at most [`MAX_LISTED`] of them), then how many more and the
/// refusal; for stderr. `name` is the file as typed.
pub fn bad_rows(numbers: NumberStyle, name: &str, o: &Outcome) -> String {
    let mut err = String::new();
    for e in &o.errors {
        match &e.column {
            Some(c) => writeln!(err, "{}:{}: {c}: {}", name, e.at, e.message).expect("write to a String"),
            None => writeln!(err, "{}:{}: {}", name, e.at, e.message).expect("write to a String"),
        }
    }
    let listed = o.bad_rows.min(MAX_LISTED as u64);
    if o.bad_rows > listed {
        writeln!(err, "{}", tr!("import-more-bad-rows", n = count(numbers, o.bad_rows - listed)))
            .expect("write to a String");
    }
    let message = tr!(
        "import-bad-rows",
        bad = count(numbers, o.bad_rows),
        n = o.bad_rows as i64,
        rows = count(numbers, o.rows)
    );
    writeln!(err, "{}", tr!("common-error", message = message)).expect("write to a String");
    err
}

/// The problems of a header, each after `at` (`file.csv:1`): at most
/// [`MAX_LISTED`], then how many more (SPEC §4.1: the cap holds for every
/// kind of error). For stderr.
pub fn header_problems(numbers: NumberStyle, problems: &[String], at: &str) -> String {
    let mut err = String::new();
    for p in problems.iter().take(MAX_LISTED) {
        writeln!(err, "{at}: {p}").expect("write to a String");
    }
    if problems.len() > MAX_LISTED {
        let more = count(numbers, (problems.len() - MAX_LISTED) as u64);
        writeln!(err, "{}", tr!("import-more-header-problems", n = more)).expect("write to a String");
    }
    err
}

/// The summary of an import: the file, its rows, the batch, what was added
/// and left unchanged (in all and per indicator or task), what was replaced;
/// `note` ends the first line (a dry run, nothing new). For stdout.
pub fn summary(
    numbers: NumberStyle,
    name: &str,
    o: &Outcome,
    batch: Option<i64>,
    note: Option<String>,
) -> String {
    let mut out = String::new();
    // A workbook: the sheet read is named (SPEC §4.1).
    let file = match &o.sheet {
        Some(sheet) => tr!("import-file-sheet", file = name, sheet = sheet.as_str()),
        None => name.to_string(),
    };
    let mut line = match batch {
        Some(b) => tr!(
            "import-summary-batch",
            file = file.as_str(),
            rows = count(numbers, o.rows),
            n = o.rows,
            batch = b.to_string(),
            added = count(numbers, o.total.added),
            unchanged = count(numbers, o.total.unchanged)
        ),
        None => tr!(
            "import-summary",
            file = file.as_str(),
            rows = count(numbers, o.rows),
            n = o.rows,
            added = count(numbers, o.total.added),
            unchanged = count(numbers, o.total.unchanged)
        ),
    };
    for (n, key) in [
        (o.replaced, "import-summary-replaced"),
        (o.skipped_empty, "import-summary-skipped"),
        (o.dated_today, "import-summary-dated-today"),
        (o.jumps_accepted, "import-summary-jumps"),
        (o.skipped_hidden, "import-summary-hidden"),
    ] {
        if n > 0 {
            line.push_str("; ");
            line.push_str(&tr!(key, n = count(numbers, n)));
        }
    }
    if let Some(note) = note {
        line.push_str(&note);
    }
    writeln!(out, "{line}").expect("write to a String");
    let width = o.indicators.iter().chain(&o.tasks).map(|(id, _)| id.chars().count()).max().unwrap_or(0);
    for (id, t) in o.indicators.iter().chain(&o.tasks) {
        let tally =
            tr!("import-tally", added = count(numbers, t.added), unchanged = count(numbers, t.unchanged));
        writeln!(out, "  {id:<width$}  {tally}").expect("write to a String");
    }
    for r in &o.replacements {
        let n = |v: f64| format_number(v, numbers, 10);
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
                at = format!("{}:{}", name, r.at)
            )
        )
        .expect("write to a String");
    }
    if o.replaced > o.replacements.len() as u64 {
        writeln!(
            out,
            "  {}",
            tr!("import-more-replacements", n = count(numbers, o.replaced - o.replacements.len() as u64))
        )
        .expect("write to a String");
    }
    out
}
