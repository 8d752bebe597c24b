//! The judgement of pace (tiến độ) in a review of part of a year (SPEC §5
//! "Review of a part of the year"): a year-to-date value is held against
//! the share of the year's target that the elapsed part of the year calls
//! for, not against the whole year's target.
//!
//! Let s be the share of the year elapsed at E in whole months ÷ 12 and T
//! the year's target (the bound of a one-sided or `~` target, the lower
//! bound of a range):
//! - a value that accumulates through the year (a flow with basis `end` or
//!   `year`, any `cumulative` basis) is `met`/`exceeded` once it reaches
//!   the year's target, else `on_track` when it reaches expected = T′ + (T
//!   − T′) × s (T′ = the cumulative target through Y − 1, 0 otherwise),
//!   `behind` when not; a cap (`<=`, `<`) is `not_met` once passed, else
//!   `on_track` while within expected, `behind` above it;
//! - a level with a start value v0 is `met`/`exceeded` once it reaches the
//!   year's target, else judged against expected = v0 + (T − v0) × s (a
//!   cap: `on_track` at or below it); without v0 it is `in_progress`.
//!
//! `pace_attainment` = value ÷ expected × 100, inverted for caps.

use crate::plan::{Status, Target};

/// How an indicator's year-to-date value is judged for pace.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A value that accumulates through the year; `before` is T′, the
    /// cumulative target through the year before (0 when the basis is not
    /// cumulative, or in the first plan year).
    Accumulating { before: f64 },
    /// A level, with its start value v0 (Y − 1's year value, else the
    /// baseline when its year is Y − 1), if known.
    Level { start: Option<f64> },
}

/// The pace judgement of one indicator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    pub status: Status,
    /// The value the pace calls for at E; null for a level without a start.
    pub expected: Option<f64>,
    /// value ÷ expected × 100 (expected ÷ value for a cap); null when
    /// there is no value, no expected value, or a division by 0.
    pub pace_attainment: Option<f64>,
}

/// The share of the year elapsed at the end of month `month` (1..=12), in
/// whole months: H1 and Q2 6/12, Q3 9/12, month m m/12.
pub fn elapsed(month: u32) -> f64 {
    f64::from(month.clamp(1, 12)) / 12.0
}

/// Relative tolerance for "equal" (as `Target::status`).
const EPS: f64 = 1e-9;

fn eq(a: f64, b: f64) -> bool {
    (a - b).abs() <= EPS * a.abs().max(b.abs()).max(1.0)
}

fn is_cap(t: Target) -> bool {
    matches!(t, Target::AtMost(_) | Target::Below(_))
}

fn ratio(num: f64, den: f64) -> Option<f64> {
    if den == 0.0 {
        return None;
    }
    Some(num / den * 100.0).filter(|x| x.is_finite())
}

