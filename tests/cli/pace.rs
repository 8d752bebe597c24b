//! Tests of SPEC §5 "Review of a part of the year" (pace), "Review of a
//! span of years", "A review not yet over" and §5a (the JSON is the same
//! whatever the language), on a farm plan of their own (ids, cadences and
//! targets unlike the seed's). Every expected figure is worked out by hand
//! in the comments.

use crate::common::*;
use serde_json::Value;

const FARM_PLAN: &str = r#"
[plan]
id = "FARM-3/2027"
title = "Farm cooperative plan"
start = 2027
end = 2029
lang = "en"
numbers = "en"

[agencies]
coop = "Cooperative board"
vet = "Veterinary station"

[reporting.due_days]
year = 15
half = 15
quarter = 10
month = 5

[[group]]
id = "farm"
name = "Farming"
content = "Grow the farm"
lead = "coop"
responsibility = "The board answers to the commune"
schedule = { start = 2027, end = 2029 }
deliverables = ["Farm report"]
oversight = { by = "coop", every = "quarter" }

[[group.indicator]]
id = "harvest"
name = "Harvest"
unit = "t"
measure = "flow"
every = "month"
target = ">= 1,200"
basis = "year"

[[group.indicator]]
id = "milk"
name = "Milk sold"
unit = "kl"
measure = "flow"
every = "quarter"
target = ">= 600"
basis = "end"
milestones = { 2027 = 400 }

[[group.indicator]]
id = "wells"
name = "Wells in use"
unit = "wells"
measure = "level"
every = "quarter"
target = ">= 50"
basis = "end"
baseline = { year = 2026, value = 30 }
milestones = { 2027 = 40 }

[[group.indicator]]
id = "clinics"
name = "Animal clinics"
unit = "clinics"
measure = "level"
every = "half"
target = ">= 6"
basis = "end"
milestones = { 2027 = 4, 2028 = 5 }

[[group.indicator]]
id = "accidents"
name = "Work accidents"
unit = "cases"
measure = "flow"
every = "month"
target = "<= 24"
basis = "year"

[[group.indicator]]
id = "spills"
name = "Chemical spills"
unit = "cases"
measure = "flow"
every = "quarter"
target = "< 10"
basis = "year"

[[group.indicator]]
id = "coverage"
name = "Herd vaccination coverage"
unit = "%"
measure = "rate"
every = "half"
target = ">= 80"
basis = "end"
milestones = { 2027 = 70 }

[[group.indicator]]
id = "area"
name = "Area farmed"
unit = "ha"
measure = "level"
every = "half"

[[group.indicator]]
id = "per_ha"
name = "Harvest per hectare"
unit = "kg/ha"
ratio = ["harvest", "area"]
target = ">= 1,000"
basis = "year"

[[group.indicator]]
id = "loans"
name = "Loans to members"
unit = "m"
measure = "flow"
every = "quarter"
target = ">= 2,400"
basis = "cumulative"

[[group.indicator]]
id = "roads"
name = "Field roads paved"
unit = "km"
measure = "level"
every = "year"
target = ">= 20"
basis = "end"
baseline = { year = 2026, value = 10 }

[[group.indicator]]
id = "parks"
name = "Drying yards"
unit = "yards"
measure = "level"
every = "year"
target = ">= 5"
basis = "end"

[[group.task]]
id = "t_dam"
name = "Mend the dam"
lead = "coop"
deliverable = "Dam"
due = 2027-05-31

[[group.task]]
id = "t_fence"
name = "Fence the pasture"
lead = "vet"
deliverable = "Fence"
due = 2027-09-30

[[group.task]]
id = "t_silo"
name = "Build a silo"
lead = "coop"
deliverable = "Silo"
due = 2027-10-31
"#;

