//! Targets (`>= 48`, `> 120`, `<= 5`, `< 5`, `10..12`, `~ 2000`) and how a
//! value is judged against one.
//!
//! Numbers inside a target follow the plan's `numbers` style. Because a
//! target is written once, in a file, a decimal that cannot be a thousands
//! group (`9.5` under `vi`) is read as a decimal: it has only one meaning.

use crate::number::{self, NumberStyle, format_number};
use crate::settings::Lang;
use crate::tr_in;
use serde::Serialize;
use std::fmt;

/// A target as written in `plan.toml`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    AtLeast(f64),
    Above(f64),
    AtMost(f64),
    Below(f64),
    Range(f64, f64),
    About(f64),
}

/// How a value stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Exceeded,
    Met,
    NotMet,
    NoData,
    /// The indicator has a target, but the year judged has none ("chưa có
    /// chỉ tiêu năm Y").
    NoTarget,
    /// The plan sets the indicator no target at all ("chỉ theo dõi").
    Tracked,
    /// Part of a year (SPEC §5 "Review of a part of the year"): the value
    /// reaches the pace of the year's target (`expected`).
    OnTrack,
    /// Part of a year: the value falls short of the pace.
    Behind,
    /// Part of a year: a level with no start value to measure pace from.
    InProgress,
}

impl Status {
    /// The status as JSON and CSV write it (SPEC §5a), in every language.
    pub fn key(self) -> &'static str {
        match self {
            Self::Exceeded => "exceeded",
            Self::Met => "met",
            Self::NotMet => "not_met",
            Self::NoData => "no_data",
            Self::NoTarget => "no_target",
            Self::Tracked => "tracked",
            Self::OnTrack => "on_track",
            Self::Behind => "behind",
            Self::InProgress => "in_progress",
        }
    }

    /// Every status, in the order reports list them.
    pub const ALL: [Status; 9] = [
        Status::Exceeded,
        Status::Met,
        Status::OnTrack,
        Status::Behind,
        Status::NotMet,
        Status::InProgress,
        Status::NoData,
        Status::NoTarget,
        Status::Tracked,
    ];
}

/// Why a value or its attainment is "n/a" (the report's `attainment_note`):
/// SPEC §5 "Attainment": division by zero or missing inputs give "n/a"
/// with the reason, never NaN or inf. JSON carries it as a code word
/// ([`AttainmentNote::code`], `"target_zero"`), the same in every language
/// (SPEC §5a); people read it from the catalogue in the report's language
/// (`render::labels::Labels::na_reason`). [`fmt::Display`] gives the
/// English sentence, for logs and messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttainmentNote {
    /// A target for the year and no value yet ("no data"): not an n/a,
    /// shown as "—".
    NoData,
    /// `>=`, `>`, `a..b` or `~` with 0 as the bound: value ÷ 0.
    TargetZero,
    /// `<=` or `<` against a value of 0: target ÷ 0.
    ValueZero,
    /// A result that overflows f64 (a sum of huge flows, huge ÷ tiny).
    NotFinite,
    /// The input `input` of a ratio (its denominator) or of a growth (last
    /// year's value) is 0 in `year`.
    InputZero { input: String, year: i32 },
    /// A `compound` basis over a year whose growth is -100 % or less: no
    /// mean growth rate exists.
    GrowthAtMostMinus100,
}

impl fmt::Display for AttainmentNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoData => f.write_str("no data"),
            Self::TargetZero => f.write_str("target is 0"),
            Self::ValueZero => f.write_str("value is 0"),
            Self::NotFinite => f.write_str("not a finite number"),
            Self::InputZero { input, year } => write!(f, "`{input}` is 0 in {year}"),
            Self::GrowthAtMostMinus100 => f.write_str("a yearly growth of -100 % or less"),
        }
    }
}

impl AttainmentNote {
    /// The code word JSON carries (SPEC §5a: no translated text in JSON).
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoData => "no_data",
            Self::TargetZero => "target_zero",
            Self::ValueZero => "value_zero",
            Self::NotFinite => "not_finite",
            Self::InputZero { .. } => "input_zero",
            Self::GrowthAtMostMinus100 => "growth_at_most_minus_100",
        }
    }
}

