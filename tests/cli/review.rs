//! Tests of the reviews (SPEC §5 "Review of a part of the year", "Review
//! of a span of years", "Estimates", "Tasks in year Y"; §5a): a hand-made
//! ward plan, unrelated to the seed, with level, flow, rate, ratio and
//! growth indicators, figures loaded through `plan import` in two batches
//! (estimates first, official figures later). Every expected figure is
//! worked out by hand in the comments.

use crate::common::*;
use predicates::prelude::*;
use serde_json::Value;

const WARD_PLAN: &str = r#"
[plan]
id = "WARD-9/2026"
title = "Ward market plan"
start = 2026
end = 2030
lang = "en"
numbers = "en"

[agencies]
ward = "Ward office"
mkt = "Market board"

[reporting.due_days]
year = 15
half = 15
quarter = 10
month = 5

[[group]]
id = "market"
name = "Market"
content = "Grow the market"
lead = "mkt"
responsibility = "The board answers to the ward"
schedule = { start = 2026, end = 2030 }
deliverables = ["Market report"]
oversight = { by = "ward", every = "quarter" }

[[group.indicator]]
id = "shops"
name = "Shops open"
unit = "shops"
measure = "level"
every = "quarter"
target = ">= 60"
basis = "end"
baseline = { year = 2025, value = 40 }

[[group.indicator]]
id = "sales"
name = "Sales"
unit = "m"
measure = "flow"
every = "quarter"
target = ">= 400"
basis = "year"

[[group.indicator]]
id = "rev"
name = "Revenue"
unit = "m"
measure = "flow"
every = "quarter"
baseline = { year = 2025, value = 2000 }

[[group.indicator]]
id = "share"
name = "Sales share of revenue"
unit = "%"
ratio = ["sales", "rev"]
target = ">= 20"
basis = "year"

[[group.indicator]]
id = "grow"
name = "Revenue growth"
unit = "%"
growth = "rev"
target = ">= 8"
basis = "end"

[[group.indicator]]
id = "loans"
name = "Loans granted"
unit = "m"
measure = "flow"
every = "month"
target = ">= 3,000"
basis = "cumulative"

[[group.indicator]]
id = "lit"
name = "Stalls with licences"
unit = "%"
measure = "rate"
every = "half"
target = "9..10"
basis = "end"

[[group.task]]
id = "t_ahead"
name = "Paint the hall"
lead = "mkt"
deliverable = "Hall"
due = 2027-12-31

[[group.task]]
id = "t_nodl"
name = "Meet the traders"
lead = "mkt"
deliverable = "Minutes"

[[group.task]]
id = "t_over"
name = "Fix the drains"
lead = "ward"
deliverable = "Drains"
due = 2026-03-31

[[group.task]]
id = "t_open"
name = "Open a night market"
lead = "mkt"
deliverable = "Night market"
due = 2026-12-31
"#;

/// Everything reported up to 28 September 2027, including an estimate of
/// shops for 2027-Q3 (dated before the quarter ended). Figures dated a few
/// days after each period: on time unless said.
fn first_batch() -> String {
    let mut rows = vec!["indicator,period,value,date,task".to_string()];
    let mut fig = |i: &str, p: &str, v: &str, d: &str| rows.push(format!("{i},{p},{v},{d},"));
    for (p, shops, sales, rev, d) in [
        ("2026-Q1", "42", "90", "500", "2026-04-05"),
        ("2026-Q2", "45", "110", "500", "2026-07-08"),
        ("2026-Q3", "47", "100", "520", "2026-10-05"),
        ("2026-Q4", "50", "120", "580", "2027-01-08"),
        ("2027-Q1", "52", "100", "550", "2027-04-06"),
        ("2027-Q2", "54", "120", "560", "2027-07-05"),
    ] {
        fig("shops", p, shops, d);
        fig("sales", p, sales, d);
        fig("rev", p, rev, d);
    }
    // The estimate: dated 25 September, before 2027-Q3 ends.
    fig("shops", "2027-Q3", "55", "2027-09-25");
    // Loans: 50 a month in 2026 except May (never reported), 60 a month in
    // 2027 to August; each dated the 3rd of the next month.
    for m in (1..=12).filter(|&m| m != 5) {
        let d = if m == 12 { "2027-01-03".to_string() } else { format!("2026-{:02}-03", m + 1) };
        fig("loans", &format!("2026-{m:02}"), "50", &d);
    }
    for m in 1..=8 {
        fig("loans", &format!("2027-{m:02}"), "60", &format!("2027-{:02}-03", m + 1));
    }
    fig("lit", "2026-H1", "8", "2026-07-10");
    fig("lit", "2026-H2", "8.5", "2027-01-10");
    fig("lit", "2027-H1", "9.2", "2027-07-10");
    rows.push(",,,2026-04-01,t_nodl".into());
    rows.push(",,,2026-05-10,t_ahead".into());
    rows.push(",,,2027-02-15,t_open".into());
    rows.join("\n") + "\n"
}

