//! Unit tests of SPEC §5, with expected figures worked out by hand.

use super::year::Rollup;
use super::*;
use crate::counting::tests::entry;
use crate::entry::Entry;
use crate::entry::Kind;
use crate::plan::load_str;
use crate::plan::{AttainmentNote, Plan};

const PLAN: &str = r#"
[plan]
id = "T"
title = "Test"
start = 2026
end = 2030
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
id = "lvl"
name = "Level, straight line"
measure = "level"
every = "quarter"
target = ">= 100"
baseline = { year = 2025, value = 80 }
[[group.indicator]]
id = "ms"
name = "Milestone"
measure = "level"
every = "year"
target = ">= 50"
milestones = { 2027 = 40 }
[[group.indicator]]
id = "nob"
name = "No path"
measure = "level"
every = "year"
target = "> 120"
[[group.indicator]]
id = "flw"
name = "Flow per year"
measure = "flow"
every = "quarter"
target = "<= 10"
basis = "year"
[[group.indicator]]
id = "avg"
name = "Average"
measure = "rate"
every = "year"
target = "~ 5"
basis = "average"
[[group.indicator]]
id = "cmp"
name = "Compound"
measure = "rate"
every = "year"
target = "10..11"
basis = "compound"
[[group.indicator]]
id = "cum"
name = "Cumulative"
measure = "flow"
every = "year"
target = ">= 500"
basis = "cumulative"
[[group.indicator]]
id = "num"
name = "Numerator"
measure = "flow"
every = "year"
[[group.indicator]]
id = "den"
name = "Denominator"
measure = "flow"
every = "year"
[[group.indicator]]
id = "rat"
name = "Ratio"
ratio = ["num", "den"]
target = ">= 3"
basis = "year"
[[group.indicator]]
id = "src"
name = "Source"
measure = "level"
every = "year"
baseline = { year = 2025, value = 100 }
[[group.indicator]]
id = "gro"
name = "Growth"
growth = "src"
target = "< 10"
basis = "year"
[[group.indicator]]
id = "zero"
name = "Zero target"
measure = "level"
every = "year"
target = ">= 0"
basis = "year"
[[group.indicator]]
id = "mon"
name = "Monthly rate"
measure = "rate"
every = "month"
target = ">= 90"
basis = "year"
[[group.indicator]]
id = "hlf"
name = "Half-yearly"
measure = "level"
every = "half"
target = "<= 5"
basis = "year"
weight = 2
[[group.task]]
id = "t1"
name = "On time"
lead = "a"
due = 2027-03-31
[[group.task]]
id = "t2"
name = "Late"
lead = "a"
due = 2027-06-30
[[group.task]]
id = "t3"
name = "Open in time"
lead = "a"
due = 2027-12-31
[[group.task]]
id = "t4"
name = "Open overdue"
lead = "a"
due = 2027-05-31
[[group.task]]
id = "t5"
name = "Carried over"
lead = "a"
due = 2026-12-31
[[group.task]]
id = "t6"
name = "Done in 2026"
lead = "a"
due = 2026-06-30
[[group.task]]
id = "t7"
name = "No deadline"
lead = "a"
"#;

fn plan() -> Plan {
    let l = load_str(PLAN, "t.toml");
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    l.plan.unwrap()
}

struct Ledger {
    entries: Vec<Entry>,
}

impl Ledger {
    fn new() -> Self {
        Ledger { entries: Vec::new() }
    }
    fn next(&self) -> i64 {
        self.entries.len() as i64 + 1
    }
    fn fig(&mut self, ind: &str, period: &str, v: f64, date: &str) -> i64 {
        let id = self.next();
        self.entries.push(entry(id, Kind::Figure, ind, period, Some(v), date, None));
        id
    }
    fn correct(&mut self, target: i64, v: f64, date: &str) -> i64 {
        let t = self.entries[(target - 1) as usize].clone();
        let id = self.next();
        let mut e = entry(id, Kind::Correction, "", "", Some(v), date, Some(target));
        e.indicator = t.indicator;
        e.period = t.period;
        e.year = t.year;
        self.entries.push(e);
        id
    }
    fn void(&mut self, target: i64, date: &str) -> i64 {
        let id = self.next();
        self.entries.push(entry(id, Kind::Void, "", "", None, date, Some(target)));
        id
    }
    fn done(&mut self, task: &str, date: &str) -> i64 {
        let id = self.next();
        let mut e = entry(id, Kind::Completion, "", "", None, date, None);
        e.task = Some(task.into());
        self.entries.push(e);
        id
    }
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn run(l: &Ledger, year: i32, as_of: &str) -> Report {
    compute(&plan(), year, d(as_of), &l.entries, &Options::default())
}

fn ind<'r>(r: &'r Report, id: &str) -> &'r IndicatorReport {
    r.groups.iter().flat_map(|g| &g.indicators).find(|i| i.id == id).unwrap()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-6)
}

