//! The report (a year, a part of a year, a span of years) as a terminal
//! table, Markdown, CSV or JSON. Every label comes from the catalogue
//! (`locales/*/report.ftl`).

use super::labels::Labels;
use super::{Grid, RenderOptions, markdown, wrapping_table, write_json};

mod tidy_csv;
use crate::number::{NumberStyle, format_number};
use crate::plan::{AttainmentNote, Basis, Status};
use crate::report::{
    GroupReport, IndicatorReport, MissingFigure, OverdueTask, PeriodStatus, Report, Reports, TargetOrigin,
    TaskCounts,
};
use crate::settings::Lang;
use crate::tr_in;
use chrono::Datelike;
use comfy_table::{Cell, Color};
use std::io::Write;
pub use tidy_csv::write_tidy_csv;

/// How a number reads in the report's style.
pub struct Fmt {
    pub style: NumberStyle,
}

impl Fmt {
    pub fn num(&self, x: f64) -> String {
        format_number(x, self.style, 2)
    }

    pub fn pct(&self, x: f64) -> String {
        format!("{} %", format_number(x, self.style, 1))
    }

    pub fn opt_pct(&self, x: Option<f64>) -> String {
        x.map(|x| self.pct(x)).unwrap_or_else(|| "—".into())
    }
}

/// "3/4 on time, 1 late by 12 days, 1 missing (40 days overdue)".
pub fn reports_text(r: &Reports, l: &Labels) -> String {
    let due = r.expected;
    if due == 0 && r.on_time + r.late == 0 {
        return if r.not_yet_due > 0 { l.period_status(PeriodStatus::NotYetDue) } else { "—".into() };
    }
    let lang = l.lang;
    let mut parts = vec![tr_in!(
        lang,
        "report-reports-on-time",
        n = r.on_time.to_string(),
        of = (r.on_time + r.late + r.missing).to_string()
    )];
    if r.late > 0 {
        parts.push(tr_in!(lang, "report-reports-late", n = r.late.to_string(), days = l.days(r.days_late)));
    }
    if r.missing > 0 {
        parts.push(tr_in!(
            lang,
            "report-reports-missing",
            n = r.missing.to_string(),
            days = l.days(r.days_overdue)
        ));
    }
    parts.join(", ")
}

/// "1 hoàn thành đúng hạn, 0 hoàn thành quá hạn, 2 trong hạn, 1 quá hạn (93
/// ngày) — tỷ lệ hoàn thành 50 %".
pub fn tasks_text(t: &TaskCounts, l: &Labels, f: &Fmt) -> String {
    let lang = l.lang;
    let total =
        t.done_on_time + t.done_late + t.open_in_time + t.open_overdue + t.no_deadline + t.done_no_deadline;
    if total == 0 {
        return l.tr("report-no-tasks");
    }
    // A count, and its days when there are any ("1 quá hạn (93 ngày)").
    let with_days = |(key, key_days): (&str, &str), n: u32, days: i64| {
        if days > 0 {
            tr_in!(lang, key_days, n = n.to_string(), days = l.days(days))
        } else {
            tr_in!(lang, key, n = n.to_string())
        }
    };
    let mut parts = vec![
        tr_in!(lang, "report-tasks-done-on-time", n = t.done_on_time.to_string()),
        with_days(("report-tasks-done-late", "report-tasks-done-late-days"), t.done_late, t.days_late),
        tr_in!(lang, "report-tasks-open-in-time", n = t.open_in_time.to_string()),
        with_days(("report-tasks-overdue", "report-tasks-overdue-days"), t.open_overdue, t.days_overdue),
    ];
    if t.no_deadline > 0 {
        parts.push(tr_in!(lang, "report-tasks-no-deadline", n = t.no_deadline.to_string()));
    }
    if t.done_no_deadline > 0 {
        parts.push(tr_in!(lang, "report-done-no-deadline", n = t.done_no_deadline.to_string()));
    }
    let mut s = parts.join(", ");
    if let Some(rate) = t.rate {
        // The rate says what it rests on: the tasks that have come due.
        let done = t.done_on_time + t.done_late;
        s.push_str(&format!(
            " — {}",
            tr_in!(
                lang,
                "report-tasks-rate",
                pct = f.pct(rate),
                done = done.to_string(),
                due = (done + t.open_overdue).to_string()
            )
        ));
    }
    s
}

