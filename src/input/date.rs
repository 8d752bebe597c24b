//! Dates as people type them (SPEC §4 "Dates"): the one place that reads a
//! date and decides whether it may be used.
//!
//! `YYYY-MM-DD` is always accepted; so are slashed dates in the plan's
//! `dates` order (`31/12/2026` under `dmy`, `12/31/2026` under `mdy`; `.`
//! and `-` separate them as well as `/`), and either with a time of day,
//! which is dropped (what spreadsheets write for a date cell saved as
//! text). A two-digit year is never guessed, nor a year before
//! [`FIRST_YEAR`] (`0026-04-08` is what a two-digit year becomes in some
//! exports). Every path that takes a date calls [`parse`] (`--date`,
//! `--as-of`, `PLAN_TODAY`, import cells), then the checks that fit it:
//! [`not_after_today`], [`not_before_period`], [`not_before_plan`].

use crate::period::Period;
use crate::settings::DateOrder;
use crate::tr;
use crate::words::date_in_message;
use chrono::{Datelike, NaiveDate};

/// Years before this are refused as typos (a two-digit year padded).
pub const FIRST_YEAR: i32 = 1900;

impl DateOrder {
    /// `d` as a user types it in the language of messages: in this order
    /// under Vietnamese (29/11/2026), ISO under English (2026-11-29); the
    /// date rules read either back (SPEC §4 Dates). For defaults and
    /// examples the user may keep.
    pub fn as_typed(self, d: NaiveDate) -> String {
        match crate::i18n::lang() {
            crate::settings::Lang::Vi => self.format(d),
            crate::settings::Lang::En => d.to_string(),
        }
    }

    fn other(self) -> Self {
        match self {
            Self::Dmy => Self::Mdy,
            Self::Mdy => Self::Dmy,
        }
    }
}

/// The example date of every message (15 January 2027).
fn example() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 15).expect("a valid date")
}

fn form_message(text: &str, order: DateOrder) -> String {
    tr!("input-date-form", text = text, pattern = order.pattern(), example = order.format(example()))
}

/// Reads `text` as a date: `YYYY-MM-DD`, or three numbers in `order`
/// separated by `/`, `.` or `-` with a four-digit year last; a time of
/// day after a space or `T` is dropped. Errors say what was seen and how
/// to write it. For a date typed on the command line or at a prompt: one
/// the other way round is told to be written unambiguously (YYYY-MM-DD).
pub fn parse(text: &str, order: DateOrder) -> Result<NaiveDate, String> {
    read(text, order, "input-date-order")
}

/// [`parse`] for a cell of an imported file: one the other way round is
/// told to be imported with `--dates`.
pub fn parse_cell(text: &str, order: DateOrder) -> Result<NaiveDate, String> {
    read(text, order, "input-date-order-file")
}

