//! User-facing words of reports, per language. Status keys in JSON/CSV are
//! the same English words in every language; these are for people.

use crate::plan::{Lang, Status};
use crate::report::{PeriodStatus, TaskClass};
use chrono::NaiveDate;

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

    /// `vi` or `en` text.
    pub fn t<'a>(&self, vi: &'a str, en: &'a str) -> &'a str {
        if self.vi() { vi } else { en }
    }

    pub fn status(&self, s: Status) -> &'static str {
        match (s, self.vi()) {
            (Status::Exceeded, true) => "Vượt",
            (Status::Met, true) => "Đạt",
            (Status::NotMet, true) => "Chưa đạt",
            (Status::NoData, true) => "Chưa có số liệu",
            (Status::NoTarget, true) => "Chưa có chỉ tiêu",
            (Status::Exceeded, false) => "Exceeded",
            (Status::Met, false) => "Met",
            (Status::NotMet, false) => "Not met",
            (Status::NoData, false) => "No data",
            (Status::NoTarget, false) => "No target",
        }
    }

    pub fn period_status(&self, s: PeriodStatus) -> &'static str {
        match (s, self.vi()) {
            (PeriodStatus::OnTime, true) => "đúng hạn",
            (PeriodStatus::Late, true) => "trễ hạn",
            (PeriodStatus::Missing, true) => "chưa báo cáo, quá hạn",
            (PeriodStatus::NotYetDue, true) => "chưa đến hạn",
            (PeriodStatus::OnTime, false) => "on time",
            (PeriodStatus::Late, false) => "late",
            (PeriodStatus::Missing, false) => "missing, overdue",
            (PeriodStatus::NotYetDue, false) => "not yet due",
        }
    }

    pub fn task_class(&self, c: TaskClass) -> &'static str {
        match (c, self.vi()) {
            (TaskClass::DoneOnTime, true) => "Hoàn thành đúng hạn",
            (TaskClass::DoneLate, true) => "Hoàn thành quá hạn",
            (TaskClass::OpenInTime, true) => "Chưa hoàn thành, trong hạn",
            (TaskClass::OpenOverdue, true) => "Chưa hoàn thành, quá hạn",
            (TaskClass::NoDeadline, true) => "Không có hạn",
            (TaskClass::DoneNoDeadline, true) => "Hoàn thành (không có hạn)",
            (TaskClass::DoneOnTime, false) => "Done on time",
            (TaskClass::DoneLate, false) => "Done late",
            (TaskClass::OpenInTime, false) => "Open, within deadline",
            (TaskClass::OpenOverdue, false) => "Open, overdue",
            (TaskClass::NoDeadline, false) => "No deadline",
            (TaskClass::DoneNoDeadline, false) => "Done (no deadline)",
        }
    }

    pub fn date(&self, d: NaiveDate) -> String {
        if self.vi() { d.format("%d/%m/%Y").to_string() } else { d.format("%Y-%m-%d").to_string() }
    }

    pub fn days(&self, n: i64) -> String {
        if self.vi() {
            format!("{n} ngày")
        } else if n == 1 {
            "1 day".to_string()
        } else {
            format!("{n} days")
        }
    }
}