/// "Vượt 1 · Đạt tiến độ 2 · …": the statuses that have indicators.
pub fn counts_text(g: &crate::report::Counts, l: &Labels) -> String {
    g.by_status()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} {n}", l.status(*s)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A number with the marks of what it rests on: `*` partial, "ước" (est.)
/// an estimate.
fn marked(x: f64, partial: bool, estimate: bool, lang: Lang, f: &Fmt) -> String {
    let mut s = f.num(x);
    if partial {
        s.push('*');
    }
    if estimate {
        s.push(' ');
        s.push_str(&tr_in!(lang, "report-estimate"));
    }
    s
}

/// "104 ước [96,3 %]", with `*` when partial; beside a value with no
/// target for the year, its progress to the final target.
pub fn value_text(i: &IndicatorReport, f: &Fmt, l: &Labels) -> String {
    let Some(v) = i.value else {
        return match &i.attainment_note {
            Some(n) if *n != AttainmentNote::NoData => {
                tr_in!(l.lang, "report-na-value", why = l.na_reason(n))
            }
            _ => "—".into(),
        };
    };
    let mut s = marked(v, i.partial, i.estimate, l.lang, f);
    // A span judged on an earlier year than B says which.
    if let Some(y) = i.value_year.filter(|&y| Some(y) != i.series.last().map(|p| p.year)) {
        s.push_str(&format!(" ({})", tr_in!(l.lang, "report-value-year", year = y.to_string())));
    }
    if let Some(a) = i.attainment {
        s.push_str(&format!(" [{}]", f.pct(a)));
    } else if let Some(p) = i.progress {
        s.push_str(&format!(" [{}]", tr_in!(l.lang, "report-progress-final", pct = f.pct(p), by = i.by)));
    } else if let Some(n) = &i.attainment_note {
        s.push_str(&format!(" [{}]", tr_in!(l.lang, "report-na-attainment", why = l.na_reason(n))));
    }
    s
}

/// Y's target and, on a second line, where it comes from when it is not
/// the plan's target as written (milestone, straight line from the
/// baseline, pro rata share of a cumulative target, every year); with no
/// target for Y, the final one ("đến 2030: > 120").
pub fn target_text(i: &IndicatorReport, r: &Report, f: &Fmt, l: &Labels) -> String {
    let lang = l.lang;
    let target_text = i.target_words(lang, f.style);
    if target_text.is_empty() {
        return match i.final_target_words(lang, f.style) {
            Some(t) => tr_in!(lang, "report-final-target", by = i.by.to_string(), target = t),
            None => "—".into(),
        };
    }
    let fin = i.final_target_words(lang, f.style).unwrap_or_default();
    let origin = match i.target_origin {
        Some(TargetOrigin::Milestone) => {
            Some(tr_in!(lang, "report-origin-milestone", year = r.year.to_string()))
        }
        Some(TargetOrigin::StraightLine) => i.baseline.map(|b| {
            tr_in!(
                lang,
                "report-origin-straight",
                base = f.num(b.value),
                base_year = b.year.to_string(),
                target = fin.clone(),
                by = i.by.to_string()
            )
        }),
        Some(TargetOrigin::ProRata) => Some(tr_in!(
            lang,
            "report-origin-pro-rata",
            target = fin.clone(),
            by = i.by.to_string(),
            n = (r.year - r.start + 1).to_string(),
            of = (i.by - r.start + 1).to_string()
        )),
        Some(TargetOrigin::EveryYear) => Some(tr_in!(lang, "report-origin-every-year")),
        Some(TargetOrigin::Final) | None => None,
    };
    // A cumulative target is named as what it is, never a target of the
    // year alone (SPEC §5 "Review of a span of years").
    let origin = match (i.basis == Basis::Cumulative, origin) {
        (true, Some(o)) => Some(format!("{}; {o}", cumulative_to(r.year, l))),
        (true, None) => Some(cumulative_to(r.year, l)),
        (false, o) => o,
    };
    match origin {
        Some(o) => format!("{target_text}\n({o})"),
        None => target_text,
    }
}

