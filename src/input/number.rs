//! Figures as people type them (SPEC §4 "Figures", §2 `min`/`max`/
//! `integer`): the one place that decides whether a value may be a figure
//! of an indicator, and the tenfold guard against a slipped separator.
//!
//! The reading of a number itself (styles, ambiguity, significant digits)
//! is [`crate::number::parse`]; this adds what depends on the indicator:
//! a `%` sign only for a `%` unit, the bounds, whole numbers.

use crate::counting;
use crate::number::{self, NumberStyle, format_number};
use crate::period::Period;
use crate::plan::Indicator;
use crate::tr;

/// Whether `ind` is measured in percent (its unit is `%`): only then may a
/// typed value end in `%`.
pub fn is_percent(ind: &Indicator) -> bool {
    ind.unit.trim() == "%"
}

/// Reads a typed figure of `ind` in `style` and checks it
/// ([`check_figure`]). A trailing `%` (`10,2%`, `10,2 %`) is accepted for
/// an indicator whose unit is `%`, refused otherwise.
pub fn figure_value(ind: &Indicator, text: &str, style: NumberStyle) -> Result<f64, String> {
    let t = super::text::trim(text);
    let bare = match t.strip_suffix('%') {
        Some(n) if is_percent(ind) => n.trim_end(),
        Some(_) => {
            return Err(tr!("input-value-percent", text = t, unit = ind.unit.as_str(), id = ind.id.as_str()));
        }
        None => t,
    };
    let v = number::parse(bare, style).map_err(|e| e.to_string())?;
    check_figure(ind, v, style)?;
    Ok(v)
}

/// Checks a figure of `ind` however it came (typed, or a workbook's number
/// cell): finite, within `min`/`max` (`min` defaults to 0 for level and
/// flow indicators), whole for an `integer` indicator.
pub fn check_figure(ind: &Indicator, v: f64, style: NumberStyle) -> Result<(), String> {
    let n = |x: f64| format_number(x, style, 10);
    if !v.is_finite() {
        return Err(tr!("input-value-not-finite"));
    }
    if let Some(min) = ind.lower_bound()
        && v < min
    {
        return Err(tr!("input-value-below-min", value = n(v), min = n(min), id = ind.id.as_str()));
    }
    if let Some(max) = ind.max
        && v > max
    {
        return Err(tr!("input-value-above-max", value = n(v), max = n(max), id = ind.id.as_str()));
    }
    if ind.integer && v.fract() != 0.0 {
        return Err(tr!(
            "input-value-not-integer",
            value = n(v),
            id = ind.id.as_str(),
            unit = ind.unit.as_str()
        ));
    }
    Ok(())
}

/// `x` at the 15 significant digits a spreadsheet shows (SPEC §4.1
/// "Cells"): a workbook's 114.99999999999999 is 115, its
/// 30.000000000000004 is 30, 0.102 × 100 is 10.2. The one rounding of
/// every number that arrives as a machine number (workbook cells,
/// percentages, DHIS2 values); typed text with more digits is refused
/// instead (`crate::number::parse`). Whole numbers of up to 15 digits,
/// infinities and NaN are returned as they are; no allocation.
pub fn as_shown(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 || (x.fract() == 0.0 && x.abs() < 1e15) {
        return x;
    }
    /// A stack buffer for the formatted digits.
    struct Buf([u8; 48], usize);
    impl std::fmt::Write for Buf {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            let end = self.1 + s.len();
            let slot = self.0.get_mut(self.1..end).ok_or(std::fmt::Error)?;
            slot.copy_from_slice(s.as_bytes());
            self.1 = end;
            Ok(())
        }
    }
    let mut buf = Buf([0; 48], 0);
    if std::fmt::Write::write_fmt(&mut buf, format_args!("{x:.14e}")).is_err() {
        return x;
    }
    std::str::from_utf8(&buf.0[..buf.1]).ok().and_then(|s| s.parse().ok()).unwrap_or(x)
}

/// The tenfold guard (SPEC §4 `record`, §4.1): `new` is more than ten
/// times `previous`, or less than a tenth of it (a slipped separator:
/// `2.060` typed for `206,0`). A previous 0 guards nothing.
pub fn tenfold(previous: f64, new: f64) -> bool {
    let (a, b) = (previous.abs(), new.abs());
    a > 0.0 && (b > a * 10.0 || b < a / 10.0)
}

/// What a new figure of `ind` for `period` is compared with (SPEC §4
/// `record`): the figure that counts for `period` itself (the one it
/// replaces), else the latest earlier period of the same kind (month with
/// month, year with year) that has one.
pub fn compared_with(
    figures: &counting::Figures,
    ind: &str,
    period: Period,
) -> Option<(Period, counting::Counted)> {
    let periods = figures.get(ind)?;
    if let Some(c) = periods.get(&period).and_then(|f| f.counted.clone()) {
        return Some((period, c));
    }
    periods
        .range(..period)
        .rev()
        .filter(|(p, _)| p.cadence == period.cadence)
        .find_map(|(p, f)| f.counted.clone().map(|c| (*p, c)))
}

/// The tenfold guard of `record`: `Some` (with the message) when `value`
/// jumps more than tenfold against [`compared_with`].
pub fn jump(
    figures: &counting::Figures,
    ind: &str,
    period: Period,
    value: f64,
    text: &str,
) -> Option<String> {
    let (p, c) = compared_with(figures, ind, period)?;
    jump_from(p, &c, value, text)
}

