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

/// Why a string is not a number in the expected style.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NumberError {
    #[error("empty value: expected a number")]
    Empty,
    #[error("`{text}` is ambiguous under `{style}` numbers ({rule}): write `{suggestion}`")]
    WrongStyle { text: String, style: NumberStyle, rule: &'static str, suggestion: String },
    #[error("`{text}` is not a number under `{style}` numbers ({rule})")]
    Invalid { text: String, style: NumberStyle, rule: &'static str },
    #[error("`{text}` is too large to be a number")]
    TooLarge { text: String },
}

fn rule(style: NumberStyle) -> &'static str {
    match style {
        NumberStyle::Vi => "`.` groups thousands, `,` is the decimal mark, e.g. 1.234,5",
        NumberStyle::En => "`,` groups thousands, `.` is the decimal mark, e.g. 1,234.5",
    }
}

/// Parses `text` strictly under `style`. Leading/trailing spaces are ignored;
/// a leading `-` or `+` is allowed; exponents, `%` and other symbols are not.
pub fn parse(text: &str, style: NumberStyle) -> Result<f64, NumberError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(NumberError::Empty);
    }
    // Over ~309 digits the grammar still matches but f64 overflows to
    // infinity, which must never reach the ledger or a report.
    let too_large = || NumberError::TooLarge { text: t.to_string() };
    if let Some(v) = parse_strict(t, style) {
        return if v.is_finite() { Ok(v) } else { Err(too_large()) };
    }
    if let Some(v) = parse_strict(t, style.other()) {
        if !v.is_finite() {
            return Err(too_large());
        }
        return Err(NumberError::WrongStyle {
            text: t.to_string(),
            style,
            rule: rule(style),
            suggestion: format_number(v, style, 10),
        });
    }
    Err(NumberError::Invalid { text: t.to_string(), style, rule: rule(style) })
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
    let mut digits = String::with_capacity(body.len());
    let groups: Vec<&str> = int_part.split(style.group_mark()).collect();
    for (i, g) in groups.iter().enumerate() {
        let ok_len = if groups.len() == 1 {
            !g.is_empty()
        } else if i == 0 {
            (1..=3).contains(&g.len())
        } else {
            g.len() == 3
        };
        if !ok_len || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(g);
    }
    if let Some(f) = frac_part {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push('.');
        digits.push_str(f);
    }
    let v: f64 = digits.parse().ok()?;
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
        assert_eq!(parse("2.000", En), Ok(2.0));
    }

    #[test]
    fn ambiguous_is_refused_with_a_hint() {
        let e = parse("9.5", Vi).unwrap_err();
        assert!(e.to_string().contains("write `9,5`"), "{e}");
        let e = parse("9,5", En).unwrap_err();
        assert!(e.to_string().contains("write `9.5`"), "{e}");
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
    fn too_many_digits_is_refused_not_infinity() {
        // Found by the `number` fuzz target: 400 digits parsed to +inf.
        let big = "9".repeat(400);
        for s in [Vi, En] {
            assert_eq!(parse(&big, s), Err(NumberError::TooLarge { text: big.clone() }));
            assert!(parse(&format!("-{big}"), s).is_err());
        }
        // Grouped in the other style: still too large, not "write `n/a`".
        let grouped = format!("1{}", ".000".repeat(103));
        assert!(matches!(parse(&grouped, En), Err(NumberError::TooLarge { .. })));
        assert!(matches!(parse(&grouped, Vi), Err(NumberError::TooLarge { .. })));
        let max = format!("{:.0}", f64::MAX);
        assert_eq!(parse(&max, En), Ok(f64::MAX));
    }

    #[test]
    fn formats_and_round_trips() {
        assert_eq!(format_number(1234.5, Vi, 2), "1.234,5");
        assert_eq!(format_number(1234.5, En, 2), "1,234.5");
        assert_eq!(format_number(1_000_000.0, Vi, 0), "1.000.000");
        assert_eq!(format_number(-0.001, Vi, 1), "0");
        assert_eq!(format_number(-1234.0, En, 1), "-1,234");
        for v in [0.0, 1.5, 999.0, 1000.0, 123_456.789, -42.25] {
            for s in [Vi, En] {
                assert_eq!(parse(&format_number(v, s, 6), s), Ok(v));
            }
        }
    }
}
