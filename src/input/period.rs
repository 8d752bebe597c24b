//! Periods as people type them (SPEC §4 "Periods"): the one place that
//! reads a typed period and decides whether it fits an indicator.
//!
//! The stored forms (`2027`, `2027-H1`, `2027-Q3`, `2027-07`) are
//! [`Period`]'s own; typed input also takes the Vietnamese forms
//! `Q3/2027`, `Quý 3/2027`, `quý III/2027`, `H1/2027`, `T7/2027`,
//! `Tháng 7/2027`, `07/2027`, `6 tháng đầu năm 2027`, `Năm 2027`, with or
//! without accents, in any case. A two-digit year is never guessed, and a
//! period that a spreadsheet turned into a date is refused with that
//! explanation.

use crate::period::{Cadence, Period};
use crate::plan::{Indicator, Plan};
use crate::tr;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Reads a typed period in any of the forms above.
pub fn parse(text: &str) -> Result<Period, String> {
    let t = super::text::trim(text);
    if t.is_empty() {
        return Err(tr!("input-period-empty"));
    }
    if let Ok(p) = t.parse::<Period>() {
        // `0026`, `0266-Q1`: four digits, but a two-digit year padded.
        if p.year < super::date::FIRST_YEAR {
            return Err(tr!("input-period-year", text = t, first = super::date::FIRST_YEAR.to_string()));
        }
        return Ok(p);
    }
    let key = fold(t);
    if let Some(p) = vietnamese(&key) {
        let p = p.map_err(|()| tr!("input-period-short-year", text = t))?;
        // `Năm 0000`: four digits, but no year of the plan's kind.
        if p.year < super::date::FIRST_YEAR {
            return Err(tr!("input-period-year", text = t, first = super::date::FIRST_YEAR.to_string()));
        }
        return Ok(p);
    }
    // A date where a period was meant: 2027-07-01, 01/07/2027.
    if super::date::parse(t, crate::settings::DateOrder::Dmy).is_ok()
        || super::date::parse(t, crate::settings::DateOrder::Mdy).is_ok()
    {
        return Err(tr!("input-period-is-date", text = t));
    }
    if t.len() >= 2
        && t.bytes().take_while(u8::is_ascii_digit).count() == 2
        && t.as_bytes()[2..].starts_with(b"-")
    {
        return Err(tr!("input-period-short-year", text = t));
    }
    Err(tr!("input-period-form", text = t))
}

/// Lowercase, without accents (`Quý` → `quy`, `Tháng` → `thang`, `đ` →
/// `d`), spaces collapsed.
fn fold(s: &str) -> String {
    let bare: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == 'đ' || c == 'Đ' { 'd' } else { c })
        .collect();
    bare.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A Vietnamese form: `Some(Ok(p))`, `Some(Err(()))` for the right form
/// with a two-digit year, `None` when it is no such form.
fn vietnamese(key: &str) -> Option<Result<Period, ()>> {
    let (head, year) = if let Some((h, y)) = key.rsplit_once('/') {
        (h.trim(), y.trim())
    } else if let Some((h, y)) = key.rsplit_once(" nam ") {
        (h.trim(), y.trim())
    } else {
        ("", key.strip_prefix("nam ")?.trim())
    };
    if !year.bytes().all(|b| b.is_ascii_digit()) || year.is_empty() {
        return None;
    }
    let (cadence, index) = period_word(head)?;
    if year.len() != 4 {
        return (year.len() <= 2).then_some(Err(()));
    }
    let year: i32 = year.parse().ok()?;
    if index == 0 || index > cadence.per_year() {
        return None;
    }
    Some(Ok(Period { year, cadence, index }))
}

