//! CSV rows through `plan import` (src/import.rs `run`, with an in-memory
//! store) against a small fixed plan, and each row's fields (indicator,
//! period, value, date, task) through the checks `record` shares with it
//! (src/input.rs). Any input is imported or refused with messages, never a
//! panic; what is imported is sane, and the first pass (`sha256`) agrees
//! with the second on the hash.
//!
//! The input's first byte picks a fixed header (delimiter, English or
//! Vietnamese names) put before the rest, so that most inputs are rows; the
//! whole input is also imported as a file of its own, header included.

#![no_main]

use chrono::{Datelike, NaiveDate};
use libfuzzer_sys::fuzz_target;
use plan::import::{self, Known, MAX_LISTED, Options, Store};
use plan::input;
use plan::entry::{Entry, Kind};
use plan::ledger::NewEntry;
use plan::number::NumberStyle;
use plan::period::Period;
use plan::plan::{Plan, load_str};
use std::sync::OnceLock;

const PLAN: &str = r#"
[plan]
id = "FUZZ"
title = "Fuzz"
start = 2026
end = 2030
numbers = "vi"
[agencies]
a = "A"
[[group]]
id = "g"
name = "G"
[[group.indicator]]
id = "viec_lam"
name = "Jobs"
measure = "flow"
every = "month"
target = ">= 1.000"
[[group.indicator]]
id = "thu_ktn"
name = "Revenue"
measure = "flow"
every = "quarter"
[[group.indicator]]
id = "doanh_nghiep"
name = "Enterprises"
measure = "level"
every = "half"
target = "> 120"
[[group.indicator]]
id = "ty_le"
name = "Rate"
measure = "rate"
every = "year"
target = "10..12"
[[group.indicator]]
id = "ty_trong"
name = "Share"
ratio = ["thu_ktn", "doanh_nghiep"]
[[group.indicator]]
id = "tang_truong"
name = "Growth"
growth = "thu_ktn"
[[group.task]]
id = "hoi_doanh_nhan"
name = "Task"
due = 2027-12-31
"#;

fn plan() -> &'static Plan {
    static PLAN_CELL: OnceLock<Plan> = OnceLock::new();
    PLAN_CELL.get_or_init(|| {
        let loaded = load_str(PLAN, "fuzz-plan.toml");
        loaded.plan.unwrap_or_else(|| panic!("the fuzz plan must load: {:?}", loaded.diagnostics))
    })
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2028, 1, 31).expect("valid date")
}

const HEADERS: [&str; 6] = [
    "indicator,period,value,date,task,by,source,note\n",
    "chi_tieu;ky;gia_tri;ngay;nhiem_vu;nguoi_nhap;nguon;ghi_chu\n",
    "indicator\tperiod\tvalue\tdate\n",
    "\u{feff}chi_tieu;ky;gia_tri;ngay;nguoi_nhap;nguon;ghi_chu;nhiem_vu\r\n",
    "task,date,note\n",
    "indicator,period,value\n",
];

/// A ledger in memory, holding one figure and one completion already.
struct Memory {
    entries: Vec<Entry>,
}

fn stored(id: i64, kind: Kind, indicator: Option<&str>, task: Option<&str>, period: Option<&str>) -> Entry {
    Entry {
        id,
        kind,
        indicator: indicator.map(str::to_string),
        task: task.map(str::to_string),
        period: period.map(str::to_string),
        year: 2026,
        value_text: Some("34".into()),
        value: (kind == Kind::Figure).then_some(34.0),
        reported_on: NaiveDate::from_ymd_opt(2026, 2, 4).expect("valid date"),
        recorded_at: String::new(),
        by: "fuzz".into(),
        source: None,
        note: None,
        target_entry: None,
        batch: None,
        plan_id: "FUZZ".into(),
        hash: String::new(),
    }
}

impl Memory {
    fn new() -> Self {
        let entries = vec![
            stored(1, Kind::Figure, Some("viec_lam"), None, Some("2026-01")),
            stored(2, Kind::Completion, None, Some("hoi_doanh_nhan"), None),
        ];
        Memory { entries }
    }
}

impl Store for Memory {
    fn each_entry_newest_first(
        &mut self,
        f: &mut dyn FnMut(Entry) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        self.entries.iter().rev().try_for_each(|e| f(e.clone()))
    }

    fn task_entries(&mut self) -> anyhow::Result<Vec<Entry>> {
        Ok(self.entries.iter().filter(|e| e.task.is_some()).cloned().collect())
    }
}

