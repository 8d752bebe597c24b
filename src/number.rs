//! Numbers as people type them, in the plan's style, and back.
//!
//! Invariant: parsing is strict. `vi` means `.` only groups thousands
//! (`2.000`, `1.234.567`) and `,` is the decimal mark; `en` is the reverse.
//! A string that fits neither rule of its style is an error, never a guess:
//! `9.5` under `vi` is refused with a hint to write `9,5`.

use serde::Serialize;
use std::fmt;

/// How numbers are written: `vi` = `1.234,5`, `en` = `1,234.5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberStyle {
    Vi,
    En,
}

impl NumberStyle {
    pub fn parse_name(s: &str) -> Option<Self> {
        match s {
            "vi" => Some(Self::Vi),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    fn group_mark(self) -> char {
        match self {
            Self::Vi => '.',
            Self::En => ',',
        }
    }

    fn decimal_mark(self) -> char {
        match self {
            Self::Vi => ',',
            Self::En => '.',
        }
    }

    fn other(self) -> Self {
        match self {
            Self::Vi => Self::En,
            Self::En => Self::Vi,
        }
    }
}

impl fmt::Display for NumberStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Vi => "vi",
            Self::En => "en",
        })
    }
}

/// Why a string is not a number in the expected style. Displayed through
/// the message catalogue (`locales/*/input.ftl`).
#[derive(Debug, Clone, PartialEq)]
pub enum NumberError {
    Empty,
    /// Fits the other style only (`9.5` under `vi`): `suggestion` is the
    /// same number in this style.
    WrongStyle {
        text: String,
        style: NumberStyle,
        suggestion: String,
    },
    /// Reads differently in the two styles (`9,230` under `vi`: 9,23 or
    /// 9230?): `decimal` and `thousands` are both readings in this style.
    Ambiguous {
        text: String,
        style: NumberStyle,
        decimal: String,
        thousands: String,
    },
    Invalid {
        text: String,
        style: NumberStyle,
    },
    /// More than [`MAX_SIGNIFICANT`] significant digits: beyond what a
    /// figure can hold exactly.
    TooManyDigits {
        text: String,
        digits: usize,
    },
    /// Beyond the largest number a figure can hold.
    TooLarge {
        text: String,
    },
}

/// Worded for people in [`crate::words`] (the catalogue's `input-number-*`).
impl std::error::Error for NumberError {}

/// The most significant digits a number may have (SPEC §4 "Figures"): a
/// double holds 15 exactly.
pub const MAX_SIGNIFICANT: usize = 15;

/// Parses `text` strictly under `style`. Leading/trailing spaces are ignored;
/// a leading `-` or `+` is allowed; exponents, `%` and other symbols are not.
///
/// A number whose reading differs between the styles (one decimal mark
/// followed by exactly three digits and no group mark: `9,230` under `vi`,
/// `6.850` under `en`) is refused as ambiguous (SPEC §2), unless its whole
/// part is 0 (`0,250` is no thousands group). More than
/// [`MAX_SIGNIFICANT`] significant digits are refused.
pub fn parse(text: &str, style: NumberStyle) -> Result<f64, NumberError> {
    let t = trim(text);
    if let Some(v) = plain(t, style) {
        return Ok(v);
    }
    parse_general(t, style)
}