#[test]
fn end_basis_straight_line_from_baseline() {
    let mut l = Ledger::new();
    l.fig("lvl", "2027-Q1", 85.0, "2027-04-05");
    l.fig("lvl", "2027-Q2", 90.0, "2027-07-20");
    let r = run(&l, 2027, "2027-09-30");
    let i = ind(&r, "lvl");
    // 80 + (100 - 80) * (2027 - 2025) / (2030 - 2025) = 88
    assert!(close(i.target, 88.0), "{:?}", i.target);
    assert!(close(i.value, 90.0));
    assert!(i.partial, "Q2 is not the year's last quarter");
    assert_eq!(i.status, Status::Exceeded);
    assert!(close(i.attainment, 90.0 / 88.0 * 100.0));
    // Q1 on time (due 04-10), Q2 late by 10 days (due 07-10), Q3 not yet due (due 10-10).
    assert_eq!((i.reports.on_time, i.reports.late, i.reports.days_late), (1, 1, 10));
    assert_eq!((i.reports.missing, i.reports.not_yet_due), (0, 2));
    assert!(close(i.reports.reporting_rate, 100.0));
    assert!(close(i.reports.on_time_rate, 50.0));
}

#[test]
fn end_basis_milestone_and_no_target_before_by() {
    let mut l = Ledger::new();
    l.fig("ms", "2027", 42.0, "2028-01-10");
    l.fig("nob", "2027", 110.0, "2028-01-10");
    let r = run(&l, 2027, "2028-01-31");
    let ms = ind(&r, "ms");
    assert!(close(ms.target, 40.0));
    assert_eq!(ms.status, Status::Exceeded);
    assert!(close(ms.attainment, 105.0));
    let nob = ind(&r, "nob");
    assert_eq!(nob.status, Status::NoTarget);
    assert_eq!(nob.target, None);
    assert!(close(nob.progress, 110.0 / 120.0 * 100.0));
    assert!(!nob.in_rollup);
    // In 2030 (= by), the final target applies.
    let mut l = Ledger::new();
    l.fig("nob", "2030", 121.0, "2031-01-10");
    let r = run(&l, 2030, "2031-01-31");
    assert!(close(ind(&r, "nob").target, 120.0));
    assert_eq!(ind(&r, "nob").status, Status::Exceeded);
}

#[test]
fn flow_sums_quarters_against_an_upper_bound() {
    let mut l = Ledger::new();
    for (q, v) in [("Q1", 2.0), ("Q2", 3.0), ("Q3", 4.0), ("Q4", 3.0)] {
        l.fig("flw", &format!("2027-{q}"), v, "2028-01-05");
    }
    let r = run(&l, 2027, "2028-02-01");
    let i = ind(&r, "flw");
    assert!(close(i.value, 12.0));
    assert!(!i.partial);
    assert_eq!(i.status, Status::NotMet);
    assert!(close(i.attainment, 10.0 / 12.0 * 100.0));
    // Q1-Q3 late: due 04-10, 07-10, 10-10; reported 2028-01-05.
    assert_eq!(i.reports.late, 3);
    assert_eq!(i.reports.days_late, 270 + 179 + 87);
    // An annual figure replaces the sum.
    l.fig("flw", "2027", 9.0, "2028-01-06");
    let r = run(&l, 2027, "2028-02-01");
    assert!(close(ind(&r, "flw").value, 9.0));
    assert_eq!(ind(&r, "flw").status, Status::Exceeded);
}

#[test]
fn average_and_compound_skip_missing_years_as_partial() {
    let mut l = Ledger::new();
    l.fig("avg", "2026", 4.0, "2027-01-10");
    l.fig("avg", "2027", 5.5, "2028-01-10");
    l.fig("cmp", "2026", 12.0, "2027-01-10");
    l.fig("cmp", "2028", 9.0, "2029-01-10");
    let r = run(&l, 2027, "2028-01-31");
    let a = ind(&r, "avg");
    assert!(close(a.value, 4.75));
    assert!(!a.partial);
    // ~ 5: 4.75 is within 5 % of 5
    assert_eq!(a.status, Status::Met);
    assert!(close(a.attainment, 95.0));
    let r = run(&l, 2028, "2029-01-31");
    let c = ind(&r, "cmp");
    // sqrt(1.12 * 1.09) - 1 = 10.4898…%; 2027 missing → partial
    let expect = ((1.12f64 * 1.09).sqrt() - 1.0) * 100.0;
    assert!(close(c.value, expect));
    assert!(c.partial);
    assert_eq!(c.status, Status::Met);
    assert!(close(c.target, 10.0));
    assert!(close(c.attainment, expect / 10.0 * 100.0));
}

#[test]
fn cumulative_pro_rata_target() {
    let mut l = Ledger::new();
    l.fig("cum", "2026", 90.0, "2027-01-10");
    l.fig("cum", "2027", 120.0, "2028-01-10");
    let r = run(&l, 2027, "2028-01-31");
    let i = ind(&r, "cum");
    // 500 * (2027 - 2026 + 1) / (2030 - 2026 + 1) = 200
    assert!(close(i.target, 200.0));
    assert!(close(i.value, 210.0));
    assert_eq!(i.status, Status::Exceeded);
}

