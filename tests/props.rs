//! Property tests (issue #7): numbers, periods, targets and the year report
//! hold their invariants for any input, not only the hand-picked ones of the
//! unit tests. Default proptest case counts; the whole file runs in seconds.

use chrono::{Datelike, Days, NaiveDate};
use plan::entry::{Entry, Kind};
use plan::number::{NumberError, NumberStyle, format_number, parse};
use plan::period::{Cadence, Period};
use plan::plan::{AttainmentNote, Plan, Status, Target, load_str};
use plan::report::{self, Options, Report};
use proptest::prelude::*;
use std::sync::OnceLock;

// ---------------------------------------------------------------- numbers

fn style() -> impl Strategy<Value = NumberStyle> {
    prop_oneof![Just(NumberStyle::Vi), Just(NumberStyle::En)]
}

fn marks(style: NumberStyle) -> (char, char) {
    match style {
        NumberStyle::Vi => ('.', ','),
        NumberStyle::En => (',', '.'),
    }
}

/// Values of every magnitude: up to 6 decimals below 1e15, whole numbers up
/// to 1e300, the extremes of f64.
fn magnitude() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-1_000_000_000_000_000i64..1_000_000_000_000_000, 0u32..=6)
            .prop_map(|(m, d)| m as f64 / 10f64.powi(d as i32)),
        (-999_999i64..=999_999, 0i32..=300).prop_map(|(m, e)| m as f64 * 10f64.powi(e)),
        Just(0.0),
        Just(-0.0),
        Just(f64::MAX),
        Just(-f64::MAX),
        Just(0.5e-10),
    ]
}

/// `digits` grouped by threes with `mark`.
fn grouped(digits: &str, mark: char) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(mark);
        }
        out.push(c);
    }
    out
}

proptest! {
    /// Printed with 10 decimals, a value parses back to itself (rounded to
    /// the 10th decimal), or is refused, never misread: as ambiguous when
    /// the print is a decimal mark and three digits (`1,234` under vi: its
    /// decimal reading is the value), or for more than 15 significant
    /// digits (SPEC §4 "Figures").
    #[test]
    fn printed_numbers_parse_back(v in magnitude(), style in style()) {
        let text = format_number(v, style, 10);
        let tol = 1e-12 * v.abs() + 0.5e-10;
        let back = match parse(&text, style) {
            Ok(b) => b,
            // The decimal reading, as a plain decimal (it is as ambiguous as
            // the print in the plan's style).
            Err(NumberError::Ambiguous { decimal, .. }) => decimal
                .replace(',', ".")
                .parse::<f64>()
                .map_err(|e| TestCaseError::fail(format!("{text:?} -> {decimal:?}: {e}")))?,
            Err(NumberError::TooManyDigits { digits, .. }) => {
                prop_assert!(digits > 15, "{text:?}: {digits} digits");
                return Ok(());
            }
            Err(e) => return Err(TestCaseError::fail(format!("{text:?}: {e}"))),
        };
        prop_assert!((back - v).abs() <= tol, "{v} -> {text:?} -> {back}");
    }

    /// A number typed the canonical way (grouped, no trailing zeros) reads as
    /// its value and prints back to the same text.
    #[test]
    fn typed_numbers_round_trip(
        int in 0u64..100_000_000_000,
        frac in "[0-9]{0,3}[1-9]|",
        negative in any::<bool>(),
        style in style(),
    ) {
        let (group, decimal) = marks(style);
        let plain = if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") };
        let expected: f64 = plain.parse().unwrap();
        let sign = if negative && expected != 0.0 { "-" } else { "" };
        let mut text = format!("{sign}{}", grouped(&int.to_string(), group));
        if !frac.is_empty() {
            text.push(decimal);
            text.push_str(&frac);
        }
        let v = parse(&text, style).map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        prop_assert_eq!(v, if negative { -expected } else { expected });
        prop_assert_eq!(format_number(v, style, frac.len()), text.clone());
        // Ungrouped digits read the same.
        let ungrouped: String = text.chars().filter(|&c| c != group).collect();
        prop_assert_eq!(parse(&ungrouped, style), Ok(v));
        // Surrounding spaces are ignored.
        prop_assert_eq!(parse(&format!("  {text}\t"), style), Ok(v));
    }

    /// A number the other style reads is refused with a suggestion that
    /// reads as the same value: never silently reinterpreted.
    #[test]
    fn wrong_style_suggestion_is_the_same_number(v in magnitude(), style in style()) {
        let other = match style { NumberStyle::Vi => NumberStyle::En, NumberStyle::En => NumberStyle::Vi };
        let text = format_number(v, other, 4);
        // Printed too long or ambiguous in its own style: refused there too.
        let Ok(meant) = parse(&text, other) else { return Ok(()) };
        match parse(&text, style) {
            Ok(_) => {} // also valid here (`1.234` is 1234 under vi): not ambiguous to the parser
            Err(NumberError::WrongStyle { suggestion, .. }) => {
                prop_assert_eq!(parse(&suggestion, style), Ok(meant), "{:?} -> {:?}", text, suggestion);
            }
            // Read either way (`9,230`): refused, never misread.
            Err(NumberError::Ambiguous { .. } | NumberError::TooManyDigits { .. }) => {}
            Err(e) => prop_assert!(false, "{text:?}: {e}"),
        }
    }

    /// Whatever the text, a parse gives a finite number or an error.
    #[test]
    fn parse_is_total(text in "[-+ 0-9.,e]{0,40}|\\PC{0,20}", style in style()) {
        if let Ok(v) = parse(&text, style) {
            prop_assert!(v.is_finite());
        }
    }
}

