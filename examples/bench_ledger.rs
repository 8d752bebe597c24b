//! Writes the ledger of bench/report.sh: many re-submissions of the same
//! periods, as a busy ledger holds them (an import file may give a period
//! only one value, so such a ledger cannot be built by one import).
//!
//! usage: cargo run --release --example bench_ledger -- PLAN.toml OUT.db ROWS [YEAR_ROWS YEAR]
//!
//! Entries cycle over the plan's recorded indicators and every period of
//! their cadence in each plan year; with YEAR_ROWS, exactly that many fall
//! in YEAR and the rest in the other years, so that ledgers of different
//! sizes hold the same entries for YEAR. Each figure is dated the 10th of
//! January after its year; values are whole numbers (valid for integer
//! indicators). Written through the ledger's writer: the chain is valid.

use anyhow::{Context, Result, bail};
use plan::entry::Kind;
use plan::ledger::{Ledger, NewEntry};
use plan::period::Period;
use plan::plan::Source;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 3 && args.len() != 5 {
        bail!("usage: bench_ledger PLAN.toml OUT.db ROWS [YEAR_ROWS YEAR]");
    }
    let text = std::fs::read_to_string(&args[0]).with_context(|| args[0].clone())?;
    let Some(plan) = plan::plan::load_str(&text, &args[0]).plan else { bail!("{} does not load", args[0]) };
    let rows: usize = args[2].parse()?;
    let (year_rows, year): (usize, i32) = match args.get(3) {
        Some(n) => (n.parse()?, args[4].parse()?),
        None => (0, i32::MIN),
    };
    let pairs = |years: Vec<i32>| -> Vec<(String, Period)> {
        let mut out = Vec::new();
        for y in years {
            for ind in plan.indicators() {
                if let Source::Recorded { every, .. } = ind.source {
                    out.extend(Period::all_in(y, every).map(|p| (ind.id.clone(), p)));
                }
            }
        }
        out
    };
    let this: Vec<_> = pairs(vec![year].into_iter().filter(|y| plan.years().contains(y)).collect());
    let others: Vec<_> = pairs(plan.years().filter(|y| *y != year).collect());
    let mut ledger = Ledger::open(std::path::Path::new(&args[1]))?;
    let mut w = ledger.writer(&plan.id)?;
    let mut n = 0usize;
    let mut emit = |pairs: &[(String, Period)], count: usize| -> Result<()> {
        for (ind, p) in pairs.iter().cycle().take(count) {
            let value = (100 + n % 997) as f64;
            w.push(&NewEntry {
                kind: Kind::Figure,
                indicator: Some(ind.clone()),
                task: None,
                period: Some(p.to_string()),
                year: p.year,
                value_text: Some(format!("{value}")),
                value: Some(value),
                reported_on: chrono::NaiveDate::from_ymd_opt(p.year + 1, 1, 10).expect("a date"),
                by: "bench".into(),
                source: Some(format!("BC {n}")),
                note: None,
                target_entry: None,
            })?;
            n += 1;
        }
        Ok(())
    };
    if !this.is_empty() {
        emit(&this, year_rows)?;
    }
    emit(&others, rows - year_rows.min(rows))?;
    w.commit()
}
