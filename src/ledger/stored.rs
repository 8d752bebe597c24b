//! How an entry's fields are stored in the compact row of schema 7, and
//! read back: each field the hash covers (SPEC §3) is rebuilt, byte for
//! byte, from what the row holds.
//!
//! | field       | stored as                                                        |
//! |-------------|------------------------------------------------------------------|
//! | kind        | an integer: [`kind_code`]                                        |
//! | indicator, task | the `code` of the id in table `item`                         |
//! | period      | `YYYY00 + n` ([`period_code`]) for a period in its own spelling, else its text |
//! | reported_on | `YYYYMMDD` for years 0–9999, else its text                       |
//! | value_text  | NULL, 1 or 2 when it is the number's own rendering ([`ValueText`]), 0 when absent beside a number, else its text |
//! | by          | NULL when it is its batch's `by`                                 |
//!
//! Every encoding is checked by decoding: a text that would not come back
//! the same is stored as it is. `plan`'s readers rebuild the texts here;
//! the view `entry_content` (schema 7, for readers outside `plan` such as
//! the `sqlite3` shell) rebuilds them in SQL, and a test holds the two to
//! the same bytes.

use chrono::{Datelike, NaiveDate};
use rusqlite::types::{ToSqlOutput, Value, ValueRef};

use crate::entry::Kind;
use crate::period::{Cadence, Period};

/// The integer a kind is stored as (schema 7).
pub fn kind_code(k: Kind) -> i64 {
    match k {
        Kind::Figure => 0,
        Kind::Completion => 1,
        Kind::Correction => 2,
        Kind::Void => 3,
        Kind::PlanVersion => 4,
    }
}

/// The kind stored as `code`; `None` for any other number.
pub fn kind_of_code(code: i64) -> Option<Kind> {
    Some(match code {
        0 => Kind::Figure,
        1 => Kind::Completion,
        2 => Kind::Correction,
        3 => Kind::Void,
        4 => Kind::PlanVersion,
        _ => return None,
    })
}

/// The code of a period in its own spelling (`2027` → 202700, `2027-H2`
/// → 202712, `2027-Q3` → 202723, `2027-07` → 202737): the year times 100
/// plus 0 for the year, 10 + n for half n, 20 + n for quarter n, 30 + n
/// for month n. Codes sort by year, so the periods of years `a..=b` are
/// the codes `a * 100 .. (b + 1) * 100`. `None` for a text that is not a
/// period spelled so (stored as text).
pub fn period_code(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let digits = |s: &[u8]| -> Option<i64> {
        s.iter().try_fold(0i64, |n, &d| d.is_ascii_digit().then(|| n * 10 + i64::from(d - b'0')))
    };
    let year = digits(b.get(..4)?)?;
    let within = match &b[4..] {
        [] => 0,
        [b'-', b'H', n @ b'1'..=b'2'] => 10 + i64::from(n - b'0'),
        [b'-', b'Q', n @ b'1'..=b'4'] => 20 + i64::from(n - b'0'),
        [b'-', m1, m2] => match digits(&[*m1, *m2])? {
            m @ 1..=12 => 30 + m,
            _ => return None,
        },
        _ => return None,
    };
    Some(year * 100 + within)
}

/// The period text of a [`period_code`]; `None` for a number no period has.
pub fn period_of_code(code: i64) -> Option<String> {
    let (year, within) = (code.div_euclid(100), code.rem_euclid(100));
    if !(0..=9999).contains(&year) {
        return None;
    }
    Some(match within {
        0 => format!("{year:04}"),
        11..=12 => format!("{year:04}-H{}", within - 10),
        21..=24 => format!("{year:04}-Q{}", within - 20),
        31..=42 => format!("{year:04}-{:02}", within - 30),
        _ => return None,
    })
}

/// The period of a [`period_code`], as [`period_of_code`]'s text reads
/// (without writing it); `None` for a number no period has.
pub fn period_read(code: i64) -> Option<Period> {
    let (year, within) = (code.div_euclid(100), code.rem_euclid(100));
    if !(0..=9999).contains(&year) {
        return None;
    }
    let year = i32::try_from(year).ok()?;
    let within = u32::try_from(within).ok()?;
    let (cadence, index) = match within {
        0 => (Cadence::Year, 1),
        11..=12 => (Cadence::Half, within - 10),
        21..=24 => (Cadence::Quarter, within - 20),
        31..=42 => (Cadence::Month, within - 30),
        _ => return None,
    };
    Some(Period { year, cadence, index })
}