/// As its code word (the JSON report's `attainment_note`, §5a); the input
/// and year of `input_zero` go in the report's `attainment_note_input`.
impl Serialize for AttainmentNote {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// `~ x` is met within this fraction of x.
pub const ABOUT_TOLERANCE: f64 = 0.05;

/// Relative tolerance for "equal" when comparing computed values.
const EPS: f64 = 1e-9;

fn eq(a: f64, b: f64) -> bool {
    (a - b).abs() <= EPS * a.abs().max(b.abs()).max(1.0)
}

impl Target {
    /// Reads a target as written in plan.toml. The error is the message,
    /// then, after a newline when there is one, how to write it.
    pub fn parse(text: &str, style: NumberStyle) -> Result<Target, String> {
        let t = text.trim();
        let num = |s: &str| parse_target_number(s.trim(), style);
        for (bad, good) in [("=>", ">="), ("=<", "<="), ("≥", ">="), ("≤", "<="), ("==", "~"), ("=", "~")]
        {
            if let Some(rest) = t.strip_prefix(bad) {
                return Err(format!(
                    "{}\n{}",
                    crate::tr!("plan-target-not-a-target", text = t),
                    crate::tr!("plan-write", fixed = format!("{good} {}", rest.trim()))
                ));
            }
        }
        let parsed = if let Some(r) = t.strip_prefix(">=") {
            Target::AtLeast(num(r)?)
        } else if let Some(r) = t.strip_prefix("<=") {
            Target::AtMost(num(r)?)
        } else if let Some(r) = t.strip_prefix('>') {
            Target::Above(num(r)?)
        } else if let Some(r) = t.strip_prefix('<') {
            Target::Below(num(r)?)
        } else if let Some(r) = t.strip_prefix('~') {
            Target::About(num(r)?)
        } else if let Some((a, b)) = t.split_once("..") {
            let (a, b) = (num(a)?, num(b)?);
            if a > b {
                return Err(crate::tr!("plan-target-range-order", text = t));
            }
            Target::Range(a, b)
        } else {
            return Err(crate::tr!("plan-target-forms", text = t));
        };
        Ok(parsed)
    }

    /// The bound that attainment is measured against (lower bound of a range).
    pub fn reference(self) -> f64 {
        match self {
            Target::AtLeast(x) | Target::Above(x) | Target::AtMost(x) | Target::Below(x) => x,
            Target::Range(a, _) => a,
            Target::About(x) => x,
        }
    }

    /// The upper bound of a range target.
    pub fn upper(self) -> Option<f64> {
        match self {
            Target::Range(_, b) => Some(b),
            _ => None,
        }
    }

    pub fn is_range(self) -> bool {
        matches!(self, Target::Range(..))
    }

    /// The same kind of target with its numbers scaled (pro-rata cumulative
    /// targets, both bounds of a range).
    pub fn scaled(self, f: f64) -> Target {
        self.map(|x| x * f)
    }

    /// The same kind of target at another value (a milestone or a point on
    /// a straight-line path); a range keeps its width ratio.
    pub fn at(self, value: f64) -> Target {
        match self {
            Target::Range(a, b) if a != 0.0 => Target::Range(value, value * b / a),
            Target::Range(a, b) => Target::Range(value, value + (b - a)),
            _ => self.map(|_| value),
        }
    }

    /// Applies `f` to every number of the target.
    pub fn map(self, f: impl Fn(f64) -> f64) -> Target {
        match self {
            Target::AtLeast(x) => Target::AtLeast(f(x)),
            Target::Above(x) => Target::Above(f(x)),
            Target::AtMost(x) => Target::AtMost(f(x)),
            Target::Below(x) => Target::Below(f(x)),
            Target::Range(a, b) => Target::Range(f(a), f(b)),
            Target::About(x) => Target::About(f(x)),
        }
    }