/// "lũy kế đến năm 2027", "cumulative to 2027".
pub fn cumulative_to(year: i32, l: &Labels) -> String {
    tr_in!(l.lang, "report-cumulative-to", year = year.to_string())
}

/// The pace of a paced indicator in a review of part of a year: "59,8 %
/// kế hoạch năm; kế hoạch 6 tháng là 200" (SPEC §5); none for one judged
/// as for a year, or a level in progress.
pub fn pace_text(i: &IndicatorReport, r: &Report, l: &Labels, f: &Fmt) -> Option<String> {
    let e = i.expected?;
    let months = r.through.month();
    let plan = if i.basis == Basis::Cumulative {
        tr_in!(l.lang, "report-pace-cumulative", months = months, expected = f.num(e))
    } else {
        tr_in!(l.lang, "report-pace-plan", months = months, expected = f.num(e))
    };
    let pace = i.pace_attainment.map(|p| format!(" ({})", f.pct(p))).unwrap_or_default();
    Some(match i.attainment {
        Some(a) if i.basis == Basis::Cumulative => format!(
            "{}; {plan}{pace}",
            tr_in!(l.lang, "report-pct-of-cumulative", pct = f.pct(a), year = r.year.to_string())
        ),
        Some(a) => format!("{}; {plan}{pace}", tr_in!(l.lang, "report-pct-of-year", pct = f.pct(a))),
        None => format!("{plan}{pace}"),
    })
}

/// "Số liệu ước thực hiện, tính đến 26/11/2026": a review not yet over
/// (SPEC §5 "A review not yet over"), else nothing.
pub fn provisional_line(r: &Report, l: &Labels) -> Option<String> {
    r.provisional.then(|| tr_in!(l.lang, "report-provisional", date = l.date(r.as_of)))
}

/// "t_x (hạn 30/09/2026, Phòng Kinh tế); …": the tasks coming due after
/// the part of the year reviewed, or nothing.
pub fn upcoming_text(g: &GroupReport, l: &Labels) -> Option<String> {
    (!g.upcoming.is_empty()).then(|| {
        let items = g
            .upcoming
            .iter()
            .map(|t| {
                tr_in!(
                    l.lang,
                    "report-upcoming-item",
                    id = t.id.clone(),
                    due = l.date(t.due),
                    agency = t.lead_name.clone().or(g.lead_name.clone()).unwrap_or_else(|| "—".into())
                )
            })
            .collect();
        tr_in!(l.lang, "report-upcoming", list = list_text(items, l))
    })
}

/// The status word; "no target" says which year has none and what the
/// final target is, so that it is not read as "no target at all".
pub fn status_text(i: &IndicatorReport, year: i32, l: &Labels, numbers: NumberStyle) -> String {
    if i.status == Status::InProgress {
        return format!("{}\n({})", l.status(i.status), l.tr("report-in-progress-why"));
    }
    if i.status != Status::NoTarget {
        return l.status(i.status).to_string();
    }
    match i.final_target_words(l.lang, numbers) {
        Some(t) => tr_in!(
            l.lang,
            "report-no-target-year",
            year = year.to_string(),
            by = i.by.to_string(),
            target = t
        ),
        None => tr_in!(l.lang, "report-no-target-at-all"),
    }
}

/// "Sơ kết 6 tháng đầu năm 2027", "Tổng kết giai đoạn 2026–2030", "Năm 2027".
pub fn heading_text(r: &Report, lang: Lang) -> String {
    if let Some([a, b]) = r.years {
        return tr_in!(lang, "report-heading-span", first = a.to_string(), last = b.to_string());
    }
    if r.is_part_of_year() {
        return tr_in!(lang, "report-heading-part", months = r.through.month(), year = r.year.to_string());
    }
    tr_in!(lang, "report-heading-year", year = r.year.to_string())
}