/// The stored form of a period text.
pub fn period_value(text: &str) -> Value {
    match period_code(text) {
        Some(c) => Value::Integer(c),
        None => Value::Text(text.to_string()),
    }
}

/// The stored form of a reporting date: `YYYYMMDD` for years 0–9999, else
/// its text (`+10000-01-01`, as `NaiveDate` writes it).
pub fn date_value(d: NaiveDate) -> Value {
    match date_code(d) {
        Some(c) => Value::Integer(c),
        None => Value::Text(d.to_string()),
    }
}

/// `YYYYMMDD` of `d`, for years 0–9999.
pub fn date_code(d: NaiveDate) -> Option<i64> {
    (0..=9999)
        .contains(&d.year())
        .then(|| i64::from(d.year()) * 10_000 + i64::from(d.month()) * 100 + i64::from(d.day()))
}

/// The date stored as `v` (a `YYYYMMDD` number or a text); `None` when it
/// is neither a real date.
pub fn date_of(v: ValueRef<'_>) -> Option<NaiveDate> {
    match v {
        ValueRef::Integer(n) => {
            NaiveDate::from_ymd_opt((n / 10_000) as i32, (n / 100 % 100) as u32, (n % 100) as u32)
                .filter(|_| n >= 0)
        }
        ValueRef::Text(t) => std::str::from_utf8(t).ok().and_then(super::iso_date),
        _ => None,
    }
}

/// What the row holds for `value_text` beside the number `value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueText {
    /// NULL: the number's plain rendering ([`plain_into`]).
    Plain,
    /// 0: no text though there is a number.
    Absent,
    /// 1: [`plain_into`] with Vietnamese separators (`1.234,5`).
    Vietnamese,
    /// 2: [`plain_into`] with English separators (`1,234.5`).
    English,
    /// The text itself.
    Text,
}

impl ValueText {
    /// How `text` is stored beside `value`.
    pub fn of(text: Option<&str>, value: Option<f64>) -> ValueText {
        let (Some(text), Some(v)) = (text, value) else {
            return match (text, value) {
                (None, Some(_)) => ValueText::Absent,
                // No number: NULL is no text, a text is itself.
                (None, None) => ValueText::Plain,
                (Some(_), None) => ValueText::Text,
                _ => unreachable!(),
            };
        };
        // Decided on the text, without writing the number out (an import
        // stores a million of them): the text, or the text without its
        // group separators and with a point for its decimal mark, must be
        // the number's plain rendering.
        if is_plain(text, v) {
            return ValueText::Plain;
        }
        // Two buffers per thread, reused: an import stores a million texts.
        thread_local! {
            static SCRATCH: std::cell::RefCell<(String, String)> =
                const { std::cell::RefCell::new((String::new(), String::new())) };
        }
        SCRATCH.with_borrow_mut(|(candidate, regrouped)| {
            for (sep, mark, code) in [(b'.', b',', ValueText::Vietnamese), (b',', b'.', ValueText::English)] {
                if !text.bytes().any(|b| b == sep || b == mark) {
                    continue;
                }
                candidate.clear();
                candidate.extend(
                    text.bytes().filter(|&b| b != sep).map(|b| char::from(if b == mark { b'.' } else { b })),
                );
                if is_plain(candidate, v) && grouped_into(candidate, sep, regrouped) && regrouped == text {
                    return code;
                }
            }
            ValueText::Text
        })
    }

    /// The stored value: NULL, 0, 1, 2 or the text.
    pub fn value<'a>(self, text: Option<&'a str>) -> ToSqlOutput<'a> {
        ToSqlOutput::Borrowed(match self {
            ValueText::Plain => ValueRef::Null,
            ValueText::Absent => ValueRef::Integer(0),
            ValueText::Vietnamese => ValueRef::Integer(1),
            ValueText::English => ValueRef::Integer(2),
            ValueText::Text => text.map_or(ValueRef::Null, |t| ValueRef::Text(t.as_bytes())),
        })
    }
}

/// A stored value no build writes (edited behind plan's back): a code of
/// a value text, a period or a kind that has no meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

