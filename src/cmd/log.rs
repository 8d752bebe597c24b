//! `plan log`: the audit trail, entry by entry, with what became of each
//! (superseded, corrected, voided) and whether it was back-dated.
//!
//! Statuses are computed over the whole ledger, then the filters apply, so
//! a filtered view says the same about an entry as the full one.

use super::{Ctx, reject};
use crate::cli::{LogArgs, LogFormat as Format};
use crate::counting;
use crate::entry::{Entry, Kind};
use crate::plan::{self, Plan};
use crate::render::xlsx::{Sheet, Value};
use crate::render::{self, Grid, labels::Labels};
use crate::settings::Lang;
use crate::words;
use crate::{tr, tr_in};
use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::process::ExitCode;

/// An entry reported more than this many days before it was written is
/// flagged as back-dated.
const BACKDATED_DAYS: i64 = 30;

/// An entry as `log` shows it: the stored fields and what became of it.
#[derive(Debug, Serialize)]
struct LogEntry {
    #[serde(flatten)]
    entry: Entry,
    year: i64,
    /// A later figure for the same period (or a later correction of the
    /// same figure) that counts instead.
    superseded_by: Option<i64>,
    voided_by: Option<i64>,
    /// The correction whose value counts for this figure.
    corrected_by: Option<i64>,
    backdated: bool,
    /// Days between the reported date and the day it was written.
    backdated_days: Option<i64>,
    /// The correction without a value that re-dates this entry (`plan
    /// correct ENTRY --reported-on D`); its date is the one that counts.
    redated_by: Option<i64>,
    /// Reported after today (SPEC §3 "The clock": written while the clock
    /// ran ahead, and not re-dated): no report counts it yet.
    reported_after_today: bool,
}

pub fn run(ctx: &Ctx, args: LogArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let today = super::today()?;
    // Corrections and voids carry their target's indicator or task, so the
    // entries of one indicator (task) are enough to compute their statuses.
    let entries = match ctx.reading_ledger(&plan, true)? {
        Some(l) => {
            let mut es = l.entries(args.indicator.as_deref(), args.task.as_deref(), None)?;
            // An indicator's entries include those recorded under its old
            // ids, each shown as recorded (SPEC §2.1 `formerly`).
            if let Some(ind) = args.indicator.as_deref().and_then(|i| plan.indicator(i))
                && !ind.formerly.is_empty()
            {
                for old in &ind.formerly {
                    es.extend(l.entries(Some(old), args.task.as_deref(), None)?);
                }
                es.sort_by_key(|e| e.id);
            }
            // Plan versions are the plan's, listed by `plan history`.
            es.retain(|e| e.kind != Kind::PlanVersion);
            es
        }
        None => Vec::new(),
    };
    check_filter(&plan, &entries, "indicator", args.indicator.as_deref(), |id| plan.indicator(id).is_some())?;
    check_filter(&plan, &entries, "task", args.task.as_deref(), |id| plan.task(id).is_some())?;
    let total = entries.len();
    let shown: Vec<LogEntry> = annotate(entries, today)
        .into_iter()
        .filter(|e| args.year.is_none_or(|y| e.year == i64::from(y)))
        .collect();
    let future: Vec<i64> = shown.iter().filter(|e| e.reported_after_today).map(|e| e.entry.id).collect();
    super::warn_future_entries(&future, today);

    // Rendered in memory, then written where it goes.
    let mut out = Vec::new();
    match args.format {
        Format::Xlsx => out = render::xlsx::workbook(&[xlsx_sheet(&plan, &shown)], plan.lang)?,
        Format::Json => render::write_json(&shown, &mut out)?,
        Format::Csv => render::write_csv(&csv_grid(&shown), &mut out)?,
        Format::Md if !shown.is_empty() => write!(out, "{}", render::markdown(&table_grid(&plan, &shown)))?,
        _ if !shown.is_empty() => writeln!(out, "{}", render::table(&table_grid(&plan, &shown)))?,
        _ => {}
    }
    if args.format == Format::Xlsx {
        render::write_binary(&out, args.output.as_deref())?;
    } else {
        render::write_text(&out, args.output.as_deref())?;
    }
    if total == 0 && args.indicator.is_none() && args.task.is_none() {
        eprintln!("{}", tr!("commands-log-empty", ledger = ctx.ledger_path(&plan).display().to_string()));
    } else if shown.is_empty() {
        eprintln!("{}", tr!("commands-log-none-match"));
    }
    Ok(ExitCode::SUCCESS)
}