    /// Attainment (tỷ lệ đạt) in percent, or why it cannot be computed.
    pub fn attainment(self, value: f64) -> Result<f64, AttainmentNote> {
        let (num, den) = match self {
            Target::AtLeast(x) | Target::Above(x) | Target::About(x) => (value, x),
            Target::Range(a, _) => (value, a),
            Target::AtMost(x) | Target::Below(x) => (x, value),
        };
        if den == 0.0 {
            return Err(match self {
                Target::AtMost(_) | Target::Below(_) => AttainmentNote::ValueZero,
                _ => AttainmentNote::TargetZero,
            });
        }
        let r = num / den * 100.0;
        if r.is_finite() { Ok(r) } else { Err(AttainmentNote::NotFinite) }
    }

    /// Status of `value` against this target: exceeded when it goes beyond
    /// the target's number in the good direction, met when it satisfies the
    /// target without going beyond (`>= x` at exactly x, a range, `~ x`
    /// within 5 %), else not met.
    pub fn status(self, value: f64) -> Status {
        match self {
            Target::AtLeast(x) | Target::Above(x) => {
                if eq(value, x) {
                    if matches!(self, Target::AtLeast(_)) { Status::Met } else { Status::NotMet }
                } else if value > x {
                    Status::Exceeded
                } else {
                    Status::NotMet
                }
            }
            Target::AtMost(x) | Target::Below(x) => {
                if eq(value, x) {
                    if matches!(self, Target::AtMost(_)) { Status::Met } else { Status::NotMet }
                } else if value < x {
                    Status::Exceeded
                } else {
                    Status::NotMet
                }
            }
            Target::Range(a, b) => {
                if value > b && !eq(value, b) {
                    Status::Exceeded
                } else if value >= a || eq(value, a) {
                    Status::Met
                } else {
                    Status::NotMet
                }
            }
            Target::About(x) => {
                let tol = ABOUT_TOLERANCE * x.abs();
                if (value - x).abs() <= tol + EPS * x.abs().max(1.0) {
                    Status::Met
                } else if value > x {
                    Status::Exceeded
                } else {
                    Status::NotMet
                }
            }
        }
    }

