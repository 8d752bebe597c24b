//! What a report reviews (SPEC §5 "Review of a part of the year", "Review
//! of a span of years"): a year, a half, quarter or month of one (sơ kết),
//! or a span of years (tổng kết). Each is the year computation of
//! [`super::year`] at a cut-off day E over a window of years; this module
//! says which.

use super::values::month_end;
use crate::period::{Cadence, Period};
use chrono::{Datelike, NaiveDate};
use std::fmt;
use std::str::FromStr;

/// What is reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Review {
    /// `--period P`: P a year (the year report), a half, quarter or month.
    Period(Period),
    /// `--years A-B`: the year report of B, with the years A…B.
    Span(Years),
}

impl Review {
    /// The year report of `year`.
    pub fn year(year: i32) -> Review {
        Review::Period(Period::year(year))
    }

    /// Y: the year whose targets are judged (B for a span).
    pub fn target_year(&self) -> i32 {
        match self {
            Review::Period(p) => p.year,
            Review::Span(y) => y.last,
        }
    }

    /// The month (1..=12) E falls in: P's last month, else December.
    pub fn month(&self) -> u32 {
        match self {
            Review::Period(p) => p.end().month(),
            Review::Span(_) => 12,
        }
    }

    /// The cut-off day E.
    pub fn cutoff(&self) -> NaiveDate {
        month_end(self.target_year(), self.month())
    }

    /// The first year of the window that lateness and tasks cover (A for a
    /// span, else Y).
    pub fn first_year(&self) -> i32 {
        match self {
            Review::Period(p) => p.year,
            Review::Span(y) => y.first,
        }
    }

    /// The period asked for, if any (a span has none).
    pub fn period(&self) -> Option<Period> {
        match self {
            Review::Period(p) => Some(*p),
            Review::Span(_) => None,
        }
    }

    /// Whether this covers less than a whole year.
    pub fn is_part_of_year(&self) -> bool {
        matches!(self, Review::Period(p) if p.cadence != Cadence::Year)
    }
}

/// A span of years `A-B` (A ≤ B), as typed after `--years`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Years {
    pub first: i32,
    pub last: i32,
}

/// Why `--years` text is not a span.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a span of years: expected A-B with four-digit years, A not after B (e.g. 2026-2030)")]
pub struct YearsError(pub String);

impl FromStr for Years {
    type Err = YearsError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || YearsError(s.to_string());
        let t = s.trim();
        // Also the en dash people paste from documents ("2026–2030").
        let (a, b) = t.split_once('-').or_else(|| t.split_once('–')).ok_or_else(err)?;
        let year = |x: &str| {
            let x = x.trim();
            (x.len() == 4 && x.bytes().all(|b| b.is_ascii_digit())).then(|| x.parse::<i32>().ok()).flatten()
        };
        let (first, last) = (year(a).ok_or_else(err)?, year(b).ok_or_else(err)?);
        if first > last {
            return Err(err());
        }
        Ok(Years { first, last })
    }
}

impl fmt::Display for Years {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:04}", self.first, self.last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn cutoff_day_and_window_of_each_review() {
        let h1 = Review::Period("2027-H1".parse().unwrap());
        assert_eq!(
            (h1.target_year(), h1.month(), h1.cutoff(), h1.first_year()),
            (2027, 6, d("2027-06-30"), 2027)
        );
        assert!(h1.is_part_of_year());
        let q3 = Review::Period("2027-Q3".parse().unwrap());
        assert_eq!(q3.cutoff(), d("2027-09-30"));
        let feb = Review::Period("2028-02".parse().unwrap());
        assert_eq!(feb.cutoff(), d("2028-02-29"));
        let y = Review::year(2027);
        assert_eq!((y.month(), y.cutoff()), (12, d("2027-12-31")));
        assert!(!y.is_part_of_year());
        let span = Review::Span("2026-2030".parse().unwrap());
        assert_eq!((span.target_year(), span.first_year(), span.cutoff()), (2030, 2026, d("2030-12-31")));
        assert_eq!(span.period(), None);
    }

    #[test]
    fn spans_parse_and_refuse() {
        assert_eq!("2026-2030".parse::<Years>(), Ok(Years { first: 2026, last: 2030 }));
        assert_eq!(" 2026–2028 ".parse::<Years>(), Ok(Years { first: 2026, last: 2028 }));
        assert_eq!("2027-2027".parse::<Years>().unwrap().to_string(), "2027-2027");
        for bad in ["2030-2026", "26-30", "2026", "2026-", "2026-30", "x-y", "2026-2030-2031"] {
            assert!(bad.parse::<Years>().is_err(), "{bad}");
        }
    }
}
