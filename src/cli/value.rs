//! Typed values of command-line arguments (SPEC §4): clap `value_parser`s,
//! so that every command reads a period, a span of years or a date through
//! one parser, in every form SPEC §4 lists (the Vietnamese ones included),
//! and a malformed value is a usage error (exit 2) with the same message
//! whichever command took it.
//!
//! What depends on the plan is left to the commands: whether the value
//! lies inside the plan's years ([`crate::plan::Plan::within_years`], one
//! message for all). A slashed date is read in the plan's `dates` order,
//! which [`crate::cli::parse`] has read from the plan file when the first
//! date is parsed ([`set_date_order_source`]), as it reads the plan's
//! language when the first message needs it.

use crate::period::Period;
use crate::report::Years;
use crate::settings::DateOrder;
use chrono::NaiveDate;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// A value these parsers refused: the message says what was seen and how
/// to write it. [`crate::cli::exit_with`] prints it as "invalid ARG:
/// MESSAGE", exit 2, whichever command took the argument.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct Malformed(pub String);

/// The order of slashed dates once known: unset, day first, month first
/// (the plan's `dates = "mdy"`).
static ORDER: AtomicU8 = AtomicU8::new(UNSET);
const UNSET: u8 = 0;
const DAY_FIRST: u8 = 1;
const MONTH_FIRST: u8 = 2;

/// Where the order comes from until [`set_date_order`] says: asked on the
/// first slashed date ([`set_date_order_source`]).
static SOURCE: OnceLock<fn() -> DateOrder> = OnceLock::new();

/// The order of slashed dates in `--date` and `--as-of`: the plan's
/// `dates`.
pub fn set_date_order(order: DateOrder) {
    ORDER.store(if order == DateOrder::Mdy { MONTH_FIRST } else { DAY_FIRST }, Ordering::Relaxed);
}

/// Until [`set_date_order`] is called, the order is `source()`, asked when
/// a date is first parsed ([`crate::cli::parse`] reads the plan file's
/// `dates` only then). Only the first source set counts.
pub fn set_date_order_source(source: fn() -> DateOrder) {
    let _ = SOURCE.set(source);
}

fn date_order() -> DateOrder {
    match ORDER.load(Ordering::Relaxed) {
        MONTH_FIRST => DateOrder::Mdy,
        DAY_FIRST => DateOrder::Dmy,
        _ => {
            let order = SOURCE.get().map_or(DateOrder::Dmy, |source| source());
            set_date_order(order);
            order
        }
    }
}

/// `--period`: a period in any typed form (`2027-Q3`, `Q3/2027`,
/// `Quý 3/2027`, `quý III/2027`, `H1/2027`, `T7/2027`, `Tháng 7/2027`,
/// `07/2027`…), as [`crate::input::period::parse`] reads it.
/// Errors: that parser's message (what was seen, the forms to write).
pub fn period(text: &str) -> Result<Period, Malformed> {
    crate::input::period::parse(text).map_err(Malformed)
}

/// `export --period`: a period as [`period`] reads it, or a DHIS2 period
/// code (`2027S1`, `2027Q3`, `202707`; SPEC §4.3). Errors: [`period`]'s.
pub fn export_period(text: &str) -> Result<Period, Malformed> {
    period(text).or_else(|e| crate::export::dhis2::parse_period_code(text.trim()).map_err(|_| e))
}

/// `--years A-B`: a span of four-digit years, A not after B.
/// Errors: the catalogue's `report-bad-years`.
pub fn years(text: &str) -> Result<Years, Malformed> {
    text.parse().map_err(|_| Malformed(crate::tr!("report-bad-years", years = text.trim())))
}

/// `--as-of`, and `--date`/`--reported-on` of the writing commands
/// (`record`, `done`, `correct`, `void`): a date, `YYYY-MM-DD` or slashed in the plan's `dates` order
/// (SPEC §4 "Dates"), as [`crate::input::date::parse`] reads it.
/// Errors: that parser's message (no such day, a two-digit year…).
pub fn date(text: &str) -> Result<NaiveDate, Malformed> {
    // `YYYY-MM-DD` reads the same in either order: the plan's is not asked
    // for it (nor the plan file read before the command loads it).
    if let Some(d) = crate::input::date::parse_iso(text) {
        return Ok(d);
    }
    crate::input::date::parse(text, date_order()).map_err(Malformed)
}