#[test]
fn ratio_growth_and_division_by_zero() {
    let mut l = Ledger::new();
    l.fig("num", "2026", 30.0, "2027-01-10");
    l.fig("den", "2026", 1000.0, "2027-01-10");
    l.fig("src", "2026", 108.0, "2027-01-10");
    l.fig("zero", "2026", 5.0, "2027-01-10");
    let r = run(&l, 2026, "2027-01-31");
    assert!(close(ind(&r, "rat").value, 3.0));
    assert_eq!(ind(&r, "rat").status, Status::Met);
    // First plan year: growth against the source's 2025 baseline (100).
    assert!(close(ind(&r, "gro").value, 8.0));
    assert_eq!(ind(&r, "gro").status, Status::Exceeded);
    let z = ind(&r, "zero");
    assert_eq!(z.attainment, None);
    assert_eq!(z.attainment_note, Some(AttainmentNote::TargetZero));
    assert!(!z.in_rollup);
    // Denominator 0 → n/a with the reason, never inf.
    l.fig("den", "2026", 0.0, "2027-01-11");
    let r = run(&l, 2026, "2027-01-31");
    let rat = ind(&r, "rat");
    assert_eq!(rat.value, None);
    assert_eq!(rat.status, Status::NoData);
    assert_eq!(rat.attainment_note, Some(AttainmentNote::InputZero { input: "den".into(), year: 2026 }));
    // Growth in 2027 from 2026's value.
    l.fig("src", "2027", 113.4, "2028-01-10");
    let r = run(&l, 2027, "2028-01-31");
    assert!(close(ind(&r, "gro").value, 5.0));
    // Growth from a 2027 value of 0: n/a, naming the input and its year.
    l.fig("src", "2027", 0.0, "2028-01-11");
    l.fig("src", "2028", 7.0, "2029-01-10");
    let r = run(&l, 2028, "2029-01-31");
    let gro = ind(&r, "gro");
    assert_eq!(gro.value, None);
    assert_eq!(gro.attainment_note, Some(AttainmentNote::InputZero { input: "src".into(), year: 2027 }));
}

#[test]
fn compound_over_a_fall_of_100_percent_is_n_a() {
    let mut l = Ledger::new();
    l.fig("cmp", "2026", -100.0, "2027-01-10");
    l.fig("cmp", "2027", 12.0, "2028-01-10");
    let r = run(&l, 2027, "2028-01-31");
    let c = ind(&r, "cmp");
    assert_eq!((c.value, c.attainment), (None, None));
    assert_eq!(c.attainment_note, Some(AttainmentNote::GrowthAtMostMinus100));
}

#[test]
fn corrections_voids_and_the_as_of_cut() {
    let mut l = Ledger::new();
    let a = l.fig("ms", "2027", 30.0, "2028-01-05");
    l.correct(a, 41.0, "2028-01-20");
    let r = run(&l, 2027, "2028-01-31");
    assert!(close(ind(&r, "ms").value, 41.0));
    // Before the correction was dated, the first value counts.
    let r = run(&l, 2027, "2028-01-10");
    assert!(close(ind(&r, "ms").value, 30.0));
    // Voided: no data, and the period is missing again (due 2028-01-15).
    l.void(a, "2028-01-25");
    let r = run(&l, 2027, "2028-01-31");
    let i = ind(&r, "ms");
    assert_eq!(i.status, Status::NoData);
    assert_eq!((i.reports.missing, i.reports.days_overdue), (1, 16));
    assert!(i.in_rollup, "a missing overdue figure counts as 0");
}

#[test]
fn monthly_and_half_periods_lateness() {
    let mut l = Ledger::new();
    l.fig("mon", "2027-01", 91.0, "2027-02-05");
    l.fig("mon", "2027-02", 92.0, "2027-03-08");
    l.fig("hlf", "2027-H1", 4.0, "2027-07-15");
    let r = run(&l, 2027, "2027-04-30");
    let m = ind(&r, "mon");
    // Jan on time (due 02-05), Feb late 3 (due 03-05), Mar missing 26 d (due 04-05 → 04-30), 9 not yet due.
    assert_eq!((m.reports.on_time, m.reports.late, m.reports.days_late), (1, 1, 3));
    assert_eq!((m.reports.missing, m.reports.days_overdue, m.reports.not_yet_due), (1, 25, 9));
    assert!(close(m.value, 92.0));
    assert!(m.partial);
    // The H1 figure is dated after as_of: not seen.
    let h = ind(&r, "hlf");
    assert_eq!(h.status, Status::NoData);
    assert!(!h.in_rollup, "nothing due yet");
}

#[test]
fn four_task_classes_and_the_headline_rate() {
    let mut l = Ledger::new();
    l.done("t1", "2027-03-01");
    l.done("t2", "2027-07-10");
    l.done("t6", "2026-06-01");
    let r = run(&l, 2027, "2027-09-30");
    let g = &r.groups[0];
    let class = |id: &str| g.task_list.iter().find(|t| t.id == id).map(|t| (t.class, t.days));
    assert_eq!(class("t1"), Some((TaskClass::DoneOnTime, 0)));
    assert_eq!(class("t2"), Some((TaskClass::DoneLate, 10)));
    assert_eq!(class("t3"), Some((TaskClass::OpenInTime, 0)));
    assert_eq!(class("t4"), Some((TaskClass::OpenOverdue, 122)));
    assert_eq!(class("t5"), Some((TaskClass::OpenOverdue, 273)));
    assert_eq!(class("t6"), None, "done before 2027");
    assert_eq!(class("t7"), Some((TaskClass::NoDeadline, 0)));
    let t = g.tasks;
    assert_eq!((t.done_on_time, t.done_late, t.open_in_time, t.open_overdue, t.no_deadline), (1, 1, 1, 2, 1));
    assert_eq!((t.days_late, t.days_overdue), (10, 395));
    assert!(close(t.rate, 50.0));
}