/// `s.trim()`, at once for text that starts and ends with a visible ASCII
/// character: the rule of `input::text::trim`, kept here too because
/// this module is of the leaf layer (it uses no other module of `plan`).
#[inline]
fn trim(s: &str) -> &str {
    match s.as_bytes() {
        [] => s,
        [first, .., last] | [first @ last] if first.is_ascii_graphic() && last.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// Below this a number's digits make an integer that a double holds
/// exactly (< 2^53) and that has at most [`MAX_SIGNIFICANT`] digits.
const PLAIN_BELOW: u64 = 1_000_000_000_000_000;

/// The powers of ten a double holds exactly.
const EXACT_POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
];

/// The common case of [`parse`] in one pass over the bytes, `None` when it
/// is not plainly so (the general reading then decides, errors
/// included): the strict grammar of [`parse_strict`], at most 15 digits
/// from the first that is not 0, and not of the form that may be
/// ambiguous (one decimal mark and three decimals, no group mark). Its
/// digits `m` (< 10^15, exact in a double) and `k` decimals (≤ 22, `10^k`
/// exact) give `m / 10^k` as one correctly rounded division: the very
/// double that reading the text as a decimal gives.
fn plain(t: &str, style: NumberStyle) -> Option<f64> {
    let (group, decimal) = match style {
        NumberStyle::Vi => (b'.', b','),
        NumberStyle::En => (b',', b'.'),
    };
    let b = t.as_bytes();
    let (negative, body) = match *b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    let mut m: u64 = 0;
    let mut push = |c: u8| {
        m = m * 10 + u64::from(c - b'0');
        m < PLAIN_BELOW
    };
    // The whole part: digits, or 1–3 digits then groups of three.
    let (mut run, mut groups, mut i) = (0usize, 0usize, 0);
    while let Some(&c) = body.get(i) {
        if c.is_ascii_digit() {
            if !push(c) {
                return None;
            }
            run += 1;
        } else if c == group {
            let ok = if groups == 0 { (1..=3).contains(&run) } else { run == 3 };
            if !ok {
                return None;
            }
            groups += 1;
            run = 0;
        } else if c == decimal {
            break;
        } else {
            return None;
        }
        i += 1;
    }
    if run == 0 || (groups > 0 && run != 3) {
        return None;
    }
    let mut k = 0;
    if i < body.len() {
        let frac = &body[i + 1..];
        if frac.is_empty() || frac.len() >= EXACT_POW10.len() || (groups == 0 && frac.len() == 3) {
            return None;
        }
        for &c in frac {
            if !c.is_ascii_digit() || !push(c) {
                return None;
            }
        }
        k = frac.len();
    }
    let v = m as f64 / EXACT_POW10[k];
    Some(if negative { -v } else { v })
}

/// [`parse`] without its fast path: every form, every error.
fn parse_general(t: &str, style: NumberStyle) -> Result<f64, NumberError> {
    if t.is_empty() {
        return Err(NumberError::Empty);
    }
    let digits = significant_digits(t);
    if digits > MAX_SIGNIFICANT && t.bytes().all(|b| b.is_ascii_digit() || b"+-.,".contains(&b)) {
        return Err(NumberError::TooManyDigits { text: t.to_string(), digits });
    }
    if let Some(v) = parse_strict(t, style) {
        if let Some((decimal, thousands)) = ambiguous(t, style) {
            return Err(NumberError::Ambiguous { text: t.to_string(), style, decimal, thousands });
        }
        return if v.is_finite() { Ok(v) } else { Err(NumberError::TooLarge { text: t.to_string() }) };
    }
    if let Some(v) = parse_strict(t, style.other()) {
        if !v.is_finite() {
            return Err(NumberError::TooLarge { text: t.to_string() });
        }
        // The same digits with the marks swapped: exactly what was meant
        // (reprinting the double could add digits it never had).
        let suggestion = t.chars().map(|c| match c {
            '.' => ',',
            ',' => '.',
            c => c,
        });
        return Err(NumberError::WrongStyle { text: t.to_string(), style, suggestion: suggestion.collect() });
    }
    Err(NumberError::Invalid { text: t.to_string(), style })
}

/// Significant digits: from the first non-zero digit to the last (`1,50`
/// has 2, `2.000.000` has 1). No allocation: it runs on every imported
/// value.
fn significant_digits(t: &str) -> usize {
    let digits = t.bytes().filter(u8::is_ascii_digit);
    let (mut n, mut zeros, mut started) = (0, 0, false);
    for b in digits {
        if b == b'0' {
            zeros += started as usize;
        } else {
            n += zeros + 1;
            zeros = 0;
            started = true;
        }
    }
    n
}

/// Both readings of an ambiguous number, in `style`: (as a decimal, as a
/// thousands group), or `None` when it has one reading.
fn ambiguous(t: &str, style: NumberStyle) -> Option<(String, String)> {
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    if body.contains(style.group_mark()) {
        return None;
    }
    let (int, frac) = body.split_once(style.decimal_mark())?;
    if frac.len() != 3 || int.is_empty() || int.len() > 3 || int.bytes().all(|b| b == b'0') {
        return None;
    }
    let sign = if t.starts_with('-') { "-" } else { "" };
    let as_decimal = format!("{sign}{int}{}{}", style.decimal_mark(), frac.trim_end_matches('0'));
    let as_decimal = as_decimal.trim_end_matches(style.decimal_mark()).to_string();
    let as_group = format!("{sign}{int}{}{frac}", style.group_mark());
    Some((as_decimal, as_group))
}

/// The strict grammar: `[+-]? int (D digits+)?` where `int` is either plain
/// digits or 1–3 digits followed by groups of exactly three after each `G`.
fn parse_strict(t: &str, style: NumberStyle) -> Option<f64> {
    let (negative, body) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let (int_part, frac_part) = match body.split_once(style.decimal_mark()) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int_part.is_empty() {
        return None;
    }
    // The digits without group marks, then `.` and the decimals: never
    // longer than `body` (its decimal mark is one byte, like the `.`). On
    // the stack for any real figure: an import parses one per row.
    let mut inline = [0u8; 64];
    let mut spilled;
    let digits: &mut [u8] = if body.len() <= inline.len() {
        &mut inline
    } else {
        spilled = vec![0u8; body.len()];
        &mut spilled
    };
    let mut n = 0;
    let mut put = |bytes: &[u8]| {
        digits[n..n + bytes.len()].copy_from_slice(bytes);
        n += bytes.len();
    };
    let grouped = int_part.contains(style.group_mark());
    for (i, g) in int_part.split(style.group_mark()).enumerate() {
        let ok_len = if !grouped {
            !g.is_empty()
        } else if i == 0 {
            (1..=3).contains(&g.len())
        } else {
            g.len() == 3
        };
        if !ok_len || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        put(g.as_bytes());
    }
    if let Some(f) = frac_part {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        put(b".");
        put(f.as_bytes());
    }
    let v: f64 = std::str::from_utf8(&digits[..n]).ok()?.parse().ok()?;
    Some(if negative { -v } else { v })
}

/// Formats `value` in `style` with thousands grouping and at most
/// `max_decimals` decimals (trailing zeros dropped).
pub fn format_number(value: f64, style: NumberStyle, max_decimals: usize) -> String {
    if !value.is_finite() {
        return "n/a".to_string();
    }
    let fixed = format!("{:.*}", max_decimals, value.abs());
    let (int, frac) = match fixed.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (fixed.clone(), String::new()),
    };
    let mut out = String::with_capacity(fixed.len() + 4);
    let is_zero = int.bytes().all(|b| b == b'0') && frac.is_empty();
    if value < 0.0 && !is_zero {
        out.push('-');
    }
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(style.group_mark());
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(style.decimal_mark());
        out.push_str(&frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberStyle::*;

    proptest::proptest! {
        /// The one-pass reading of the common case gives the very double
        /// the general reading gives (bit for bit), whenever it reads one.
        #[test]
        fn the_fast_path_agrees_with_the_general_reading(t in "[-+]?[0-9.,]{1,24}", vi: bool) {
            let style = if vi { Vi } else { En };
            if let Some(v) = plain(&t, style) {
                let general = parse_general(&t, style);
                proptest::prop_assert_eq!(general.map(f64::to_bits), Ok(v.to_bits()), "{}", t);
            }
        }
    }

    #[test]
    fn the_fast_path_reads_the_common_forms_and_leaves_the_rest() {
        // 1.234,5 = 12345 / 10^1; -0,25 = -(25 / 10^2).
        assert_eq!(plain("1.234,5", Vi), Some(1234.5));
        assert_eq!(plain("-0,25", Vi), Some(-0.25));
        assert_eq!(plain("+1,234,567.5", En), Some(1_234_567.5));
        assert_eq!(plain("742", Vi), Some(742.0));
        // Ambiguous (9,230: 9,23 or 9230?), wrong style, too many digits,
        // malformed groups: the general reading decides.
        for t in ["9,230", "9.5", "1234567890123456", "12.34", "1..000", "1.000,", ",5", "", "-", "1e3"] {
            assert_eq!(plain(t, Vi), None, "{t}");
        }
    }

    #[test]
    fn figures_longer_than_the_stack_buffer_read_the_same() {
        // 73 bytes: past the 64 kept on the stack, few significant digits.
        let tiny = format!("0,{}1", "0".repeat(70));
        assert_eq!(parse(&tiny, NumberStyle::Vi).unwrap(), 1e-71);
        let grouped = format!("1.234,5{}", "0".repeat(66));
        assert_eq!(parse(&grouped, NumberStyle::Vi).unwrap(), 1234.5);
        assert_eq!(parse("-1.234,5", NumberStyle::Vi).unwrap(), -1234.5);
        assert!(parse("1.23,5", NumberStyle::Vi).is_err());
    }

    #[test]
    fn vi_style() {
        assert_eq!(parse("2.000", Vi), Ok(2000.0));
        assert_eq!(parse("1.234.567", Vi), Ok(1_234_567.0));
        assert_eq!(parse("1.234,5", Vi), Ok(1234.5));
        assert_eq!(parse("9,5", Vi), Ok(9.5));
        assert_eq!(parse(" -12 ", Vi), Ok(-12.0));
        assert_eq!(parse("1234,5", Vi), Ok(1234.5));
    }

    #[test]
    fn en_style() {
        assert_eq!(parse("2,000", En), Ok(2000.0));
        assert_eq!(parse("1,234.5", En), Ok(1234.5));
        assert_eq!(parse("9.5", En), Ok(9.5));
        assert_eq!(parse("2.0001", En), Ok(2.0001));
        assert!(matches!(parse("2.000", En), Err(NumberError::Ambiguous { .. })));
    }

    #[test]
    fn wrong_style_is_refused_with_a_hint() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let e = parse("9.5", Vi).unwrap_err();
        assert!(e.to_string().contains("write `9,5`"), "{e}");
        let e = parse("9,5", En).unwrap_err();
        assert!(e.to_string().contains("write `9.5`"), "{e}");
    }

    #[test]
    fn a_decimal_mark_then_three_digits_is_ambiguous() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let e = parse("9,230", Vi).unwrap_err();
        assert_eq!(
            e,
            NumberError::Ambiguous {
                text: "9,230".into(),
                style: Vi,
                decimal: "9,23".into(),
                thousands: "9.230".into()
            }
        );
        assert!(e.to_string().contains("write `9,23` or `9.230`"), "{e}");
        let e = parse("6.850", En).unwrap_err();
        assert!(e.to_string().contains("write `6.85` or `6,850`"), "{e}");
        assert!(matches!(parse("-7,420", Vi), Err(NumberError::Ambiguous { .. })));
        assert!(matches!(parse("100,000", Vi), Err(NumberError::Ambiguous { .. })));
        // One reading only: a group mark, four digits, a whole part of 0.
        assert_eq!(parse("1.234,567", Vi), Ok(1234.567));
        assert_eq!(parse("9,2300", Vi), Ok(9.23));
        assert_eq!(parse("0,250", Vi), Ok(0.25));
        assert_eq!(parse("9.230", Vi), Ok(9230.0));
        assert_eq!(parse("9,230", En), Ok(9230.0));
        assert_eq!(parse("1234,567", Vi), Ok(1234.567));
    }

    #[test]
    fn garbage_is_refused() {
        for s in ["", "abc", "1.23", "1..2", "1,2,3", "12.34.5", "1e5", "--1", ",5", "5,", "1.2345"] {
            assert!(parse(s, Vi).is_err(), "{s}");
        }
        for s in ["1,23", "1e5", ".5", "5.", "1,2345"] {
            assert!(parse(s, En).is_err(), "{s}");
        }
    }

    #[test]
    fn more_than_fifteen_significant_digits_are_refused() {
        let big = "9".repeat(400);
        for s in [Vi, En] {
            assert!(matches!(parse(&big, s), Err(NumberError::TooManyDigits { digits: 400, .. })));
            assert!(parse(&format!("-{big}"), s).is_err());
        }
        let grouped = format!("1{}", ".000".repeat(103));
        assert!(matches!(parse(&grouped, En), Err(NumberError::TooLarge { .. })));
        assert!(matches!(parse(&grouped, Vi), Err(NumberError::TooLarge { .. })));
        assert_eq!(parse("1.000.000.000.000.000.000", Vi), Ok(1e18));
        let d36 = "123456789012345678901234567890123456";
        assert!(matches!(parse(d36, Vi), Err(NumberError::TooManyDigits { digits: 36, .. })));
        assert_eq!(parse("123456789012345", Vi), Ok(123_456_789_012_345.0));
        assert!(parse("1234567890123456", Vi).is_err());
        assert_eq!(parse("0,000000000000001", Vi), Ok(1e-15));
        assert_eq!(parse("1,500000000000000000", Vi), Ok(1.5));
    }

    #[test]
    fn formats_and_round_trips() {
        assert_eq!(format_number(1234.5, Vi, 2), "1.234,5");
        assert_eq!(format_number(1234.5, En, 2), "1,234.5");
        assert_eq!(format_number(1_000_000.0, Vi, 0), "1.000.000");
        assert_eq!(format_number(-0.001, Vi, 1), "0");
        assert_eq!(format_number(-1234.0, En, 1), "-1,234");
        for v in [0.0, 1.5, 999.0, 1000.0, 123_456.789, -42.25, 1.2345] {
            for s in [Vi, En] {
                assert_eq!(parse(&format_number(v, s, 6), s), Ok(v));
            }
        }
    }
}