// ---------------------------------------------------------------- periods

fn cadence() -> impl Strategy<Value = Cadence> {
    prop::sample::select(Cadence::ALL.to_vec())
}

fn period() -> impl Strategy<Value = Period> {
    (0i32..=9999, cadence()).prop_flat_map(|(year, cadence)| {
        (1..=cadence.per_year()).prop_map(move |index| Period { year, cadence, index })
    })
}

proptest! {
    #[test]
    fn periods_print_and_parse_back(p in period()) {
        let text = p.to_string();
        prop_assert_eq!(text.parse::<Period>(), Ok(p));
        prop_assert_eq!(text.to_lowercase().parse::<Period>(), Ok(p));
        prop_assert_eq!(format!(" {text} ").parse::<Period>(), Ok(p));
    }

    /// A period is a closed range of days; `next` starts the day after it ends.
    #[test]
    fn periods_contain_their_days(p in period().prop_filter("plan-like years", |p| p.year >= 1900)) {
        let (start, end) = (p.start(), p.end());
        prop_assert!(start <= end);
        prop_assert!(!p.contains_date(start.pred_opt().unwrap()));
        prop_assert!(!p.contains_date(end.succ_opt().unwrap()));
        let mut d = start;
        while d <= end {
            prop_assert!(p.contains_date(d));
            prop_assert_eq!(Period::containing(d, p.cadence), p);
            d = d.succ_opt().unwrap();
        }
        prop_assert!(p.next() > p);
        prop_assert_eq!(p.next().start(), end.succ_opt().unwrap());
    }

    #[test]
    fn due_date_is_end_plus_days(p in period(), days in -400i64..=400) {
        let expected = if days >= 0 {
            p.end().checked_add_days(Days::new(days as u64))
        } else {
            p.end().checked_sub_days(Days::new(days.unsigned_abs()))
        };
        prop_assert_eq!(Some(p.due(days)), expected);
        prop_assert_eq!((p.due(days) - p.end()).num_days(), days);
    }

    /// The periods of a cadence tile the year: no gap, no overlap.
    #[test]
    fn periods_of_a_cadence_tile_the_year(year in 1900i32..=2200, c in cadence()) {
        let ps: Vec<Period> = Period::all_in(year, c).collect();
        prop_assert_eq!(ps.len() as u32, c.per_year());
        prop_assert_eq!(ps[0].start(), NaiveDate::from_ymd_opt(year, 1, 1).unwrap());
        prop_assert_eq!(ps.last().unwrap().end(), NaiveDate::from_ymd_opt(year, 12, 31).unwrap());
        for w in ps.windows(2) {
            prop_assert_eq!(w[0].end().succ_opt().unwrap(), w[1].start());
            prop_assert_eq!(w[0].next(), w[1]);
        }
        prop_assert!(ps.last().unwrap().is_last_of_year());
        prop_assert_eq!(ps.last().unwrap().next(), Period::all_in(year + 1, c).next().unwrap());
        let days: i64 = ps.iter().map(|p| (p.end() - p.start()).num_days() + 1).sum();
        prop_assert_eq!(days, Period::year(year).end().ordinal() as i64);
    }
}

