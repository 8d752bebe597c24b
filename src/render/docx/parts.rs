//! The parts of the báo cáo around the results (SPEC §4.2): I. leadership
//! and implementation, III. overall assessment, IV. directions and tasks
//! for the next period, V. proposals. What the ledger knows is written out
//! (documents recorded with completed tasks, strengths, what each
//! indicator behind pace still needs, what comes due next); what only the
//! office knows is its text from `--notes`, else a bracketed, highlighted
//! placeholder that nobody signs unfilled.

use super::notes::Notes;
use super::sentences::{listed, shortfalls};
use super::{Fmt, body, bullet, clean, section, subsection};
use crate::period::Period;
use crate::plan::{Status, Target};
use crate::render::labels::Labels;
use crate::report::{IndicatorReport, Report, TaskClass};
use crate::tr_in;
use chrono::{Datelike, NaiveDate};
use docx_rs::{AlignmentType, LineSpacing, Paragraph, Run, SpecialIndentType};
use std::collections::BTreeMap;

/// Word's highlight colour for what the office must still write.
pub const HIGHLIGHT: &str = "yellow";

/// "[…]" in italics on a highlighted ground: a part only people can write.
pub(super) fn placeholder(text: String) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(super::mm(10))), None, None)
        .line_spacing(LineSpacing::new().after(120))
        .add_run(Run::new().add_text(format!("[{}]", clean(&text))).italic().highlight(HIGHLIGHT))
}

/// The office's text under `key`, else the placeholder `hint` (none: nothing).
pub(super) fn office_text(notes: &Notes, key: &str, hint: Option<String>) -> Vec<Paragraph> {
    match notes.get(key) {
        Some(paras) => paras
            .iter()
            .map(|p| if p.bullet { bullet(p.text.clone()) } else { body(p.text.clone()) })
            .collect(),
        None => hint.map(placeholder).into_iter().collect(),
    }
}

/// I. Leadership and implementation: the documents recorded with the tasks
/// completed in the period, then the office's account (`lanh_dao`).
pub(super) fn leadership(r: &Report, notes: &Notes, f: &Fmt) -> Vec<Paragraph> {
    let lang = f.lang;
    let mut out = vec![section(tr_in!(lang, "doc-section-leadership"))];
    let done: Vec<_> = r
        .groups
        .iter()
        .flat_map(|g| g.task_list.iter())
        .filter(|t| {
            matches!(t.class, TaskClass::DoneOnTime | TaskClass::DoneLate | TaskClass::DoneNoDeadline)
        })
        .collect();
    let with_source: Vec<_> = done.iter().filter(|t| t.source.is_some()).collect();
    if done.is_empty() {
        out.push(body(tr_in!(lang, "doc-lead-none")));
    } else if with_source.is_empty() {
        out.push(body(tr_in!(lang, "doc-lead-no-documents", count = done.len())));
    } else {
        out.push(body(tr_in!(lang, "doc-lead-documents", count = done.len(), cited = with_source.len())));
        for t in with_source {
            out.push(bullet(tr_in!(
                lang,
                "doc-lead-document",
                source = clean(t.source.as_deref().unwrap_or_default()),
                date = t.done_on.map(|d| f.date(d)).unwrap_or_default(),
                task = clean(&t.name)
            )));
        }
    }
    out.extend(office_text(notes, "lanh_dao", Some(tr_in!(lang, "doc-hint-leadership"))));
    out
}

