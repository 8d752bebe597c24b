//! Tasks of a review (SPEC §5 "Tasks in year Y", "Lateness of tasks",
//! "Review of a part of the year"): which tasks a window of days holds,
//! in which of the four classes as of `as_of`, and which come due after
//! the part of the year reviewed (`upcoming`).

use super::values::month_end;
use super::{GroupReport, OverdueTask, TaskClass, TaskReport, UpcomingTask};
use crate::plan::{Group, Plan};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// Whether a task belongs to the years `first..=last` and in which class
/// (SPEC §5 "Tasks in year Y", "Lateness of tasks"), with its days late or
/// overdue: [`task_class_in`] from 1 January of `first` to 31 December of
/// `last`.
pub fn task_class(
    due: Option<NaiveDate>,
    done_on: Option<NaiveDate>,
    first: i32,
    last: i32,
    as_of: NaiveDate,
) -> Option<(TaskClass, i64)> {
    let begin = NaiveDate::from_ymd_opt(first, 1, 1)?;
    task_class_in(due, done_on, begin, month_end(last, 12), as_of)
}

/// Whether a task belongs to the days `begin..=end` and in which class as
/// of `as_of`, with its days late or overdue. In: due in the window; due
/// earlier and still open when it began; completed in it (by `as_of`, which
/// `done_on` already respects) whatever the deadline; and, without a
/// deadline, still open. A review of part of a year ends its window at E
/// (SPEC §5): a task due after E and done after E is not in it.
pub fn task_class_in(
    due: Option<NaiveDate>,
    done_on: Option<NaiveDate>,
    begin: NaiveDate,
    end: NaiveDate,
    as_of: NaiveDate,
) -> Option<(TaskClass, i64)> {
    let done_within = done_on.is_some_and(|d| begin <= d && d <= end);
    let belongs = done_within
        || match due {
            Some(due) => (begin <= due && due <= end) || (due < begin && done_on.is_none_or(|d| d >= begin)),
            None => done_on.is_none(),
        };
    if !belongs {
        return None;
    }
    Some(match (due, done_on) {
        (None, Some(_)) => (TaskClass::DoneNoDeadline, 0),
        (None, None) => (TaskClass::NoDeadline, 0),
        // Done ahead of a later deadline is done on time.
        (Some(due), Some(d)) if d <= due => (TaskClass::DoneOnTime, 0),
        (Some(due), Some(d)) => (TaskClass::DoneLate, (d - due).num_days()),
        (Some(due), None) if as_of <= due => (TaskClass::OpenInTime, 0),
        (Some(due), None) => (TaskClass::OpenOverdue, (as_of - due).num_days()),
    })
}

/// Fills the task list, counts, overdue list and upcoming tasks of `gr`
/// for the window `begin..=end` (E the end), with `year_end` the last day
/// of Y: tasks due after `end` through `year_end` and still open are
/// upcoming; every task due in the year after `year_end` is listed in
/// `next_year_tasks`.
pub(super) fn group_tasks(
    plan: &Plan,
    g: &Group,
    window: (NaiveDate, NaiveDate),
    year_end: NaiveDate,
    as_of: NaiveDate,
    done: &HashMap<String, (NaiveDate, i64)>,
    gr: &mut GroupReport,
) {
    let (begin, end) = window;
    let next = year_end.year() + 1;
    for (t, due) in g.tasks.iter().filter_map(|t| Some((t, t.due.filter(|d| d.year() == next)?))) {
        let lead = t.lead.as_ref().or(g.lead.as_ref());
        gr.next_year_tasks.push(UpcomingTask {
            id: t.id.clone(),
            due,
            name: t.name.clone(),
            lead: lead.cloned(),
            lead_name: lead.map(|a| plan.agency_name(a).to_string()),
        });
    }
    for t in &g.tasks {
        let done_on = done.get(&t.id).map(|d| d.0);
        let lead_name = t.lead.as_deref().map(|a| plan.agency_name(a).to_string());
        let Some((class, days)) = task_class_in(t.due, done_on, begin, end, as_of) else {
            if let Some(due) = t.due.filter(|&d| end < d && d <= year_end && done_on.is_none()) {
                gr.upcoming.push(UpcomingTask {
                    id: t.id.clone(),
                    due,
                    name: t.name.clone(),
                    lead: t.lead.clone(),
                    lead_name,
                });
            }
            continue;
        };
        let tr = TaskReport {
            id: t.id.clone(),
            name: t.name.clone(),
            lead: t.lead.clone(),
            lead_name,
            deliverable: t.deliverable.clone(),
            due: t.due,
            done_on,
            class,
            days,
            source: None,
        };
        gr.tasks.add(&tr);
        if let (TaskClass::OpenOverdue, Some(due)) = (class, t.due) {
            gr.overdue_tasks.push(OverdueTask {
                task: tr.id.clone(),
                name: tr.name.clone(),
                due,
                days_overdue: days,
                agency: tr.lead.clone(),
                agency_name: tr.lead_name.clone(),
            });
        }
        gr.task_list.push(tr);
    }
    gr.overdue_tasks.sort_by(|a, b| (b.days_overdue, &a.task).cmp(&(a.days_overdue, &b.task)));
    gr.upcoming.sort_by(|a, b| (a.due, &a.id).cmp(&(b.due, &b.id)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_part_of_the_year_ends_its_window_at_e() {
        let (begin, e, as_of) = (d("2026-01-01"), d("2026-06-30"), d("2026-11-26"));
        // Due 30/09, done 15/11: neither due nor done by 30 June: not in
        // the six-month review.
        assert_eq!(task_class_in(Some(d("2026-09-30")), Some(d("2026-11-15")), begin, e, as_of), None);
        // Due 30/09, done 20/05: done by E, ahead of its deadline: on time.
        assert_eq!(
            task_class_in(Some(d("2026-09-30")), Some(d("2026-05-20")), begin, e, as_of),
            Some((TaskClass::DoneOnTime, 0))
        );
        // Due 15/06, done 25/07: classed as of as_of: done late, 40 days
        // (15 + 25).
        assert_eq!(
            task_class_in(Some(d("2026-06-15")), Some(d("2026-07-25")), begin, e, as_of),
            Some((TaskClass::DoneLate, 40))
        );
        // Due 30/06, open: overdue by 26/11: 31+31+30+31+26 = 149 days.
        assert_eq!(
            task_class_in(Some(d("2026-06-30")), None, begin, e, as_of),
            Some((TaskClass::OpenOverdue, 149))
        );
        // Due in 2025, open when 2026 began: in.
        assert_eq!(
            task_class_in(Some(d("2025-12-01")), None, begin, e, d("2026-01-31")),
            Some((TaskClass::OpenOverdue, 61))
        );
    }
}