    /// Display with numbers in `style`.
    pub fn display(self, style: NumberStyle) -> String {
        let n = |x: f64| number::format_number(x, style, 2);
        match self {
            Target::AtLeast(x) => format!(">= {}", n(x)),
            Target::Above(x) => format!("> {}", n(x)),
            Target::AtMost(x) => format!("<= {}", n(x)),
            Target::Below(x) => format!("< {}", n(x)),
            Target::Range(a, b) => format!("{}..{}", n(a), n(b)),
            Target::About(x) => format!("~ {}", n(x)),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(NumberStyle::En))
    }
}

/// A number inside a target: the plan's style, or an unambiguous decimal.
fn parse_target_number(s: &str, style: NumberStyle) -> Result<f64, String> {
    match number::parse(s, style) {
        Ok(v) => Ok(v),
        Err(number::NumberError::WrongStyle { .. }) if !looks_like_group(s, style) => number::parse(
            s,
            match style {
                NumberStyle::Vi => NumberStyle::En,
                NumberStyle::En => NumberStyle::Vi,
            },
        )
        .map_err(|e| e.to_string()),
        Err(number::NumberError::Empty) => Err(crate::tr!("plan-target-needs-number")),
        Err(e) => Err(e.to_string()),
    }
}

/// `x.ddd` under `vi` (or `x,ddd` under `en`) reads as a thousands group in
/// the other style; such a number is never reinterpreted.
fn looks_like_group(s: &str, style: NumberStyle) -> bool {
    let other_decimal = match style {
        NumberStyle::Vi => '.',
        NumberStyle::En => ',',
    };
    s.rsplit_once(other_decimal).is_some_and(|(_, f)| f.len() == 3)
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use NumberStyle::*;

    #[test]
    fn parses_every_form() {
        assert_eq!(Target::parse(">= 48", Vi), Ok(Target::AtLeast(48.0)));
        assert_eq!(Target::parse("> 120", Vi), Ok(Target::Above(120.0)));
        assert_eq!(Target::parse("<=5", Vi), Ok(Target::AtMost(5.0)));
        assert_eq!(Target::parse("< 5", En), Ok(Target::Below(5.0)));
        assert_eq!(Target::parse("10..12", Vi), Ok(Target::Range(10.0, 12.0)));
        assert_eq!(Target::parse("9,5..10", Vi), Ok(Target::Range(9.5, 10.0)));
        assert_eq!(Target::parse("9.5..10", Vi), Ok(Target::Range(9.5, 10.0)));
        assert_eq!(Target::parse("~ 2.000", Vi), Ok(Target::About(2000.0)));
        assert_eq!(Target::parse("~ 2,000", En), Ok(Target::About(2000.0)));
    }

    #[test]
    fn rejects_with_fix() {
        let e = Target::parse("=> 5", Vi).unwrap_err();
        assert!(e.contains("write `>= 5`"), "{e}");
        assert!(Target::parse("12..10", Vi).is_err());
        assert!(Target::parse("about 5", En).is_err());
        assert!(Target::parse(">=", En).is_err());
    }

    #[test]
    fn n_a_reasons_serialize_as_code_words() {
        // `report --format json` keeps these in `attainment_note` (§5a),
        // the same whatever the language.
        let input_zero = AttainmentNote::InputZero { input: "den".into(), year: 2027 };
        for (n, code, text) in [
            (AttainmentNote::NoData, "no_data", "no data"),
            (AttainmentNote::TargetZero, "target_zero", "target is 0"),
            (AttainmentNote::ValueZero, "value_zero", "value is 0"),
            (AttainmentNote::NotFinite, "not_finite", "not a finite number"),
            (input_zero, "input_zero", "`den` is 0 in 2027"),
            (
                AttainmentNote::GrowthAtMostMinus100,
                "growth_at_most_minus_100",
                "a yearly growth of -100 % or less",
            ),
        ] {
            assert_eq!(serde_json::to_value(&n).unwrap(), serde_json::json!(code));
            assert_eq!(n.to_string(), text);
        }
    }

    #[test]
    fn attainment_by_form() {
        assert_eq!(Target::AtLeast(50.0).attainment(40.0), Ok(80.0));
        assert_eq!(Target::AtMost(5.0).attainment(10.0), Ok(50.0));
        assert!((Target::Range(10.0, 12.0).attainment(11.0).unwrap() - 110.0).abs() < 1e-9);
        assert_eq!(Target::About(2000.0).attainment(1900.0), Ok(95.0));
        assert_eq!(Target::AtLeast(0.0).attainment(3.0), Err(AttainmentNote::TargetZero));
        assert_eq!(Target::AtMost(5.0).attainment(0.0), Err(AttainmentNote::ValueZero));
        assert_eq!(Target::AtLeast(1e-300).attainment(1e300), Err(AttainmentNote::NotFinite));
    }

    #[test]
    fn status_by_form() {
        use Status::*;
        assert_eq!(Target::AtLeast(48.0).status(48.0), Met);
        assert_eq!(Target::AtLeast(48.0).status(49.0), Exceeded);
        assert_eq!(Target::AtLeast(48.0).status(47.0), NotMet);
        assert_eq!(Target::Above(120.0).status(120.0), NotMet);
        assert_eq!(Target::Above(120.0).status(121.0), Exceeded);
        assert_eq!(Target::AtMost(5.0).status(5.0), Met);
        assert_eq!(Target::AtMost(5.0).status(4.0), Exceeded);
        assert_eq!(Target::Below(5.0).status(5.0), NotMet);
        assert_eq!(Target::Range(10.0, 12.0).status(10.0), Met);
        assert_eq!(Target::Range(10.0, 12.0).status(12.5), Exceeded);
        assert_eq!(Target::Range(10.0, 12.0).status(9.9), NotMet);
        assert_eq!(Target::About(2000.0).status(2100.0), Met);
        assert_eq!(Target::About(2000.0).status(1899.0), NotMet);
        assert_eq!(Target::About(2000.0).status(2101.0), Exceeded);
    }

    #[test]
    fn scaling_keeps_the_form() {
        assert_eq!(Target::Range(10.0, 20.0).scaled(0.5), Target::Range(5.0, 10.0));
        assert_eq!(Target::Above(100.0).at(80.0), Target::Above(80.0));
    }

    /// Targets in words (moved from render/words.rs with [`Target::words`]).
    mod words {
        use super::super::*;
        use crate::number::NumberStyle as S;
        use crate::settings::Lang::*;

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
    }
}