#[test]
fn rollup_weights_caps_and_leaves_out() {
    let mut l = Ledger::new();
    // hlf (weight 2): <= 5 with value 10 → 50 %
    l.fig("hlf", "2027", 10.0, "2028-01-05");
    // ms: 60 vs milestone 40 → 150 %, capped at 100
    l.fig("ms", "2027", 60.0, "2028-01-05");
    let r = run(&l, 2027, "2028-01-31");
    let g = &r.groups[0];
    // In the roll-up: hlf 50×2, ms 100×1, and every indicator with a
    // target whose 2027 figures are overdue as 0: lvl, flw, avg, cmp, cum,
    // rat, gro (inputs missing), zero, mon. nob has no target in 2027.
    let included: Vec<&str> = g.indicators.iter().filter(|i| i.in_rollup).map(|i| i.id.as_str()).collect();
    // Every indicator with a 2027 target is in: those with values, and those
    // whose 2027 figures (or inputs') are overdue, as 0. Left out: `nob`
    // (no target in 2027) and `zero` (target 0: no attainment possible).
    assert_eq!(included, ["lvl", "ms", "flw", "avg", "cmp", "cum", "rat", "gro", "mon", "hlf"]);
    // (hlf 50 % × 2 + ms 150 % capped to 100 × 1 + 8 × 0) / (2 + 1 + 8)
    assert!(close(g.attainment, 200.0 / 11.0), "{:?}", g.attainment);
    assert!(close(r.attainment, 200.0 / 11.0));
    // nob has a target, but none in 2027; the 3 others have none at all.
    assert_eq!((g.counts.exceeded, g.counts.not_met, g.counts.no_target), (1, 1, 1), "nob");
    assert_eq!(g.counts.tracked, 3, "3 tracked");
    assert_eq!(g.counts.no_data, 9);
}

#[test]
fn rollup_stays_within_0_and_100_whatever_the_weights() {
    // Found by tests/props.rs: weights 0.1 and 0.7, both at 100 %, rolled
    // up to 100.00000000000001.
    let mut r = Rollup::default();
    r.add(100.0, 0.1);
    r.add(100.0, 0.7);
    assert_eq!(r.result(), Some(100.0));
    // Weights whose sum overflows f64 (allowed by the plan: any finite
    // weight above 0) gave NaN, then inf.
    let mut r = Rollup::default();
    r.add(100.0, 1e308);
    r.add(50.0, 1e308);
    assert!(close(r.result(), 75.0), "{:?}", r.result());
    let mut plan = Rollup::default();
    plan.merge(&r);
    plan.add(0.0, f64::MAX);
    let a = plan.result().unwrap();
    assert!(a.is_finite() && (0.0..=100.0).contains(&a), "{a}");
    assert_eq!(Rollup::default().result(), None);
}

#[test]
fn year_values_that_overflow_are_n_a_not_infinity() {
    // Found by tests/props.rs: two quarterly flows of -f64::MAX summed to
    // -inf, which reached the report (and its JSON as null).
    let mut l = Ledger::new();
    l.fig("flw", "2027-Q1", -f64::MAX, "2027-04-05");
    l.fig("flw", "2027-Q2", -f64::MAX, "2027-07-05");
    // A ratio of huge over tiny overflows the same way.
    l.fig("num", "2027", 1e300, "2028-01-05");
    l.fig("den", "2027", 1e-300, "2028-01-05");
    let r =
        compute(&plan(), 2027, d("2028-01-31"), &l.entries, &Options { group: None, series: Series::Charts });
    for id in ["flw", "rat"] {
        let i = ind(&r, id);
        assert_eq!((i.value, i.attainment), (None, None), "{id}");
        assert_eq!(i.attainment_note, Some(AttainmentNote::NotFinite), "{id}");
        assert!(i.series.iter().all(|p| p.value.is_none_or(f64::is_finite)), "{id}");
    }
}

#[test]
fn straight_line_between_huge_bounds_stays_finite() {
    // Found while writing the plan_loader fuzz target: baseline -1e308 and
    // target >= 1e308 gave a 2027 target of inf (`bound - baseline` overflowed).
    let text = format!(
        "[plan]\nid = \"X\"\ntitle = \"X\"\nstart = 2026\nend = 2030\nnumbers = \"en\"\n[[group]]\nid = \"g\"\n\
         name = \"G\"\n[[group.indicator]]\nid = \"a\"\nname = \"A\"\nmeasure = \"level\"\nevery = \"year\"\n\
         target = \">= 1{}\"\nbaseline = {{ year = 2025, value = -1e308 }}\n",
        "0".repeat(308)
    );
    let l = load_str(&text, "x.toml");
    let p = l.plan.unwrap_or_else(|| panic!("{:?}", l.diagnostics));
    let t = target_for(&p, p.indicator("a").unwrap(), 2027).unwrap();
    // 2027 is 2/5 of the way from 2025 to 2030: -1e308 + 2e308 × 0.4 = -0.2e308.
    assert!((t.reference() / -0.2e308 - 1.0).abs() < 1e-9, "{t:?}");
}

