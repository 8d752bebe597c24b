//! Which rows a template holds, worked out by hand on a small plan.

use super::*;
use crate::counting;
use crate::counting::tests::entry;
use crate::entry::Kind;
use crate::number::NumberStyle;
use crate::plan::load_str;
use crate::render::template::{accepts, headers, sheet};

const PLAN: &str = r#"
[plan]
id = "T"
title = "Test"
start = 2026
end = 2028
lang = "en"
numbers = "en"
[agencies]
a = "Agency A"
[reporting.due_days]
year = 15
half = 15
quarter = 10
month = 5
[[group]]
id = "g"
name = "G"
lead = "a"
[[group.indicator]]
id = "q"
name = "Quarterly"
measure = "level"
every = "quarter"
target = ">= 100"
[[group.indicator]]
id = "y"
name = "Yearly"
measure = "level"
every = "year"
target = ">= 50"
[[group.indicator]]
id = "m"
name = "Monthly"
measure = "flow"
every = "month"
target = "<= 1,000"
basis = "year"
[[group.indicator]]
id = "r"
name = "Derived"
ratio = ["q", "y"]
"#;

fn plan() -> Plan {
    let l = load_str(PLAN, "t.toml");
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    l.plan.unwrap()
}

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// q: 2026-Q1 = 10, 2026-Q3 = 30 corrected to 33; m: the year 2026 = 500.
fn figures() -> Figures {
    let es = vec![
        entry(1, Kind::Figure, "q", "2026-Q1", Some(10.0), "2026-04-05", None),
        entry(2, Kind::Figure, "q", "2026-Q3", Some(30.0), "2026-10-05", None),
        entry(3, Kind::Correction, "q", "2026-Q3", Some(33.0), "2026-10-20", Some(2)),
        entry(4, Kind::Figure, "m", "2026", Some(500.0), "2027-01-10", None),
    ];
    counting::count_figures(&es, None)
}

fn rows(d: &[Due<'_>]) -> Vec<(String, String, Option<f64>)> {
    d.iter().map(|d| (d.indicator.id.clone(), d.period.to_string(), d.previous)).collect()
}

#[test]
fn missing_periods_by_end_then_plan_order() {
    let plan = plan();
    // 2027-02-20: 2027-Q1 has not ended (due 2027-04-10), nor 2027-02; the
    // months of 2026 are covered by m's year figure; r is derived.
    let got = rows(&missing(&plan, &figures(), day("2027-02-20")));
    let want = vec![
        ("q".to_string(), "2026-Q2".to_string(), Some(10.0)),
        ("q".to_string(), "2026-Q4".to_string(), Some(33.0)),
        ("y".to_string(), "2026".to_string(), None),
        ("m".to_string(), "2027-01".to_string(), None),
    ];
    assert_eq!(got, want);
}

#[test]
fn a_period_that_ended_today_is_not_yet_missing() {
    let plan = plan();
    // 2026-06-30 is the last day of Q2: not ended before today, due 07-10
    // (and the months of 2026 have m's year figure).
    assert_eq!(rows(&missing(&plan, &figures(), day("2026-06-30"))), vec![]);
    let got = rows(&missing(&plan, &figures(), day("2026-07-01")));
    assert_eq!(got, vec![("q".to_string(), "2026-Q2".to_string(), Some(10.0))]);
}

#[test]
fn a_given_period_lists_every_period_of_any_cadence_inside_it() {
    let plan = plan();
    let f = figures();
    let r = |id: &str, per: &str, prev: Option<f64>| (id.to_string(), per.to_string(), prev);
    // 2026-Q4: q's quarter (previous: Q3's 33, corrected) and m's months
    // October to December (m has only a year figure: no earlier month).
    assert_eq!(
        rows(&for_period(&plan, &f, p("2026-Q4"))),
        vec![
            r("q", "2026-Q4", Some(33.0)),
            r("m", "2026-10", None),
            r("m", "2026-11", None),
            r("m", "2026-12", None)
        ]
    );
    // A period with a figure already is listed too (the office asks for it).
    assert_eq!(
        rows(&for_period(&plan, &f, p("2026-Q3"))),
        vec![
            r("q", "2026-Q3", Some(10.0)),
            r("m", "2026-07", None),
            r("m", "2026-08", None),
            r("m", "2026-09", None)
        ]
    );
    // A year holds 4 quarters, the year itself and 12 months: 17 rows; y's
    // only period is the year.
    let year = rows(&for_period(&plan, &f, p("2027")));
    assert_eq!(year.len(), 4 + 1 + 12);
    assert_eq!(year[4], r("y", "2027", None));
    // A half: 2 quarters and 6 months, no year.
    let half = rows(&for_period(&plan, &f, p("2027-H1")));
    assert_eq!(half.len(), 2 + 6);
    assert!(half.iter().all(|(id, _, _)| id != "y"));
    // A month: only the monthly indicator's.
    assert_eq!(rows(&for_period(&plan, &f, p("2027-02"))), vec![r("m", "2027-02", None)]);
}

#[test]
fn the_sheet_is_in_the_plans_language_whatever_the_messages() {
    // Messages in English, the plan in Vietnamese: every line of the sheet,
    // the scope line's sentence as well as its period or date, is Vietnamese.
    crate::i18n::set_lang(Lang::En);
    let mut plan = plan();
    plan.lang = Lang::Vi;
    let s = sheet(&plan, &[], Some(p("2027-Q3")), day("2027-10-20"));
    assert_eq!(s.title[1], "Kỳ: Quý 3/2027");
    let s = sheet(&plan, &[], None, day("2027-10-20"));
    assert_eq!(s.title[0], "Mẫu báo cáo số liệu — Kế hoạch T");
    assert_eq!(s.title[1], "Các kỳ đã đến hạn mà chưa có số liệu, tính đến ngày 20/10/2027");
    // The instructions speak to the person filling it in, not of commands.
    assert!(s.title[2].starts_with("Đề nghị đồng chí phụ trách đơn vị điền số liệu"), "{}", s.title[2]);
    assert!(s.title.iter().all(|t| !t.contains("plan ")), "{:?}", s.title);
    // Headers in words, each one the importer reads (or reads and ignores).
    assert_eq!(s.headers[1], "Mã chỉ tiêu");
    for h in &s.headers {
        assert!(crate::import::header::column_of(h).is_some(), "import does not read `{h}`");
    }
}

#[test]
fn every_header_in_either_language_is_one_import_reads() {
    use crate::import::header::{Col, column_of};
    for lang in [Lang::Vi, Lang::En] {
        let h = headers(lang);
        // The six read: indicator, period, value, date, by, source.
        let read: Vec<Col> = h.iter().filter_map(|x| column_of(x).expect("a known column")).collect();
        assert_eq!(
            read,
            [Col::Indicator, Col::Period, Col::Value, Col::Date, Col::By, Col::Source],
            "{lang:?}"
        );
    }
}

#[test]
fn the_value_cell_says_what_it_takes() {
    let mut plan = plan();
    plan.lang = Lang::Vi;
    let mut q = plan.indicator("q").unwrap().clone();
    q.integer = true;
    q.min = Some(0.0);
    assert_eq!(accepts(&q, Lang::Vi, NumberStyle::Vi), "Số nguyên, từ 0 trở lên.");
    q.unit = "doanh nghiệp".into();
    q.max = Some(1500.0);
    assert_eq!(accepts(&q, Lang::Vi, NumberStyle::Vi), "Số nguyên, từ 0 đến 1.500, tính bằng doanh nghiệp.");
}