/// The line under the title: what is reviewed, through when, as of when.
pub fn subtitle(r: &Report, l: &Labels) -> String {
    let mut s = heading_text(r, l.lang);
    if r.is_part_of_year() {
        s.push_str(&format!(" · {}", tr_in!(l.lang, "report-through", date = l.date(r.through))));
    }
    s.push_str(&format!(" · {}", tr_in!(l.lang, "report-as-of", date = l.date(r.as_of))));
    s
}

/// The ledger's head fingerprint line (SPEC §3), with the plan version's
/// beside it (SPEC §2.1).
pub fn ledger_line(r: &Report, lang: Lang) -> String {
    let head = match &r.ledger_head {
        Some(h) => tr_in!(lang, "report-ledger-head", head = h.clone()),
        None => tr_in!(lang, "report-ledger-empty"),
    };
    match plan_version_text(r, lang) {
        Some(v) => format!("{head} · {v}"),
        None => head,
    }
}

/// "Plan version 1:5ebb6ae75e7f5413", or the text's own fingerprint
/// saying it is not recorded yet (SPEC §2.1).
pub fn plan_version_text(r: &Report, lang: Lang) -> Option<String> {
    let v = r.plan_version.as_deref()?;
    Some(if r.plan_version_recorded {
        tr_in!(lang, "amend-plan-version", fingerprint = v)
    } else {
        tr_in!(lang, "amend-plan-version-new", fingerprint = v)
    })
}

