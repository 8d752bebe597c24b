//! Number parsing: any string parses or is refused, never a panic; a parsed
//! number is finite and prints (10 decimals) to text that parses back to it.

#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::number::{NumberError, NumberStyle, format_number, parse};

fuzz_target!(|text: &str| {
    for style in [NumberStyle::Vi, NumberStyle::En] {
        let Ok(v) = parse(text, style) else { continue };
        assert!(v.is_finite(), "{text:?} under {style} parsed to {v}");
        let printed = format_number(v, style, 10);
        // Printing may give a decimal mark and three digits (`1,234` under
        // vi), which reads back as ambiguous: its decimal reading is `v`.
        let back = match parse(&printed, style) {
            Ok(b) => b,
            // (The decimal reading is as ambiguous as the print: read it as
            // a plain decimal, the one mark it has being the decimal mark.)
            Err(NumberError::Ambiguous { decimal, .. }) => decimal
                .replace(',', ".")
                .parse::<f64>()
                .unwrap_or_else(|e| panic!("{text:?} -> {printed:?}: decimal reading {decimal:?} fails: {e}")),
            // Ten decimals of a double can exceed 15 significant digits:
            // refused, never misread.
            Err(NumberError::TooManyDigits { digits, .. }) if digits > 15 => continue,
            Err(e) => panic!("{text:?} -> {v} -> {printed:?} does not parse back: {e}"),
        };
        // Printing keeps 10 decimals, so a figure with more is rounded to
        // within half a unit of the 10th decimal: allow that, else 1e-9 relative.
        let tol = 1e-9 * v.abs().max(back.abs()) + 0.5e-10 + f64::EPSILON;
        assert!((back - v).abs() <= tol, "{text:?} -> {v} -> {printed:?} -> {back}");
    }
});