/// A small plan for the review rules: a quarterly level and flow, a
/// half-yearly rate, a ratio and a growth, with baselines.
const REVIEW_PLAN: &str = r#"
[plan]
id = "R"
title = "Review"
start = 2026
end = 2028
numbers = "en"
[[group]]
id = "g"
name = "G"
[[group.indicator]]
id = "lv"
name = "Level"
measure = "level"
every = "quarter"
target = ">= 100"
baseline = { year = 2025, value = 80 }
[[group.indicator]]
id = "fl"
name = "Flow"
measure = "flow"
every = "quarter"
target = ">= 400"
basis = "year"
baseline = { year = 2025, value = 300 }
[[group.indicator]]
id = "rt"
name = "Rate"
measure = "rate"
every = "half"
[[group.indicator]]
id = "ra"
name = "Ratio"
ratio = ["fl", "lv"]
[[group.indicator]]
id = "gr"
name = "Growth"
growth = "fl"
[[group.indicator]]
id = "cu"
name = "Cumulative"
measure = "flow"
every = "year"
target = ">= 900"
basis = "cumulative"
by = 2028
"#;

fn review_plan() -> Plan {
    let l = load_str(REVIEW_PLAN, "r.toml");
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    l.plan.unwrap()
}

fn review(l: &Ledger, r: &str, as_of: &str) -> Report {
    let rv = match r.parse::<Years>() {
        Ok(y) if r.len() == 9 => Review::Span(y),
        _ => Review::Period(r.parse().unwrap()),
    };
    compute_review(&review_plan(), &rv, d(as_of), &l.entries, &Options::default())
}

#[test]
fn year_to_date_of_level_flow_and_rate_through_the_cut_off() {
    let mut l = Ledger::new();
    l.fig("lv", "2027-Q1", 90.0, "2027-04-02");
    l.fig("fl", "2027-Q1", 100.0, "2027-04-02");
    l.fig("fl", "2027-Q3", 120.0, "2027-10-02");
    l.fig("rt", "2027-H1", 7.0, "2027-07-02");
    // Through June: the level's latest quarter by 30 June is Q1 (no Q2):
    // 90, partial (Q1 ends before E). The flow: Q1 only of Q1–Q2: 100,
    // partial. The rate: H1 ends on E: 7, not partial.
    let r = review(&l, "2027-H1", "2027-12-01");
    assert_eq!((ind(&r, "lv").ytd, ind(&r, "lv").partial), (Some(90.0), true));
    assert_eq!((ind(&r, "fl").ytd, ind(&r, "fl").partial), (Some(100.0), true));
    assert_eq!((ind(&r, "rt").ytd, ind(&r, "rt").partial), (Some(7.0), false));
    // Through July (a month review): the flow sums Q1 only (Q3 ends after
    // E), partial since no quarter ends on 31 July; the rate's H1: partial.
    let r = review(&l, "2027-07", "2027-12-01");
    assert_eq!((ind(&r, "fl").ytd, ind(&r, "fl").partial), (Some(100.0), true));
    assert_eq!((ind(&r, "rt").ytd, ind(&r, "rt").partial), (Some(7.0), true));
    // Through February no quarter has ended: no value.
    let r = review(&l, "2027-02", "2027-12-01");
    assert_eq!((ind(&r, "lv").ytd, ind(&r, "fl").ytd), (None, None));
    // Through September: Q1 + Q3 = 220, partial (Q2 missing).
    let r = review(&l, "2027-Q3", "2027-12-01");
    assert_eq!((ind(&r, "fl").ytd, ind(&r, "fl").partial), (Some(220.0), true));
}

#[test]
fn the_annual_figure_counts_only_when_the_cut_off_ends_the_year() {
    let mut l = Ledger::new();
    l.fig("fl", "2027", 500.0, "2028-01-05");
    l.fig("fl", "2027-Q1", 100.0, "2027-04-02");
    l.fig("fl", "2027-Q2", 150.0, "2027-07-02");
    let r = review(&l, "2027-H1", "2028-02-01");
    assert_eq!((ind(&r, "fl").ytd, ind(&r, "fl").partial), (Some(250.0), false));
    let r = review(&l, "2027-H2", "2028-02-01");
    assert_eq!(ind(&r, "fl").ytd, Some(500.0));
}