/// "Amendments: Nghị quyết 12-NQ/ĐU (15/07/2027)": the decisions the
/// review cites (SPEC §2.1), `None` when there is none.
pub fn amendments_line(r: &Report, lang: Lang) -> Option<String> {
    if r.amendments.is_empty() {
        return None;
    }
    let list = r
        .amendments
        .iter()
        .map(|a| {
            tr_in!(
                lang,
                "amend-cited-item",
                decision = a.decision.as_str(),
                on = crate::words::date(a.on, lang)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    Some(tr_in!(lang, "amend-cited", list = list))
}

/// "Tỷ lệ đạt: 87,5 % (dựa trên 3/5 chỉ tiêu)".
fn attainment_text(a: Option<f64>, n: u32, of: u32, l: &Labels, f: &Fmt) -> String {
    format!(
        "{} ({})",
        tr_in!(l.lang, "report-attainment", pct = f.opt_pct(a)),
        tr_in!(l.lang, "report-rollup-basis", n = n.to_string(), of = of.to_string())
    )
}

/// The attainment line of a group or the plan: "Tỷ lệ đạt: … · Vượt 2 ·
/// Đạt 1", the counts left out when there are none; a group with no
/// indicator says so instead of "— (0/0)".
pub fn summary_text(
    a: Option<f64>,
    n: u32,
    of: u32,
    counts: &crate::report::Counts,
    l: &Labels,
    f: &Fmt,
) -> String {
    if of == 0 {
        return tr_in!(l.lang, "report-no-indicators");
    }
    let attainment = attainment_text(a, n, of, l, f);
    match counts_text(counts, l) {
        c if c.is_empty() => attainment,
        c => format!("{attainment} · {c}"),
    }
}

/// At most this many names in a list of a summary, then a count.
const LIST_MAX: usize = 5;

fn list_text(items: Vec<String>, l: &Labels) -> String {
    let more = items.len().saturating_sub(LIST_MAX);
    let mut s = items.into_iter().take(LIST_MAX).collect::<Vec<_>>().join("; ");
    if more > 0 {
        s.push_str(&format!("; {}", tr_in!(l.lang, "report-and-more", n = more.to_string())));
    }
    s
}

/// "Thiếu số liệu: so_dn 2027-H1 (Phòng Kinh tế, quá hạn 40 ngày); …", or
/// nothing when no figure is missing.
pub fn missing_text(list: &[MissingFigure], l: &Labels) -> Option<String> {
    (!list.is_empty()).then(|| {
        let items = list
            .iter()
            .map(|m| {
                tr_in!(
                    l.lang,
                    "report-missing-item",
                    id = m.indicator.clone(),
                    period = l.period(m.period),
                    agency = m.agency_name.clone().unwrap_or_else(|| "—".into()),
                    days = l.days(m.days_overdue)
                )
            })
            .collect();
        tr_in!(l.lang, "report-missing", list = list_text(items, l))
    })
}

/// "Nhiệm vụ quá hạn: hoi_dn (Phòng Kinh tế, quá hạn 93 ngày); …".
pub fn overdue_text(list: &[OverdueTask], l: &Labels) -> Option<String> {
    (!list.is_empty()).then(|| {
        let items = list
            .iter()
            .map(|t| {
                tr_in!(
                    l.lang,
                    "report-overdue-item",
                    id = t.task.clone(),
                    agency = t.agency_name.clone().unwrap_or_else(|| "—".into()),
                    days = l.days(t.days_overdue)
                )
            })
            .collect();
        tr_in!(l.lang, "report-overdue", list = list_text(items, l))
    })
}

fn status_color(s: Status) -> Color {
    match s {
        Status::Exceeded => Color::Green,
        Status::Met => Color::DarkGreen,
        Status::NotMet => Color::Red,
        Status::NoData => Color::Yellow,
        Status::NoTarget | Status::Tracked => Color::Grey,
        Status::OnTrack => Color::DarkGreen,
        Status::Behind => Color::DarkYellow,
        Status::InProgress => Color::Blue,
    }
}

/// The group's title and summary lines.
fn heading(g: &GroupReport, l: &Labels, f: &Fmt) -> Vec<String> {
    let title = match &g.section {
        Some(s) => format!("{s} {} ({})", g.name, g.id),
        None => format!("{} ({})", g.name, g.id),
    };
    let lead = g
        .lead_name
        .as_deref()
        .map(|n| format!(" — {}", tr_in!(l.lang, "report-lead", lead = n)))
        .unwrap_or_default();
    let mut lines = vec![
        format!("{title}{lead}"),
        format!("  {}", summary_text(g.attainment, g.rollup_count, g.indicator_count, &g.counts, l, f)),
        format!("  {}", tr_in!(l.lang, "report-line-figures", text = reports_text(&g.reports, l))),
    ];
    lines.extend(missing_text(&g.missing_figures, l).map(|s| format!("  {s}")));
    lines.push(format!("  {}", tr_in!(l.lang, "report-line-tasks", text = tasks_text(&g.tasks, l, f))));
    lines.extend(overdue_text(&g.overdue_tasks, l).map(|s| format!("  {s}")));
    lines.extend(upcoming_text(g, l).map(|s| format!("  {s}")));
    lines
}

/// The whole plan's summary lines.
fn totals(r: &Report, l: &Labels, f: &Fmt) -> Vec<String> {
    let missing: Vec<MissingFigure> = r.groups.iter().flat_map(|g| g.missing_figures.clone()).collect();
    let mut overdue: Vec<OverdueTask> = r.groups.iter().flat_map(|g| g.overdue_tasks.clone()).collect();
    overdue.sort_by(|a, b| (b.days_overdue, &a.task).cmp(&(a.days_overdue, &b.task)));
    let mut lines = vec![
        format!(
            "{}: {}",
            tr_in!(l.lang, "report-plan-totals"),
            summary_text(r.attainment, r.rollup_count, r.indicator_count, &r.counts, l, f)
        ),
        format!("  {}", tr_in!(l.lang, "report-line-figures", text = reports_text(&r.reports, l))),
    ];
    lines.extend(missing_text(&missing, l).map(|s| format!("  {s}")));
    lines.push(format!("  {}", tr_in!(l.lang, "report-line-tasks", text = tasks_text(&r.tasks, l, f))));
    lines.extend(overdue_text(&overdue, l).map(|s| format!("  {s}")));
    lines
}

/// Which columns the indicator table has for this kind of report.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    Year,
    Part,
    Span,
}

fn layout(r: &Report) -> Layout {
    if r.years.is_some() {
        Layout::Span
    } else if r.is_part_of_year() {
        Layout::Part
    } else {
        Layout::Year
    }
}

fn indicator_headers(r: &Report, l: &Labels) -> Vec<String> {
    let lang = l.lang;
    let mut h = vec![tr_in!(lang, "report-col-indicator")];
    match layout(r) {
        Layout::Year => h.extend([tr_in!(lang, "report-col-value"), tr_in!(lang, "report-col-target")]),
        Layout::Part => h.extend([tr_in!(lang, "report-col-ytd"), tr_in!(lang, "report-col-year-target")]),
        Layout::Span => h.extend([
            tr_in!(lang, "report-col-years"),
            tr_in!(lang, "report-col-value"),
            tr_in!(lang, "report-col-target"),
        ]),
    }
    if layout(r) != Layout::Span {
        h.push(tr_in!(lang, "report-col-last-year"));
    }
    h.extend([tr_in!(lang, "report-col-status"), tr_in!(lang, "report-col-reporting")]);
    h
}

/// Index of the status column (coloured on a terminal): after the
/// indicator, two value columns and the target.
const STATUS_COLUMN: usize = 4;

/// "98 [104,3 %]": the same period last year and the change.
fn last_year_text(i: &IndicatorReport, l: &Labels, f: &Fmt) -> String {
    match i.last_year {
        Some(v) => {
            let mut s = marked(v, false, i.last_year_estimate, l.lang, f);
            if let Some(c) = i.vs_last_year {
                s.push_str(&format!(" [{}]", f.pct(c)));
            }
            s
        }
        None => "—".into(),
    }
}

/// "2026: 100\n2027: 104 ước".
fn series_text(i: &IndicatorReport, l: &Labels, f: &Fmt) -> String {
    i.series
        .iter()
        .map(|p| {
            let v =
                p.value.map(|v| marked(v, p.partial, p.estimate, l.lang, f)).unwrap_or_else(|| "—".into());
            format!("{}: {v}", p.year)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn indicator_row(i: &IndicatorReport, r: &Report, l: &Labels, f: &Fmt) -> Vec<String> {
    let mut row = vec![format!("{}\n{}", i.id, i.name)];
    if layout(r) == Layout::Span {
        row.push(series_text(i, l, f));
    }
    row.push(value_text(i, f, l));
    row.push(target_text(i, r, f, l));
    if layout(r) != Layout::Span {
        row.push(last_year_text(i, l, f));
    }
    let mut status = status_text(i, r.year, l, f.style);
    if let Some(p) = pace_text(i, r, l, f) {
        status.push_str(&format!("\n({p})"));
    }
    row.push(status);
    row.push(if i.derived { l.tr("report-derived") } else { reports_text(&i.reports, l) });
    row
}

/// The footnotes that the rows call for, and the ledger's fingerprint.
fn footnotes(r: &Report, l: &Labels) -> Vec<String> {
    let all = || r.groups.iter().flat_map(|g| &g.indicators);
    let mut notes = Vec::new();
    if all().any(|i| i.partial || i.series.iter().any(|p| p.partial)) {
        notes.push(tr_in!(l.lang, "report-partial-note", date = l.date(r.through)));
    }
    if all().any(|i| i.estimate || i.last_year_estimate || i.series.iter().any(|p| p.estimate)) {
        notes.push(tr_in!(l.lang, "report-estimate-note"));
    }
    notes.extend(amendments_line(r, l.lang));
    notes.push(ledger_line(r, l.lang));
    notes
}

/// The report as a terminal table, laid out in `o.width` columns, statuses
/// coloured with `o.color`, the detail with `o.detail`.
pub fn write_table(r: &Report, o: &RenderOptions, out: &mut impl Write) -> anyhow::Result<()> {
    let l = Labels::new(o.lang);
    let f = Fmt { style: o.numbers };
    let (color, width, detail) = (o.color, o.width, o.detail);
    // Summary lines wrap between words, their later lines indented.
    let wrap = |line: &str| super::wrap(line, usize::from(width), "    ");
    writeln!(out, "{}", wrap(&format!("{} — {}", r.plan, r.title)))?;
    writeln!(out, "{}", wrap(&subtitle(r, &l)))?;
    if let Some(p) = provisional_line(r, &l) {
        writeln!(out, "{}", wrap(&p))?;
    }
    writeln!(out)?;
    for g in &r.groups {
        for line in heading(g, &l, &f) {
            writeln!(out, "{}", wrap(&line))?;
        }
        if !g.indicators.is_empty() {
            let mut t = wrapping_table(width, indicator_headers(r, &l));
            for i in &g.indicators {
                let cells: Vec<Cell> = indicator_row(i, r, &l, &f)
                    .into_iter()
                    .enumerate()
                    .map(|(k, s)| {
                        let c = Cell::new(s);
                        if color && k == STATUS_COLUMN { c.fg(status_color(i.status)) } else { c }
                    })
                    .collect();
                t.add_row(cells);
            }
            writeln!(out, "{t}")?;
        }
        if detail {
            for grid in detail_grids(g, &l, &f) {
                let mut t = wrapping_table(width, &grid.headers);
                for row in &grid.rows {
                    t.add_row(row);
                }
                writeln!(out, "{t}")?;
            }
        }
        writeln!(out)?;
    }
    for line in totals(r, &l, &f) {
        writeln!(out, "{}", wrap(&line))?;
    }
    for note in footnotes(r, &l) {
        writeln!(out, "{}", wrap(&note))?;
    }
    Ok(())
}

/// An empty grid headed by the catalogue messages `keys`.
fn labelled_grid(l: &Labels, keys: &[&str]) -> Grid {
    let headers: Vec<String> = keys.iter().map(|k| l.tr(k)).collect();
    Grid::new(&headers.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The detail of a group: a row per period of each recorded indicator,
/// then the task list (empty grids left out).
fn detail_grids(g: &GroupReport, l: &Labels, f: &Fmt) -> Vec<Grid> {
    let mut out = Vec::new();
    let mut periods = labelled_grid(
        l,
        &[
            "report-detail-col-indicator",
            "report-detail-col-period",
            "report-detail-col-value",
            "report-detail-col-reported",
            "report-detail-col-due",
            "report-detail-col-status",
        ],
    );
    for i in &g.indicators {
        for p in &i.periods {
            let status = match p.status {
                PeriodStatus::Late | PeriodStatus::Missing => {
                    format!("{} {}", l.period_status(p.status), l.days(p.days))
                }
                s => l.period_status(s).to_string(),
            };
            periods.push(vec![
                i.id.clone(),
                l.period(p.period),
                p.value.map(|v| marked(v, false, p.estimate, l.lang, f)).unwrap_or_else(|| "—".into()),
                p.reported_on.map(|d| l.date(d)).unwrap_or_default(),
                l.date(p.due),
                status,
            ]);
        }
    }
    if !periods.rows.is_empty() {
        out.push(periods);
    }
    let mut tasks = labelled_grid(
        l,
        &[
            "report-detail-col-task",
            "report-detail-col-lead",
            "report-detail-col-due",
            "report-detail-col-done",
            "report-detail-col-status",
        ],
    );
    for tr in &g.task_list {
        let class = if tr.days > 0 {
            format!("{} ({})", l.task_class(tr.class), l.days(tr.days))
        } else {
            l.task_class(tr.class).to_string()
        };
        tasks.push(vec![
            format!("{}\n{}", tr.id, tr.name),
            tr.lead_name.clone().unwrap_or_default(),
            tr.due.map(|d| l.date(d)).unwrap_or_else(|| l.tr("report-no-deadline")),
            tr.done_on.map(|d| l.date(d)).unwrap_or_default(),
            class,
        ]);
    }
    if !tasks.rows.is_empty() {
        out.push(tasks);
    }
    out
}

/// The report as Markdown, at parity with the table: the same summaries,
/// columns, detail (`--detail`), whole-plan totals and footnotes.
pub fn write_markdown(r: &Report, o: &RenderOptions, out: &mut impl Write) -> anyhow::Result<()> {
    let l = Labels::new(o.lang);
    let f = Fmt { style: o.numbers };
    let detail = o.detail;
    writeln!(out, "# {} — {}\n", r.plan, r.title)?;
    writeln!(out, "{}\n", subtitle(r, &l))?;
    if let Some(p) = provisional_line(r, &l) {
        writeln!(out, "**{p}**\n")?;
    }
    for g in &r.groups {
        let mut lines = heading(g, &l, &f).into_iter();
        writeln!(out, "## {}\n", lines.next().unwrap_or_default())?;
        for line in lines {
            writeln!(out, "- {}", line.trim())?;
        }
        writeln!(out)?;
        let headers = indicator_headers(r, &l);
        let mut grid = Grid::new(&headers.iter().map(String::as_str).collect::<Vec<_>>());
        for i in &g.indicators {
            let mut row = indicator_row(i, r, &l, &f);
            row[0] = format!("`{}` {}", i.id, i.name);
            grid.push(row);
        }
        if !grid.rows.is_empty() {
            writeln!(out, "{}", markdown(&grid))?;
        }
        if detail {
            for mut grid in detail_grids(g, &l, &f) {
                for row in &mut grid.rows {
                    row[0] = format!("`{}`", row[0].replacen('\n', "` ", 1).trim_end_matches('`'));
                }
                writeln!(out, "{}", markdown(&grid))?;
            }
        }
    }
    let mut lines = totals(r, &l, &f).into_iter();
    writeln!(out, "## {}\n", lines.next().unwrap_or_default())?;
    for line in lines {
        writeln!(out, "- {}", line.trim())?;
    }
    writeln!(out)?;
    for note in footnotes(r, &l) {
        writeln!(out, "{}  ", note.replace('*', "\\*"))?;
    }
    Ok(())
}

/// The report as JSON (SPEC §5a): the same in every language, so `_o` is
/// not read.
pub fn write_report_json(r: &Report, _o: &RenderOptions, out: &mut impl Write) -> anyhow::Result<()> {
    write_json(r, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::Kind;

    const PLAN: &str = r#"
[plan]
id = "KH-1"
title = "Kế hoạch phát triển doanh nghiệp và việc làm của tỉnh giai đoạn 2026–2030"
start = 2026
end = 2030
[[group]]
id = "g"
name = "Phát triển doanh nghiệp trên địa bàn tỉnh, hỗ trợ khởi nghiệp sáng tạo"
[[group.indicator]]
id = "so_dn"
name = "Số doanh nghiệp thành lập mới trong năm trên địa bàn tỉnh"
unit = "doanh nghiệp"
measure = "flow"
every = "half"
target = ">= 200"
"#;

    fn report() -> Report {
        let plan = crate::plan::load_str(PLAN, "t.toml").plan.expect("a valid plan");
        let e = crate::counting::tests::entry(
            1,
            Kind::Figure,
            "so_dn",
            "2026-H1",
            Some(98.0),
            "2026-07-10",
            None,
        );
        let opts = crate::report::Options { group: None, series: crate::report::Series::Judged };
        crate::report::compute(&plan, 2026, "2026-12-31".parse().unwrap(), &[e], &opts)
    }

    fn table(r: &Report, o: &RenderOptions) -> String {
        let mut out = Vec::new();
        write_table(r, o, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The table is laid out in the width it is given, whatever the
    /// terminal (tests run without one), in the language it is given.
    #[test]
    fn the_table_takes_its_layout_from_the_options() {
        let r = report();
        let o = RenderOptions {
            lang: Lang::En,
            numbers: NumberStyle::En,
            width: 60,
            color: false,
            detail: false,
        };
        for width in [60u16, 100] {
            let text = table(&r, &RenderOptions { width, ..o });
            let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
            assert!(widest <= usize::from(width), "{width}: {widest}\n{text}");
            assert!(!text.contains('\u{1b}'), "no colour asked:\n{text}");
        }
        assert_ne!(table(&r, &o), table(&r, &RenderOptions { width: 100, ..o }));
        // The language of the options, not of the process.
        let vi = table(&r, &RenderOptions { lang: Lang::Vi, ..o });
        assert_ne!(vi, table(&r, &o));
        // The detail only when asked: a row for the period 2026-H1.
        let detail = table(&r, &RenderOptions { detail: true, ..o });
        assert!(detail.lines().count() > table(&r, &o).lines().count());
    }
}