/// The value text stored as `v` beside the number `value`. Errors:
/// [`Unreadable`] for a code no build writes.
pub fn value_text_of(v: ValueRef<'_>, value: Option<f64>) -> Result<Option<String>, Unreadable> {
    match v {
        ValueRef::Null => Ok(value.map(|n| {
            let mut s = String::new();
            plain_into(n, &mut s);
            s
        })),
        ValueRef::Integer(0) => Ok(None),
        ValueRef::Integer(c @ (1 | 2)) => {
            let n = value.ok_or(Unreadable)?;
            let mut s = String::new();
            plain_into(n, &mut s);
            grouped(&s, if c == 1 { b'.' } else { b',' }).map(Some).ok_or(Unreadable)
        }
        ValueRef::Text(t) => Ok(Some(String::from_utf8_lossy(t).into_owned())),
        _ => Err(Unreadable),
    }
}

/// The plain rendering of `v` into `out`: a whole number below 10^15 in
/// digits (`-12`, `239`); another number its shortest digits when they are
/// at most 15 and it lies in 10^-4..10^15 (`1234.5`, `0.0005`), which is
/// what `printf('%.15g')` writes too. Returns false (and `out` is not
/// meaningful) for the others, whose texts are stored as typed.
pub fn plain_into(v: f64, out: &mut String) -> bool {
    use std::fmt::Write as _;
    out.clear();
    if !v.is_finite() {
        return false;
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        write!(out, "{}", v as i64).expect("write to a String");
        return true;
    }
    if !(1e-4..1e15).contains(&v.abs()) {
        return false;
    }
    write!(out, "{v}").expect("write to a String");
    let significant = out.bytes().filter(u8::is_ascii_digit).skip_while(|&d| d == b'0').count();
    significant <= 15
}

/// Whether `s` is exactly what [`plain_into`] writes for `v`, decided
/// without writing `v` out: `s` is in the plain form (an optional minus,
/// digits without a leading zero, an optional fraction without a trailing
/// zero; never `-0`), has at most 15 significant digits, reads as `v`,
/// and a fraction lies in 10^-4..10^15. Two texts of at most 15
/// significant digits never read as the same number, so the one that
/// reads as `v` is `v`'s shortest rendering, which [`plain_into`] writes.
fn is_plain(s: &str, v: f64) -> bool {
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    let (whole, frac) = match unsigned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || (whole.len() > 1 && whole.starts_with('0')) {
        return false;
    }
    if let Some(f) = frac
        && (!all_digits(f) || f.ends_with('0'))
    {
        return false;
    }
    if s.starts_with('-') && whole == "0" && frac.is_none() {
        return false;
    }
    let significant = whole.bytes().chain(frac.unwrap_or("").bytes()).skip_while(|&d| d == b'0').count();
    if significant > 15 || s.parse::<f64>().ok() != Some(v) {
        return false;
    }
    frac.is_none() || v.abs() >= 1e-4
}

/// `plain` (a [`plain_into`] rendering) with its whole part grouped by
/// threes and `sep` between groups (`.` or `,`), the other of the two as
/// the decimal mark, as SQLite's `printf('%,d')` groups (a whole part of
/// `-0` loses its sign there, and so here). `None` when the whole part is
/// no integer.
fn grouped(plain: &str, sep: u8) -> Option<String> {
    let mut out = String::new();
    grouped_into(plain, sep, &mut out).then_some(out)
}