// ---------------------------------------------------------------- targets

/// Figures as clerks (and typos) produce them: 0, negatives, huge, tiny.
fn figure() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -1_000.0..1_000.0f64,
        2 => (-100i64..=1_000).prop_map(|v| v as f64),
        1 => Just(0.0),
        1 => Just(-0.0),
        1 => -1e15..1e15f64,
        1 => prop::sample::select(vec![1e300, -1e300, f64::MAX, -f64::MAX, f64::MIN_POSITIVE, 1e-300, -1e-300]),
    ]
}

fn target_of(form: u8, a: f64, b: f64) -> Target {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    match form % 6 {
        0 => Target::AtLeast(a),
        1 => Target::Above(a),
        2 => Target::AtMost(a),
        3 => Target::Below(a),
        4 => Target::Range(lo, hi),
        _ => Target::About(a),
    }
}

fn target() -> impl Strategy<Value = Target> {
    (any::<u8>(), figure(), figure()).prop_map(|(f, a, b)| target_of(f, a, b))
}

proptest! {
    #[test]
    fn attainment_is_finite_or_an_error(t in target(), v in figure()) {
        match t.attainment(v) {
            Ok(a) => prop_assert!(a.is_finite(), "{t:?} at {v}: {a}"),
            Err(why) => prop_assert!(
                matches!(why, AttainmentNote::TargetZero | AttainmentNote::ValueZero | AttainmentNote::NotFinite),
                "{t:?} at {v}: {why:?}"
            ),
        }
        // Division by zero is always an error, never inf or NaN.
        if matches!(t, Target::AtMost(_) | Target::Below(_)) {
            prop_assert!(t.attainment(0.0).is_err());
        } else if t.reference() == 0.0 {
            prop_assert!(t.attainment(v).is_err());
        }
    }

    /// The status agrees with the target's form and direction.
    #[test]
    fn status_matches_the_form(t in target(), v in figure()) {
        let s = t.status(v);
        prop_assert!(!matches!(s, Status::NoData | Status::NoTarget));
        let near = |x: f64| (v - x).abs() <= 1e-9 * v.abs().max(x.abs()).max(1.0);
        match t {
            Target::AtLeast(x) | Target::Above(x) => {
                prop_assert_eq!(s == Status::Exceeded, v > x && !near(x), "{:?} {}", t, v);
                prop_assert_eq!(s == Status::Met, near(x) && matches!(t, Target::AtLeast(_)));
            }
            Target::AtMost(x) | Target::Below(x) => {
                prop_assert_eq!(s == Status::Exceeded, v < x && !near(x), "{:?} {}", t, v);
                prop_assert_eq!(s == Status::Met, near(x) && matches!(t, Target::AtMost(_)));
            }
            Target::Range(a, b) => match s {
                Status::Exceeded => prop_assert!(v > b),
                Status::Met => prop_assert!((v >= a || near(a)) && (v <= b || near(b))),
                _ => prop_assert!(v < a),
            },
            Target::About(x) => match s {
                Status::Met => prop_assert!((v - x).abs() <= 0.05 * x.abs() + 1e-9 * x.abs().max(1.0)),
                Status::Exceeded => prop_assert!(v > x),
                _ => prop_assert!(v < x),
            },
        }
    }

    /// Targets print (2 decimals) in a style and parse back, form and bounds.
    #[test]
    fn targets_print_and_parse_back(
        form in any::<u8>(),
        a in -1_000_000_000i64..1_000_000_000,
        b in -1_000_000_000i64..1_000_000_000,
        style in style(),
    ) {
        let t = target_of(form, a as f64 / 100.0, b as f64 / 100.0);
        let text = t.display(style);
        prop_assert_eq!(Target::parse(&text, style), Ok(t), "{}", text);
    }
}

