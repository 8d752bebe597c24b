//! `plan.toml` loader: any text gives a plan or diagnostics, never a panic.
//! A plan that loads is audited and reported on for its first year, with no
//! entries and with one figure per recorded indicator; every roll-up
//! attainment must be a finite number in 0..=100.

#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use plan::entry::{Entry, Kind};
use plan::period::Period;
use plan::plan::{Audit, Plan, load_str};
use plan::report::{self, Options, Report};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let loaded = load_str(text, "fuzz.toml");
    for d in &loaded.diagnostics {
        let _ = d.to_string();
    }
    let Some(plan) = loaded.plan else { return };
    assert!(loaded.diagnostics.is_empty(), "a plan loaded with diagnostics");
    let audit = Audit::of(&plan);
    let _ = audit.gap_count();
    serde_json::to_string(&audit).expect("an audit serializes");
    serde_json::to_string(&plan).expect("a plan serializes");
    let year = plan.start;
    let as_of = NaiveDate::from_ymd_opt(year + 1, 6, 30).expect("plan years are plausible");
    let opts = Options { group: None, series: report::Series::Charts };
    check(&report::compute(&plan, year, as_of, &[], &opts));
    check(&report::compute(&plan, year, as_of, &figures(&plan, year), &opts));
});

/// One annual figure per recorded indicator, with values that probe the
/// edges of the arithmetic (0, negative, huge).
fn figures(plan: &Plan, year: i32) -> Vec<Entry> {
    const VALUES: [f64; 5] = [1.0, 0.0, -5.0, 1e15, 42.5];
    let reported_on = NaiveDate::from_ymd_opt(year + 1, 1, 5).expect("valid date");
    plan.indicators()
        .filter(|i| !i.is_derived())
        .enumerate()
        .map(|(n, ind)| Entry {
            id: n as i64 + 1,
            kind: Kind::Figure,
            indicator: Some(ind.id.clone()),
            task: None,
            period: Some(Period::year(year).to_string()),
            year: year.into(),
            value_text: None,
            value: Some(VALUES[n % VALUES.len()]),
            reported_on,
            recorded_at: String::new(),
            by: "fuzz".into(),
            source: None,
            note: None,
            target_entry: None,
            batch: None,
            plan_id: plan.id.clone(),
            hash: String::new(),
        })
        .collect()
}

fn check(r: &Report) {
    let rollup = |what: &str, a: Option<f64>| {
        if let Some(a) = a {
            assert!(a.is_finite() && (0.0..=100.0).contains(&a), "{what} attainment {a}");
        }
    };
    let finite = |what: &str, x: Option<f64>| {
        if let Some(x) = x {
            assert!(x.is_finite(), "{what} = {x}");
        }
    };
    rollup("plan", r.attainment);
    for g in &r.groups {
        rollup(&g.id, g.attainment);
        for i in &g.indicators {
            finite("value", i.value);
            finite("target", i.target);
            finite("target_max", i.target_max);
            finite("attainment", i.attainment);
            finite("progress", i.progress);
            for p in &i.series {
                finite("series value", p.value);
                finite("series target", p.target);
                finite("series target_max", p.target_max);
            }
        }
    }
    serde_json::to_string(r).expect("a report serializes");
}