fn read(text: &str, order: DateOrder, order_key: &str) -> Result<NaiveDate, String> {
    let t = super::text::trim(text);
    // The common case first, without splitting: `YYYY-MM-DD` (every row of
    // a large import).
    if let Some(d) = iso_digits(t) {
        return Ok(d);
    }
    if t.is_empty() {
        return Err(tr!("input-date-empty", pattern = order.pattern()));
    }
    let day = strip_time(t);
    let parts: Vec<&str> = day.split(['/', '.', '-']).collect();
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if numeric(day) && day.len() <= 6 {
        // 46120: a date cell saved as its day number.
        return Err(tr!("input-date-serial", text = t, pattern = order.pattern()));
    }
    if parts.len() != 3 || !parts.iter().all(|p| numeric(p)) {
        return Err(form_message(t, order));
    }
    let sep_ok = {
        let seps: Vec<char> = day.chars().filter(|c| matches!(c, '/' | '.' | '-')).collect();
        seps[0] == seps[1]
    };
    if !sep_ok {
        return Err(form_message(t, order));
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let (y, first, second, year_first) = if parts[0].len() == 4 {
        (parts[0], parts[1], parts[2], true)
    } else {
        (parts[2], parts[0], parts[1], false)
    };
    if y.len() != 4 {
        let short = parts.iter().any(|p| p.len() <= 2) && (y.len() <= 2);
        return Err(if short {
            tr!("input-date-short-year", text = t, pattern = order.pattern())
        } else {
            form_message(t, order)
        });
    }
    if year_first && !day.contains('-') {
        // 2027/01/15: year first is the ISO form, with dashes.
        return Err(form_message(t, order));
    }
    let year: i32 = y.parse().map_err(|_| form_message(t, order))?;
    if year < FIRST_YEAR {
        return Err(tr!("input-date-year", text = t, year = y.to_string(), first = FIRST_YEAR.to_string()));
    }
    let (Some(a), Some(b)) = (num(first), num(second)) else { return Err(form_message(t, order)) };
    if first.len() > 2 || second.len() > 2 {
        return Err(form_message(t, order));
    }
    let (month, dom) = match (year_first, order) {
        (true, _) | (false, DateOrder::Mdy) => (a, b),
        (false, DateOrder::Dmy) => (b, a),
    };
    if let Some(d) = NaiveDate::from_ymd_opt(year, month, dom) {
        return Ok(d);
    }
    // 04/15/2026 under dmy: a month 15, but a date the other way round.
    if !year_first {
        let (m2, d2) = (dom, month);
        if let Some(d) = NaiveDate::from_ymd_opt(year, m2, d2) {
            return Err(tr!(
                order_key,
                text = t,
                pattern = order.pattern(),
                other = order.other().pattern(),
                iso = d.to_string(),
                written = order.format(d)
            ));
        }
    }
    Err(tr!("input-date-no-such-day", text = t))
}

/// `2026-04-08 00:00:00` → `2026-04-08`: a time of day after a space or
/// `T` (hours and minutes, optional seconds and fraction) is dropped.
fn strip_time(t: &str) -> &str {
    let Some(at) = t.find([' ', 'T']) else { return t };
    let (day, time) = (&t[..at], strip_zone(t[at + 1..].trim()));
    let mut fields = time.split(':');
    let ok = |s: Option<&str>, max: u32| {
        s.is_some_and(|s| (1..=2).contains(&s.len()) && s.parse::<u32>().is_ok_and(|v| v <= max))
    };
    let h = fields.next();
    let m = fields.next();
    let s = fields.next();
    let seconds_ok = match s {
        None => true,
        Some(s) => {
            let whole = s
                .split_once('.')
                .map_or(s, |(w, f)| if f.bytes().all(|b| b.is_ascii_digit()) { w } else { "x" });
            ok(Some(whole), 59)
        }
    };
    if ok(h, 23) && ok(m, 59) && seconds_ok && fields.next().is_none() { day } else { t }
}

/// A time of day without its UTC offset (`10:15:30+07:00`, `10:15:30Z`,
/// `10:15:30.000+0700`, as ODK and KoboToolbox export): the date written
/// beside it is the date in that offset, which is the one meant.
fn strip_zone(time: &str) -> &str {
    if let Some(t) = time.strip_suffix(['Z', 'z']) {
        return t;
    }
    let Some(at) = time.rfind(['+', '-']) else { return time };
    let zone = &time[at + 1..];
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let ok = match zone.split_once(':') {
        Some((h, m)) => h.len() == 2 && m.len() == 2 && digits(h) && digits(m),
        None => (zone.len() == 2 || zone.len() == 4) && digits(zone),
    };
    let hours_ok = zone.get(..2).and_then(|h| h.parse::<u32>().ok()).is_some_and(|h| h <= 14);
    if ok && hours_ok && at > 0 { time[..at].trim_end() } else { time }
}

/// A date from `PLAN_TODAY` or a machine: `YYYY-MM-DD` only.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    iso_digits(text.trim())
}

/// `YYYY-MM-DD` exactly, a year from [`FIRST_YEAR`], a day of the calendar.
fn iso_digits(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?).filter(|d| d.year() >= FIRST_YEAR)
}

/// A date after `today` is refused as a likely typo (SPEC §4).
pub fn not_after_today(d: NaiveDate, today: NaiveDate) -> Result<NaiveDate, String> {
    if d > today {
        return Err(tr!("input-date-future", date = date_in_message(d), today = date_in_message(today)));
    }
    Ok(d)
}

/// A figure cannot be reported before its period begins (SPEC §4).
pub fn not_before_period(d: NaiveDate, period: Period) -> Result<NaiveDate, String> {
    if d < period.start() {
        return Err(tr!(
            "input-date-before-period",
            date = date_in_message(d),
            period = period.in_message(),
            start = date_in_message(period.start())
        ));
    }
    Ok(d)
}

/// A figure of a period that has not begun by `today` cannot exist yet:
/// what a figure dated today by default (no `--date`, an import row
/// without a date) is told, about the period rather than a date nobody typed.
pub fn period_begun(period: Period, today: NaiveDate) -> Result<Period, String> {
    if today < period.start() {
        return Err(tr!(
            "input-period-not-begun",
            period = period.in_message(),
            today = date_in_message(today),
            start = date_in_message(period.start())
        ));
    }
    Ok(period)
}