/// Figures of 2027 and 2028, each dated five days after its period (on
/// time), and the tasks done.
fn figures() -> String {
    let mut rows = vec!["indicator,period,value,date,task".to_string()];
    let mut fig = |i: &str, p: &str, v: &str, d: &str| rows.push(format!("{i},{p},\"{v}\",{d},"));
    // harvest: 90 t a month January–June, 150 July–September.
    for m in 1..=9 {
        let v = if m <= 6 { "90" } else { "150" };
        fig("harvest", &format!("2027-{m:02}"), v, &format!("2027-{:02}-03", m + 1));
    }
    // accidents: 2 a month January–June.
    for m in 1..=6 {
        fig("accidents", &format!("2027-{m:02}"), "2", &format!("2027-{:02}-03", m + 1));
    }
    for (i, p, v, d) in [
        ("milk", "2027-Q1", "120", "2027-04-05"),
        ("milk", "2027-Q2", "110", "2027-07-05"),
        ("milk", "2027-Q3", "60", "2027-10-05"),
        ("wells", "2027-Q1", "33", "2027-04-05"),
        ("wells", "2027-Q2", "36", "2027-07-05"),
        ("wells", "2027-Q3", "38", "2027-10-05"),
        ("wells", "2027-Q4", "41", "2028-01-05"),
        ("clinics", "2027-H1", "3", "2027-07-05"),
        ("clinics", "2027-H2", "4", "2028-01-05"),
        ("clinics", "2028-H1", "4", "2028-07-05"),
        ("spills", "2027-Q1", "6", "2027-04-05"),
        ("spills", "2027-Q2", "5", "2027-07-05"),
        ("coverage", "2027-H1", "65", "2027-07-05"),
        ("area", "2027-H1", "60", "2027-07-05"),
        ("loans", "2027-Q1", "200", "2027-04-05"),
        ("loans", "2027-Q2", "250", "2027-07-05"),
        ("loans", "2027-Q3", "150", "2027-10-05"),
        ("loans", "2027-Q4", "150", "2028-01-05"),
        ("loans", "2028-Q1", "200", "2028-04-05"),
        ("loans", "2028-Q2", "200", "2028-07-05"),
        ("roads", "2027", "14", "2028-01-05"),
        ("roads", "2028", "17", "2029-01-05"),
    ] {
        fig(i, p, v, d);
    }
    // t_dam due 31/05 done 10/07; t_fence due 30/09 done 15/11; t_silo open.
    rows.push(",,,2027-07-10,t_dam".into());
    rows.push(",,,2027-11-15,t_fence".into());
    rows.join("\n") + "\n"
}