/// The official figures of 2027-Q3 (and September's loans), in October.
fn second_batch() -> String {
    [
        "indicator,period,value,date",
        "shops,2027-Q3,56,2027-10-06",
        "sales,2027-Q3,130,2027-10-06",
        "rev,2027-Q3,590,2027-10-06",
        "loans,2027-09,60,2027-10-03",
    ]
    .join("\n")
        + "\n"
}

fn loaded() -> Env {
    let env = Env::with_plan(WARD_PLAN).today("2028-02-15");
    env.import(env.file("first.csv", first_batch()));
    env.import(env.file("second.csv", second_batch()));
    env
}

fn ind<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["groups"][0]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

#[track_caller]
fn approx(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!((got - want).abs() < 1e-6, "got {got}, want {want}");
}

#[track_caller]
fn task_class(r: &Value, id: &str) -> (String, i64) {
    let t = r["groups"][0]["task_list"].as_array().unwrap().iter().find(|t| t["id"] == id);
    let t = t.unwrap_or_else(|| panic!("no task {id}"));
    (t["class"].as_str().unwrap().to_string(), t["days"].as_i64().unwrap())
}

fn has_task(r: &Value, id: &str) -> bool {
    r["groups"][0]["task_list"].as_array().unwrap().iter().any(|t| t["id"] == id)
}

