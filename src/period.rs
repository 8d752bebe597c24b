//! Reporting periods (`2027`, `2027-H1`, `2027-Q3`, `2027-07`) and cadences.
//!
//! A period is a closed range of calendar days inside one year. Due dates
//! are the period's last day plus the cadence's `due_days`.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// How often an indicator is reported; also the shape of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Cadence {
    Year,
    Half,
    Quarter,
    Month,
}

impl Cadence {
    pub const ALL: [Cadence; 4] = [Self::Year, Self::Half, Self::Quarter, Self::Month];

    pub fn name(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Half => "half",
            Self::Quarter => "quarter",
            Self::Month => "month",
        }
    }

    pub fn parse_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == s)
    }

    /// Number of periods of this cadence in a year.
    pub fn per_year(self) -> u32 {
        match self {
            Self::Year => 1,
            Self::Half => 2,
            Self::Quarter => 4,
            Self::Month => 12,
        }
    }

    fn months(self) -> u32 {
        12 / self.per_year()
    }
}

impl fmt::Display for Cadence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One reporting period: the `index`-th (1-based) period of `cadence` in `year`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub year: i32,
    pub cadence: Cadence,
    pub index: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a period: expected YYYY, YYYY-H1..H2, YYYY-Q1..Q4 or YYYY-MM (e.g. 2027, 2027-H1, 2027-Q3, 2027-07)"
)]
pub struct PeriodError(pub String);

impl Period {
    pub fn year(year: i32) -> Self {
        Self { year, cadence: Cadence::Year, index: 1 }
    }

    /// All periods of `cadence` in `year`, in order.
    pub fn all_in(year: i32, cadence: Cadence) -> impl Iterator<Item = Period> {
        (1..=cadence.per_year()).map(move |index| Period { year, cadence, index })
    }

    pub fn first_month(self) -> u32 {
        (self.index - 1) * self.cadence.months() + 1
    }

    pub fn start(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.first_month(), 1).expect("valid period start")
    }

    /// The last day of the period.
    pub fn end(self) -> NaiveDate {
        let last_month = self.first_month() + self.cadence.months() - 1;
        let next = if last_month == 12 {
            NaiveDate::from_ymd_opt(self.year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(self.year, last_month + 1, 1)
        };
        next.and_then(|d| d.pred_opt()).expect("valid period end")
    }

    /// The date a figure for this period is due: end + `due_days` (may be negative).
    pub fn due(self, due_days: i64) -> NaiveDate {
        let end = self.end();
        if due_days >= 0 {
            end.checked_add_days(Days::new(due_days as u64))
        } else {
            end.checked_sub_days(Days::new(due_days.unsigned_abs()))
        }
        .unwrap_or(end)
    }

    pub fn contains_date(self, d: NaiveDate) -> bool {
        self.start() <= d && d <= self.end()
    }

    /// Whether `self` is the last period of its year.
    pub fn is_last_of_year(self) -> bool {
        self.index == self.cadence.per_year()
    }

    /// The period of `cadence` that contains `date`.
    pub fn containing(date: NaiveDate, cadence: Cadence) -> Period {
        let index = (date.month() - 1) / cadence.months() + 1;
        Period { year: date.year(), cadence, index }
    }

    /// The period before this one, of the same cadence.
    pub fn prev(self) -> Period {
        if self.index == 1 {
            Period { year: self.year - 1, cadence: self.cadence, index: self.cadence.per_year() }
        } else {
            Period { index: self.index - 1, ..self }
        }
    }

    /// Appends the stored form (what `Display` writes: `2027`, `2027-H1`,
    /// `2027-Q3`, `2027-07`) to `out`, without the formatting machinery:
    /// an import writes one per row.
    pub fn push_to(self, out: &mut String) {
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let small = match self.cadence {
            Cadence::Year => true,
            Cadence::Half | Cadence::Quarter => self.index < 10,
            Cadence::Month => self.index < 100,
        };
        if !(0..=9999).contains(&self.year) || !small {
            use std::fmt::Write as _;
            write!(out, "{self}").expect("write to a String");
            return;
        }
        let y = self.year as u32;
        let mut text = [digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), b'-', 0, 0];
        let len = match self.cadence {
            Cadence::Year => 4,
            Cadence::Half | Cadence::Quarter => {
                text[5] = if self.cadence == Cadence::Half { b'H' } else { b'Q' };
                text[6] = digit(self.index);
                7
            }
            Cadence::Month => {
                text[5] = digit(self.index / 10);
                text[6] = digit(self.index);
                7
            }
        };
        out.push_str(std::str::from_utf8(&text[..len]).expect("ASCII"));
    }

    /// The period after this one, of the same cadence.
    pub fn next(self) -> Period {
        if self.is_last_of_year() {
            Period { year: self.year + 1, cadence: self.cadence, index: 1 }
        } else {
            Period { index: self.index + 1, ..self }
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Four digits, as parsed: `0999` prints as `0999`, not `999`.
        match self.cadence {
            Cadence::Year => write!(f, "{:04}", self.year),
            Cadence::Half => write!(f, "{:04}-H{}", self.year, self.index),
            Cadence::Quarter => write!(f, "{:04}-Q{}", self.year, self.index),
            Cadence::Month => write!(f, "{:04}-{:02}", self.year, self.index),
        }
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(p) = stored_form(s.as_bytes()) {
            return Ok(p);
        }
        let err = || PeriodError(s.to_string());
        let t = s.trim();
        let (y, rest) = match t.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (t, None),
        };
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let year: i32 = y.parse().map_err(|_| err())?;
        let Some(rest) = rest else {
            return Ok(Period::year(year));
        };
        let num = |digits: &str| -> Option<u32> {
            (!digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| digits.parse().ok())
                .flatten()
        };
        let (cadence, index) = match rest.as_bytes().first() {
            Some(b'H' | b'h') => (Cadence::Half, num(&rest[1..]).ok_or_else(err)?),
            Some(b'Q' | b'q') => (Cadence::Quarter, num(&rest[1..]).ok_or_else(err)?),
            _ if rest.len() == 2 => (Cadence::Month, num(rest).ok_or_else(err)?),
            _ => return Err(err()),
        };
        if index == 0 || index > cadence.per_year() {
            return Err(err());
        }
        Ok(Period { year, cadence, index })
    }
}