#[test]
fn estimates_are_carried_into_sums_ratios_and_growth() {
    let mut l = Ledger::new();
    // Q2's flow dated 20 June, before Q2 ends: an estimate.
    l.fig("fl", "2027-Q1", 100.0, "2027-04-02");
    let est = l.fig("fl", "2027-Q2", 110.0, "2027-06-20");
    l.fig("lv", "2027-Q2", 50.0, "2027-07-02");
    l.fig("fl", "2026-Q1", 90.0, "2026-04-02");
    l.fig("fl", "2026-Q2", 90.0, "2026-07-02");
    let r = review(&l, "2027-H1", "2027-07-05");
    let fl = ind(&r, "fl");
    assert_eq!((fl.ytd, fl.estimate), (Some(210.0), true));
    // The ratio (210 / 50 × 100 = 420) and the growth (210 / 180 − 1) rest on it.
    assert!(ind(&r, "ra").estimate && close(ind(&r, "ra").value, 420.0));
    assert!(ind(&r, "gr").estimate && close(ind(&r, "gr").value, (210.0 / 180.0 - 1.0) * 100.0));
    assert!(!ind(&r, "lv").estimate, "the level's figure is official");
    let q2 = fl.periods.iter().find(|p| p.period.to_string() == "2027-Q2").unwrap();
    assert!(q2.estimate);
    // A correction does not make an estimate official; an official figure does.
    l.correct(est, 111.0, "2027-06-28");
    let r = review(&l, "2027-H1", "2027-06-30");
    assert_eq!((ind(&r, "fl").ytd, ind(&r, "fl").estimate), (Some(211.0), true));
    l.fig("fl", "2027-Q2", 112.0, "2027-07-03");
    let r = review(&l, "2027-H1", "2027-07-10");
    assert_eq!((ind(&r, "fl").ytd, ind(&r, "fl").estimate), (Some(212.0), false));
}

#[test]
fn same_period_last_year_for_level_and_flow_only() {
    let mut l = Ledger::new();
    for (p, v, dt) in
        [("2026-Q1", 80.0, "2026-04-02"), ("2026-Q2", 85.0, "2026-07-02"), ("2027-Q2", 102.0, "2027-07-02")]
    {
        l.fig("lv", p, v, dt);
        l.fig("fl", p, v, dt);
    }
    l.fig("rt", "2026-H1", 5.0, "2026-07-02");
    l.fig("rt", "2027-H1", 6.0, "2027-07-02");
    let r = review(&l, "2027-H1", "2027-08-01");
    // Level: 102 against 2026-Q2's 85 → 120 %. Flow: 102 against 80 + 85.
    assert_eq!(ind(&r, "lv").last_year, Some(85.0));
    assert!(close(ind(&r, "lv").vs_last_year, 120.0));
    assert_eq!(ind(&r, "fl").last_year, Some(165.0));
    assert!(close(ind(&r, "fl").vs_last_year, 102.0 / 165.0 * 100.0));
    // A rate and derived indicators have none.
    assert_eq!(
        (ind(&r, "rt").last_year, ind(&r, "ra").last_year, ind(&r, "gr").last_year),
        (None, None, None)
    );
    // First plan year: the baseline only for the whole year.
    let r = review(&l, "2026-H1", "2026-08-01");
    assert_eq!(ind(&r, "lv").last_year, None);
    let r = review(&l, "2026", "2027-02-01");
    assert_eq!(ind(&r, "lv").last_year, Some(80.0));
    assert_eq!(ind(&r, "fl").last_year, Some(300.0));
    // A last year of 0 gives no comparison, never inf.
    let mut z = Ledger::new();
    z.fig("fl", "2026-Q1", 0.0, "2026-04-02");
    z.fig("fl", "2027-Q1", 5.0, "2027-04-02");
    let r = review(&z, "2027-Q1", "2027-05-01");
    assert_eq!((ind(&r, "fl").last_year, ind(&r, "fl").vs_last_year), (Some(0.0), None));
}

#[test]
fn where_each_yearly_target_comes_from() {
    let p = review_plan();
    let origin = |id: &str, y: i32| {
        target_with_origin(&p, p.indicator(id).unwrap(), y).map(|t| (t.0.reference(), t.1))
    };
    // lv: end basis, baseline 80 (2025) to 100 (2028): 80 + 20 × 2/3 in 2027.
    let (v, o) = origin("lv", 2027).unwrap();
    assert!((v - (80.0 + 20.0 * 2.0 / 3.0)).abs() < 1e-9 && o == TargetOrigin::StraightLine);
    assert_eq!(origin("lv", 2028), Some((100.0, TargetOrigin::Final)));
    assert_eq!(origin("fl", 2026), Some((400.0, TargetOrigin::EveryYear)));
    // cu: 900 by 2028 from 2026: 300 a year, 600 by 2027, 900 in 2028.
    assert_eq!(origin("cu", 2026), Some((300.0, TargetOrigin::ProRata)));
    assert_eq!(origin("cu", 2027), Some((600.0, TargetOrigin::ProRata)));
    assert_eq!(origin("cu", 2028), Some((900.0, TargetOrigin::Final)));
    assert_eq!(origin("rt", 2027), None);
}