/// III. Overall assessment: strengths (met, exceeded, on track; tasks done
/// on time), shortcomings (never an indicator on track), the causes the
/// office gives, and for a span the lessons.
pub(super) fn assessment(r: &Report, notes: &Notes, f: &Fmt) -> Vec<Paragraph> {
    let lang = f.lang;
    let labels = Labels::new(lang);
    let mut out = vec![section(tr_in!(lang, "doc-section-assessment"))];
    out.push(subsection(tr_in!(lang, "doc-strengths")));
    let good: Vec<&IndicatorReport> = r
        .groups
        .iter()
        .flat_map(|g| g.indicators.iter())
        .filter(|i| matches!(i.status, Status::Met | Status::Exceeded | Status::OnTrack))
        .collect();
    if good.is_empty() {
        out.push(body(tr_in!(lang, "doc-strengths-none")));
    } else {
        let items: Vec<String> = good
            .iter()
            .map(|i| {
                let how = labels.status(i.status).to_lowercase();
                match i.pace_attainment.or(i.attainment) {
                    Some(a) => format!("{} ({how}, {})", clean(&i.name), f.pct(a)),
                    None => format!("{} ({how})", clean(&i.name)),
                }
            })
            .collect();
        out.push(bullet(tr_in!(
            lang,
            "doc-strengths-indicators",
            count = good.len(),
            total = r.indicator_count,
            list = items.join("; ")
        )));
    }
    let t = &r.tasks;
    if t.done_on_time + t.done_late > 0 {
        out.push(bullet(tr_in!(
            lang,
            "doc-strengths-tasks",
            on_time = t.done_on_time,
            done = t.done_on_time + t.done_late
        )));
    }
    out.extend(office_text(notes, "uu_diem", None));
    out.push(subsection(tr_in!(lang, "doc-shortcomings")));
    out.extend(shortfalls(r, f));
    out.extend(office_text(notes, "han_che", None));
    out.push(subsection(tr_in!(lang, "doc-causes")));
    out.push(body(tr_in!(lang, "doc-causes-objective")));
    out.extend(office_text(notes, "nguyen_nhan_khach_quan", Some(tr_in!(lang, "doc-hint-objective"))));
    out.push(body(tr_in!(lang, "doc-causes-subjective")));
    out.extend(office_text(notes, "nguyen_nhan_chu_quan", Some(tr_in!(lang, "doc-hint-subjective"))));
    // Lessons belong to a tổng kết; the office's own are never dropped.
    if r.years.is_some() || notes.get("bai_hoc").is_some() {
        out.push(subsection(tr_in!(lang, "doc-lessons")));
        out.extend(office_text(notes, "bai_hoc", Some(tr_in!(lang, "doc-hint-lessons"))));
    }
    out
}

/// What an indicator still needs to reach Y's target: "còn 450 tỷ đồng để
/// đạt mục tiêu năm 2027 (từ 1.000 trở lên)"; for a cap, the bound to stay
/// within. None when the indicator is not behind (or not below its target).
fn still_needs(i: &IndicatorReport, r: &Report, f: &Fmt) -> Option<String> {
    let lang = f.lang;
    let v = i.value?;
    let t = i.target?;
    let of = if i.basis == crate::plan::Basis::Cumulative {
        tr_in!(lang, "doc-of-cumulative", year = r.year)
    } else {
        tr_in!(lang, "doc-of-year", year = r.year)
    };
    let target = clean(&i.target_words(f.lang, f.style));
    match i.target_spec {
        Some(Target::AtMost(_) | Target::Below(_)) => Some(tr_in!(
            lang,
            "doc-need-cap",
            name = clean(&i.name),
            value = f.value_unit(v, &i.unit),
            of = of,
            target = target
        )),
        _ if v < t => Some(tr_in!(
            lang,
            "doc-need-more",
            name = clean(&i.name),
            gap = f.value_unit(t - v, &i.unit),
            of = of,
            target = target
        )),
        _ => None,
    }
}