/// `import --delimiter`: one punctuation character, or `tab` (also `\t`),
/// as [`crate::import::parse_delimiter`] reads it. Errors: its message.
pub fn delimiter(text: &str) -> Result<u8, Malformed> {
    crate::import::parse_delimiter(text).map_err(Malformed)
}

/// `verify --head ID:HEX`: the head fingerprint a report printed, an entry
/// id and the first hex digits (4 to 64) of its hash, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadPin {
    /// The entry id, 1 or more (a leading `#` is allowed).
    pub id: i64,
    /// The start of its hash, lower-case hex.
    pub hex: String,
}

/// `--head ID:HEX` (see [`HeadPin`]).
/// Errors: the catalogue's `verify-head-form`.
pub fn head(text: &str) -> Result<HeadPin, Malformed> {
    let bad = || Malformed(crate::tr!("verify-head-form", text = text.trim()));
    let (id, hex) = text.trim().split_once(':').ok_or_else(bad)?;
    let id: i64 = id.trim().trim_start_matches('#').parse().map_err(|_| bad())?;
    let hex = hex.trim().to_ascii_lowercase();
    if id < 1 || hex.len() < 4 || hex.len() > 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad());
    }
    Ok(HeadPin { id, hex })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Lang;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn periods_in_every_typed_form() {
        crate::i18n::set_lang(Lang::En);
        for (typed, want) in [
            ("2026-Q3", "2026-Q3"),
            ("Quý 3/2026", "2026-Q3"),
            ("quý III/2027", "2027-Q3"),
            ("H1/2027", "2027-H1"),
            ("T7/2027", "2027-07"),
            ("Tháng 7/2027", "2027-07"),
            ("07/2027", "2027-07"),
        ] {
            assert_eq!(period(typed), Ok(p(want)), "{typed}");
            assert_eq!(export_period(typed), Ok(p(want)), "{typed}");
        }
        // DHIS2's codes for export only.
        assert_eq!(export_period("2027S1"), Ok(p("2027-H1")));
        assert_eq!(export_period("202707"), Ok(p("2027-07")));
        assert!(period("2027S1").is_err());
        // The same refusal from both.
        let e = period("2026-H3").unwrap_err();
        assert!(e.0.starts_with("`2026-H3` is not a period"), "{e}");
        assert_eq!(export_period("2026-H3").unwrap_err(), e);
    }

    #[test]
    fn spans_and_dates() {
        crate::i18n::set_lang(Lang::En);
        assert_eq!(years("2026-2030").map(|y| (y.first, y.last)), Ok((2026, 2030)));
        let e = years("2030-2026").unwrap_err();
        assert!(e.0.starts_with("`2030-2026` is not a span of years"), "{e}");
        assert_eq!(date("2026-02-28"), Ok(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()));
        // 31 February is no day in either order.
        let e = date("31/02/2026").unwrap_err();
        assert!(e.0.contains("no such day"), "{e}");
        // Slashed dates day first by default (the plan's `dates`), spaces trimmed.
        assert_eq!(date(" 08/04/2026"), Ok(NaiveDate::from_ymd_opt(2026, 4, 8).unwrap()));
    }

    #[test]
    fn delimiters() {
        assert_eq!(delimiter(";"), Ok(b';'));
        assert_eq!(delimiter("|"), Ok(b'|'));
        assert_eq!(delimiter("tab"), Ok(b'\t'));
        assert_eq!(delimiter("\\t"), Ok(b'\t'));
        for bad in ["ab", "\"", "a", ""] {
            let e = delimiter(bad).unwrap_err();
            assert!(e.0.starts_with(&format!("invalid delimiter `{bad}`")), "{e}");
        }
    }

    #[test]
    fn head_fingerprints() {
        crate::i18n::set_lang(Lang::En);
        let pin = |id, hex: &str| Ok(HeadPin { id, hex: hex.to_string() });
        assert_eq!(head("1234:9F2C4E01"), pin(1234, "9f2c4e01"));
        assert_eq!(head(" #3 : abcd "), pin(3, "abcd"));
        // No colon, id 0, 3 hex digits, 65 hex digits, a non-hex digit.
        let long = format!("1:{}", "a".repeat(65));
        for bad in ["3", "0:abcd", "1:abc", long.as_str(), "1:abcg"] {
            let e = head(bad).unwrap_err();
            assert!(e.0.starts_with(&format!("`{}` is not a head fingerprint", bad.trim())), "{e}");
        }
    }
}