#[test]
fn tasks_of_a_window_of_years() {
    let dd = |s: &str| Some(d(s));
    let as_of = d("2027-10-01");
    // Done in Y ahead of a later deadline: on time, in Y (and in the year due).
    assert_eq!(
        task_class(dd("2028-06-30"), dd("2027-03-01"), 2027, 2027, as_of),
        Some((TaskClass::DoneOnTime, 0))
    );
    assert_eq!(
        task_class(dd("2028-06-30"), dd("2027-03-01"), 2028, 2028, as_of),
        Some((TaskClass::DoneOnTime, 0))
    );
    // No deadline: done in Y apart; open: no_deadline; done another year: not in Y.
    assert_eq!(task_class(None, dd("2027-03-01"), 2027, 2027, as_of), Some((TaskClass::DoneNoDeadline, 0)));
    assert_eq!(task_class(None, None, 2027, 2027, as_of), Some((TaskClass::NoDeadline, 0)));
    assert_eq!(task_class(None, dd("2026-03-01"), 2027, 2027, as_of), None);
    // Due earlier, still open when Y began: in, overdue (2026-12-31 → 2027-10-01: 274 days).
    assert_eq!(task_class(dd("2026-12-31"), None, 2027, 2027, as_of), Some((TaskClass::OpenOverdue, 274)));
    // Due earlier, done before Y: not in Y; in a span that covers it.
    assert_eq!(task_class(dd("2026-06-30"), dd("2026-06-01"), 2027, 2027, as_of), None);
    assert_eq!(
        task_class(dd("2026-06-30"), dd("2026-06-01"), 2026, 2027, as_of),
        Some((TaskClass::DoneOnTime, 0))
    );
    // Due later, open: not in Y.
    assert_eq!(task_class(dd("2028-06-30"), None, 2027, 2027, as_of), None);
}

#[test]
fn a_span_has_its_years_and_judges_the_last() {
    let mut l = Ledger::new();
    l.fig("cu", "2026", 250.0, "2027-01-05");
    l.fig("cu", "2027", 350.0, "2028-01-05");
    let r = review(&l, "2026-2028", "2028-02-01");
    assert_eq!((r.year, r.years, r.period.clone()), (2028, Some([2026, 2028]), None));
    let cu = ind(&r, "cu");
    // 2028 has no figure: its cumulative value is the sum so far (partial).
    let vals: Vec<_> = cu.series.iter().map(|p| (p.year, p.value, p.basis_value)).collect();
    assert_eq!(
        vals,
        [(2026, Some(250.0), Some(250.0)), (2027, Some(350.0), Some(600.0)), (2028, None, Some(600.0))]
    );
    // 2028 judged: cumulative 600 (2028 missing: partial) against 900.
    assert!(close(cu.value, 600.0) && cu.partial);
    assert!(close(cu.attainment, 600.0 / 900.0 * 100.0));
    // Lateness over 2026–2028: 2026 and 2027 on time, 2028 not yet due.
    assert_eq!((cu.reports.on_time, cu.reports.not_yet_due), (2, 1));
}

/// The report from what counts read through the ledger's figure index
/// (`Ledger::counted_figures`, as `plan report` reads it) is the report from
/// counting every entry, for years, parts of a year and spans, at several
/// cut-offs, on a ledger with re-submissions, estimates, back-dated
/// figures, corrections and voids (of figures and of corrections).
#[test]
fn the_ledger_index_gives_the_report_of_every_entry() {
    use crate::ledger::{Ledger as Store, NewEntry};
    use crate::plan::Source;
    let plan = plan();
    let mut store = Store::in_memory().unwrap();
    let mut written: Vec<NewEntry> = Vec::new();
    let mut push = |store: &mut Store, e: NewEntry| -> i64 {
        let id = store.append(&plan.id, std::slice::from_ref(&e)).unwrap()[0];
        written.push(e);
        id
    };
    let new =
        |kind: Kind, ind: &str, p: Period, v: Option<f64>, date: NaiveDate, target: Option<i64>| NewEntry {
            kind,
            indicator: Some(ind.into()),
            task: None,
            period: Some(p.to_string()),
            year: p.year,
            value_text: v.map(|v| v.to_string()),
            value: v,
            reported_on: date,
            by: "t".into(),
            source: None,
            note: None,
            target_entry: target,
        };
    let days = |d: NaiveDate, n: i64| d + chrono::Duration::days(n);
    let mut k = 0i64;
    for ind in plan.indicators() {
        let Source::Recorded { every, .. } = ind.source else { continue };
        for p in (2026..=2028).flat_map(|y| Period::all_in(y, every)) {
            k += 1;
            let end = p.end();
            // An estimate before the period ends, the official figure
            // after it, and every third period a back-dated re-submission.
            let est = push(&mut store, new(Kind::Figure, &ind.id, p, Some(k as f64), days(end, -5), None));
            let off = push(
                &mut store,
                new(Kind::Figure, &ind.id, p, Some(k as f64 + 0.5), days(end, 3 + k % 20), None),
            );
            if k % 3 == 0 {
                push(&mut store, new(Kind::Figure, &ind.id, p, Some(k as f64 + 0.25), days(end, 1), None));
            }
            if k % 4 == 0 {
                let c = push(
                    &mut store,
                    new(Kind::Correction, &ind.id, p, Some(k as f64 * 2.0), days(end, 30), Some(off)),
                );
                if k % 8 == 0 {
                    push(&mut store, new(Kind::Void, &ind.id, p, None, days(end, 40), Some(c)));
                }
            }
            if k % 5 == 0 {
                push(&mut store, new(Kind::Void, &ind.id, p, None, days(end, 35), Some(off)));
            }
            if k % 7 == 0 {
                push(&mut store, new(Kind::Void, &ind.id, p, None, days(end, 2), Some(est)));
            }
        }
    }
    let mut done = new(Kind::Completion, "", Period::year(2027), None, d("2027-03-01"), None);
    (done.indicator, done.period, done.task) = (None, None, Some("t1".into()));
    push(&mut store, done);
    let entries = store.entries(None, None, None).unwrap();
    let reviews = [
        Review::year(2026),
        Review::year(2027),
        Review::year(2028),
        Review::Period("2027-H1".parse().unwrap()),
        Review::Period("2027-Q3".parse().unwrap()),
        Review::Period("2028-07".parse().unwrap()),
        Review::Span("2026-2028".parse().unwrap()),
        Review::Span("2026-2030".parse().unwrap()),
    ];
    for rv in &reviews {
        for as_of in ["2027-07-10", "2027-10-20", "2028-02-05", "2031-01-01"] {
            // A span computes its series whatever `series` says.
            let modes: &[Series] = if matches!(rv, Review::Period(_)) {
                &[Series::Judged, Series::Charts]
            } else {
                &[Series::Judged]
            };
            for &series in modes {
                let opts = Options { group: None, series };
                let as_of = d(as_of);
                let mut figures = crate::counting::Figures::new();
                for (id, (a, b)) in needs(&plan, rv, series) {
                    let by_period = store.counted_figures(&id, a, b, as_of).unwrap();
                    if !by_period.is_empty() {
                        figures.insert(id, by_period);
                    }
                }
                let tasks = store.task_entries().unwrap();
                let fast = compute_counted(&plan, rv, as_of, &figures, &tasks, &opts);
                let every = compute_review(&plan, rv, as_of, &entries, &opts);
                assert_eq!(
                    serde_json::to_value(&fast).unwrap(),
                    serde_json::to_value(&every).unwrap(),
                    "{rv:?} as of {as_of}, series {series:?}"
                );
            }
        }
    }
}