// ---------------------------------------------------------------- the report

/// A small plan with every basis (end, year, average, compound, cumulative),
/// every target form, a target of 0, a ratio and a growth, varied weights.
const PLAN: &str = include_str!("../fuzz/seeds/plan_loader/every_form.toml");

fn the_plan() -> &'static Plan {
    static CELL: OnceLock<Plan> = OnceLock::new();
    CELL.get_or_init(|| {
        let loaded = load_str(PLAN, "every_form.toml");
        loaded.plan.unwrap_or_else(|| panic!("{:#?}", loaded.diagnostics))
    })
}

/// A random ledger entry, by index into the plan's recorded indicators.
#[derive(Debug, Clone)]
struct Raw {
    kind: u8,
    indicator: usize,
    year: i32,
    period: u32,
    value: f64,
    late_by: i64,
    target: usize,
}

fn raw() -> impl Strategy<Value = Raw> {
    (0u8..10, 0usize..64, 2026i32..=2030, 0u32..13, figure(), -60i64..200, 0usize..64).prop_map(
        |(kind, indicator, year, period, value, late_by, target)| Raw {
            kind,
            indicator,
            year,
            period,
            value,
            late_by,
            target,
        },
    )
}

fn entry(id: i64, kind: Kind, indicator: Option<&str>, task: Option<&str>, p: Option<Period>) -> Entry {
    Entry {
        id,
        kind,
        indicator: indicator.map(str::to_string),
        task: task.map(str::to_string),
        period: p.map(|p| p.to_string()),
        year: p.map_or(0, |p| p.year.into()),
        value_text: None,
        value: None,
        reported_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        recorded_at: String::new(),
        by: "prop".into(),
        source: None,
        note: None,
        target_entry: None,
        batch: None,
        plan_id: "P-1".into(),
        hash: String::new(),
    }
}

/// Turns random draws into a ledger: figures (70 %), corrections, voids and
/// task completions, dated around their period's end.
fn ledger(plan: &Plan, raws: &[Raw]) -> Vec<Entry> {
    let recorded: Vec<_> = plan.indicators().filter(|i| !i.is_derived()).collect();
    let tasks: Vec<_> = plan.tasks().collect();
    let mut out: Vec<Entry> = Vec::new();
    for (n, r) in raws.iter().enumerate() {
        let id = n as i64 + 1;
        let ind = recorded[r.indicator % recorded.len()];
        let every = ind.cadence().unwrap();
        // Mostly the indicator's cadence, sometimes the whole year.
        let p = if r.period == 12 {
            Period::year(r.year)
        } else {
            Period::all_in(r.year, every).nth(r.period as usize % every.per_year() as usize).unwrap()
        };
        let date = |base: NaiveDate| {
            if r.late_by >= 0 {
                base.checked_add_days(Days::new(r.late_by as u64)).unwrap()
            } else {
                base.checked_sub_days(Days::new(r.late_by.unsigned_abs())).unwrap()
            }
        };
        let mut e = match r.kind {
            0..=6 => {
                let mut e = entry(id, Kind::Figure, Some(&ind.id), None, Some(p));
                e.value = Some(r.value);
                e
            }
            7 | 8 if !out.is_empty() => {
                let t = &out[r.target % out.len()];
                let kind = if r.kind == 7 { Kind::Correction } else { Kind::Void };
                let mut e = entry(id, kind, t.indicator.as_deref(), t.task.as_deref(), None);
                e.period = t.period.clone();
                e.target_entry = Some(t.id);
                e.value = (kind == Kind::Correction).then_some(r.value);
                e
            }
            _ => entry(id, Kind::Completion, None, Some(&tasks[r.target % tasks.len()].id), None),
        };
        e.reported_on = date(p.end());
        out.push(e);
    }
    out
}

