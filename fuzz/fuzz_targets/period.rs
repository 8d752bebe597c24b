//! Period parsing: any string parses or is refused, never a panic; a period
//! prints to text that parses back to itself, and its bounds are sane.

#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::period::Period;

fuzz_target!(|text: &str| {
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