/// The stored forms exactly (`2027`, `2027-H1`, `2027-q3`, `2027-07`),
/// byte by byte: the common case of [`Period::from_str`] (an import reads
/// one per row). `None` for anything else, which the general reading
/// decides.
fn stored_form(b: &[u8]) -> Option<Period> {
    let d = |c: u8| c.is_ascii_digit().then(|| u32::from(c - b'0'));
    let (head, rest) = b.split_at_checked(4)?;
    let mut year = 0;
    for &c in head {
        year = year * 10 + d(c)?;
    }
    let year = year as i32;
    let (cadence, index) = match *rest {
        [] => return Some(Period::year(year)),
        [b'-', b'H' | b'h', i] => (Cadence::Half, d(i)?),
        [b'-', b'Q' | b'q', i] => (Cadence::Quarter, d(i)?),
        [b'-', m1, m2] => (Cadence::Month, d(m1)? * 10 + d(m2)?),
        _ => return None,
    };
    (index != 0 && index <= cadence.per_year()).then_some(Period { year, cadence, index })
}

impl Serialize for Period {
    /// As [`fmt::Display`] writes it (`2027`, `2027-H1`, `2027-Q3`,
    /// `2027-07`), put together byte by byte: a report serializes
    /// thousands of periods, and `collect_str` passes each character
    /// through the formatting machinery and the serializer's escaping.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 7];
        let (Ok(year), true) = (u32::try_from(self.year), self.index <= 99) else {
            return s.collect_str(self);
        };
        if year > 9999 {
            return s.collect_str(self);
        }
        four_digits(&mut buf, year);
        let len = match self.cadence {
            Cadence::Year => 4,
            Cadence::Half | Cadence::Quarter if self.index <= 9 => {
                buf[4] = b'-';
                buf[5] = if self.cadence == Cadence::Half { b'H' } else { b'Q' };
                buf[6] = b'0' + self.index as u8;
                7
            }
            Cadence::Half | Cadence::Quarter => return s.collect_str(self),
            Cadence::Month => {
                buf[4] = b'-';
                buf[5] = b'0' + (self.index / 10) as u8;
                buf[6] = b'0' + (self.index % 10) as u8;
                7
            }
        };
        s.serialize_str(std::str::from_utf8(&buf[..len]).expect("ASCII digits"))
    }
}

/// Writes `n` (at most 9999) as four ASCII digits into `out[..4]`.
fn four_digits(out: &mut [u8], n: u32) {
    out[0] = b'0' + (n / 1000) as u8;
    out[1] = b'0' + (n / 100 % 10) as u8;
    out[2] = b'0' + (n / 10 % 10) as u8;
    out[3] = b'0' + (n % 10) as u8;
}

/// A date serialized as chrono serializes it (ISO 8601, `2027-07-31`),
/// put together byte by byte for the years 0–9999 (chrono's own form
/// otherwise): a report writes two dates per period, thousands in all.
/// For `#[serde(serialize_with = "…")]`: [`iso_date`], [`iso_date_opt`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IsoDate(pub NaiveDate);

impl Serialize for IsoDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let Ok(year @ 0..=9999) = u32::try_from(d.year()) else { return self.0.serialize(s) };
        let mut buf = [0u8; 10];
        four_digits(&mut buf, year);
        buf[4] = b'-';
        buf[5] = b'0' + (d.month() / 10) as u8;
        buf[6] = b'0' + (d.month() % 10) as u8;
        buf[7] = b'-';
        buf[8] = b'0' + (d.day() / 10) as u8;
        buf[9] = b'0' + (d.day() % 10) as u8;
        s.serialize_str(std::str::from_utf8(&buf).expect("ASCII digits"))
    }
}