/// The part before the year: `q3`, `quy 3`, `quy iii`, `h1`, `t7`,
/// `thang 7`, `07`, `6 thang dau`, `6 thang cuoi`, `` (a year).
fn period_word(head: &str) -> Option<(Cadence, u32)> {
    let num = |s: &str| -> Option<u32> {
        let s = s.trim();
        if !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()) {
            return s.parse().ok();
        }
        let roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
        roman.iter().position(|r| *r == s).map(|i| i as u32 + 1)
    };
    match head {
        "" => return Some((Cadence::Year, 1)),
        "6 thang dau" => return Some((Cadence::Half, 1)),
        "6 thang cuoi" => return Some((Cadence::Half, 2)),
        _ => {}
    }
    for (prefix, cadence) in [
        ("quy", Cadence::Quarter),
        ("q", Cadence::Quarter),
        ("thang", Cadence::Month),
        ("t", Cadence::Month),
        ("h", Cadence::Half),
    ] {
        if let Some(rest) = head.strip_prefix(prefix) {
            return num(rest).map(|i| (cadence, i));
        }
    }
    num(head).filter(|_| head.bytes().all(|b| b.is_ascii_digit())).map(|m| (Cadence::Month, m))
}

/// A period that fits the indicator's cadence (or a whole year) inside the
/// plan's years.
pub fn of_indicator(plan: &Plan, ind: &Indicator, text: &str) -> Result<Period, String> {
    let p = parse(text)?;
    fits(plan, ind, p)?;
    Ok(p)
}

/// Whether a figure of `ind` may be given for `period` (SPEC §4 "Periods").
pub fn fits(plan: &Plan, ind: &Indicator, period: Period) -> Result<(), String> {
    let Some(every) = ind.cadence() else {
        return Err(tr!("input-derived", id = ind.id.as_str(), from = crate::plan::derived_from(ind)));
    };
    if period.cadence != every && period.cadence != Cadence::Year {
        let example = Period::all_in(period.year, every).next().expect("a period");
        return Err(tr!(
            "input-period-cadence",
            period = period.to_string(),
            id = ind.id.as_str(),
            every = every.name(),
            example = example.to_string(),
            year = period.year.to_string()
        ));
    }
    if !plan.years().contains(&period.year) {
        return Err(tr!(
            "input-period-outside",
            period = period.to_string(),
            start = plan.start.to_string(),
            end = plan.end.to_string()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn vietnamese_forms() {
        for (typed, want) in [
            ("Q3/2027", "2027-Q3"),
            ("Quý 3/2027", "2027-Q3"),
            ("quý III/2027", "2027-Q3"),
            ("QUÝ  IV / 2027", "2027-Q4"),
            ("H1/2027", "2027-H1"),
            ("T7/2027", "2027-07"),
            ("Tháng 7/2027", "2027-07"),
            ("Tha\u{301}ng 12/2027", "2027-12"),
            ("07/2027", "2027-07"),
            ("7/2027", "2027-07"),
            ("6 tháng đầu năm 2027", "2027-H1"),
            ("6 tháng cuối năm 2027", "2027-H2"),
            ("Năm 2027", "2027"),
            ("Quý 2 năm 2027", "2027-Q2"),
            (" 2027-q3 ", "2027-Q3"),
        ] {
            assert_eq!(parse(typed), Ok(p(want)), "{typed}");
        }
    }

    #[test]
    fn refusals_say_why() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        assert!(parse("Q3/27").unwrap_err().contains("two-digit"));
        assert!(parse("T7/27").unwrap_err().contains("two-digit"));
        assert!(parse("27-Q3").unwrap_err().contains("two-digit"));
        // Found by the `period` fuzz target: `0266` read as the year 266.
        assert!(parse("0266").unwrap_err().contains("0266"));
        assert!(parse("0026-Q3").unwrap_err().contains("1900"));
        // And in the Vietnamese forms (fuzz: `nam  0000`).
        assert!(parse("nam  0000").unwrap_err().contains("1900"));
        assert!(parse("Q3/0027").unwrap_err().contains("1900"));
        assert!(parse("2027-07-01").unwrap_err().contains("date"));
        assert!(parse("01/07/2027").unwrap_err().contains("date"));
        for s in ["Q5/2027", "T13/2027", "H3/2027", "x", "2027-W1", "quý/2027"] {
            assert!(parse(s).is_err(), "{s}");
        }
    }
}
