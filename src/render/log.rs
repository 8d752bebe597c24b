//! `plan log` for people and spreadsheets: the table (seven columns), the
//! CSV grid (the JSON fields, flat) and the workbook sheet, from the
//! entries and statuses of [`crate::report::log`].

use crate::counting;
use crate::entry::Kind;
use crate::render::Grid;
use crate::render::labels::Labels;
use crate::render::xlsx::{Sheet, Value};
use crate::report::log::LogEntry;
use crate::settings::Lang;
use crate::tr_in;
use crate::words;

/// What became of the entry: "thay bằng #12; nhập lùi ngày 40 ngày".
pub fn status(e: &LogEntry, lang: Lang) -> String {
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

/// The kind of an entry in words.
pub fn kind_label(kind: Kind, lang: Lang) -> String {
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
pub fn table_grid(entries: &[LogEntry], lang: Lang) -> Grid {
    let l = Labels::new(lang);
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
            [Some(x.by.clone()), x.source.clone(), x.note.clone(), Some(status(e, lang))]
                .into_iter()
                .flatten()
                .filter(|s| !s.trim().is_empty())
                .collect();
        grid.push(vec![
            x.id.to_string(),
            kind_label(x.kind, lang),
            x.indicator.clone().or_else(|| x.task.clone()).unwrap_or_default(),
            x.period.as_deref().map(|p| words::period_text(p, lang)).unwrap_or_default(),
            x.value_text.clone().unwrap_or_default(),
            l.date(x.reported_on),
            details.join("\n"),
        ]);
    }
    grid
}

/// The log as one sheet: typed values, dates and times (SPEC §4: xlsx
/// holds typed numbers and dates), labels in the plan's language; `title`
/// is the sheet's first line.
pub fn xlsx_sheet(entries: &[LogEntry], lang: Lang, title: String) -> Sheet {
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
                Value::text(kind_label(x.kind, lang)),
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
                Value::text(status(e, lang)),
            ]
        })
        .collect();
    Sheet {
        name: tr("workbook-sheet-log"),
        title: vec![title],
        headers: headers.iter().map(|k| tr(k)).collect(),
        rows,
        wrap: vec![9, 10, 12],
    }
}

/// CSV: the JSON fields, flat, with plain machine numbers.
pub fn csv_grid(entries: &[LogEntry]) -> Grid {
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