#[test]
fn six_month_review_of_the_first_plan_year() {
    let env = loaded();
    let r = env.report_json(&["--period", "2026-H1", "--as-of", "2026-07-20"]);
    assert_eq!(r["period"], "2026-H1");
    assert_eq!(r["years"], Value::Null);
    assert_eq!(r["year"], 2026);
    assert_eq!(r["through"], "2026-06-30");
    // shops (level, quarterly): the figure of Q2, the last quarter ending by
    // 30 June: 45, official (dated 8 July). 2026's target: a straight line
    // from 40 (2025) to 60 (2030): 40 + 20 × 1/5 = 44. 45/44 = 102.2727… %.
    let s = ind(&r, "shops");
    approx(&s["ytd"], 45.0);
    approx(&s["value"], 45.0);
    approx(&s["target"], 44.0);
    assert_eq!(s["target_origin"], "straight_line");
    approx(&s["attainment"], 45.0 / 44.0 * 100.0);
    // Judged by pace (SPEC §5): a level from its start value, here the
    // baseline of 2025 (Y − 1): expected = 40 + (44 − 40) × 6/12 = 42; 45
    // already reaches the year's 44: exceeded as for a year. Pace: 45/42.
    assert_eq!(s["status"], "exceeded");
    approx(&s["expected"], 42.0);
    approx(&s["pace_attainment"], 45.0 / 42.0 * 100.0);
    assert_eq!(r["provisional"], false, "as of 20 July, after E");
    assert_eq!((s["partial"].as_bool(), s["estimate"].as_bool()), (Some(false), Some(false)));
    // First plan year, half a year: no same period last year (the baseline
    // is a whole year's).
    assert_eq!((s["last_year"].clone(), s["vs_last_year"].clone()), (Value::Null, Value::Null));
    // Only Q1 and Q2 end by 30 June; both on time.
    assert_eq!(s["reports"]["on_time"], 2);
    assert_eq!(s["reports"]["not_yet_due"], 0);
    // sales (flow): 90 + 110 = 200 against the yearly 400: 50 % of the year's target.
    let sa = ind(&r, "sales");
    approx(&sa["ytd"], 200.0);
    approx(&sa["attainment"], 50.0);
    assert_eq!(sa["target_origin"], "every_year");
    // A flow at mid-year: expected 400 × 6/12 = 200; 200 reaches it: on
    // track, 100 % of the pace — never "not met" at mid-year.
    assert_eq!(sa["status"], "on_track");
    approx(&sa["expected"], 200.0);
    approx(&sa["pace_attainment"], 100.0);
    // share (ratio of year-to-date values): 200 / 1,000 × 100 = 20 → met.
    let sh = ind(&r, "share");
    approx(&sh["value"], 20.0);
    // A derived indicator is judged as for a year: no pace.
    assert_eq!(sh["status"], "met");
    assert_eq!((sh["expected"].clone(), sh["pace_attainment"].clone()), (Value::Null, Value::Null));
    // grow: the first plan year's half has no "last year" (the baseline is
    // annual), and 2026 has no target (end basis, no baseline of its own).
    let g = ind(&r, "grow");
    assert_eq!((g["value"].clone(), g["status"].clone()), (Value::Null, Value::from("no_target")));
    // loans (monthly flow, cumulative): January–June without May = 250,
    // partial. Target pro rata: 3,000 × 1/5 = 600. 250/600 = 41.666… %.
    let l = ind(&r, "loans");
    approx(&l["ytd"], 250.0);
    approx(&l["value"], 250.0);
    assert_eq!(l["partial"], true);
    approx(&l["target"], 600.0);
    assert_eq!(l["target_origin"], "pro_rata");
    approx(&l["attainment"], 250.0 / 600.0 * 100.0);
    // Cumulative basis, first plan year (T′ = 0): expected 0 + 600 × 6/12 =
    // 300; 250 < 300: behind, 250/300 = 83.333… % of the pace.
    assert_eq!(l["status"], "behind");
    approx(&l["expected"], 300.0);
    approx(&l["pace_attainment"], 250.0 / 300.0 * 100.0);
    // May due 5 June, missing on 20 July: 25 + 20 = 45 days overdue.
    assert_eq!((l["reports"]["on_time"].as_i64(), l["reports"]["missing"].as_i64()), (Some(5), Some(1)));
    assert_eq!(l["reports"]["days_overdue"], 45);
    // lit (rate, half-yearly): H1 = 8; no 2026 target; progress to 9..10: 8/9.
    let li = ind(&r, "lit");
    approx(&li["ytd"], 8.0);
    assert_eq!(li["status"], "no_target");
    approx(&li["progress"], 8.0 / 9.0 * 100.0);
    // Roll-up on pace for the paced ones (SPEC §5): shops 107.1… capped
    // 100, sales 100, share 100 (as for a year), loans 83.333…: 383.333… /
    // 4 = 95.8333… %, on 4 of 7 indicators.
    let grp = &r["groups"][0];
    approx(&grp["attainment"], (100.0 + 100.0 + 100.0 + 250.0 / 3.0) / 4.0);
    assert_eq!((grp["rollup_count"].as_u64(), grp["indicator_count"].as_u64()), (Some(4), Some(7)));
    assert_eq!(r["rollup_count"], 4);
    // Tasks of the first half of 2026 as of 20 July: t_ahead done in May
    // (by E) ahead of its 2027 deadline (on time); t_nodl done without a
    // deadline (apart); t_over open since 31 March: 30 + 31 + 30 + 20 = 111
    // days. t_open is due 31/12, after E, and open: coming due, not in.
    assert_eq!(task_class(&r, "t_ahead"), ("done_on_time".into(), 0));
    assert_eq!(task_class(&r, "t_nodl"), ("done_no_deadline".into(), 0));
    assert_eq!(task_class(&r, "t_over"), ("open_overdue".into(), 111));
    assert!(!has_task(&r, "t_open"));
    assert_eq!(
        grp["upcoming"],
        serde_json::json!([{"id": "t_open", "due": "2026-12-31", "name": "Open a night market", "lead": "mkt", "lead_name": "Market board"}])
    );
    let t = &grp["tasks"];
    assert_eq!(
        [&t["done_on_time"], &t["done_late"], &t["open_in_time"], &t["open_overdue"], &t["done_no_deadline"]],
        [1, 0, 0, 1, 1]
    );
    // done / (done + open overdue) = 1 / 2; the task without a deadline is not in it.
    approx(&t["rate"], 50.0);
    assert_eq!(grp["overdue_tasks"][0]["agency_name"], "Ward office");
    assert_eq!(grp["missing_figures"][0]["indicator"], "loans");
    assert_eq!(grp["missing_figures"][0]["period"], "2026-05");
    assert_eq!(grp["missing_figures"][0]["agency_name"], "Market board");
}