/// Imports `file`; checks what was pushed and that both passes agree.
fn import_file(plan: &Plan, file: &[u8], numbers: NumberStyle) {
    let opts = Options {
        delimiter: None,
        numbers,
        dates: plan::settings::DateOrder::Dmy,
        today: today(),
        by: "fuzz".into(),
        yes: false,
    };
    let mut store = Memory::new();
    let known = Known::read(&mut store).expect("reading from memory cannot fail");
    let mut pushed = Vec::new();
    let push = |e: &NewEntry| {
        pushed.push(e.clone());
        Ok(())
    };
    let Ok(out) = import::run(plan, file, &opts, known, push, |_| {}) else { return };
    let sha = import::sha256(file).expect("reading from memory cannot fail");
    assert_eq!(sha, out.sha256, "the two passes disagree");
    assert_eq!(out.bad_rows == 0, out.errors.is_empty(), "bad rows without errors or the reverse");
    // Every bad row is a row, at most MAX_LISTED are listed, and each
    // error is on the line where its record starts, after the header's
    // (quotes included: one never closed runs its record to the end).
    assert!(out.bad_rows <= out.rows, "{} bad rows of {}", out.bad_rows, out.rows);
    let listed: std::collections::HashSet<u64> = out.errors.iter().map(|e| e.at.row).collect();
    assert!(listed.len() <= MAX_LISTED, "{} rows listed", listed.len());
    assert!(out.errors.iter().all(|e| e.at.row >= 2), "a row error before the first data line");
    if out.bad_rows > 0 {
        return; // the caller rolls back what was pushed
    }
    assert_eq!(pushed.len() as u64, out.total.added);
    assert_eq!(out.total.added + out.total.unchanged + out.skipped_empty, out.rows);
    for e in &pushed {
        assert!(e.reported_on <= today(), "dated after today: {e:?}");
        match e.kind {
            Kind::Figure => {
                let ind =
                    plan.indicator(e.indicator.as_deref().expect("a figure's indicator")).expect("known");
                let p: Period = e.period.as_deref().expect("a period").parse().expect("a valid period");
                input::period::fits(plan, ind, p).expect("a period that fits");
                assert_eq!(e.year, p.year);
                assert!(e.value.is_some_and(f64::is_finite), "{e:?}");
                assert!(e.reported_on >= p.start(), "dated before its period: {e:?}");
                input::check_figure(ind, e.value.unwrap_or_default(), NumberStyle::En)
                    .unwrap_or_else(|m| panic!("a figure the rules refuse ({m}): {e:?}"));
                for t in [&e.source, &e.note] {
                    if let Some(t) = t {
                        assert!(!t.chars().any(input::text::is_refused), "{e:?}");
                    }
                }
                assert!(!e.by.chars().any(input::text::is_refused), "{e:?}");
            }
            Kind::Completion => {
                assert!(plan.task(e.task.as_deref().expect("a task")).is_some(), "{e:?}");
                assert!(e.reported_on.year() >= plan.start, "done before the plan: {e:?}");
                assert!(e.value.is_none() && e.period.is_none());
            }
            _ => panic!("import wrote a {:?}", e.kind),
        }
    }
}

/// Each row's fields through the checks in src/input.rs.
fn check_fields(plan: &Plan, delimiter: u8, rows: &[u8]) {
    let mut rdr =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(rows);
    for row in rdr.records().take(8) {
        let Ok(row) = row else { continue };
        let field = |i: usize| row.get(i).unwrap_or("");
        let (indicator, period, value, date, task) = (field(0), field(1), field(2), field(3), field(4));
        if let Ok(ind) = input::recorded_indicator(plan, indicator) {
            assert!(!ind.is_derived());
            if let Ok(p) = input::period(plan, ind, period) {
                assert!(plan.years().contains(&p.year), "{p} outside the plan");
            }
        }
        if let Some(ind) = plan.indicator(indicator.trim()) {
            let r = input::period(plan, ind, period);
            assert!(!ind.is_derived() || r.is_err(), "derived `{}` took a period", ind.id);
        }
        for style in [NumberStyle::Vi, NumberStyle::En] {
            if let Ok(v) = input::value(value, style) {
                assert!(v.is_finite(), "{value:?} read as {v}");
            }
            if let Some(ind) = plan.indicator(indicator.trim()).filter(|i| !i.is_derived())
                && let Ok(v) = input::figure_value(ind, value, style)
            {
                assert!(input::check_figure(ind, v, style).is_ok(), "{value:?} read as {v}");
            }
        }
        if let Ok(d) = input::date(date, today()) {
            assert!(d <= today(), "{date:?} read as {d}, after today");
        }
        let _ = input::task(plan, task);
    }
}

fuzz_target!(|data: &[u8]| {
    let plan = plan();
    let Some((&pick, rows)) = data.split_first() else { return };
    let header = HEADERS[pick as usize % HEADERS.len()];
    let numbers = if pick & 0x80 == 0 { NumberStyle::Vi } else { NumberStyle::En };
    let file = [header.as_bytes(), rows].concat();
    import_file(plan, &file, numbers);
    let delimiter = import::detect_delimiter(header.trim_start_matches('\u{feff}').as_bytes());
    check_fields(plan, delimiter, rows);
    import_file(plan, data, numbers);
});
