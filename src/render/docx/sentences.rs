//! The sentences of the document's body (SPEC §4.2 II, III.2): per group its
//! attainment with what it rests on, one sentence per indicator (value,
//! share of the year's or the cumulative target, pace in a review of part
//! of a year, same period last year, each year of a span), late and
//! missing figures, tasks and the tasks coming due; then the shortcomings,
//! which never list an indicator on track.

use super::{Fmt, body, bullet, clean, subsection};
use crate::plan::{AttainmentNote, Status};
use crate::render::labels::Labels;
use crate::report::{GroupReport, IndicatorReport, PeriodStatus, Report, TaskClass};
use crate::settings::Lang;
use crate::tr_in;
use chrono::Datelike;
use docx_rs::Paragraph;

/// "1 vượt, 2 đạt tiến độ, 1 chưa có số liệu": the indicators by status,
/// for a sentence.
pub(super) fn counts_words(c: &crate::report::Counts, lang: Lang) -> String {
    let l = Labels::new(lang);
    c.by_status()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {}", l.status(*s).to_lowercase()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Up to `max` items, then "và N mục khác".
pub(super) fn listed(items: Vec<String>, lang: Lang, max: usize) -> String {
    let more = items.len().saturating_sub(max);
    let mut shown: Vec<String> = items.into_iter().take(max).collect();
    if more > 0 {
        shown.push(tr_in!(lang, "doc-more", n = more));
    }
    shown.join("; ")
}

/// Section I for one group: attainment, one sentence per indicator, the late
/// and missing figures, the tasks.
pub(super) fn group_paragraphs(n: usize, g: &GroupReport, r: &Report, f: &Fmt) -> Vec<Paragraph> {
    let lang = f.lang;
    let mut out = vec![subsection(tr_in!(lang, "doc-group-heading", n = n, name = clean(&g.name)))];
    let lead = g.lead_name.clone().or(g.lead.clone());
    if let Some(a) = &lead {
        out.push(body(tr_in!(lang, "doc-group-lead", agency = clean(a))));
    }
    if g.indicator_count > 0 {
        out.push(body(match g.attainment {
            Some(a) => tr_in!(
                lang,
                "doc-group-attainment",
                year = r.year,
                pct = f.pct(a),
                count = g.rollup_count,
                total = g.indicator_count,
                counts = counts_words(&g.counts, lang)
            ),
            None => tr_in!(lang, "doc-group-no-attainment", year = r.year),
        }));
    }
    for i in &g.indicators {
        out.push(bullet(indicator_sentence(i, r, f)));
    }
    let agency_of = |a: &Option<String>, b: &Option<String>| {
        clean(a.as_deref().or(b.as_deref()).or(lead.as_deref()).unwrap_or_default())
    };
    let late: Vec<String> = g
        .indicators
        .iter()
        .flat_map(|i| i.periods.iter().filter(|p| p.status == PeriodStatus::Late).map(move |p| (i, p)))
        .map(|(i, p)| {
            tr_in!(
                lang,
                "doc-late-figure",
                name = clean(&i.name),
                period = p.period.label(lang),
                days = f.days(p.days),
                agency = agency_of(&g.lead_name, &g.lead)
            )
        })
        .collect();
    if !late.is_empty() {
        out.push(body(tr_in!(lang, "doc-late-figures", list = listed(late, lang, 5))));
    }
    let missing: Vec<String> = g
        .missing_figures
        .iter()
        .map(|m| {
            tr_in!(
                lang,
                "doc-missing-figure",
                name = clean(&m.name),
                period = m.period.label(lang),
                days = f.days(m.days_overdue),
                agency = agency_of(&m.agency_name, &m.agency)
            )
        })
        .collect();
    if !missing.is_empty() {
        out.push(body(tr_in!(lang, "doc-missing-figures", list = listed(missing, lang, 5))));
    }
    let t = &g.tasks;
    if g.task_list.is_empty() {
        out.push(body(tr_in!(lang, "doc-tasks-none")));
    } else {
        let extra = match t.no_deadline + t.done_no_deadline {
            0 => String::new(),
            n => tr_in!(lang, "doc-tasks-no-deadline", n = n),
        };
        let rate = match t.rate {
            Some(rate) => tr_in!(
                lang,
                "doc-tasks-rate",
                pct = f.pct(rate),
                done = t.done_on_time + t.done_late,
                due = t.done_on_time + t.done_late + t.open_overdue
            ),
            None => String::new(),
        };
        out.push(body(tr_in!(
            lang,
            "doc-tasks",
            done_on_time = t.done_on_time,
            done_late = t.done_late,
            open_in_time = t.open_in_time,
            open_overdue = t.open_overdue,
            extra = extra,
            rate = rate
        )));
        // The tasks done, named, with their product and document; the late
        // ones with their days (SPEC §4.2 II).
        let done: Vec<String> = g
            .task_list
            .iter()
            .filter(|t| {
                matches!(t.class, TaskClass::DoneOnTime | TaskClass::DoneLate | TaskClass::DoneNoDeadline)
            })
            .map(|t| {
                let mut about = Vec::new();
                if let Some(d) = &t.deliverable {
                    about.push(tr_in!(lang, "doc-done-product", product = clean(d)));
                }
                if let Some(s) = &t.source {
                    about.push(clean(s));
                }
                if t.class == TaskClass::DoneLate {
                    about.push(tr_in!(lang, "doc-done-late", days = f.days(t.days)));
                }
                if about.is_empty() {
                    clean(&t.name)
                } else {
                    format!("{} ({})", clean(&t.name), about.join("; "))
                }
            })
            .collect();
        if !done.is_empty() {
            out.push(body(tr_in!(lang, "doc-done-tasks", list = listed(done, lang, 10))));
        }
        let overdue: Vec<String> = g
            .overdue_tasks
            .iter()
            .map(|t| {
                tr_in!(
                    lang,
                    "doc-overdue-task",
                    name = clean(&t.name),
                    agency = agency_of(&t.agency_name, &t.agency),
                    due = f.date(t.due),
                    days = f.days(t.days_overdue)
                )
            })
            .collect();
        if !overdue.is_empty() {
            out.push(body(tr_in!(lang, "doc-overdue-tasks", list = listed(overdue, lang, 5))));
        }
    }
    out
}

/// " (ước thực hiện)" when the value rests on an estimate (SPEC §5).
fn estimate_mark(i: &IndicatorReport, lang: Lang) -> String {
    if i.estimate { tr_in!(lang, "doc-estimate") } else { String::new() }
}

/// "Doanh nghiệp hoạt động trên địa bàn xã: 103 doanh nghiệp, đạt 85,8 %
/// mục tiêu …": the figure, its share of the target (named as cumulative
/// for a cumulative basis), the pace in a review of part of a year, the
/// status, the same period last year, each year of a span; or that there
/// is no figure.
fn indicator_sentence(i: &IndicatorReport, r: &Report, f: &Fmt) -> String {
    let lang = f.lang;
    let name = clean(&i.name);
    let series = series_clause(i, r, f);
    let Some(v) = i.value else {
        // No value: none recorded yet, or one that cannot be computed (a
        // ratio over 0…: SPEC §5, "n/a" with the reason).
        return match &i.attainment_note {
            Some(n) if *n != AttainmentNote::NoData => {
                tr_in!(lang, "doc-ind-value-na", name = name, why = Labels::new(lang).na_reason(n))
            }
            // A span whose earlier years have values never says "no data".
            _ if !series.is_empty() => {
                tr_in!(lang, "doc-ind-no-data-year", name = name, year = r.year, series = series)
            }
            _ => tr_in!(lang, "doc-ind-no-data", name = name),
        };
    };
    let mut value = f.value_unit(v, &i.unit);
    if let Some(y) = i.value_year.filter(|&y| y != r.year) {
        value.push_str(&tr_in!(lang, "doc-value-year", year = y));
    }
    let estimate = estimate_mark(i, lang);
    let labels = Labels::new(lang);
    let status = labels.status(i.status).to_lowercase();
    let na = i.attainment_note.as_ref().map(|n| labels.na_reason(n));
    let of = if i.basis == crate::plan::Basis::Cumulative {
        tr_in!(lang, "doc-of-cumulative", year = r.year)
    } else {
        tr_in!(lang, "doc-of-year", year = r.year)
    };
    let mut s = match (i.attainment, i.progress) {
        (Some(a), _) if i.expected.is_some() => tr_in!(
            lang,
            "doc-ind-pace",
            name = name,
            value = value,
            estimate = estimate,
            pct = f.pct(a),
            of = of,
            target = clean(&i.target_words(f.lang, f.style)),
            months = r.through.month(),
            expected = f.value_unit(i.expected.unwrap_or_default(), &i.unit),
            pace =
                i.pace_attainment.map(|p| tr_in!(lang, "doc-pace-pct", pct = f.pct(p))).unwrap_or_default(),
            status = status
        ),
        (Some(a), _) => tr_in!(
            lang,
            "doc-ind-value",
            name = name,
            value = value,
            estimate = estimate,
            pct = f.pct(a),
            of = of,
            target = clean(&i.target_words(f.lang, f.style)),
            status = status
        ),
        (None, Some(p)) if i.status == Status::NoTarget => tr_in!(
            lang,
            "doc-ind-value-final",
            name = name,
            value = value,
            estimate = estimate,
            pct = f.pct(p),
            by = i.by,
            target = clean(&i.final_target_words(f.lang, f.style).unwrap_or_default()),
            year = r.year
        ),
        (None, _) if na.is_some() => tr_in!(
            lang,
            "doc-ind-na",
            name = name,
            value = value,
            estimate = estimate,
            why = clean(na.as_deref().unwrap_or_default())
        ),
        _ => tr_in!(
            lang,
            "doc-ind-value-only",
            name = name,
            value = value,
            estimate = estimate,
            status = status
        ),
    };
    if let (Some(ly), Some(vs)) = (i.last_year, i.vs_last_year) {
        // "…; cùng kỳ năm trước 95 doanh nghiệp, bằng 108,4 %."
        s.pop();
        s.push_str(&format!(
            "; {}.",
            tr_in!(lang, "doc-ind-last-year", value = f.value_unit(ly, &i.unit), pct = f.pct(vs))
        ));
    }
    if !series.is_empty() {
        s.pop();
        s.push_str(&format!("; {}.", tr_in!(lang, "doc-ind-series", series = series)));
    }
    s
}

/// "2026: 239; 2027: chưa có": each year's value of a span with a value
/// in any year ("" otherwise, and outside spans).
fn series_clause(i: &IndicatorReport, r: &Report, f: &Fmt) -> String {
    if r.years.is_none() || i.series.iter().all(|p| p.value.is_none()) {
        return String::new();
    }
    i.series
        .iter()
        .map(|p| {
            let v = match p.value {
                Some(v) => {
                    let mut s = f.num(v);
                    if p.partial {
                        s.push('*');
                    }
                    if p.estimate {
                        s.push_str(&tr_in!(f.lang, "doc-estimate-short"));
                    }
                    s
                }
                None => tr_in!(f.lang, "doc-none"),
            };
            format!("{}: {v}", p.year)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// III.2 shortcomings: indicators behind pace, not met or without data,
/// figures overdue, tasks overdue; never an indicator on track.
pub(super) fn shortfalls(r: &Report, f: &Fmt) -> Vec<Paragraph> {
    let lang = f.lang;
    let mut out = Vec::new();
    for g in &r.groups {
        let lead = g.lead_name.clone().or(g.lead.clone()).unwrap_or_default();
        for i in &g.indicators {
            // Never an indicator on track (SPEC §4.2 III).
            match (i.status, i.attainment) {
                (Status::Behind, _) => out.push(bullet(tr_in!(
                    lang,
                    "doc-short-behind",
                    name = clean(&i.name),
                    value = i.value.map(|v| f.value_unit(v, &i.unit)).unwrap_or_default(),
                    months = r.through.month(),
                    expected = i.expected.map(|e| f.value_unit(e, &i.unit)).unwrap_or_default(),
                    pct = i.pace_attainment.map(|p| f.pct(p)).unwrap_or_else(|| tr_in!(lang, "doc-none"))
                ))),
                (Status::NotMet, Some(a)) => out.push(bullet(tr_in!(
                    lang,
                    "doc-short-not-met",
                    name = clean(&i.name),
                    pct = f.pct(a),
                    target = clean(&i.target_words(f.lang, f.style))
                ))),
                // In part of a year, only once a figure is overdue (not while
                // none is due yet).
                (Status::NoData, _) if i.in_rollup || !r.is_part_of_year() => {
                    out.push(bullet(tr_in!(lang, "doc-short-no-data", name = clean(&i.name), year = r.year)))
                }
                _ => {}
            }
            let missing = g.missing_figures.iter().filter(|m| m.indicator == i.id).count();
            if missing > 0 {
                out.push(bullet(tr_in!(
                    lang,
                    "doc-short-missing",
                    count = missing,
                    name = clean(&i.name),
                    agency = clean(&lead)
                )));
            }
        }
        for t in &g.overdue_tasks {
            out.push(bullet(tr_in!(
                lang,
                "doc-short-task",
                name = clean(&t.name),
                days = f.days(t.days_overdue),
                agency = clean(t.agency_name.as_deref().or(t.agency.as_deref()).unwrap_or(&lead))
            )));
        }
    }
    if out.is_empty() {
        out.push(body(tr_in!(lang, "doc-short-none", as_of = f.date(r.as_of))));
    }
    out
}