/// IV. Directions and tasks for the next period: what each indicator
/// behind pace (or short of its target) still needs, the tasks that come
/// due next with their lead, the figures that come due, then the office's
/// directions and solutions.
pub(super) fn directions(r: &Report, notes: &Notes, f: &Fmt) -> Vec<Paragraph> {
    let lang = f.lang;
    let mut out = vec![section(tr_in!(lang, "doc-section-directions"))];
    out.push(subsection(tr_in!(lang, "doc-directions-tasks")));
    let part = r.is_part_of_year();
    let needs: Vec<String> = r
        .groups
        .iter()
        .flat_map(|g| g.indicators.iter())
        .filter(|i| match i.status {
            Status::Behind => true,
            Status::NotMet => !part,
            _ => false,
        })
        .filter_map(|i| still_needs(i, r, f))
        .collect();
    if !needs.is_empty() {
        out.push(body(if part {
            tr_in!(lang, "doc-needs-pace", months = 12 - r.through.month(), year = r.year)
        } else {
            tr_in!(lang, "doc-needs-year")
        }));
        out.extend(needs.into_iter().map(bullet));
    }
    // Tasks: those coming due after the part reviewed; after a year or a
    // span, those still open and those the plan sets for the next year.
    let lead_of = |lead: &Option<String>, name: &Option<String>| {
        clean(name.as_deref().or(lead.as_deref()).unwrap_or_default())
    };
    let mut tasks: Vec<(Option<NaiveDate>, String)> = Vec::new();
    for g in &r.groups {
        for t in &g.upcoming {
            tasks.push((Some(t.due), task_line(&t.name, &lead_of(&t.lead, &t.lead_name), Some(t.due), f)));
        }
        if !part {
            for t in g
                .task_list
                .iter()
                .filter(|t| matches!(t.class, TaskClass::OpenInTime | TaskClass::OpenOverdue))
            {
                tasks.push((t.due, task_line(&t.name, &lead_of(&t.lead, &t.lead_name), t.due, f)));
            }
        }
    }
    if !part && r.year < r.end {
        let listed_ids: Vec<&str> =
            r.groups.iter().flat_map(|g| g.task_list.iter().map(|t| t.id.as_str())).collect();
        for t in r.groups.iter().flat_map(|g| g.next_year_tasks.iter()) {
            if listed_ids.contains(&t.id.as_str()) {
                continue;
            }
            let lead = t.lead_name.as_deref().unwrap_or_default();
            tasks.push((Some(t.due), task_line(&t.name, lead, Some(t.due), f)));
        }
    }
    tasks.sort_by_key(|(d, _)| d.unwrap_or(NaiveDate::MAX));
    if tasks.is_empty() {
        out.push(body(tr_in!(lang, "doc-next-tasks-none")));
    } else {
        out.push(body(tr_in!(lang, "doc-next-tasks", count = tasks.len())));
        out.extend(tasks.into_iter().map(|(_, t)| bullet(t)));
    }
    out.extend(next_figures(r, f));
    out.extend(office_text(notes, "phuong_huong", None));
    out.push(subsection(tr_in!(lang, "doc-solutions")));
    out.extend(office_text(notes, "giai_phap", Some(tr_in!(lang, "doc-hint-solutions"))));
    out
}

/// "Tên nhiệm vụ (Phòng Kinh tế chủ trì, hạn 30/09/2026)".
fn task_line(name: &str, lead: &str, due: Option<NaiveDate>, f: &Fmt) -> String {
    let lang = f.lang;
    match (lead.is_empty(), due) {
        (false, Some(d)) => tr_in!(lang, "doc-next-task", name = clean(name), lead = lead, due = f.date(d)),
        (true, Some(d)) => tr_in!(lang, "doc-next-task-no-lead", name = clean(name), due = f.date(d)),
        (false, None) => tr_in!(lang, "doc-next-task-no-due", name = clean(name), lead = lead),
        (true, None) => clean(name),
    }
}

/// The figures that come due next: for each recorded indicator of the
/// report, the first period of its cadence that ends after the day
/// reviewed (within the plan's years), grouped by period and due date.
fn next_figures(r: &Report, f: &Fmt) -> Vec<Paragraph> {
    let lang = f.lang;
    let mut by_period: BTreeMap<(NaiveDate, Period), Vec<String>> = BTreeMap::new();
    for i in r.groups.iter().flat_map(|g| g.indicators.iter()) {
        let Some(next) = i.next_figure else { continue };
        by_period.entry((next.due, next.period)).or_default().push(clean(&i.name));
    }
    if by_period.is_empty() {
        return Vec::new();
    }
    let mut out = vec![body(tr_in!(lang, "doc-next-figures"))];
    for ((due, p), names) in by_period {
        out.push(bullet(tr_in!(
            lang,
            "doc-next-figure",
            period = p.label(lang),
            due = f.date(due),
            list = listed(names, lang, 8)
        )));
    }
    out
}

/// V. Proposals: only the office can write them.
pub(super) fn proposals(notes: &Notes, f: &Fmt) -> Vec<Paragraph> {
    let lang = f.lang;
    let mut out = vec![section(tr_in!(lang, "doc-section-proposals"))];
    out.extend(office_text(notes, "de_xuat", Some(tr_in!(lang, "doc-hint-proposals"))));
    out
}