fn farm() -> Env {
    let env = Env::with_plan(FARM_PLAN).today("2029-06-30");
    env.import(env.file("farm.csv", figures()));
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
fn paced(r: &Value, id: &str, status: &str, expected: f64, pace: f64) {
    let i = ind(r, id);
    assert_eq!(i["status"], status, "{id}");
    approx(&i["expected"], expected);
    approx(&i["pace_attainment"], pace);
}

fn text(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().arg("report").args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn six_months_judged_by_pace() {
    let env = farm();
    let r = env.report_json(&["--period", "2027-H1", "--as-of", "2027-11-26"]);
    // s = 6/12. harvest (monthly flow): 6 × 90 = 540 against 1,200 × 0.5 =
    // 600: behind, 540/600 = 90 %; 45 % of the year's plan.
    paced(&r, "harvest", "behind", 600.0, 90.0);
    approx(&ind(&r, "harvest")["attainment"], 45.0);
    // milk (quarterly flow, end basis, 2027 milestone 400): 120 + 110 = 230
    // against 200: on track, 115 %.
    paced(&r, "milk", "on_track", 200.0, 115.0);
    // wells (level from the 2026 baseline 30, 2027 milestone 40): expected
    // 30 + 10 × 0.5 = 35; Q2 = 36: on track, 36/35 = 102.857… %.
    paced(&r, "wells", "on_track", 35.0, 36.0 / 35.0 * 100.0);
    // clinics (level, no baseline, first plan year): no start value: in
    // progress, nothing expected.
    let c = ind(&r, "clinics");
    assert_eq!(c["status"], "in_progress");
    assert_eq!((c["expected"].clone(), c["pace_attainment"].clone()), (Value::Null, Value::Null));
    // accidents (cap <= 24 on a flow): 6 × 2 = 12 within 24 × 0.5 = 12: on
    // track, 12/12 = 100 %.
    paced(&r, "accidents", "on_track", 12.0, 100.0);
    // spills (cap < 10): 6 + 5 = 11 has passed 10: not met; pace 5/11.
    paced(&r, "spills", "not_met", 5.0, 5.0 / 11.0 * 100.0);
    // coverage (a rate): judged as for a year: 65 of 70 = 92.857… %.
    let cv = ind(&r, "coverage");
    assert_eq!(cv["status"], "not_met");
    approx(&cv["attainment"], 65.0 / 70.0 * 100.0);
    assert_eq!((cv["expected"].clone(), cv["pace_attainment"].clone()), (Value::Null, Value::Null));
    // per_ha (derived): 540 / 60 × 100 = 900 of 1,000: as for a year, 90 %.
    let p = ind(&r, "per_ha");
    approx(&p["value"], 900.0);
    assert_eq!(p["status"], "not_met");
    assert_eq!(p["expected"], Value::Null);
    // loans (cumulative, first year, pro rata 2,400 × 1/3 = 800): 200 + 250
    // = 450 against 0 + 800 × 0.5 = 400: on track, 112.5 %.
    paced(&r, "loans", "on_track", 400.0, 112.5);
    // area has no target at all: tracked; parks has one, not for 2027.
    assert_eq!(ind(&r, "area")["status"], "tracked");
    assert_eq!(ind(&r, "parks")["status"], "no_target");
    // roads (yearly level): nothing by E; expected from the baseline 10 to
    // 2027's straight-line 10 + 10 × 1/3: 10 + 3.333… × 0.5 = 11.666…
    let rd = ind(&r, "roads");
    assert_eq!(rd["status"], "no_data");
    approx(&rd["expected"], 10.0 + 10.0 / 3.0 * 0.5);
    // Roll-up on pace for the paced, capped at 100, in progress left out:
    // harvest 90, milk 100, wells 100, accidents 100, spills 45.45…,
    // coverage 92.857…, per_ha 90, loans 100; over 8 of 12.
    let g = &r["groups"][0];
    approx(
        &g["attainment"],
        (90.0 + 100.0 + 100.0 + 100.0 + 500.0 / 11.0 + 6500.0 / 70.0 + 90.0 + 100.0) / 8.0,
    );
    assert_eq!((g["rollup_count"].as_u64(), g["indicator_count"].as_u64()), (Some(8), Some(12)));
    let k = &g["counts"];
    assert_eq!(
        [
            &k["on_track"],
            &k["behind"],
            &k["in_progress"],
            &k["not_met"],
            &k["no_data"],
            &k["tracked"],
            &k["no_target"]
        ],
        [4, 1, 1, 3, 1, 1, 1]
    );
    // Tasks through 30 June as of 26 November: t_dam due 31/05, done 10/07:
    // late by 30 + 10 = 40 days. t_fence due 30/09 done 15/11: neither due
    // nor done by E: not in the review, and not coming due (done). t_silo
    // due 31/10, open: coming due.
    let tasks = g["task_list"].as_array().unwrap();
    assert_eq!(tasks.len(), 1);
    assert_eq!(
        (tasks[0]["id"].as_str(), tasks[0]["class"].as_str(), tasks[0]["days"].as_i64()),
        (Some("t_dam"), Some("done_late"), Some(40))
    );
    assert_eq!(g["upcoming"].as_array().unwrap().len(), 1);
    assert_eq!(
        (g["upcoming"][0]["id"].as_str(), g["upcoming"][0]["due"].as_str()),
        (Some("t_silo"), Some("2027-10-31"))
    );
    // The year review of 2027 has t_fence, done 46 days late (31 + 15).
    let y = env.report_json(&["--year", "2027", "--as-of", "2027-11-26"]);
    let fence =
        y["groups"][0]["task_list"].as_array().unwrap().iter().find(|t| t["id"] == "t_fence").cloned();
    assert_eq!(fence.map(|t| (t["class"].clone(), t["days"].clone())), Some(("done_late".into(), 46.into())));
    assert_eq!(y["groups"][0]["upcoming"], serde_json::json!([]));
    // A year report has no pace.
    assert_eq!(ind(&y, "harvest")["expected"], Value::Null);
}

#[test]
fn nine_months_and_a_second_year() {
    let env = farm();
    let r = env.report_json(&["--period", "2027-Q3", "--as-of", "2027-11-26"]);
    // s = 9/12. harvest: 540 + 3 × 150 = 990 against 900: on track, 110 %.
    paced(&r, "harvest", "on_track", 900.0, 110.0);
    // milk: 230 + 60 = 290 against 400 × 0.75 = 300: behind, 96.666… %.
    paced(&r, "milk", "behind", 300.0, 290.0 / 3.0);
    // A review whose E is 31 December (Q4) is judged as the year: harvest
    // 990 of 1,200 is not met, with no pace.
    let q4 = env.report_json(&["--period", "2027-Q4", "--as-of", "2028-02-01"]);
    assert_eq!(ind(&q4, "harvest")["status"], "not_met");
    assert_eq!(ind(&q4, "harvest")["expected"], Value::Null);
    // A second plan year, H1 2028:
    let r = env.report_json(&["--period", "2028-H1", "--as-of", "2028-11-26"]);
    // clinics now has a start value: 2027's year value (H2: 4). Expected
    // 4 + (5 − 4) × 0.5 = 4.5; 4: behind, 88.888… %.
    paced(&r, "clinics", "behind", 4.5, 400.0 / 4.5);
    // loans, cumulative mid-year: T′ = 2,400 × 1/3 = 800, T = 2,400 × 2/3 =
    // 1,600; value 2027 (200 + 250 + 150 + 150 = 750) + 2028 H1 (400) =
    // 1,150 against 800 + 800 × 0.5 = 1,200: behind, 95.833… %.
    paced(&r, "loans", "behind", 1200.0, 1150.0 / 12.0);
    approx(&ind(&r, "loans")["value"], 1150.0);
    // wells from 2027's year value (Q4: 41) toward 2028's straight line …
    // no: the milestone path ends in 2027; 2028 lies on the line from the
    // baseline 30 (2026) to 50 (2029): 30 + 20 × 2/3. No 2028 figure.
    assert_eq!(ind(&r, "wells")["status"], "no_data");
    approx(&ind(&r, "wells")["expected"], 41.0 + (30.0 + 20.0 * 2.0 / 3.0 - 41.0) * 0.5);
}

#[test]
fn a_span_whose_last_year_has_no_figure() {
    let env = farm();
    let r = env.report_json(&["--years", "2027-2029", "--as-of", "2029-03-01"]);
    // roads: 2027 = 14, 2028 = 17, 2029 none: judged on 2028's 17 against
    // 2029's target 20: 85 %, not met, partial, value_year 2028.
    let rd = ind(&r, "roads");
    approx(&rd["value"], 17.0);
    assert_eq!(rd["value_year"], 2028);
    assert_eq!(rd["partial"], true);
    approx(&rd["attainment"], 85.0);
    assert_eq!(rd["status"], "not_met");
    let years: Vec<Option<f64>> =
        rd["series"].as_array().unwrap().iter().map(|p| p["value"].as_f64()).collect();
    assert_eq!(years, [Some(14.0), Some(17.0), None]);
    // The span runs to 31/12/2029: on 1 March it is provisional.
    assert_eq!(r["provisional"], true);
    // The document: roads named with its year, each year beside it;
    // harvest (year basis, nothing in 2029) is not "no data" but says
    // 2029 has no figure yet, with its earlier years; loans' target is
    // named as cumulative, never as a target of 2029 alone.
    let p = crate::docx::paragraphs(&docx(&env, &["--years", "2027-2029", "--as-of", "2029-03-01"]));
    let roads = p.iter().find(|x| x.starts_with("- Field roads paved:")).unwrap();
    assert!(roads.contains("17 km (figure of 2028), 85 % of the plan for 2029"), "{roads}");
    assert!(roads.contains("by year: 2027: 14; 2028: 17; 2029: —"), "{roads}");
    let harvest = p.iter().find(|x| x.starts_with("- Harvest:")).unwrap();
    assert_eq!(harvest, "- Harvest: no figure for 2029 yet; by year: 2027: 990*; 2028: —; 2029: —.");
    let loans = p.iter().find(|x| x.starts_with("- Loans to members:")).unwrap();
    assert!(loans.contains("of the target cumulative to 2029"), "{loans}");
    // The appendix names the cumulative target too.
    assert!(p.iter().any(|x| x == "at least 2,400 (cumulative to 2029)"), "{p:#?}");
    let html = text(&env, &["--years", "2027-2029", "--as-of", "2029-03-01", "--format", "html"]);
    assert!(html.contains("figure of 2028") && html.contains("2027: 14; 2028: 17; 2029: —"), "html");
    let md = text(&env, &["--years", "2027-2029", "--as-of", "2029-03-01", "--format", "md"]);
    assert!(md.contains("cumulative to 2029"), "{md}");
    assert!(md.contains("17* (figure of 2028) [85 %]"), "{md}");
}

/// The bullets of section II (shortcomings) of a document (none when it
/// says there is nothing to list).
/// The bullets of III.2 (shortcomings: "2. Hạn chế, tồn tại" / "2. Shortcomings").
fn shortcomings(p: &[String]) -> Vec<String> {
    let at = p.iter().position(|x| x == "2. Hạn chế, tồn tại" || x == "2. Shortcomings").expect("part III.2");
    p[at + 1..].iter().take_while(|x| x.starts_with("- ")).cloned().collect()
}

fn docx(env: &Env, args: &[&str]) -> Vec<u8> {
    let out = env.cmd().args(["report", "--format", "docx"]).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn a_provisional_review_says_so_at_the_top_of_every_format() {
    let env = farm();
    let args = ["--period", "2027-H1", "--as-of", "2027-06-20"];
    let r = env.report_json(&args);
    assert_eq!(r["provisional"], true, "20 June is before E, 30 June");
    let line = "Provisional: figures up to 2027-06-20";
    for fmt in ["table", "md", "html"] {
        let out = text(&env, &[&args[..], &["--format", fmt]].concat());
        let at = out.find(line).unwrap_or_else(|| panic!("{fmt}: {out}"));
        // At the top: before the first group's heading.
        assert!(at < out.find("Farming").unwrap_or(usize::MAX), "{fmt}: {out}");
    }
    let csv = text(&env, &[&args[..], &["--format", "csv"]].concat());
    let head: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let col = head.iter().position(|h| *h == "provisional").unwrap();
    assert!(csv.lines().skip(1).all(|l| l.split(',').nth(col) == Some("true")), "{csv}");
    let p = crate::docx::paragraphs(&docx(&env, &args));
    let at = p.iter().position(|x| x == "Provisional figures, up to 2027-06-20.").expect("docx line");
    assert!(at < p.iter().position(|x| x.contains("1. Farming")).unwrap());
    let out = env.dir.path().join("r.xlsx");
    env.cmd().arg("report").args(args).args(["--format", "xlsx", "--output"]).arg(&out).assert().success();
    let mut wb = crate::workbook::workbook(std::fs::read(&out).unwrap());
    use calamine::Reader;
    for name in wb.sheet_names() {
        let s = wb.worksheet_range(&name).unwrap();
        assert_eq!(s.get_value((2, 0)), Some(&calamine::Data::String(line.into())), "{name}");
    }
    // After E, not provisional: no such line.
    let later = text(&env, &["--period", "2027-H1", "--as-of", "2027-07-20"]);
    assert!(!later.contains("Provisional"), "{later}");
}

/// SPEC §5a: no translated text in JSON: the same bytes under each
/// language for a year, a part of a year and a span.
#[test]
fn json_is_the_same_in_every_language() {
    let env = farm();
    for args in [
        vec!["--year", "2027", "--as-of", "2028-02-01"],
        vec!["--period", "2027-H1", "--as-of", "2027-11-26"],
        vec!["--years", "2027-2029", "--as-of", "2029-03-01"],
    ] {
        let run = |lang: &str| {
            let out =
                env.cmd().args(["--lang", lang, "report", "--format", "json"]).args(&args).output().unwrap();
            assert!(out.status.success());
            out.stdout
        };
        let (vi, en) = (run("vi"), run("en"));
        assert_eq!(String::from_utf8_lossy(&vi), String::from_utf8_lossy(&en), "{args:?}");
    }
}

#[test]
fn every_format_words_pace_tracked_and_the_basis_of_headlines() {
    let env = farm();
    let args = ["--period", "2027-H1", "--as-of", "2027-11-26"];
    let md = text(&env, &[&args[..], &["--format", "md"]].concat());
    // The pace with the plan to date named.
    assert!(md.contains("On track<br>(57.5 % of the year's plan; the 6-month plan is 200 (115 %))"), "{md}");
    assert!(md.contains("Behind pace<br>(45 % of the year's plan; the 6-month plan is 600 (90 %))"), "{md}");
    assert!(md.contains("In progress<br>(no start-of-year value to measure pace from)"), "{md}");
    // Tracked apart from "no target for the year".
    assert!(md.contains("Tracked only"), "{md}");
    assert!(md.contains("No target for 2027 (target for 2029: at least 5)"), "{md}");
    // The headline: what it rests on and the counts beside the percentage.
    // 718.311… / 8 = 89.789… %.
    assert!(
        md.contains(
            "Attainment: 89.8 % (based on 8 of 12 indicators) · On track 4 · Behind pace 1 · Not met 3 · \
             In progress 1 · No data 1 · No target 1 · Tracked only 1"
        ),
        "{md}"
    );
    assert!(md.contains("completion rate 100 % (1 of 1 tasks come due)"), "{md}");
    assert!(md.contains("Tasks coming due: t_silo (due 2027-10-31, Cooperative board)"), "{md}");
    let html = text(&env, &[&args[..], &["--format", "html"]].concat());
    assert!(html.contains(r#"<span class="big basis">based on 8 of 12 indicators</span>"#), "html basis");
    assert!(html.contains("On track") && html.contains("Tracked only") && html.contains("Behind pace"));
    assert!(html.contains("Tasks coming due") && html.contains("t_silo"));
    let p = crate::docx::paragraphs(&docx(&env, &args));
    let milk = p.iter().find(|x| x.starts_with("- Milk sold:")).unwrap();
    assert_eq!(
        milk,
        "- Milk sold: 230 kl, 57.5 % of the plan for 2027 (at least 400); the 6-month plan is 200 kl, reached at 115 %; on track."
    );
    assert!(
        p.iter()
            .any(|x| x.starts_with("Attainment of the whole plan:") && x.contains("over 8 of 12 indicators"))
    );
    // The tasks coming due are in part IV, each with its lead and due date.
    let next = p.iter().position(|x| x == "Tasks to complete (1):").unwrap();
    assert_eq!(p[next + 1], "- Build a silo (led by Cooperative board, due 2027-10-31).");
    // Shortcomings: behind and not met, never what is on track.
    let short = shortcomings(&p);
    assert!(short.iter().any(|x| {
        x.starts_with("- Harvest is behind pace: 540 t, against the 6-month plan of 600 t (90 %).")
    }));
    for on_track in ["Milk sold", "Wells in use", "Work accidents", "Loans to members"] {
        assert!(!short.iter().any(|x| x.contains(on_track)), "{on_track} listed as a shortcoming");
    }
    // xlsx: the summary holds the basis and the counts by status.
    let out = env.dir.path().join("r.xlsx");
    env.cmd().arg("report").args(args).args(["--format", "xlsx", "--output"]).arg(&out).assert().success();
    let mut wb = crate::workbook::workbook(std::fs::read(&out).unwrap());
    use calamine::{Data, Reader};
    let s = wb.worksheet_range("Summary").unwrap();
    // Title, what is reviewed, the headline in words, the fingerprint, a
    // blank line, the header.
    let headline =
        "Whole plan: Attainment: 89.8 % (based on 8 of 12 indicators) · On track 4 · Behind pace 1";
    let line = s.get_value((2, 0));
    assert!(matches!(line, Some(Data::String(x)) if x.starts_with(headline)), "{line:?}");
    let head: Vec<String> =
        (0..30).map(|c| s.get_value((5, c)).map(|d| d.to_string()).unwrap_or_default()).collect();
    let col = |h: &str| {
        head.iter().position(|x| x == h).unwrap_or_else(|| panic!("no column {h}: {head:?}")) as u32
    };
    assert_eq!(s.get_value((6, col("Indicators the attainment rests on"))), Some(&Data::Float(8.0)));
    assert_eq!(s.get_value((6, col("Indicators in all"))), Some(&Data::Float(12.0)));
    assert_eq!(s.get_value((6, col("On track"))), Some(&Data::Float(4.0)));
    assert_eq!(s.get_value((6, col("Tracked only"))), Some(&Data::Float(1.0)));
}

/// The shipped plan, the illustrative figures, the six-month review of
/// 2026 (as the office would run it on 26 November).
#[test]
fn the_shipped_plan_six_month_review_shows_jobs_on_pace() {
    let env = Env::shipped();
    let r = env.report_json(&["--period", "2026-H1", "--as-of", "2026-11-26"]);
    // viec_lam: 34 + 27 + 52 + 41 + 46 + 39 = 239 against 2026's share of
    // > 2,000 by 2030 (cumulative, 1/5: 400) at mid-year: 0 + 400 × 0.5 =
    // 200: on track, 239/200 = 119.5 %; 59.75 % of the year's plan.
    let v = ind(&r, "viec_lam");
    assert_eq!(v["status"], "on_track");
    approx(&v["value"], 239.0);
    approx(&v["expected"], 200.0);
    approx(&v["pace_attainment"], 119.5);
    approx(&v["attainment"], 59.75);
    // No on-pace indicator in the list of shortcomings.
    let p = crate::docx::paragraphs(&docx(&env, &["--period", "2026-H1", "--as-of", "2026-11-26"]));
    let short = shortcomings(&p);
    let names: Vec<String> = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["indicators"].as_array().unwrap().clone())
        .filter(|i| i["status"] == "on_track")
        .map(|i| i["name"].as_str().unwrap().to_string())
        .collect();
    assert!(!names.is_empty());
    for n in &names {
        assert!(!short.iter().any(|x| x.contains(n.as_str())), "{n} among the shortcomings");
    }
    let sentence = p.iter().find(|x| x.starts_with("- Lao động được giải quyết việc làm mới:")).unwrap();
    assert!(
        sentence.contains("kế hoạch lũy kế") || sentence.contains("kế hoạch 6 tháng là 200"),
        "{sentence}"
    );
    assert!(sentence.ends_with("đạt tiến độ."), "{sentence}");
    assert!(!sentence.contains("chưa đạt"), "{sentence}");
}