/// An id filter must name something the plan has, or that the ledger has
/// entries of (an id since removed from the plan).
fn check_filter(
    plan: &Plan,
    entries: &[Entry],
    what: &str,
    id: Option<&str>,
    known: impl Fn(&str) -> bool,
) -> Result<()> {
    let Some(id) = id else { return Ok(()) };
    let has = |e: &Entry| {
        if what == "task" { e.task.as_deref() == Some(id) } else { e.indicator.as_deref() == Some(id) }
    };
    if known(id) || entries.iter().any(has) {
        return Ok(());
    }
    // An id of the other kind: say what it is and which filter takes it
    // (SPEC §4), rather than "did you mean" an id of this kind.
    let other = if what == "task" { plan.indicator(id).is_some() } else { plan.task(id).is_some() };
    if other {
        let key =
            if what == "task" { "commands-log-filter-is-indicator" } else { "commands-log-filter-is-task" };
        return Err(reject(tr!(key, id = id)));
    }
    let candidates: Vec<&str> = if what == "task" {
        plan.tasks().map(|t| t.id.as_str()).collect()
    } else {
        plan.indicators().map(|i| i.id.as_str()).collect()
    };
    let hint = match plan::suggest(id, candidates) {
        Some(s) => tr!("commands-did-you-mean", id = s),
        None => tr!("commands-show-lists-ids"),
    };
    let key = if what == "task" { "commands-log-unknown-task" } else { "commands-log-unknown-indicator" };
    Err(reject(tr!(key, id = id, hint = hint)))
}

/// Computes each entry's status over the whole ledger, as of `today`.
fn annotate(entries: Vec<Entry>, today: NaiveDate) -> Vec<LogEntry> {
    let dates = counting::Dates::of(entries.iter(), Some(today));
    let voids: HashMap<i64, i64> = {
        let mut m = HashMap::new();
        for e in entries.iter().filter(|e| e.kind == Kind::Void) {
            if let Some(t) = e.target_entry {
                m.entry(t).or_insert(e.id);
            }
        }
        m
    };
    let voided: HashSet<i64> = voids.keys().copied().collect();
    // Figures: which one counts for each period, and with which correction.
    let mut superseded_by: HashMap<i64, i64> = HashMap::new();
    let mut corrected_by: HashMap<i64, i64> = HashMap::new();
    for periods in counting::count_figures(&entries, None).values() {
        for pf in periods.values() {
            if let Some(c) = &pf.counted {
                for s in &pf.superseded {
                    superseded_by.insert(*s, c.entry);
                }
                if let Some(k) = c.corrected_by {
                    corrected_by.insert(c.entry, k);
                }
            }
        }
    }
    // A figure that no longer counts may still have been corrected; and an
    // earlier correction of a figure is superseded by its latest one.
    let mut latest_correction: HashMap<i64, i64> = HashMap::new();
    for e in
        entries.iter().filter(|e| e.kind == Kind::Correction && e.value.is_some() && !voided.contains(&e.id))
    {
        if let Some(t) = e.target_entry {
            let slot = latest_correction.entry(t).or_insert(e.id);
            *slot = (*slot).max(e.id);
        }
    }
    for (fig, corr) in &latest_correction {
        corrected_by.entry(*fig).or_insert(*corr);
    }
    entries
        .into_iter()
        .map(|e| {
            let superseded = match e.kind {
                Kind::Figure => superseded_by.get(&e.id).copied(),
                Kind::Correction if e.value.is_some() && !voided.contains(&e.id) => e
                    .target_entry
                    .and_then(|t| latest_correction.get(&t))
                    .copied()
                    .filter(|&latest| latest != e.id),
                _ => None,
            };
            let days = recorded_on(&e.recorded_at).map(|r| (r - e.reported_on).num_days());
            LogEntry {
                year: e.year,
                superseded_by: superseded,
                voided_by: voids.get(&e.id).copied(),
                corrected_by: if e.kind == Kind::Figure { corrected_by.get(&e.id).copied() } else { None },
                backdated: days.is_some_and(|d| d > BACKDATED_DAYS),
                backdated_days: days.filter(|&d| d > BACKDATED_DAYS),
                redated_by: dates.redated_by(e.id),
                reported_after_today: dates.of_entry(&e) > today,
                entry: e,
            }
        })
        .collect()
}

