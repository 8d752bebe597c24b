//! User-facing words of tables and reports, per language: a thin front of
//! the catalogue (locales/*/tables.ftl). Status keys in JSON and CSV are the
//! same English words in every language (SPEC §5a); these are for people.

use crate::period::{Cadence, Period};
use crate::plan::{AttainmentNote, Basis, Measure, Status, Target};
use crate::report::{PeriodStatus, TaskClass};
use crate::settings::Lang;
use crate::{number::NumberStyle, tr_in};
use chrono::NaiveDate;

/// The words of one language, for a renderer that works in it (a report is
/// rendered in the plan's language even when messages follow `--lang`).
pub struct Labels {
    pub lang: Lang,
}

impl Labels {
    pub fn new(lang: Lang) -> Self {
        Labels { lang }
    }

    pub fn vi(&self) -> bool {
        self.lang == Lang::Vi
    }

    /// A catalogue message without arguments in this language.
    pub fn tr(&self, key: &str) -> String {
        tr_in!(self.lang, key)
    }

    /// An indicator's status: "Vượt", "Đạt", "Chưa đạt"…
    pub fn status(&self, s: Status) -> String {
        self.tr(match s {
            Status::Exceeded => "tables-status-exceeded",
            Status::Met => "tables-status-met",
            Status::NotMet => "tables-status-not-met",
            Status::NoData => "tables-status-no-data",
            Status::NoTarget => "tables-status-no-target",
            Status::Tracked => "tables-status-tracked",
            Status::OnTrack => "tables-status-on-track",
            Status::Behind => "tables-status-behind",
            Status::InProgress => "tables-status-in-progress",
        })
    }

    /// Why a value or its attainment is n/a: "mục tiêu bằng 0", "chỉ tiêu
    /// `thu_ns` năm 2026 bằng 0"… (JSON keeps the English of
    /// [`AttainmentNote`]'s `Display`).
    pub fn na_reason(&self, n: &AttainmentNote) -> String {
        match n {
            AttainmentNote::InputZero { input, year } => {
                tr_in!(self.lang, "report-na-input-zero", input = input.as_str(), year = year.to_string())
            }
            AttainmentNote::NoData => self.tr("report-na-no-data"),
            AttainmentNote::TargetZero => self.tr("report-na-target-zero"),
            AttainmentNote::ValueZero => self.tr("report-na-value-zero"),
            AttainmentNote::NotFinite => self.tr("report-na-not-finite"),
            AttainmentNote::GrowthAtMostMinus100 => self.tr("report-na-growth-at-most-minus-100"),
        }
    }

    /// One period's figure: "đúng hạn", "trễ hạn"…
    pub fn period_status(&self, s: PeriodStatus) -> String {
        self.tr(match s {
            PeriodStatus::OnTime => "tables-period-on-time",
            PeriodStatus::Late => "tables-period-late",
            PeriodStatus::Missing => "tables-period-missing",
            PeriodStatus::NotYetDue => "tables-period-not-yet-due",
        })
    }

    /// The four classes of task tracking (SPEC §5), and "no deadline".
    pub fn task_class(&self, c: TaskClass) -> String {
        self.tr(match c {
            TaskClass::DoneOnTime => "tables-task-done-on-time",
            TaskClass::DoneLate => "tables-task-done-late",
            TaskClass::OpenInTime => "tables-task-open-in-time",
            TaskClass::OpenOverdue => "tables-task-open-overdue",
            TaskClass::NoDeadline => "tables-task-no-deadline",
            TaskClass::DoneNoDeadline => "report-task-done-no-deadline",
        })
    }

    /// What a figure measures: "số phát sinh trong kỳ"…
    pub fn measure(&self, m: Measure) -> String {
        self.tr(match m {
            Measure::Level => "tables-measure-level",
            Measure::Flow => "tables-measure-flow",
            Measure::Rate => "tables-measure-rate",
        })
    }

    /// How a year's value is held against the target: "lũy kế từ đầu kỳ…".
    pub fn basis(&self, b: Basis) -> String {
        self.tr(match b {
            Basis::End => "tables-basis-end",
            Basis::Year => "tables-basis-year",
            Basis::Average => "tables-basis-average",
            Basis::Compound => "tables-basis-compound",
            Basis::Cumulative => "tables-basis-cumulative",
        })
    }

    /// How often: "hằng quý".
    pub fn every(&self, c: Cadence) -> String {
        crate::words::every(c, self.lang)
    }

    /// A period in words: "Quý 3/2027" (see [`Period::label`]).
    pub fn period(&self, p: Period) -> String {
        p.label(self.lang)
    }

    /// A target in words: "từ 48 trở lên" (see [`Target::words`]).
    pub fn target(&self, t: Target, style: NumberStyle, unit: Option<&str>) -> String {
        t.words(self.lang, style, unit)
    }

    /// A date as people of the language write it: 15/01/2027, 2027-01-15.
    pub fn date(&self, d: NaiveDate) -> String {
        crate::words::date(d, self.lang)
    }

    /// "3 ngày", "1 day", "3 days".
    pub fn days(&self, n: i64) -> String {
        tr_in!(self.lang, "common-days", n = n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_both_languages() {
        let (vi, en) = (Labels::new(Lang::Vi), Labels::new(Lang::En));
        assert_eq!(vi.status(Status::NotMet), "Chưa đạt");
        assert_eq!(en.status(Status::NoData), "No data");
        assert_eq!(vi.task_class(TaskClass::OpenOverdue), "Chưa hoàn thành, quá hạn");
        assert_eq!(en.period_status(PeriodStatus::Missing), "missing, overdue");
        assert_eq!(vi.basis(Basis::Cumulative), "lũy kế từ đầu kỳ kế hoạch");
        assert_eq!(vi.measure(Measure::Flow), "số phát sinh trong kỳ");
        assert_eq!(vi.days(12), "12 ngày");
        assert_eq!(en.days(1), "1 day");
        assert_eq!(vi.date(NaiveDate::from_ymd_opt(2027, 1, 5).unwrap()), "05/01/2027");
    }

    #[test]
    fn n_a_reasons_in_both_languages() {
        let (vi, en) = (Labels::new(Lang::Vi), Labels::new(Lang::En));
        let den = AttainmentNote::InputZero { input: "lop".into(), year: 2026 };
        assert_eq!(vi.na_reason(&AttainmentNote::TargetZero), "mục tiêu bằng 0");
        assert_eq!(vi.na_reason(&den), "chỉ tiêu `lop` năm 2026 bằng 0");
        // English people read what JSON carries.
        for n in [
            AttainmentNote::NoData,
            AttainmentNote::TargetZero,
            AttainmentNote::ValueZero,
            AttainmentNote::NotFinite,
            den,
            AttainmentNote::GrowthAtMostMinus100,
        ] {
            assert_eq!(en.na_reason(&n), n.to_string());
        }
    }
}