/// The tenfold guard against one figure (`previous`, of period `p`): the
/// one rule of `record` ([`jump`]) and of `correct`, which compares with
/// the value it corrects (SPEC §4).
pub fn jump_from(p: Period, previous: &counting::Counted, value: f64, text: &str) -> Option<String> {
    tenfold(previous.value, value).then(|| {
        tr!(
            "input-jump",
            value = text,
            up = if value.abs() > previous.value.abs() { "yes" } else { "no" },
            period = p.in_message(),
            previous = previous.value_text.as_str(),
            entry = previous.entry.to_string()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::load_str;
    use NumberStyle::*;

    fn plan() -> crate::plan::Plan {
        let text = r#"
[plan]
id = "T"
title = "T"
start = 2026
end = 2030
[[group]]
id = "g"
name = "G"
[[group.indicator]]
id = "so_dn"
name = "Enterprises"
unit = "doanh nghiệp"
measure = "level"
every = "half"
integer = true
[[group.indicator]]
id = "ty_le"
name = "Rate"
unit = "%"
measure = "rate"
every = "year"
max = 100
[[group.indicator]]
id = "tt"
name = "Growth"
unit = "%"
measure = "rate"
every = "year"
"#;
        let l = load_str(text, "t.toml");
        l.plan.unwrap_or_else(|| panic!("{:?}", l.diagnostics))
    }

    #[test]
    fn percent_only_for_a_percent_unit() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let p = plan();
        let rate = p.indicator("ty_le").unwrap();
        assert_eq!(figure_value(rate, "10,2%", Vi), Ok(10.2));
        assert_eq!(figure_value(rate, " 10,2 % ", Vi), Ok(10.2));
        let e = figure_value(p.indicator("so_dn").unwrap(), "10%", Vi).unwrap_err();
        assert!(e.contains("doanh nghiệp"), "{e}");
    }

    #[test]
    fn bounds_and_whole_numbers() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let p = plan();
        let dn = p.indicator("so_dn").unwrap();
        assert!(figure_value(dn, "-5", Vi).unwrap_err().contains("-5"));
        assert!(figure_value(dn, "0,5", Vi).unwrap_err().contains("whole"));
        assert_eq!(figure_value(dn, "104", Vi), Ok(104.0));
        assert!(figure_value(dn, "123456789012345678901234567890123456", Vi).is_err());
        let rate = p.indicator("ty_le").unwrap();
        assert!(figure_value(rate, "100,5", Vi).unwrap_err().contains("100"));
        // A rate has no minimum unless set: growth may be negative.
        assert_eq!(figure_value(p.indicator("tt").unwrap(), "-2,5", Vi), Ok(-2.5));
    }

    #[test]
    fn machine_numbers_at_15_significant_digits() {
        // Excel's floats: 115 - 1.4e-14 and 10 × 3.0000000000000004.
        assert_eq!(as_shown(114.99999999999999), 115.0);
        assert_eq!(as_shown(30.000000000000004), 30.0);
        assert_eq!(as_shown(0.1 + 0.2), 0.3);
        assert_eq!(as_shown(0.102 * 100.0), 10.2);
        assert_eq!(as_shown(-2.5), -2.5);
        assert_eq!(as_shown(1234.5), 1234.5);
        // 15 digits are kept: 123456789.012345 has 15.
        assert_eq!(as_shown(123456789.012345), 123456789.012345);
        assert_eq!(as_shown(1e300), 1e300);
        assert!(as_shown(f64::NAN).is_nan());
        assert_eq!(as_shown(f64::INFINITY), f64::INFINITY);
        crate::i18n::set_lang(crate::settings::Lang::En);
        let p = plan();
        // Then a whole number for an integer indicator.
        assert_eq!(check_figure(p.indicator("so_dn").unwrap(), as_shown(114.99999999999999), Vi), Ok(()));
    }

    #[test]
    fn tenfold_jumps() {
        assert!(tenfold(103.0, 2060.0));
        assert!(tenfold(104.0, 10.0));
        assert!(tenfold(104.0, 0.0));
        assert!(!tenfold(104.0, 1040.0));
        assert!(!tenfold(104.0, 10.4));
        assert!(!tenfold(0.0, 5.0));
        assert!(!tenfold(34.0, 340.0));
    }

    #[test]
    fn compared_with_the_period_itself_else_the_latest_earlier_of_its_kind() {
        use crate::counting::tests::entry;
        use crate::entry::Kind;
        let es = vec![
            entry(1, Kind::Figure, "so_dn", "2026-H1", Some(103.0), "2026-07-10", None),
            entry(2, Kind::Figure, "so_dn", "2026", Some(5.0), "2026-07-10", None),
            entry(3, Kind::Figure, "so_dn", "2027-H1", Some(110.0), "2027-07-10", None),
        ];
        let f = counting::count_figures(&es, None);
        let p = |s: &str| s.parse::<Period>().unwrap();
        // 2026-H2: none itself; the latest earlier half is 2026-H1 (not the year).
        assert_eq!(
            compared_with(&f, "so_dn", p("2026-H2")).map(|(q, c)| (q, c.entry)),
            Some((p("2026-H1"), 1))
        );
        // 2027-H1 has its own figure: that is what a new one replaces.
        assert_eq!(compared_with(&f, "so_dn", p("2027-H1")).map(|(_, c)| c.entry), Some(3));
        assert_eq!(compared_with(&f, "so_dn", p("2027")).map(|(_, c)| c.entry), Some(2));
        assert_eq!(compared_with(&f, "so_dn", p("2026-H1")).map(|(_, c)| c.entry), Some(1));
        crate::i18n::set_lang(crate::settings::Lang::En);
        let m = jump(&f, "so_dn", p("2026-H2"), 2060.0, "2.060").unwrap();
        assert!(m.contains("2.060") && m.contains("2026-H1") && m.contains("#1"), "{m}");
        assert!(jump(&f, "so_dn", p("2026-H2"), 104.0, "104").is_none());
    }
}