/// The UTC day of a `recorded_at` timestamp.
fn recorded_on(recorded_at: &str) -> Option<NaiveDate> {
    recorded_at.get(..10)?.parse().ok()
}

/// What became of the entry: "thay bằng #12; nhập lùi ngày 40 ngày".
fn status(e: &LogEntry, lang: Lang) -> String {
    let mut parts = Vec::new();
    let id = |n: i64| n.to_string();
    if let Some(t) = e.entry.target_entry {
        if counting::is_redate(&e.entry) {
            let date = words::date_in_message(e.entry.reported_on);
            parts.push(tr_in!(lang, "tables-log-redates", entry = id(t), date = date));
        } else {
            let key = if e.entry.kind == Kind::Void { "tables-log-voids" } else { "tables-log-corrects" };
            parts.push(tr_in!(lang, key, entry = id(t)));
        }
    }
    if let Some(r) = e.redated_by {
        parts.push(tr_in!(lang, "tables-log-redated-by", entry = id(r)));
    }
    if e.reported_after_today {
        parts.push(tr_in!(lang, "tables-log-future"));
    }
    if let Some(v) = e.voided_by {
        parts.push(tr_in!(lang, "tables-log-voided-by", entry = id(v)));
    }
    if let Some(s) = e.superseded_by {
        parts.push(tr_in!(lang, "tables-log-superseded-by", entry = id(s)));
    }
    if let Some(c) = e.corrected_by {
        parts.push(tr_in!(lang, "tables-log-corrected-by", entry = id(c)));
    }
    if let Some(d) = e.backdated_days {
        parts.push(tr_in!(lang, "tables-log-backdated", days = tr_in!(lang, "common-days", n = d)));
    }
    parts.join("; ")
}

pub(super) fn kind_label(kind: Kind, lang: Lang) -> String {
    tr_in!(
        lang,
        match kind {
            Kind::Figure => "tables-kind-figure",
            Kind::Completion => "tables-kind-completion",
            Kind::Correction => "tables-kind-correction",
            Kind::Void => "tables-kind-void",
            Kind::PlanVersion => "amend-kind-plan-version",
        }
    )
}

/// The table for people: seven columns, so that ids, periods, values and
/// dates stay whole at 80 columns; who, from what, the note and what became
/// of the entry share the last column, one per line.
fn table_grid(plan: &Plan, entries: &[LogEntry]) -> Grid {
    let l = Labels::new(plan.lang);
    let keys = [
        "tables-col-entry",
        "tables-col-kind",
        "tables-col-item",
        "tables-col-period",
        "tables-col-value",
        "tables-col-date",
        "tables-col-details",
    ];
    let mut grid = Grid { headers: keys.iter().map(|k| l.tr(k)).collect(), rows: Vec::new() };
    for e in entries {
        let x = &e.entry;
        let details: Vec<String> =
            [Some(x.by.clone()), x.source.clone(), x.note.clone(), Some(status(e, plan.lang))]
                .into_iter()
                .flatten()
                .filter(|s| !s.trim().is_empty())
                .collect();
        grid.push(vec![
            x.id.to_string(),
            kind_label(x.kind, plan.lang),
            x.indicator.clone().or_else(|| x.task.clone()).unwrap_or_default(),
            x.period.as_deref().map(|p| words::period_text(p, plan.lang)).unwrap_or_default(),
            x.value_text.clone().unwrap_or_default(),
            l.date(x.reported_on),
            details.join("\n"),
        ]);
    }
    grid
}