/// `serialize_with` for a date field: as [`IsoDate`].
pub fn iso_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    IsoDate(*d).serialize(s)
}

/// `serialize_with` for an optional date field: `null`, or as [`IsoDate`].
pub fn iso_date_opt<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    d.map(IsoDate).serialize(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte forms are those of `Display` and of chrono's own
    /// serialization, for every cadence and index and for dates across
    /// the years 0-9999 and outside them.
    #[test]
    fn periods_and_dates_serialize_as_display_and_chrono_do() {
        for year in [0, 7, 99, 999, 2026, 9999] {
            for c in Cadence::ALL {
                for p in Period::all_in(year, c) {
                    assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{p}\""));
                }
            }
        }
        let days =
            [(0, 1, 1), (9, 9, 9), (2026, 12, 31), (2028, 2, 29), (9999, 12, 31), (-1, 1, 1), (10000, 1, 1)];
        for (y, m, d) in days {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(serde_json::to_string(&IsoDate(date)).unwrap(), serde_json::to_string(&date).unwrap());
        }
        assert_eq!(serde_json::to_string(&IsoDate(d("2026-07-05"))).unwrap(), "\"2026-07-05\"");
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The stored form written by hand is `Display`'s, and the byte-wise
    /// reading of the stored forms agrees with the general one.
    #[test]
    fn push_to_writes_what_display_writes() {
        for (p, want) in [
            (Period::year(2027), "2027"),
            (Period { year: 2027, cadence: Cadence::Half, index: 2 }, "2027-H2"),
            (Period { year: 999, cadence: Cadence::Quarter, index: 3 }, "0999-Q3"),
            (Period { year: 2027, cadence: Cadence::Month, index: 7 }, "2027-07"),
            (Period { year: 2027, cadence: Cadence::Month, index: 12 }, "2027-12"),
            (Period { year: 12027, cadence: Cadence::Month, index: 1 }, "12027-01"),
        ] {
            let mut out = String::from("x");
            p.push_to(&mut out);
            assert_eq!(out, format!("x{want}"));
            assert_eq!(p.to_string(), want);
        }
        for s in ["2027", "2027-h1", "2027-Q4", "2027-01", "2027-12"] {
            assert!(stored_form(s.as_bytes()).is_some(), "{s}");
        }
        for s in ["2027-13", "2027-00", "2027-Q5", "2027-H0", "2027-H3", "2027-Q03", " 2027", "202", "2027-7"]
        {
            assert_eq!(stored_form(s.as_bytes()), None, "{s}");
        }
    }

    #[test]
    fn parses_and_prints() {
        for s in ["2027", "2027-H1", "2027-H2", "2027-Q3", "2027-07", "2027-12"] {
            assert_eq!(s.parse::<Period>().unwrap().to_string(), s);
        }
        for s in
            ["27", "2027-H3", "2027-Q0", "2027-Q5", "2027-13", "2027-00", "2027-7", "x", "2027-", "2027-W1"]
        {
            assert!(s.parse::<Period>().is_err(), "{s}");
        }
    }

    #[test]
    fn years_below_1000_print_as_parsed() {
        // Found by the `period` fuzz target: `0000` printed as `0`, which
        // does not parse back.
        for s in ["0000", "0999-H2", "0042-Q1", "0001-07"] {
            let p: Period = s.parse().unwrap();
            assert_eq!(p.to_string(), s);
            assert_eq!(p.to_string().parse::<Period>(), Ok(p));
        }
    }

    #[test]
    fn bounds_and_due_dates() {
        let q3: Period = "2027-Q3".parse().unwrap();
        assert_eq!(q3.start(), d("2027-07-01"));
        assert_eq!(q3.end(), d("2027-09-30"));
        assert_eq!(q3.due(10), d("2027-10-10"));
        let feb: Period = "2028-02".parse().unwrap();
        assert_eq!(feb.end(), d("2028-02-29"));
        let y = Period::year(2027);
        assert_eq!(y.end(), d("2027-12-31"));
        assert_eq!(y.due(15), d("2028-01-15"));
        assert_eq!(y.due(-15), d("2027-12-16"));
        let h2: Period = "2027-H2".parse().unwrap();
        assert_eq!(h2.start(), d("2027-07-01"));
        assert!(h2.is_last_of_year());
        assert_eq!(h2.next().to_string(), "2028-H1");
        assert_eq!(h2.next().prev(), h2);
    }

    #[test]
    fn periods_tile_the_year() {
        for c in Cadence::ALL {
            let ps: Vec<_> = Period::all_in(2026, c).collect();
            assert_eq!(ps.first().unwrap().start(), d("2026-01-01"));
            assert_eq!(ps.last().unwrap().end(), d("2026-12-31"));
            for w in ps.windows(2) {
                assert_eq!(w[0].end().succ_opt().unwrap(), w[1].start());
                assert_eq!(w[0].next(), w[1]);
                assert_eq!(w[1].prev(), w[0]);
            }
            assert!(Period::containing(d("2026-08-15"), c).contains_date(d("2026-08-15")));
        }
    }
}
