//! Targets and periods in words, as people read them in tables and
//! documents (SPEC §4 "Periods"): "trên 120 doanh nghiệp", "từ 9,5 đến
//! 10 %", "Quý 3/2027", "6 tháng đầu năm 2027". Every renderer (table, md,
//! html, docx, xlsx) calls these; the words come from the catalogue
//! (locales/*/tables.ftl), so both languages stay in step.
//!
//! Machine formats (csv, json) keep the typed forms (`>= 48`, `2027-Q3`).

use crate::number::{NumberStyle, format_number};
use crate::period::{Cadence, Period};
use crate::plan::{Lang, Target};
use crate::tr_in;
use chrono::NaiveDate;

/// Decimals shown for the numbers of a target (as [`Target::display`]).
const TARGET_DECIMALS: usize = 2;

impl Target {
    /// The target in words in `lang`, numbers in `style`, each number
    /// followed by `unit` when one is given: `> 120` with unit
    /// "doanh nghiệp" reads "trên 120 doanh nghiệp"; `9,5..10` with "%"
    /// reads "từ 9,5 đến 10 %" (the unit once, after the upper bound).
    pub fn words(self, lang: Lang, style: NumberStyle, unit: Option<&str>) -> String {
        let n = |x: f64| format_number(x, style, TARGET_DECIMALS);
        let with_unit = |s: String| match unit.map(str::trim).filter(|u| !u.is_empty()) {
            Some(u) => format!("{s} {u}"),
            None => s,
        };
        match self {
            Target::AtLeast(x) => tr_in!(lang, "tables-target-at-least", x = with_unit(n(x))),
            Target::Above(x) => tr_in!(lang, "tables-target-above", x = with_unit(n(x))),
            Target::AtMost(x) => tr_in!(lang, "tables-target-at-most", x = with_unit(n(x))),
            Target::Below(x) => tr_in!(lang, "tables-target-below", x = with_unit(n(x))),
            Target::Range(a, b) => tr_in!(lang, "tables-target-range", a = n(a), b = with_unit(n(b))),
            Target::About(x) => tr_in!(lang, "tables-target-about", x = with_unit(n(x))),
        }
    }
}

impl Period {
    /// The period in words in `lang`: vi "Năm 2027", "6 tháng đầu năm
    /// 2027", "6 tháng cuối năm 2027", "Quý 3/2027", "Tháng 7/2027"; en
    /// "2027", "H1 2027", "Q3 2027", "Jul 2027".
    pub fn label(self, lang: Lang) -> String {
        let year = format!("{:04}", self.year);
        let index = i64::from(self.index);
        match self.cadence {
            Cadence::Year => tr_in!(lang, "tables-period-year", year = year),
            Cadence::Half => tr_in!(lang, "tables-period-half", year = year, index = index),
            Cadence::Quarter => tr_in!(lang, "tables-period-quarter", year = year, index = index),
            Cadence::Month => tr_in!(lang, "tables-period-month", year = year, index = index),
        }
    }

    /// The period as the user reads it in a message (a refusal, a
    /// warning), in the language of messages: "Quý 1/2026" in Vietnamese,
    /// the code `2026-Q1` in English, as typed on the command line.
    pub fn in_message(self) -> String {
        match crate::i18n::lang() {
            Lang::Vi => self.label(Lang::Vi),
            Lang::En => self.to_string(),
        }
    }
}

/// A date as the user reads it in a message (a refusal, a receipt), in
/// the language of messages: 25/06/2026 in Vietnamese, 2026-06-25 in
/// English, as [`Period::in_message`] does for periods.
pub fn date_in_message(d: NaiveDate) -> String {
    super::labels::Labels::new(crate::i18n::lang()).date(d)
}

/// A period as stored (`2027-Q3`) in words; text that is not a period is
/// returned as it is (a ledger may hold what an older version accepted).
pub fn period_text(text: &str, lang: Lang) -> String {
    text.parse::<Period>().map(|p| p.label(lang)).unwrap_or_else(|_| text.to_string())
}

/// How often an indicator of `cadence` is reported: "hằng quý", "quarterly".
pub fn every(cadence: Cadence, lang: Lang) -> String {
    let key = match cadence {
        Cadence::Year => "tables-every-year",
        Cadence::Half => "tables-every-half",
        Cadence::Quarter => "tables-every-quarter",
        Cadence::Month => "tables-every-month",
    };
    tr_in!(lang, key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::*;
    use NumberStyle as S;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn targets_in_vietnamese() {
        assert_eq!(Target::Above(120.0).words(Vi, S::Vi, None), "trên 120");
        assert_eq!(Target::Above(120.0).words(Vi, S::Vi, Some("doanh nghiệp")), "trên 120 doanh nghiệp");
        assert_eq!(Target::AtLeast(48.0).words(Vi, S::Vi, None), "từ 48 trở lên");
        assert_eq!(Target::Below(5.0).words(Vi, S::Vi, None), "dưới 5");
        assert_eq!(Target::AtMost(5.0).words(Vi, S::Vi, None), "không quá 5");
        assert_eq!(Target::Range(9.5, 10.0).words(Vi, S::Vi, Some("%")), "từ 9,5 đến 10 %");
        assert_eq!(Target::About(2000.0).words(Vi, S::Vi, None), "khoảng 2.000");
        assert_eq!(Target::About(2000.0).words(Vi, S::Vi, Some("  ")), "khoảng 2.000");
    }

    #[test]
    fn targets_in_english() {
        assert_eq!(Target::Above(120.0).words(En, S::En, Some("firms")), "more than 120 firms");
        assert_eq!(Target::AtLeast(48.0).words(En, S::En, None), "at least 48");
        assert_eq!(Target::Below(5.0).words(En, S::En, None), "less than 5");
        assert_eq!(Target::AtMost(5.0).words(En, S::En, None), "at most 5");
        assert_eq!(Target::Range(9.5, 10.0).words(En, S::En, Some("%")), "9.5 to 10 %");
        assert_eq!(Target::About(2000.0).words(En, S::En, None), "about 2,000");
        // The number style is the plan's, whatever the language.
        assert_eq!(Target::About(2000.5).words(En, S::Vi, None), "about 2.000,5");
    }

    #[test]
    fn periods_in_vietnamese() {
        assert_eq!(p("2027").label(Vi), "Năm 2027");
        assert_eq!(p("2027-H1").label(Vi), "6 tháng đầu năm 2027");
        assert_eq!(p("2027-H2").label(Vi), "6 tháng cuối năm 2027");
        assert_eq!(p("2027-Q3").label(Vi), "Quý 3/2027");
        assert_eq!(p("2027-07").label(Vi), "Tháng 7/2027");
        assert_eq!(p("2027-12").label(Vi), "Tháng 12/2027");
    }

    #[test]
    fn periods_in_english() {
        assert_eq!(p("2027").label(En), "2027");
        assert_eq!(p("2027-H1").label(En), "H1 2027");
        assert_eq!(p("2027-H2").label(En), "H2 2027");
        assert_eq!(p("2027-Q3").label(En), "Q3 2027");
        assert_eq!(p("2027-07").label(En), "Jul 2027");
        assert_eq!(p("2027-12").label(En), "Dec 2027");
    }

    #[test]
    fn stored_period_text() {
        assert_eq!(period_text("2026-Q1", Vi), "Quý 1/2026");
        assert_eq!(period_text("not a period", Vi), "not a period");
        assert_eq!(every(Cadence::Quarter, Vi), "hằng quý");
        assert_eq!(every(Cadence::Half, En), "half-yearly");
    }
}