/// Every f64 anywhere in a serialized value (toml keeps NaN and inf, where
/// serde_json would print them as null).
fn non_finite(v: &toml::Value, path: &str, found: &mut Vec<String>) {
    match v {
        toml::Value::Float(f) if !f.is_finite() => found.push(format!("{path} = {f}")),
        toml::Value::Array(a) => {
            a.iter().enumerate().for_each(|(i, x)| non_finite(x, &format!("{path}[{i}]"), found))
        }
        toml::Value::Table(t) => t.iter().for_each(|(k, x)| non_finite(x, &format!("{path}.{k}"), found)),
        _ => {}
    }
}

fn check_report(r: &Report) -> Result<(), TestCaseError> {
    let tree = toml::Value::try_from(r).map_err(|e| TestCaseError::fail(format!("serialize: {e}")))?;
    let mut found = Vec::new();
    non_finite(&tree, "report", &mut found);
    prop_assert!(found.is_empty(), "non-finite numbers: {found:?}");
    serde_json::to_string(r).map_err(|e| TestCaseError::fail(e.to_string()))?;

    let in_range = |a: Option<f64>| a.is_none_or(|a| (0.0..=100.0).contains(&a));
    prop_assert!(in_range(r.attainment), "plan attainment {:?}", r.attainment);
    for g in &r.groups {
        prop_assert!(in_range(g.attainment), "group {} attainment {:?}", g.id, g.attainment);
        let c = g.counts;
        prop_assert_eq!(c.by_status().iter().map(|(_, n)| *n as usize).sum::<usize>(), g.indicators.len());
        prop_assert_eq!(g.attainment.is_some(), g.indicators.iter().any(|i| i.in_rollup));
        for i in &g.indicators {
            prop_assert_eq!(
                matches!(i.status, Status::NoTarget | Status::Tracked),
                i.target.is_none(),
                "{}",
                i.id
            );
            // Pace only in a review of part of a year.
            if !r.is_part_of_year() {
                prop_assert!(i.expected.is_none() && i.pace_attainment.is_none(), "{}", i.id);
            }
            if i.attainment.is_some() {
                prop_assert!(i.value.is_some() && i.target.is_some(), "{}", i.id);
            }
            if i.in_rollup {
                prop_assert!(i.target.is_some(), "{}", i.id);
            }
        }
    }
    Ok(())
}

proptest! {
    /// For random figures (0, negative, huge, corrections, voids) the report
    /// has no NaN or infinity anywhere and every roll-up stays in 0..=100.
    #[test]
    fn report_numbers_are_finite_and_rollups_bounded(
        raws in prop::collection::vec(raw(), 0..60),
        year in 2026i32..=2030,
        as_of_days in 0u64..(7 * 366),
    ) {
        let plan = the_plan();
        let entries = ledger(plan, &raws);
        let as_of = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Days::new(as_of_days);
        let opts = Options { group: None, series: report::Series::Charts };
        check_report(&report::compute(plan, year, as_of, &entries, &opts))?;
        // The same figures reviewed through a half, a quarter and a month.
        for p in [format!("{year}-H1"), format!("{year}-Q3"), format!("{year}-02")] {
            let review = report::Review::Period(p.parse().unwrap());
            check_report(&report::compute_review(plan, &review, as_of, &entries, &opts))?;
        }
    }
}