#[test]
fn nine_month_review_with_the_same_period_last_year() {
    let env = loaded();
    let r = env.report_json(&["--period", "2027-Q3", "--as-of", "2027-10-20"]);
    assert_eq!(r["through"], "2027-09-30");
    // shops: the official 56 (10/06) replaced the estimate 55 (09/25).
    // Target 2027: 40 + 20 × 2/5 = 48. 56/48 = 116.666… %. Same period last
    // year: 2026-Q3 = 47; 56/47 × 100 = 119.148… %.
    let s = ind(&r, "shops");
    approx(&s["ytd"], 56.0);
    assert_eq!(s["estimate"], false);
    approx(&s["target"], 48.0);
    approx(&s["attainment"], 56.0 / 48.0 * 100.0);
    // Pace of a level from 2026's year value (Q4: 50): expected 50 + (48 −
    // 50) × 9/12 = 48.5; 56 reaches the year's 48: exceeded.
    assert_eq!(s["status"], "exceeded");
    approx(&s["expected"], 48.5);
    approx(&s["pace_attainment"], 56.0 / 48.5 * 100.0);
    approx(&s["last_year"], 47.0);
    approx(&s["vs_last_year"], 56.0 / 47.0 * 100.0);
    // Lateness by the earliest figure (the estimate of 09/25): on time.
    assert_eq!(s["reports"]["on_time"], 3);
    // sales: 100 + 120 + 130 = 350, 87.5 % of 400; last year 90 + 110 + 100
    // = 300; 350/300 = 116.666… %.
    let sa = ind(&r, "sales");
    approx(&sa["ytd"], 350.0);
    approx(&sa["attainment"], 87.5);
    // At 9 months: expected 400 × 9/12 = 300; 350 ≥ 300: on track, 116.66… %.
    assert_eq!(sa["status"], "on_track");
    approx(&sa["expected"], 300.0);
    approx(&sa["pace_attainment"], 350.0 / 3.0);
    approx(&sa["last_year"], 300.0);
    approx(&sa["vs_last_year"], 350.0 / 300.0 * 100.0);
    // rev: 550 + 560 + 590 = 1,700 against 500 + 500 + 520 = 1,520.
    let rv = ind(&r, "rev");
    approx(&rv["ytd"], 1700.0);
    approx(&rv["last_year"], 1520.0);
    approx(&rv["vs_last_year"], 1700.0 / 1520.0 * 100.0);
    // share: 350 / 1,700 × 100 = 20.588…; attainment / 20.
    let sh = ind(&r, "share");
    approx(&sh["value"], 350.0 / 1700.0 * 100.0);
    approx(&sh["attainment"], 350.0 / 1700.0 * 100.0 / 20.0 * 100.0);
    assert_eq!(sh["last_year"], Value::Null, "a ratio has no same period last year");
    // grow: 1,700 / 1,520 − 1 = 11.842… %; no 2027 target; progress to >= 8.
    let g = ind(&r, "grow");
    approx(&g["value"], (1700.0 / 1520.0 - 1.0) * 100.0);
    assert_eq!(g["status"], "no_target");
    approx(&g["progress"], (1700.0 / 1520.0 - 1.0) * 100.0 / 8.0 * 100.0);
    // loans: 2027 to September 9 × 60 = 540 (ytd); cumulative with 2026's
    // 11 × 50 = 550 (partial: May missing) = 1,090 against 3,000 × 2/5 =
    // 1,200: 90.833… %. Last year to September: 8 × 50 = 400; 540/400 = 135 %.
    let l = ind(&r, "loans");
    approx(&l["ytd"], 540.0);
    approx(&l["value"], 1090.0);
    assert_eq!(l["partial"], true);
    approx(&l["target"], 1200.0);
    approx(&l["attainment"], 1090.0 / 1200.0 * 100.0);
    // Cumulative mid-year: T′ (through 2026) = 3,000 × 1/5 = 600, T =
    // 1,200: expected 600 + 600 × 9/12 = 1,050; 1,090 ≥ 1,050: on track,
    // 1,090 / 1,050 = 103.809… %.
    assert_eq!(l["status"], "on_track");
    approx(&l["expected"], 1050.0);
    approx(&l["pace_attainment"], 1090.0 / 1050.0 * 100.0);
    approx(&l["last_year"], 400.0);
    approx(&l["vs_last_year"], 135.0);
    assert_eq!(l["reports"]["on_time"], 9, "January–September only");
    assert_eq!(l["reports"]["not_yet_due"], 0);
    // lit: the latest half ending by 30 September is H1 (9.2), partial.
    let li = ind(&r, "lit");
    approx(&li["ytd"], 9.2);
    assert_eq!(li["partial"], true);
    // Roll-up on pace, each capped at 100: shops 115.4…, sales 116.6…,
    // share 102.9… (as for a year), loans 103.8…: all 100.
    approx(&r["groups"][0]["attainment"], 100.0);
    // Tasks of 2027 through 30 September as of 20 October: t_over open
    // since 31/03/2026: 365 + 203 = 568 days; t_open due 31/12/2026 done
    // 15/02/2027: 46 days late; t_nodl was done in 2026; t_ahead is due
    // 31/12/2027 (after E) and was done in 2026: neither due nor done in
    // the nine months, and not coming due (done).
    assert_eq!(task_class(&r, "t_over"), ("open_overdue".into(), 568));
    assert_eq!(task_class(&r, "t_open"), ("done_late".into(), 46));
    assert!(!has_task(&r, "t_nodl"));
    assert!(!has_task(&r, "t_ahead"));
    assert_eq!(r["groups"][0]["upcoming"], serde_json::json!([]));
    // 1 done / (1 done + 1 open overdue).
    approx(&r["groups"][0]["tasks"]["rate"], 50.0);
}