/// Judges `value` (the year-to-date value after the basis, or none) of an
/// indicator of `kind` against `target`, Y's target, with `s` of the year
/// elapsed ([`elapsed`]).
pub fn judge(target: Target, value: Option<f64>, kind: Kind, s: f64) -> Pace {
    let t = target.reference();
    let expected = match kind {
        Kind::Accumulating { before } => Some(before + (t - before) * s),
        Kind::Level { start: Some(v0) } => Some(v0 + (t - v0) * s),
        Kind::Level { start: None } => None,
    }
    .filter(|x| x.is_finite());
    let Some(v) = value else {
        return Pace { status: Status::NoData, expected, pace_attainment: None };
    };
    let Some(e) = expected else {
        return Pace { status: Status::InProgress, expected: None, pace_attainment: None };
    };
    let cap = is_cap(target);
    let pace_attainment = if cap { ratio(e, v) } else { ratio(v, e) };
    let year = target.status(v);
    let within = |v: f64| v < e || eq(v, e);
    let status = match (kind, cap) {
        // A cap on what accumulates: passing it cannot be undone.
        (Kind::Accumulating { .. }, true) => {
            let passed = match target {
                Target::Below(x) => v > x || eq(v, x),
                _ => v > t && !eq(v, t),
            };
            if passed {
                Status::NotMet
            } else if within(v) {
                Status::OnTrack
            } else {
                Status::Behind
            }
        }
        (_, _) if matches!(year, Status::Met | Status::Exceeded) => year,
        (Kind::Level { .. }, true) => {
            if within(v) {
                Status::OnTrack
            } else {
                Status::Behind
            }
        }
        (_, false) => {
            if v > e || eq(v, e) {
                Status::OnTrack
            } else {
                Status::Behind
            }
        }
    };
    Pace { status, expected, pace_attainment }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    #[track_caller]
    fn close(a: Option<f64>, b: f64) {
        assert!(a.is_some_and(|a| (a - b).abs() < 1e-9), "{a:?} vs {b}");
    }

    #[test]
    fn share_of_the_year_in_whole_months() {
        assert_eq!(elapsed(6), 0.5);
        assert_eq!(elapsed(9), 0.75);
        assert_eq!(elapsed(1), 1.0 / 12.0);
    }

    #[test]
    fn a_flow_on_pace_and_behind() {
        let flow = Kind::Accumulating { before: 0.0 };
        // > 400 at H1: expected 400 × 6/12 = 200; 239 ≥ 200 → on track,
        // 239 / 200 = 119.5 %.
        let p = judge(Target::Above(400.0), Some(239.0), flow, elapsed(6));
        assert_eq!(p.status, OnTrack);
        close(p.expected, 200.0);
        close(p.pace_attainment, 119.5);
        // At 9 months: expected 400 × 9/12 = 300; 239 < 300 → behind,
        // 239 / 300 = 79.666… %.
        let p = judge(Target::Above(400.0), Some(239.0), flow, elapsed(9));
        assert_eq!(p.status, Behind);
        close(p.expected, 300.0);
        close(p.pace_attainment, 239.0 / 3.0);
        // Once the year's target is reached: as for a year.
        assert_eq!(judge(Target::AtLeast(400.0), Some(400.0), flow, 0.5).status, Met);
        assert_eq!(judge(Target::Above(400.0), Some(401.0), flow, 0.5).status, Exceeded);
        // No value: no data, the expected value still said.
        let p = judge(Target::AtLeast(400.0), None, flow, 0.5);
        assert_eq!((p.status, p.pace_attainment), (NoData, None));
        close(p.expected, 200.0);
    }

    #[test]
    fn a_cumulative_basis_starts_from_the_target_through_last_year() {
        // T′ = 1,200 (through Y − 1), T = 1,800: at Q3 expected = 1,200 +
        // 600 × 0.75 = 1,650. 1,700 → on track (103.03… %); 1,600 → behind.
        let k = Kind::Accumulating { before: 1200.0 };
        let p = judge(Target::AtLeast(1800.0), Some(1700.0), k, 0.75);
        assert_eq!(p.status, OnTrack);
        close(p.expected, 1650.0);
        close(p.pace_attainment, 1700.0 / 1650.0 * 100.0);
        assert_eq!(judge(Target::AtLeast(1800.0), Some(1600.0), k, 0.75).status, Behind);
        // A range: the lower bound a: 10..12 → expected 5 at H1.
        let p = judge(Target::Range(10.0, 12.0), Some(5.0), Kind::Accumulating { before: 0.0 }, 0.5);
        assert_eq!(p.status, OnTrack);
        close(p.expected, 5.0);
    }

    #[test]
    fn caps_on_what_accumulates() {
        let flow = Kind::Accumulating { before: 0.0 };
        // <= 10 at H1: expected 5. 4 → on track, 5 / 4 = 125 %; 7 → behind
        // (71.428… %); 11 → passed: not met; exactly 10 is not passed.
        let p = judge(Target::AtMost(10.0), Some(4.0), flow, 0.5);
        assert_eq!(p.status, OnTrack);
        close(p.pace_attainment, 125.0);
        let p = judge(Target::AtMost(10.0), Some(7.0), flow, 0.5);
        assert_eq!(p.status, Behind);
        close(p.pace_attainment, 5.0 / 7.0 * 100.0);
        assert_eq!(judge(Target::AtMost(10.0), Some(11.0), flow, 0.5).status, NotMet);
        assert_eq!(judge(Target::AtMost(10.0), Some(10.0), flow, 0.5).status, Behind);
        // `< 10`: 10 itself has passed it.
        assert_eq!(judge(Target::Below(10.0), Some(10.0), flow, 0.5).status, NotMet);
        // Nothing yet: on track, no attainment (÷ 0).
        let p = judge(Target::AtMost(10.0), Some(0.0), flow, 0.5);
        assert_eq!((p.status, p.pace_attainment), (OnTrack, None));
    }

    #[test]
    fn a_level_from_its_start_value() {
        // >= 60 from v0 = 48 at H1: expected 48 + 12 × 0.5 = 54. 55 → on
        // track (101.85… %); 52 → behind; 60 → met; 61 → exceeded.
        let k = Kind::Level { start: Some(48.0) };
        let p = judge(Target::AtLeast(60.0), Some(55.0), k, 0.5);
        assert_eq!(p.status, OnTrack);
        close(p.expected, 54.0);
        close(p.pace_attainment, 55.0 / 54.0 * 100.0);
        assert_eq!(judge(Target::AtLeast(60.0), Some(52.0), k, 0.5).status, Behind);
        assert_eq!(judge(Target::AtLeast(60.0), Some(60.0), k, 0.5).status, Met);
        assert_eq!(judge(Target::AtLeast(60.0), Some(61.0), k, 0.5).status, Exceeded);
        // Without a start value: in progress, nothing expected.
        let p = judge(Target::AtLeast(60.0), Some(55.0), Kind::Level { start: None }, 0.5);
        assert_eq!((p.status, p.expected, p.pace_attainment), (InProgress, None, None));
    }

    #[test]
    fn a_cap_on_a_level() {
        // <= 4 from v0 = 10 at Q3: expected 10 − 6 × 0.75 = 5.5. 5 → on
        // track (5.5 / 5 = 110 %); 6 → behind; 3 → within the cap: exceeded
        // as for a year.
        let k = Kind::Level { start: Some(10.0) };
        let p = judge(Target::AtMost(4.0), Some(5.0), k, 0.75);
        assert_eq!(p.status, OnTrack);
        close(p.expected, 5.5);
        close(p.pace_attainment, 110.0);
        assert_eq!(judge(Target::AtMost(4.0), Some(6.0), k, 0.75).status, Behind);
        assert_eq!(judge(Target::AtMost(4.0), Some(3.0), k, 0.75).status, Exceeded);
    }
}