/// The log as one sheet: typed values, dates and times (SPEC §4: xlsx
/// holds typed numbers and dates), labels in the plan's language.
fn xlsx_sheet(plan: &Plan, entries: &[LogEntry]) -> Sheet {
    let tr = |k: &str| crate::i18n::message(k, None);
    let headers = [
        "workbook-col-entry",
        "workbook-col-kind",
        "workbook-col-item",
        "workbook-col-period",
        "workbook-col-value",
        "workbook-col-value-text",
        "workbook-col-reported-on",
        "workbook-col-recorded-at",
        "workbook-col-by",
        "workbook-col-source",
        "workbook-col-note",
        "workbook-col-batch",
        "workbook-col-status",
    ];
    let rows = entries
        .iter()
        .map(|e| {
            let x = &e.entry;
            let recorded = chrono::DateTime::parse_from_rfc3339(&x.recorded_at)
                .map(|t| Value::DateTime(t.naive_utc()))
                .unwrap_or_else(|_| Value::text(x.recorded_at.clone()));
            vec![
                Value::Id(x.id),
                Value::text(kind_label(x.kind, plan.lang)),
                Value::text(x.indicator.clone().or_else(|| x.task.clone()).unwrap_or_default()),
                Value::text(x.period.clone().unwrap_or_default()),
                Value::opt_number(x.value),
                Value::text(x.value_text.clone().unwrap_or_default()),
                Value::Date(x.reported_on),
                recorded,
                Value::text(x.by.clone()),
                Value::text(x.source.clone().unwrap_or_default()),
                Value::text(x.note.clone().unwrap_or_default()),
                x.batch.map_or(Value::Empty, Value::Id),
                Value::text(status(e, plan.lang)),
            ]
        })
        .collect();
    Sheet {
        name: tr("workbook-sheet-log"),
        title: vec![format!("{} — {}", plan.id, plan.title)],
        headers: headers.iter().map(|k| tr(k)).collect(),
        rows,
        wrap: vec![9, 10, 12],
    }
}

/// CSV: the JSON fields, flat, with plain machine numbers.
fn csv_grid(entries: &[LogEntry]) -> Grid {
    let mut grid = Grid::new(&[
        "id",
        "kind",
        "indicator",
        "task",
        "period",
        "year",
        "value",
        "value_text",
        "date",
        "recorded_at",
        "by",
        "source",
        "note",
        "target_entry",
        "batch",
        "superseded_by",
        "voided_by",
        "corrected_by",
        "backdated",
        "hash",
    ]);
    let id = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let text = |s: &str| crate::render::csv_safe::csv_text_cell(s).into_owned();
    for e in entries {
        let x = &e.entry;
        grid.push(vec![
            x.id.to_string(),
            x.kind.as_str().to_string(),
            x.indicator.clone().unwrap_or_default(),
            x.task.clone().unwrap_or_default(),
            x.period.clone().unwrap_or_default(),
            e.year.to_string(),
            x.value.map(|v| v.to_string()).unwrap_or_default(),
            text(x.value_text.as_deref().unwrap_or_default()),
            x.reported_on.to_string(),
            x.recorded_at.clone(),
            text(&x.by),
            text(x.source.as_deref().unwrap_or_default()),
            text(x.note.as_deref().unwrap_or_default()),
            id(x.target_entry),
            id(x.batch),
            id(e.superseded_by),
            id(e.voided_by),
            id(e.corrected_by),
            e.backdated.to_string(),
            x.hash.clone(),
        ]);
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entry about indicator `a`, reported 2027-01-10 and recorded
    /// 2027-03-01 (so backdated).
    fn entry(id: i64, kind: Kind, period: &str, value: Option<f64>, target: Option<i64>) -> Entry {
        let mut e = crate::counting::tests::entry(id, kind, "a", period, value, "2027-01-10", target);
        e.recorded_at = "2027-03-01T08:00:00.000Z".into();
        e
    }

    #[test]
    fn statuses() {
        use Kind::*;
        let es = vec![
            entry(1, Figure, "2026", Some(1.0), None),
            entry(2, Figure, "2026", Some(2.0), None),
            entry(3, Correction, "2026", Some(3.0), Some(2)),
            entry(4, Correction, "2026", Some(4.0), Some(2)),
            entry(5, Figure, "2027", Some(5.0), None),
            entry(6, Void, "2027", None, Some(5)),
        ];
        let got: Vec<_> = annotate(es, "2030-01-01".parse().unwrap())
            .into_iter()
            .map(|e| (e.entry.id, e.superseded_by, e.voided_by, e.corrected_by, e.backdated))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, Some(2), None, None, true),
                (2, None, None, Some(4), true),
                (3, Some(4), None, None, true),
                (4, None, None, None, true),
                (5, None, Some(6), None, true),
                (6, None, None, None, true),
            ]
        );
    }
}
