//! Date reading (src/input/date.rs): any string is read as a date or
//! refused, never a panic; a date read has a four-digit year of at least
//! 1900 (no two-digit year is ever guessed), and prints, in either order,
//! to text that reads back as the same date.

#![no_main]

use chrono::Datelike;
use libfuzzer_sys::fuzz_target;
use plan::settings::DateOrder;
use plan::input::date::{FIRST_YEAR, parse, parse_iso};

fuzz_target!(|text: &str| {
    for order in [DateOrder::Dmy, DateOrder::Mdy] {
        let Ok(d) = parse(text, order) else { continue };
        assert!(d.year() >= FIRST_YEAR && d.year() <= 9999, "{text:?} read as {d}");
        assert_eq!(parse(&order.format(d), order), Ok(d), "{text:?} -> {d} -> {}", order.format(d));
        assert_eq!(parse(&d.to_string(), order), Ok(d), "{text:?} -> {d}");
        assert_eq!(parse_iso(&d.to_string()), Some(d));
    }
    if let Some(d) = parse_iso(text) {
        assert_eq!(parse(text, DateOrder::Dmy), Ok(d), "{text:?}: PLAN_TODAY and --date disagree");
    }
});