#[test]
fn an_estimate_counts_and_is_marked_until_the_official_figure() {
    let env = loaded();
    // On 28 September only the estimate of Q3 (55) exists.
    let r = env.report_json(&["--period", "2027-Q3", "--as-of", "2027-09-28"]);
    let s = ind(&r, "shops");
    approx(&s["ytd"], 55.0);
    assert_eq!(s["estimate"], true);
    approx(&s["attainment"], 55.0 / 48.0 * 100.0);
    let q3 = s["periods"].as_array().unwrap().iter().find(|p| p["period"] == "2027-Q3").unwrap();
    assert_eq!(q3["estimate"], true);
    // Sales of Q3 are not in yet: 220, partial, not an estimate.
    let sa = ind(&r, "sales");
    approx(&sa["ytd"], 220.0);
    assert_eq!((sa["partial"].as_bool(), sa["estimate"].as_bool()), (Some(true), Some(false)));
    // The table and md say "est." beside it, with the footnote.
    for fmt in ["table", "md"] {
        env.cmd()
            .args(["report", "--period", "2027-Q3", "--as-of", "2027-09-28", "--format", fmt])
            .assert()
            .success()
            .stdout(predicate::str::contains("55 est."))
            .stdout(predicate::str::contains("est.: an estimate"));
    }
    // Vietnamese: "ước".
    let out = env
        .cmd()
        .args(["--lang", "vi", "report", "--period", "2027-Q3", "--as-of", "2027-09-28"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("55 ước"), "{text}");
    assert!(text.contains("Sơ kết 9 tháng đầu năm 2027"), "{text}");
    // The Vietnamese forms of a period are taken too.
    let vi = env.report_json(&["--period", "Quý 3/2027", "--as-of", "2027-09-28"]);
    assert_eq!(vi["period"], "2027-Q3");
    // As of 20 October the official 56 counts and nothing is an estimate.
    let r = env.report_json(&["--period", "2027-Q3", "--as-of", "2027-10-20"]);
    assert!(r["groups"][0]["indicators"].as_array().unwrap().iter().all(|i| i["estimate"] == false));
}

#[test]
fn the_first_plan_year_compares_with_the_baseline() {
    let env = loaded();
    let r = env.report_json(&["--period", "2026", "--as-of", "2027-02-01"]);
    // shops 2026: Q4 = 50 (the last quarter: not partial); baseline 40 (2025).
    let s = ind(&r, "shops");
    approx(&s["value"], 50.0);
    approx(&s["last_year"], 40.0);
    approx(&s["vs_last_year"], 125.0);
    // rev 2026: 500 + 500 + 520 + 580 = 2,100 against the baseline 2,000;
    // grow = 2,100 / 2,000 − 1 = 5 %.
    approx(&ind(&r, "rev")["last_year"], 2000.0);
    approx(&ind(&r, "rev")["vs_last_year"], 105.0);
    approx(&ind(&r, "grow")["value"], 5.0);
    // sales 2026 = 420 ≥ 400: exceeded; no baseline: no last year.
    assert_eq!(ind(&r, "sales")["status"], "exceeded");
    assert_eq!(ind(&r, "sales")["last_year"], Value::Null);
    // `--period 2026` is the year report.
    let y = env.report_json(&["--year", "2026", "--as-of", "2027-02-01"]);
    assert_eq!(y, r);
}

#[test]
fn a_span_of_years_has_series_lateness_and_tasks_over_the_span() {
    let env = loaded();
    let r = env.report_json(&["--years", "2026-2030", "--as-of", "2027-10-20"]);
    assert_eq!(r["years"], serde_json::json!([2026, 2030]));
    assert_eq!(r["period"], Value::Null);
    assert_eq!(r["year"], 2030);
    // shops' year values: 2026 = 50; 2027 = 56 (Q3, partial); later years
    // are after the review date.
    let s = ind(&r, "shops");
    let series = s["series"].as_array().unwrap();
    assert_eq!(
        series.iter().map(|p| p["year"].as_i64().unwrap()).collect::<Vec<_>>(),
        [2026, 2027, 2028, 2029, 2030]
    );
    approx(&series[0]["value"], 50.0);
    assert_eq!(series[0]["partial"], false);
    approx(&series[1]["value"], 56.0);
    assert_eq!(series[1]["partial"], true);
    assert_eq!(series[1]["estimate"], false);
    assert!(series[2..].iter().all(|p| p["value"].is_null()));
    for p in series {
        for key in ["year", "value", "partial", "estimate"] {
            assert!(p.get(key).is_some(), "series point without {key}");
        }
    }
    // Judged against 2030's target, with no 2030 figure yet: an `end`
    // basis is judged on its latest year with a value, 2027 (56, partial):
    // 56 / 60 = 93.333… %, not met.
    approx(&s["target"], 60.0);
    approx(&s["value"], 56.0);
    assert_eq!(s["value_year"], 2027);
    assert_eq!(s["partial"], true);
    approx(&s["attainment"], 56.0 / 60.0 * 100.0);
    assert_eq!(s["status"], "not_met");
    // The span runs to 2030, reviewed on 20/10/2027: provisional.
    assert_eq!(r["provisional"], true);
    // Lateness over every period of 2026–2030: 2026 Q1–Q4 and 2027 Q1–Q3 on
    // time; 2027-Q4 and 12 quarters of 2028–2030 not yet due.
    assert_eq!((s["reports"]["on_time"].as_i64(), s["reports"]["not_yet_due"].as_i64()), (Some(7), Some(13)));
    // loans: May 2026 missing since 5 June 2026: 365 + 137 = 502 days.
    let l = ind(&r, "loans");
    assert_eq!((l["reports"]["on_time"].as_i64(), l["reports"]["missing"].as_i64()), (Some(20), Some(1)));
    assert_eq!(l["reports"]["days_overdue"], 502);
    // Tasks of 2026–2030: all four, t_nodl done without a deadline.
    assert_eq!(task_class(&r, "t_nodl"), ("done_no_deadline".into(), 0));
    assert_eq!(task_class(&r, "t_open"), ("done_late".into(), 46));
    assert_eq!(task_class(&r, "t_over"), ("open_overdue".into(), 568));
    // Every format takes the span.
    for fmt in ["table", "md", "csv", "html"] {
        env.cmd()
            .args(["report", "--years", "2026-2030", "--as-of", "2027-10-20", "--format", fmt])
            .assert()
            .success();
    }
}

#[test]
fn every_format_carries_the_ledger_fingerprint() {
    let env = loaded();
    // The last entry's id and the first 16 hex digits of its hash, read
    // straight from SQLite (SPEC §3).
    let conn = rusqlite::Connection::open(&env.ledger).unwrap();
    let (id, hash): (i64, Vec<u8>) = conn
        .query_row("SELECT id, hash FROM entry ORDER BY id DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    let want = format!("{id}:{}", hash[..8].iter().map(|b| format!("{b:02x}")).collect::<String>());
    let r = env.report_json(&["--period", "2027-H1", "--as-of", "2027-10-20"]);
    let fp = r["ledger_head"].as_str().unwrap().to_string();
    assert_eq!(fp, want);
    for fmt in ["table", "md", "csv", "html"] {
        env.cmd()
            .args(["report", "--period", "2027-H1", "--as-of", "2027-10-20", "--format", fmt])
            .assert()
            .success()
            .stdout(predicate::str::contains(fp.as_str()));
    }
    // An empty ledger has no head: null, and the report says so.
    let empty = Env::with_plan(WARD_PLAN).today("2027-06-30");
    assert_eq!(empty.report_json(&["--period", "2027-H1"])["ledger_head"], Value::Null);
}

#[test]
fn summaries_say_what_the_attainment_rests_on_and_name_what_is_late() {
    let env = loaded();
    for fmt in ["table", "md"] {
        let out = env
            .cmd()
            .args(["report", "--period", "2026-H1", "--as-of", "2026-07-20", "--format", fmt])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Review of the first 6 months of 2026"), "{fmt}: {text}");
        assert!(text.contains("based on 4 of 7 indicators"), "{fmt}: {text}");
        assert!(
            text.contains("Missing figures: loans May 2026 (Market board, 45 days overdue)"),
            "{fmt}: {text}"
        );
        assert!(text.contains("Overdue tasks: t_over (Ward office, 111 days overdue)"), "{fmt}: {text}");
        assert!(text.contains("Whole plan"), "{fmt}: {text}");
        if fmt == "table" {
            // Cells wrap to the width; their words are checked in md.
            continue;
        }
        // Where derived yearly targets come from.
        assert!(text.contains("straight line from 40 in 2025 to at least 60 in 2030"), "{fmt}: {text}");
        assert!(text.contains("pro rata of at least 3,000 by 2030: 1 of 5 years"), "{fmt}: {text}");
        // "No target for 2026", never a bare "no target", with progress beside it.
        assert!(text.contains("No target for 2026 (target for 2030: 9 to 10)"), "{fmt}: {text}");
        assert!(text.contains("88.9 % of the 2030 target"), "{fmt}: {text}");
    }
    // md honours --detail: a row per period.
    let out = env
        .cmd()
        .args(["report", "--period", "2026-H1", "--as-of", "2026-07-20", "--format", "md", "--detail"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("| `loans` | May 2026 |"), "{text}");
    assert!(text.contains("`t_over`"), "{text}");
}

#[test]
fn bad_review_arguments_are_refused_and_change_nothing() {
    let env = loaded();
    let before = env.ledger_fingerprint();
    // Malformed values are usage errors (exit 2, SPEC §4 "Exit codes");
    // values outside the plan's years are problems found (exit 1).
    for (args, code, msg) in [
        (vec!["--period", "2027-Q5"], 2, "invalid --period: `2027-Q5` is not a period"),
        (vec!["--period", "2031-H1"], 1, "--period 2031-H1 is outside the plan's years 2026–2030"),
        (vec!["--years", "2030-2026"], 2, "invalid --years: `2030-2026` is not a span of years"),
        (vec!["--years", "2025-2027"], 1, "--years 2025-2027 is outside the plan's years 2026–2030"),
        (vec!["--years", "26-30"], 2, "invalid --years: `26-30` is not a span of years"),
    ] {
        env.cmd().arg("report").args(&args).assert().code(code).stderr(predicate::str::contains(msg));
    }
    // --year, --period and --years exclude each other (usage error).
    for args in [["--year", "2027", "--period", "2027-H1"], ["--period", "2027-H1", "--years", "2026-2030"]] {
        env.cmd().arg("report").args(args).assert().code(2);
    }
    env.cmd().args(["report", "--year", "2027", "--years", "2026-2030"]).assert().code(2);
    assert_eq!(env.ledger_fingerprint(), before);
}

#[test]
fn html_has_the_period_and_span_views() {
    let env = loaded();
    let html = |args: &[&str]| {
        let out = env.cmd().args(["report", "--format", "html"]).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    // A nine-month review: its heading, the year to date, the estimate of
    // shops (28 September), the same period last year (sales: 300).
    let h = html(&["--period", "2027-Q3", "--as-of", "2027-09-28"]);
    assert!(h.contains("Review of the first 9 months of 2027"), "heading");
    assert!(h.contains("year to date through 2027-09-30"));
    assert!(h.contains(r#"<span class="estimate">est.</span>"#));
    assert!(h.contains("last year 300"));
    // The span: a chart per indicator across 2026–2030, each with the final
    // target drawn across it (indicators with a final target: shops, sales,
    // share, grow, loans, lit = 6; rev has none).
    let h = html(&["--years", "2026-2030", "--as-of", "2027-10-20"]);
    assert!(h.contains("Review of the years 2026–2030"));
    assert!(h.contains("Trend 2026–2030"));
    assert_eq!(
        h.matches(r#"<line class="final""#).count(),
        6,
        "a final-target line per indicator with a target"
    );
    assert!(!h.contains("NaN"));
}

/// SPEC §5a, field by field: every key the contract names, with its type,
/// in a year report, a period review and a span.
#[test]
fn json_has_every_field_of_the_contract() {
    let env = loaded();
    #[track_caller]
    fn kind(v: &Value, key: &str, want: &str) {
        let x = v.get(key).unwrap_or_else(|| panic!("no `{key}` in {v}"));
        let ok = match want {
            "string" => x.is_string(),
            "int" => x.is_u64() || x.is_i64(),
            "number?" => x.is_number() || x.is_null(),
            "bool" => x.is_boolean(),
            "array" => x.is_array(),
            "object" => x.is_object(),
            "string?" => x.is_string() || x.is_null(),
            _ => unreachable!(),
        };
        assert!(ok, "`{key}` should be {want}: {x}");
    }
    for args in [
        vec!["--year", "2027", "--as-of", "2028-01-31"],
        vec!["--period", "2027-Q3", "--as-of", "2027-10-20"],
        vec!["--years", "2026-2030", "--as-of", "2027-10-20"],
    ] {
        let r = env.report_json(&args);
        for (k, t) in [
            ("plan", "string"),
            ("year", "int"),
            ("as_of", "string"),
            ("groups", "array"),
            ("ledger_head", "string"),
            ("provisional", "bool"),
        ] {
            kind(&r, k, t);
        }
        if args[0] == "--years" {
            assert_eq!(r["years"], serde_json::json!([2026, 2030]));
        } else {
            kind(&r, "period", "string");
        }
        for g in r["groups"].as_array().unwrap() {
            for (k, t) in [
                ("id", "string"),
                ("name", "string"),
                ("attainment", "number?"),
                ("counts", "object"),
                ("reports", "object"),
                ("tasks", "object"),
                ("indicators", "array"),
                ("rollup_count", "int"),
                ("upcoming", "array"),
            ] {
                kind(g, k, t);
            }
            for k in ["exceeded", "met", "not_met", "no_data"] {
                kind(&g["counts"], k, "int");
            }
            for k in ["on_time", "late", "missing", "not_yet_due", "days_late", "days_overdue"] {
                kind(&g["reports"], k, "int");
            }
            for k in [
                "done_on_time",
                "done_late",
                "open_in_time",
                "open_overdue",
                "days_late",
                "days_overdue",
                "done_no_deadline",
            ] {
                kind(&g["tasks"], k, "int");
            }
            for i in g["indicators"].as_array().unwrap() {
                for (k, t) in [
                    ("id", "string"),
                    ("value", "number?"),
                    ("target", "number?"),
                    ("attainment", "number?"),
                    ("status", "string"),
                    ("partial", "bool"),
                    ("reports", "object"),
                    ("ytd", "number?"),
                    ("last_year", "number?"),
                    ("vs_last_year", "number?"),
                    ("estimate", "bool"),
                    ("expected", "number?"),
                    ("pace_attainment", "number?"),
                    ("value_year", "number?"),
                ] {
                    kind(i, k, t);
                }
                let status = i["status"].as_str().unwrap();
                let words = ["exceeded", "met", "not_met", "no_data", "no_target", "tracked"];
                let pace = ["on_track", "behind", "in_progress"];
                let part = args[0] == "--period";
                assert!(words.contains(&status) || (part && pace.contains(&status)), "{status}");
                if args[0] == "--years" {
                    assert_eq!(i["series"].as_array().unwrap().len(), 5);
                }
            }
        }
    }
}
