//! Period parsing: any string parses or is refused, never a panic; a period
//! prints to text that parses back to itself, and its bounds are sane.

#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::period::Period;

fuzz_target!(|text: &str| {
    // Typed forms (Q3/2027, Quý III/2027, T7/2027…): a period read from
    // them prints in the stored form, which parses back to it.
    if let Ok(p) = plan::input::period::parse(text) {
        assert_eq!(p.to_string().parse::<Period>().as_ref(), Ok(&p), "{text:?} read as {p}");
        assert!(p.year >= 1000, "{text:?} read as {p}: a year of fewer than four digits");
    }
    let Ok(p) = text.parse::<Period>() else { return };
    let printed = p.to_string();
    assert_eq!(printed.parse::<Period>().as_ref(), Ok(&p), "{text:?} printed as {printed:?}");
    let (start, end) = (p.start(), p.end());
    assert!(start <= end, "{p}: {start} > {end}");
    assert!(p.contains_date(start) && p.contains_date(end), "{p}");
    assert!(p.next() > p, "{p}: next {} is not after it", p.next());
    assert_eq!(p.next().start(), end.succ_opt().expect("a next day"), "{p}: a gap before the next period");
    for due_days in [-400, -15, 0, 15, 400] {
        let _ = p.due(due_days);
    }
});