/// A task cannot be done before 1 January of the plan's first year.
pub fn not_before_plan(d: NaiveDate, start_year: i32) -> Result<NaiveDate, String> {
    let first = NaiveDate::from_ymd_opt(start_year, 1, 1).unwrap_or(NaiveDate::MIN);
    if d < first {
        return Err(tr!("input-date-before-plan", date = date_in_message(d), first = date_in_message(first)));
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DateOrder::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn set_en() {
        crate::i18n::set_lang(crate::settings::Lang::En);
    }

    #[test]
    fn iso_and_slashed_in_the_plans_order() {
        set_en();
        assert_eq!(parse("2026-04-08", Dmy), Ok(d("2026-04-08")));
        assert_eq!(parse("2026-04-08", Mdy), Ok(d("2026-04-08")));
        assert_eq!(parse("08/04/2026", Dmy), Ok(d("2026-04-08")));
        assert_eq!(parse("08/04/2026", Mdy), Ok(d("2026-08-04")));
        assert_eq!(parse("8/4/2026", Dmy), Ok(d("2026-04-08")));
        assert_eq!(parse("08.04.2026", Dmy), Ok(d("2026-04-08")));
        assert_eq!(parse("08-04-2026", Dmy), Ok(d("2026-04-08")));
        assert_eq!(parse(" 2026-04-08 00:00:00 ", Dmy), Ok(d("2026-04-08")));
        assert_eq!(parse("2026-04-08T13:45", Dmy), Ok(d("2026-04-08")));
        assert_eq!(parse("08/04/2026 0:00", Dmy), Ok(d("2026-04-08")));
    }

    /// ODK/Kobo date-times carry seconds and their UTC offset: the date is
    /// the one written, in its own offset (10:15 at +07:00 on 10 July is
    /// still 10 July, though 03:15 UTC).
    #[test]
    fn date_times_with_an_offset_are_their_own_date() {
        set_en();
        for s in [
            "2026-07-10T10:15:30+07:00",
            "2026-07-10T00:15:30+07:00",
            "2026-07-10T23:59:59-05:00",
            "2026-07-10T10:15:30.000+07:00",
            "2026-07-10T10:15:30+0700",
            "2026-07-10T10:15:30Z",
            "2026-07-10 10:15:30 +07:00",
            "10/07/2026 10:15:30+07:00",
        ] {
            assert_eq!(parse(s, Dmy), Ok(d("2026-07-10")), "{s}");
        }
        for s in ["2026-07-10T10:15:30+25:00", "2026-07-10T10:15:30+7", "2026-07-10T+07:00", "2026-07-10Tx"] {
            assert!(parse(s, Dmy).is_err(), "{s}");
        }
    }

    #[test]
    fn two_digit_and_padded_years_are_refused() {
        set_en();
        let e = parse("08/04/26", Dmy).unwrap_err();
        assert!(e.contains("two-digit year") && e.contains("DD/MM/YYYY"), "{e}");
        let e = parse("26-04-08", Dmy).unwrap_err();
        assert!(e.contains("two-digit year"), "{e}");
        let e = parse("0026-04-08", Dmy).unwrap_err();
        assert!(e.contains("0026"), "{e}");
        assert!(parse_iso("0026-04-08").is_none());
        assert!(parse_iso("26-04-08").is_none());
        assert_eq!(parse_iso("2026-04-08"), Some(d("2026-04-08")));
    }

    #[test]
    fn a_date_the_other_way_round_says_so() {
        set_en();
        let e = parse("04/15/2026", Dmy).unwrap_err();
        assert!(e.contains("2026-04-15") && e.contains("15/04/2026"), "{e}");
        let e = parse("15/04/2026", Mdy).unwrap_err();
        assert!(e.contains("2026-04-15") && e.contains("04/15/2026"), "{e}");
    }

    #[test]
    fn other_forms_are_refused_with_the_form_to_use() {
        set_en();
        for s in ["2026/04/08", "31/02/2026", "x", "8 Apr 2026", "08/04-2026", "1/2/3/2026", "2026-4-8-1"] {
            assert!(parse(s, Dmy).is_err(), "{s}");
        }
        let e = parse("46120", Dmy).unwrap_err();
        assert!(e.contains("46120"), "{e}");
        assert!(parse("", Dmy).is_err());
        assert!(parse("31/02/2026", Dmy).unwrap_err().contains("31/02/2026"));
    }

    #[test]
    fn context_checks() {
        set_en();
        let today = d("2026-11-26");
        assert!(not_after_today(d("2026-11-27"), today).is_err());
        assert!(not_after_today(today, today).is_ok());
        let q1: Period = "2026-Q1".parse().unwrap();
        assert!(not_before_period(d("2025-12-31"), q1).unwrap_err().contains("2026-01-01"));
        assert!(not_before_period(d("2026-01-01"), q1).is_ok());
        assert!(not_before_plan(d("2025-12-31"), 2026).is_err());
        assert!(not_before_plan(d("2026-01-01"), 2026).is_ok());
    }
}