/// What the báo cáo and the HTML page need of the plan travels in the
/// report (issue #20: renderers take no `&Plan`).
#[test]
fn the_report_carries_what_the_documents_need_of_the_plan() {
    let r = run(&Ledger::new(), 2026, "2027-01-31");
    // Plan id "T" has no number of a body: the State style, and no
    // [report] texts (DocumentStyle::of_plan_number).
    assert_eq!(r.document.style, crate::plan::DocumentStyle::State);
    assert_eq!((r.document.issuer.as_deref(), r.document.recipients.len()), (None, 0));
    assert_eq!((r.issued_on, r.implements.as_deref()), (None, None));
    // Tasks due in 2027 (Y + 1), in the plan's order, lead "a" named.
    let g = &r.groups[0];
    let next: Vec<_> =
        g.next_year_tasks.iter().map(|t| (t.id.as_str(), t.due, t.lead_name.as_deref())).collect();
    let a = Some("Agency A");
    assert_eq!(
        next,
        [
            ("t1", d("2027-03-31"), a),
            ("t2", d("2027-06-30"), a),
            ("t3", d("2027-12-31"), a),
            ("t4", d("2027-05-31"), a)
        ]
    );
    // After E = 2026-12-31: lvl's 2027-Q1, due 31/3 + 10 days = 2027-04-10;
    // mon's 2027-01, due 31/1 + 5 = 2027-02-05; hlf's 2027-H1, due 30/6 +
    // 15 = 2027-07-15; ms's 2027, due 31/12 + 15 = 2028-01-15; the ratio
    // is derived: none.
    let next = |r: &Report, id: &str| ind(r, id).next_figure.map(|n| (n.period.to_string(), n.due));
    assert_eq!(next(&r, "lvl"), Some(("2027-Q1".to_string(), d("2027-04-10"))));
    assert_eq!(next(&r, "mon"), Some(("2027-01".to_string(), d("2027-02-05"))));
    assert_eq!(next(&r, "hlf"), Some(("2027-H1".to_string(), d("2027-07-15"))));
    assert_eq!(next(&r, "ms"), Some(("2027".to_string(), d("2028-01-15"))));
    assert_eq!(next(&r, "rat"), None);
    // The plan's own target and year: ms ">= 50" by the plan's end 2030;
    // num has none.
    let ms = ind(&r, "ms").planned_target.unwrap();
    assert_eq!((ms.target.reference(), ms.by), (50.0, 2030));
    assert!(ind(&r, "num").planned_target.is_none());
    // The plan's last year: nothing comes after it (2031 is outside).
    let last = run(&Ledger::new(), 2030, "2031-01-31");
    assert!(last.groups[0].next_year_tasks.is_empty());
    assert_eq!(next(&last, "lvl"), None);
    // Through 2027-H1 (E = 2027-06-30): lvl's next is 2027-Q3, due
    // 30/9 + 10 = 2027-10-10.
    let h1 = compute_review(
        &plan(),
        &Review::Period("2027-H1".parse().unwrap()),
        d("2027-07-31"),
        &[],
        &Options::default(),
    );
    assert_eq!(next(&h1, "lvl"), Some(("2027-Q3".to_string(), d("2027-10-10"))));
}
