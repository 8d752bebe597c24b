//! Settings a plan (or an argument) chooses, as plain values: the language
//! of reports and messages and the order of day and month in slashed dates
//! (SPEC §2 `[plan]` `lang`, `dates`; §4 "Language", "Dates"). The number
//! style is [`crate::number::NumberStyle`]. No catalogue here: words for
//! people are in [`crate::i18n`].

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::fmt;

/// The report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    /// The language named as in `plan.toml` and `--lang`: `vi`, `en`.
    pub fn parse_name(s: &str) -> Option<Self> {
        match s {
            "vi" => Some(Self::Vi),
            "en" => Some(Self::En),
            _ => None,
        }
    }
}

/// The order of day and month in a slashed date: the plan's `dates`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// `31/12/2026` (Vietnam, most of the world).
    #[default]
    Dmy,
    /// `12/31/2026` (the United States).
    Mdy,
}

impl DateOrder {
    /// The order named as in `plan.toml` and `--dates`: `dmy`, `mdy`.
    pub fn parse_name(s: &str) -> Option<Self> {
        match s {
            "dmy" => Some(Self::Dmy),
            "mdy" => Some(Self::Mdy),
            _ => None,
        }
    }

    /// `d` written in this order: `31/12/2026` or `12/31/2026`.
    pub fn format(self, d: NaiveDate) -> String {
        match self {
            Self::Dmy => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
            Self::Mdy => format!("{:02}/{:02}/{}", d.month(), d.day(), d.year()),
        }
    }

    /// The form as a pattern: `DD/MM/YYYY` or `MM/DD/YYYY`.
    pub fn pattern(self) -> &'static str {
        match self {
            Self::Dmy => "DD/MM/YYYY",
            Self::Mdy => "MM/DD/YYYY",
        }
    }
}

impl fmt::Display for DateOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Dmy => "dmy",
            Self::Mdy => "mdy",
        })
    }
}
