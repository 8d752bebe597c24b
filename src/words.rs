//! Periods and dates in words, as people read them in tables, documents
//! and messages (SPEC §4 "Periods"): "Quý 3/2027", "6 tháng đầu năm 2027",
//! "25/06/2026". Every renderer (table, md, html, docx, xlsx) and every
//! message calls these; the words come from the catalogue
//! (locales/*/tables.ftl), so both languages stay in step. Targets in
//! words are [`crate::plan::Target::words`], beside the targets.
//!
//! Machine formats (csv, json) keep the typed forms (`>= 48`, `2027-Q3`).

use crate::number::{self, NumberError, NumberStyle};
use crate::period::{Cadence, Period};
use crate::settings::Lang;
use crate::{tr, tr_in};
use chrono::NaiveDate;
use std::fmt;

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
    date(d, crate::i18n::lang())
}

/// A date as people of `lang` write it: 15/01/2027 in Vietnamese,
/// 2027-01-15 in English.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
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

/// A number that could not be read, in the language of messages: what
/// was seen and how to write it (SPEC §4 "Figures").
impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let example = |style: NumberStyle| number::format_number(1234.5, style, 1);
        let msg = match self {
            Self::Empty => tr!("input-number-empty"),
            Self::WrongStyle { text, style, suggestion } => tr!(
                "input-number-wrong-style",
                text = text.as_str(),
                style = style.to_string(),
                example = example(*style),
                suggestion = suggestion.as_str()
            ),
            Self::Ambiguous { text, style, decimal, thousands } => tr!(
                "input-number-ambiguous",
                text = text.as_str(),
                style = style.to_string(),
                decimal = decimal.as_str(),
                thousands = thousands.as_str()
            ),
            Self::Invalid { text, style } => tr!(
                "input-number-invalid",
                text = text.as_str(),
                style = style.to_string(),
                example = example(*style)
            ),
            Self::TooLarge { text } => tr!("input-number-too-large", text = text.as_str()),
            Self::TooManyDigits { text, digits } => tr!(
                "input-number-digits",
                text = text.as_str(),
                digits = digits.to_string(),
                max = number::MAX_SIGNIFICANT.to_string()
            ),
        };
        f.write_str(&msg)
    }
}

/// Why a file could not be read, in the current language (the OS's own
/// words are English).
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => crate::tr!("common-io-not-found"),
        K::PermissionDenied => crate::tr!("common-io-permission-denied"),
        K::IsADirectory => crate::tr!("common-io-is-a-directory"),
        K::InvalidData => crate::tr!("common-io-invalid-data"),
        _ => crate::tr!("common-io-other", detail = e.to_string()),
    }
}

/// "cannot read FILE: no such file", in the user's language.
pub fn cannot_read(file: &str, e: &std::io::Error) -> anyhow::Error {
    anyhow::anyhow!("{}: {}", crate::tr!("import-cannot-read", file = file), io_reason(e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
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