/// [`grouped`] into `out` (cleared first, its buffer reused); false when
/// the whole part is no integer (`out` is then not meaningful).
fn grouped_into(plain: &str, sep: u8, out: &mut String) -> bool {
    out.clear();
    let (whole, frac) = match plain.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (plain, None),
    };
    let Ok(n) = whole.parse::<i64>() else { return false };
    // The digits of |n| (at most 20), on the stack.
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut m = n.unsigned_abs();
    loop {
        start -= 1;
        digits[start] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    let digits = &digits[start..];
    if n < 0 {
        out.push('-');
    }
    for (i, &d) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(char::from(sep));
        }
        out.push(char::from(d));
    }
    if let Some(f) = frac {
        out.push(if sep == b'.' { ',' } else { '.' });
        out.push_str(f);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_in_their_own_spelling_are_codes_that_sort_by_year() {
        // By hand: year × 100 + 0 | 10 + half | 20 + quarter | 30 + month.
        assert_eq!(period_code("2027"), Some(202_700));
        assert_eq!(period_code("2027-H2"), Some(202_712));
        assert_eq!(period_code("2027-Q3"), Some(202_723));
        assert_eq!(period_code("2027-07"), Some(202_737));
        assert_eq!(period_code("2027-12"), Some(202_742));
        for bad in ["2027-13", "2027-00", "2027-H3", "2027-Q0", "2027-7", "27", "2027-q3", " 2027", "2027-"] {
            assert_eq!(period_code(bad), None, "{bad}");
        }
        for text in ["0000", "2026", "2026-H1", "2026-Q4", "2026-01", "9999-12"] {
            assert_eq!(period_of_code(period_code(text).unwrap()).as_deref(), Some(text));
        }
        assert!(period_code("2030-12").unwrap() < period_code("2031").unwrap());
    }

    /// `period_read` reads a code as its text reads, for every code of
    /// some years (and none where the text is none), and beyond them.
    #[test]
    fn a_code_reads_as_its_text_does() {
        let years = [0i64, 1, 999, 2026, 9999];
        let codes = years.iter().flat_map(|y| (0..100).map(move |w| y * 100 + w));
        for code in codes.chain([-1, -100, 1_000_000, 999_999 + 1, i64::MIN, i64::MAX]) {
            let by_text = period_of_code(code).map(|t| t.parse::<Period>().unwrap());
            assert_eq!(period_read(code), by_text, "{code}");
        }
        assert_eq!(period_read(202_723), Some(Period { year: 2027, cadence: Cadence::Quarter, index: 3 }));
    }

    #[test]
    fn value_texts_are_stored_as_codes_only_when_they_come_back_the_same() {
        let case = |t: &str, v: f64| ValueText::of(Some(t), Some(v));
        assert_eq!(case("239", 239.0), ValueText::Plain);
        assert_eq!(case("1234.5", 1234.5), ValueText::Plain);
        assert_eq!(case("0.0005", 0.0005), ValueText::Plain);
        assert_eq!(case("1.234,5", 1234.5), ValueText::Vietnamese);
        assert_eq!(case("1.234.567", 1_234_567.0), ValueText::Vietnamese);
        assert_eq!(case("1,234.5", 1234.5), ValueText::English);
        assert_eq!(case("-1.234,5", -1234.5), ValueText::Vietnamese);
        // Typed otherwise: kept as typed.
        for (t, v) in
            [("1234,5", 1234.5), ("239,0", 239.0), ("+5", 5.0), ("05", 5.0), ("-0,5", -0.5), ("1e3", 1000.0)]
        {
            assert_eq!(case(t, v), ValueText::Text, "{t}");
        }
        assert_eq!(ValueText::of(None, Some(3.0)), ValueText::Absent);
        assert_eq!(ValueText::of(None, None), ValueText::Plain);
        assert_eq!(ValueText::of(Some("abc"), None), ValueText::Text);
    }

    /// The rule decided on the text ([`ValueText::of`]) is the one written
    /// out: a text is a code exactly when decoding the code gives it back.
    #[test]
    fn the_code_of_a_text_is_the_one_that_gives_it_back() {
        use proptest::prelude::*;
        let texts = prop_oneof![
            // Numbers as a clerk types them, in every style.
            (any::<i32>(), 0u32..4, 0u32..1000, prop::sample::select(vec!["", ".", ","])).prop_map(
                |(w, decimals, f, mark)| {
                    let frac = format!("{f:03}");
                    if decimals == 0 || mark.is_empty() {
                        w.to_string()
                    } else {
                        format!("{w}{mark}{}", &frac[..decimals as usize])
                    }
                }
            ),
            "[-0-9.,]{1,12}",
            // Grouped renderings, made by the rule itself.
            (-1_000_000_000_000i64..1_000_000_000_000, 0u32..1000, any::<bool>()).prop_map(|(w, f, vi)| {
                let plain = if f == 0 {
                    w.to_string()
                } else {
                    format!("{w}.{}", format!("{f:03}").trim_end_matches('0'))
                };
                grouped(&plain, if vi { b'.' } else { b',' }).unwrap()
            }),
        ];
        let decode = |t: Option<&str>, v: f64| {
            let code = ValueText::of(t, Some(v));
            let stored = code.value(t);
            let rusqlite::types::ToSqlOutput::Borrowed(r) = stored else { unreachable!() };
            value_text_of(r, Some(v)).unwrap()
        };
        proptest!(|(raw in texts, grouped_style in 0u8..3)| {
            // The number the text stands for, read each way a clerk means it.
            let plain: String = match grouped_style {
                0 => raw.clone(),
                1 => raw.replace('.', "").replace(',', "."),
                _ => raw.replace(',', ""),
            };
            let Ok(v) = plain.parse::<f64>() else { return Ok(()) };
            // The text comes back the same, whatever code it was given.
            let back = decode(Some(&raw), v);
            prop_assert_eq!(back.as_deref(), Some(raw.as_str()));
            // The code is the one the slow rule (writing the number out)
            // gives.
            let mut written = String::new();
            let slow = if !plain_into(v, &mut written) {
                ValueText::Text
            } else if written == raw {
                ValueText::Plain
            } else if grouped(&written, b'.').as_deref() == Some(raw.as_str()) {
                ValueText::Vietnamese
            } else if grouped(&written, b',').as_deref() == Some(raw.as_str()) {
                ValueText::English
            } else {
                ValueText::Text
            };
            prop_assert_eq!(ValueText::of(Some(&raw), Some(v)), slow, "{} as {}", raw, v);
        });
    }

    /// The view's SQL and the Rust decoder give the same texts: each value
    /// is stored as `plan` stores it, then read back both ways.
    #[test]
    fn the_view_rebuilds_the_same_texts_as_plan_does() {
        let ledger = crate::ledger::Ledger::in_memory().unwrap();
        let conn = &ledger.conn;
        conn.execute("INSERT INTO item (code, id) VALUES (7, 'so_dn')", []).unwrap();
        let values = [
            ("239", 239.0),
            ("1.234,5", 1234.5),
            ("1,234.5", 1234.5),
            ("-1.234.567,25", -1_234_567.25),
            ("0.0005", 0.0005),
            ("0,0005", 0.0005),
            ("999.999.999.999.999", 999_999_999_999_999.0),
            ("123456789012.345", 123_456_789_012.345),
            ("-0", -0.0),
            ("0", 0.0),
            ("12,5", 12.5),
            ("1e20", 1e20),
            ("0.1", 0.1),
            ("-7", -7.0),
        ];
        let dates = ["2026-01-05", "0001-12-31", "9999-12-31"];
        let periods = ["2026", "2026-H2", "2026-Q1", "2026-11", "2026-1", "x"];
        for (i, (text, v)) in values.iter().enumerate() {
            let vt = ValueText::of(Some(text), Some(*v));
            let d: NaiveDate = dates[i % dates.len()].parse().unwrap();
            conn.execute(
                "INSERT INTO entry (kind, indicator, period, year, value_text, value, reported_on, by, hash)
                 VALUES (?1, 7, ?2, 2026, ?3, ?4, ?5, 'x', x'00')",
                rusqlite::params![
                    kind_code(Kind::Figure),
                    period_value(periods[i % periods.len()]),
                    vt.value(Some(text)),
                    v,
                    date_value(d)
                ],
            )
            .unwrap();
        }
        let mut stmt = conn
            .prepare(
                "SELECT c.kind, c.indicator, c.period, c.reported_on, c.value_text,
                        e.period, e.reported_on, e.value_text, e.value, e.kind
                 FROM entry_content c JOIN entry e ON e.id = c.id ORDER BY c.id",
            )
            .unwrap();
        let mut rows = stmt.query([]).unwrap();
        let mut i = 0;
        while let Some(r) = rows.next().unwrap() {
            let (text, _) = values[i];
            let (period, date) = (periods[i % periods.len()], dates[i % dates.len()]);
            assert_eq!(r.get::<_, String>(0).unwrap(), "figure");
            assert_eq!(r.get::<_, String>(1).unwrap(), "so_dn");
            assert_eq!(r.get::<_, String>(2).unwrap(), period);
            assert_eq!(r.get::<_, String>(3).unwrap(), date);
            assert_eq!(r.get::<_, String>(4).unwrap(), text, "SQL, row {i}");
            let stored_period = match r.get_ref(5).unwrap() {
                ValueRef::Integer(c) => period_of_code(c).unwrap(),
                v => v.as_str().unwrap().to_string(),
            };
            assert_eq!(stored_period, period);
            assert_eq!(date_of(r.get_ref(6).unwrap()).unwrap().to_string(), date);
            let rust = value_text_of(r.get_ref(7).unwrap(), r.get(8).unwrap()).unwrap();
            assert_eq!(rust.as_deref(), Some(text), "Rust, row {i}");
            assert_eq!(kind_of_code(r.get(9).unwrap()), Some(Kind::Figure));
            i += 1;
        }
        assert_eq!(i, values.len());
    }
}
