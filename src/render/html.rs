//! Self-contained HTML report (issue 6): one file, inline CSS, charts as
//! inline SVG drawn here, no script and nothing fetched from the network.
//! Built with maud, so every plan text is escaped; every number goes
//! through [`Fmt`] (vi: `1.234,5`), so none prints as NaN or inf.
//!
//! Layout: a title block, the attainment of each group as a bar chart,
//! then per group (a new page in print) its heading, the indicator table
//! with a progress bar and a trend chart per indicator, the tasks as a
//! stacked bar, and the lists of missing figures and overdue tasks.

mod charts;

use super::RenderOptions;
use super::labels::Labels;
use super::report::{
    Fmt, heading_text, ledger_line, pace_text, provisional_line, reports_text, status_text, target_text,
    tasks_text,
};
use crate::plan::{AttainmentNote, Status};
use crate::report::{Counts, GroupReport, IndicatorReport, PeriodStatus, Report, TaskClass, TaskCounts};
use crate::tr_in;
use charts::{BarRow, Segment};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use std::io::Write;

const CSS: &str = include_str!("html/style.css");

/// Writes `report` as one HTML page to `out`, in the language and number
/// style of `o` (its width, colour and detail do not apply to a page).
///
/// Errors: only from writing `out`.
pub fn write(report: &Report, o: &RenderOptions, out: &mut impl Write) -> anyhow::Result<()> {
    let page = page(report, o);
    out.write_all(page.into_string().as_bytes())?;
    out.write_all(b"\n")?;
    Ok(())
}

/// What every part of the page needs.
struct Ctx<'a> {
    r: &'a Report,
    l: Labels,
    f: Fmt,
}

impl Ctx<'_> {
    /// "12 ngày", "1 day", "1.234 ngày": days, the number in the plan's style.
    fn days(&self, n: i64) -> String {
        tr_in!(self.l.lang, "report-html-days", n = n, num = self.f.num(n as f64))
    }

    /// A catalogue message without arguments in the report's language.
    fn tr(&self, key: &str) -> String {
        self.l.tr(key)
    }

    /// ("đến 2030", "trên 120") for an indicator with no target in the
    /// year: the target in words, as the tables write it (SPEC §4.2).
    fn final_target(&self, i: &IndicatorReport) -> Option<(String, String)> {
        let p = i.planned_target?;
        Some((
            tr_in!(self.l.lang, "report-html-final-by", by = p.by.to_string()),
            p.target.words(self.l.lang, self.f.style, None),
        ))
    }

    fn final_year(&self, i: &IndicatorReport) -> Option<i32> {
        i.planned_target.map(|p| p.by)
    }
}

fn page(r: &Report, o: &RenderOptions) -> Markup {
    let c = Ctx { r, l: Labels::new(o.lang), f: Fmt { style: o.numbers } };
    let l = &c.l;
    let lang = if l.vi() { "vi" } else { "en" };
    let doc_title = format!("{} — {}", r.plan, heading_text(r, l.lang));
    html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="plan";
                title { (doc_title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                (charts::defs())
                (title_block(&c))
                (overview(&c))
                @for (k, g) in r.groups.iter().enumerate() {
                    (group_section(&c, g, k))
                }
                (footer(&c))
            }
        }
    }
}

fn title_block(c: &Ctx) -> Markup {
    let (r, l, f) = (c.r, &c.l, &c.f);
    let total_ind: u32 = r.groups.iter().map(|g| g.indicators.len() as u32).sum();
    let due_tasks = r.tasks.done_on_time + r.tasks.done_late + r.tasks.open_overdue;
    html! {
        header.title {
            @if let Some(by) = &r.issued_by {
                p.issuer { (by) }
            }
            h1 { span.plan-id { (r.plan) } " " span.plan-title { (r.title) } }
            p.meta {
                strong { (heading_text(r, l.lang)) }
                @if r.is_part_of_year() {
                    " · " (tr_in!(l.lang, "report-through", date = l.date(r.through)))
                }
                " · " (with_markup(l, "report-html-as-of", "date", html! { strong { (l.date(r.as_of)) } }))
                @if let Some(d) = r.issued_on {
                    " · " (tr_in!(l.lang, "report-html-issued-on", date = l.date(d)))
                }
                " · " (tr_in!(l.lang, "report-html-plan-years", start = r.start.to_string(), end = r.end.to_string()))
            }
            @if let Some(imp) = &r.implements {
                p.implements { (tr_in!(l.lang, "report-html-implements", document = imp.as_str())) }
            }
            @if let Some(p) = provisional_line(r, l) {
                p.provisional { strong { (p) } }
            }
            div.tiles {
                // The headline says, as large as the percentage, what it
                // rests on and how the indicators stand (SPEC §5).
                div.tile {
                    span.big { (f.opt_pct(r.attainment)) }
                    span.big.basis { (rollup_basis(r.rollup_count, r.indicator_count, l)) }
                    span.cap { (c.tr("report-html-tile-attainment")) }
                    span.counts { (counts_text(&r.counts, l, f)) }
                }
                div.tile {
                    span.big { (f.num(f64::from(total_ind))) }
                    span.cap { (c.tr("report-html-indicators")) }
                    span.sub { (counts_text(&r.counts, l, f)) }
                }
                div.tile {
                    span.big { (f.opt_pct(r.reports.on_time_rate)) }
                    span.cap { (c.tr("report-html-tile-on-time")) }
                    span.sub {
                        (tr_in!(
                            l.lang,
                            "report-html-tile-periods",
                            n = f.num(f64::from(r.reports.received)),
                            of = f.num(f64::from(r.reports.expected))
                        ))
                    }
                }
                div.tile {
                    span.big { (f.opt_pct(r.tasks.rate)) }
                    span.cap { (c.tr("report-html-tile-tasks")) }
                    span.sub {
                        (f.num(f64::from(r.tasks.done_on_time + r.tasks.done_late))) "/" (f.num(f64::from(due_tasks)))
                        @if r.tasks.open_overdue > 0 {
                            " · " (tr_in!(l.lang, "report-html-tile-overdue", n = f.num(f64::from(r.tasks.open_overdue))))
                        }
                    }
                }
            }
        }
    }
}

/// The catalogue message `key` with its argument `name` shown as `value`
/// (a `strong` or `code` element): the words around it come from the
/// catalogue, so each language puts the value where its grammar wants it.
fn with_markup(l: &Labels, key: &str, name: &str, value: Markup) -> Markup {
    // A character no message has, where the value goes.
    const SLOT: &str = "\u{FFFC}";
    let mut args = fluent_bundle::FluentArgs::new();
    args.set(name, SLOT);
    let text = crate::i18n::message_in(l.lang, key, Some(&args));
    let (before, after) = text.split_once(SLOT).unwrap_or((text.as_str(), ""));
    html! { (before) (value) (after) }
}

/// "dựa trên 3/5 chỉ tiêu": what an attainment rests on.
fn rollup_basis(n: u32, of: u32, l: &Labels) -> String {
    tr_in!(l.lang, "report-rollup-basis", n = n.to_string(), of = of.to_string())
}

/// "Vượt 1 · Đạt 2 · …", only the non-zero ones ("—" when none).
fn counts_text(k: &Counts, l: &Labels, f: &Fmt) -> String {
    let parts: Vec<String> = statuses(k)
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} {}", l.status(*s), f.num(f64::from(*n))))
        .collect();
    if parts.is_empty() { "—".into() } else { parts.join(" · ") }
}

fn statuses(k: &Counts) -> [(Status, u32); 9] {
    k.by_status()
}

/// Why a group has no attainment.
fn why_none(g: &GroupReport, c: &Ctx) -> String {
    let l = &c.l;
    if g.indicators.is_empty() {
        l.tr("report-html-why-no-indicators")
    } else if (g.counts.no_target + g.counts.tracked) as usize == g.indicators.len() {
        tr_in!(l.lang, "report-html-why-no-target", year = c.r.year.to_string())
    } else {
        l.tr("report-html-why-no-figures")
    }
}

fn group_title(g: &GroupReport) -> String {
    match &g.section {
        Some(s) => format!("{s} {}", g.name),
        None => g.name.clone(),
    }
}

fn overview(c: &Ctx) -> Markup {
    let (r, l, f) = (c.r, &c.l, &c.f);
    let mut rows: Vec<BarRow> = r
        .groups
        .iter()
        .map(|g| BarRow {
            label: group_title(g),
            // Each bar says what it rests on (SPEC §5 "Group roll-up").
            basis: (g.indicator_count > 0).then(|| rollup_basis(g.rollup_count, g.indicator_count, l)),
            value: g.attainment,
            why_none: why_none(g, c),
            total: false,
        })
        .collect();
    if r.groups.len() > 1 {
        rows.push(BarRow {
            label: l.tr("report-plan-totals"),
            basis: Some(rollup_basis(r.rollup_count, r.indicator_count, l)),
            value: r.attainment,
            why_none: l.tr("report-html-why-not-assessable"),
            total: true,
        });
    }
    let caption = tr_in!(l.lang, "report-html-overview", year = r.year.to_string());
    html! {
        section.overview {
            h2 { (caption) }
            @if rows.is_empty() {
                p.none { (l.tr("report-html-no-groups")) }
            } @else {
                figure {
                    (charts::attainment_bars(&rows, &caption, f))
                    figcaption {
                        (l.tr("report-html-overview-note"))
                    }
                }
            }
            (reading_guide(c))
        }
    }
}

fn status_badge(s: Status, l: &Labels) -> Markup {
    let sym = match s {
        Status::Exceeded => "▲",
        Status::Met => "✓",
        Status::NotMet => "✗",
        Status::NoData => "?",
        Status::NoTarget | Status::Tracked => "–",
        Status::OnTrack => "↗",
        Status::Behind => "↘",
        Status::InProgress => "…",
    };
    html! {
        span class=(format!("status s-{}", s.key())) {
            span.sym aria-hidden="true" { (sym) } (l.status(s))
        }
    }
}

fn is_pace(s: Status) -> bool {
    matches!(s, Status::OnTrack | Status::Behind | Status::InProgress)
}

/// How to read the symbols and charts.
fn reading_guide(c: &Ctx) -> Markup {
    let l = &c.l;
    let key = |body: Markup| {
        html! { svg.key viewBox="0 0 34 14" width="34" height="14" aria-hidden="true" { (body) } }
    };
    html! {
        div.reading {
            p { strong { (l.tr("report-html-how-to-read")) } }
            ul.legend {
                @for s in Status::ALL.into_iter().filter(|s| c.r.is_part_of_year() || !is_pace(*s)) {
                    li { (status_badge(s, l)) }
                }
            }
            ul.legend {
                li {
                    (key(html! {
                        line x1="2" y1="7" x2="32" y2="7" stroke="#2b5c9e" stroke-width="2" {}
                        circle cx="17" cy="7" r="2.8" fill="#2b5c9e" {}
                    }))
                    (l.tr("report-html-key-value"))
                }
                li {
                    (key(html! { circle cx="17" cy="7" r="2.8" fill="#fff" stroke="#2b5c9e" stroke-width="1.4" {} }))
                    (l.tr("report-html-key-partial"))
                }
                li {
                    (key(html! { line x1="2" y1="7" x2="32" y2="7" stroke="#333" stroke-width="1.3" stroke-dasharray="3 2" {} }))
                    (l.tr("report-html-key-target"))
                }
                li {
                    (key(html! { rect x="2" y="2" width="30" height="10" fill="#cfd8e6" {} }))
                    (l.tr("report-html-key-range"))
                }
                li {
                    (key(html! { rect x="11" y="0" width="12" height="14" fill="#e8edf5" {} }))
                    (l.tr("report-html-key-year"))
                }
                li {
                    (charts::progress(100.0, "#43a047", ""))
                    (l.tr("report-html-key-bar"))
                }
            }
        }
    }
}

fn group_section(c: &Ctx, g: &GroupReport, k: usize) -> Markup {
    let (r, l, f) = (c.r, &c.l, &c.f);
    html! {
        section.group id=(format!("group-{k}")) {
            div.group-head {
                h2 {
                    @if let Some(s) = &g.section { span.sec { (s) } " " }
                    (g.name)
                    " " span.id { "(" (g.id) ")" }
                }
                div.att-big {
                    span.num { (f.opt_pct(g.attainment)) }
                    // A group without indicators: why_none says so, not "0/0".
                    @if g.indicator_count > 0 {
                        span.num.basis { (rollup_basis(g.rollup_count, g.indicator_count, l)) }
                    }
                    span.cap {
                        (tr_in!(l.lang, "report-html-group-attainment", year = r.year.to_string()))
                        @if g.attainment.is_none() { br; (why_none(g, c)) }
                    }
                }
            }
            dl.facts {
                dt { (l.tr("report-html-lead")) }
                dd { (g.lead_name.as_deref().unwrap_or("—")) }
                dt { (l.tr("report-html-indicators")) }
                dd {
                    @if g.indicators.is_empty() {
                        "—"
                    } @else {
                        span.chips {
                            @for (s, n) in statuses(&g.counts) {
                                @if n > 0 { (status_badge(s, l)) " " (f.num(f64::from(n))) }
                            }
                        }
                    }
                }
                dt { (l.tr("report-html-figures")) }
                dd {
                    (reports_text(&g.reports, l))
                    @if let Some(rate) = g.reports.on_time_rate {
                        " · " (with_markup(l, "report-html-on-time-rate", "pct", html! { strong { (f.pct(rate)) } }))
                    }
                }
                dt { (l.tr("report-html-tasks")) }
                dd { (tasks_text(&g.tasks, l, f)) }
            }
            h3 { (l.tr("report-html-indicators")) }
            @if g.indicators.is_empty() {
                p.none { (l.tr("report-html-group-no-indicators")) }
            } @else {
                (indicator_table(c, g))
            }
            h3 { (l.tr("report-html-tasks-in-year")) }
            (task_chart(c, &g.tasks))
            h3 { (l.tr("report-html-missing-heading")) }
            (missing_figures(c, g))
            h3 { (l.tr("report-html-overdue-heading")) }
            (overdue_tasks(c, g))
            @if !g.upcoming.is_empty() {
                h3 { (l.tr("report-html-upcoming-heading")) }
                (upcoming_tasks(c, g))
            }
        }
    }
}

fn indicator_table(c: &Ctx, g: &GroupReport) -> Markup {
    let (r, l) = (c.r, &c.l);
    html! {
        table.indicators {
            colgroup {
                col.c-ind; col.c-val; col.c-tgt; col.c-att; col.c-trend; col.c-rep;
            }
            thead {
                tr {
                    th { (l.tr("report-html-col-indicator")) }
                    th.num { (l.tr("report-html-col-value")) }
                    th { (tr_in!(l.lang, "report-html-col-target", year = r.year.to_string())) }
                    th { (l.tr("report-html-col-status")) }
                    th {
                        @let [first, last] = r.years.unwrap_or([r.start, r.end]);
                        (tr_in!(l.lang, "report-html-col-trend", first = first.to_string(), last = last.to_string()))
                    }
                    th { (l.tr("report-html-col-reporting")) }
                }
            }
            tbody {
                @for i in &g.indicators {
                    (indicator_row(c, i))
                }
            }
        }
    }
}

fn indicator_row(c: &Ctx, i: &IndicatorReport) -> Markup {
    let (r, l, f) = (c.r, &c.l, &c.f);
    let na_note = i
        .attainment_note
        .as_ref()
        .filter(|n| **n != AttainmentNote::NoData)
        .map(|n| tr_in!(l.lang, "report-na-attainment", why = l.na_reason(n)));
    let caption = trend_caption(c, i);
    html! {
        tr class=(format!("ind-row r-{}", i.status.key())) {
            td.ind {
                div.name { (i.name) }
                div.sub {
                    code { (i.id) }
                    @if !i.unit.is_empty() { " · " (i.unit) }
                    @if i.derived { " · " (l.tr("report-html-derived")) }
                }
            }
            td.num.value {
                @match i.value {
                    Some(v) => {
                        (f.num(v))
                        @if i.partial {
                            span.partial-mark title=(l.tr("report-html-partial-mark")) { "*" }
                        }
                        @if i.estimate {
                            " " span.estimate { (tr_in!(l.lang, "report-estimate")) }
                        }
                        // A span judged on an earlier year says which.
                        @if let Some(y) = i.value_year.filter(|&y| y != r.year) {
                            span.note { (tr_in!(l.lang, "report-value-year", year = y.to_string())) }
                        }
                    }
                    None => "—",
                }
                @if let Some(ly) = i.last_year {
                    span.note {
                        (tr_in!(l.lang, "report-html-last-year", value = f.num(ly)))
                        @if i.last_year_estimate { " " (tr_in!(l.lang, "report-estimate")) }
                        @if let Some(vs) = i.vs_last_year { " (" (f.pct(vs)) ")" }
                    }
                }
                @if let Some(n) = na_note {
                    span.note { (n) }
                }
                @if r.years.is_some() && !i.series.is_empty() {
                    span.note { (series_line(c, i)) }
                }
            }
            td.target {
                @if i.target_spec.is_some() {
                    @let text = target_text(i, r, f, l);
                    @let mut lines = text.lines();
                    (lines.next().unwrap_or_default())
                    @for more in lines { span.note { (more) } }
                } @else if let Some((by, t)) = c.final_target(i) {
                    span.muted { (by) ":" br; (t) }
                } @else {
                    "—"
                }
            }
            td.att {
                (status_badge(i.status, l))
                @if matches!(i.status, Status::NoTarget | Status::InProgress) {
                    span.note { (status_text(i, r.year, l, c.f.style).lines().last().unwrap_or_default()) }
                }
                @if let Some(p) = pace_text(i, r, l, f) { span.note.pace { (p) } }
                @if let Some(a) = i.attainment {
                    div.bar {
                        (charts::progress(a, charts::status_fill(i.status), &f.pct(a)))
                        span.pct { (f.pct(a)) }
                    }
                } @else if let Some(p) = i.progress {
                    div.bar {
                        (charts::progress(p, "url(#pat-final)", &f.pct(p)))
                        span.pct { (f.pct(p)) }
                    }
                    span.note {
                        @if let Some(by) = c.final_year(i) {
                            (tr_in!(l.lang, "report-html-of-final-year", by = by.to_string()))
                        } @else {
                            (l.tr("report-html-of-final"))
                        }
                    }
                }
            }
            td.trend-cell { (charts::trend(&i.series, r.year, r.years.and(i.final_target), &caption, f, l)) }
            td.rep {
                @if i.derived {
                    span.muted { (l.tr("report-html-derived-reporting")) }
                } @else {
                    (reports_text(&i.reports, l))
                    @if let Some(rate) = i.reports.on_time_rate {
                        br; span.muted { (tr_in!(l.lang, "report-html-on-time", pct = f.pct(rate))) }
                    }
                }
            }
        }
    }
}

/// "2026: 239; 2027: —": each year's value of a span, beside the one judged.
fn series_line(c: &Ctx, i: &IndicatorReport) -> String {
    i.series
        .iter()
        .map(|p| {
            let v = p.value.map(|v| format!("{}{}", c.f.num(v), if p.partial { "*" } else { "" }));
            format!("{}: {}", p.year, v.unwrap_or_else(|| "—".into()))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The tasks coming due after the part of the year reviewed.
fn upcoming_tasks(c: &Ctx, g: &GroupReport) -> Markup {
    let l = &c.l;
    html! {
        table.overdue {
            thead {
                tr {
                    th { (l.tr("report-html-col-task")) }
                    th { (l.tr("report-html-col-due")) }
                    th { (l.tr("report-html-col-lead-agency")) }
                }
            }
            tbody {
                @for t in &g.upcoming {
                    tr {
                        td { (t.name) " " code { (t.id) } }
                        td { (l.date(t.due)) }
                        td { (t.lead_name.as_deref().or(g.lead_name.as_deref()).unwrap_or("—")) }
                    }
                }
            }
        }
    }
}

/// The trend chart's text: every year's value and target.
fn trend_caption(c: &Ctx, i: &IndicatorReport) -> String {
    let (l, f) = (&c.l, &c.f);
    let years: Vec<String> = i
        .series
        .iter()
        .map(|p| {
            let v = p.basis_value.map(|v| format!("{}{}", f.num(v), if p.partial { "*" } else { "" }));
            let t = match (p.target, p.target_max) {
                (Some(a), Some(b)) => Some(format!("{}–{}", f.num(a), f.num(b))),
                (Some(a), None) => Some(f.num(a)),
                _ => None,
            };
            format!(
                "{}: {}{}",
                p.year,
                v.unwrap_or_else(|| "—".into()),
                t.map(|t| format!(" ({})", tr_in!(l.lang, "report-html-trend-target", target = t)))
                    .unwrap_or_default()
            )
        })
        .collect();
    format!("{}: {}", i.name, years.join("; "))
}

fn task_chart(c: &Ctx, t: &TaskCounts) -> Markup {
    let l = &c.l;
    let total =
        t.done_on_time + t.done_late + t.open_in_time + t.open_overdue + t.no_deadline + t.done_no_deadline;
    if total == 0 {
        return html! { p.none { (l.tr("report-html-no-tasks")) } };
    }
    let mut segs = vec![
        Segment {
            class: TaskClass::DoneOnTime,
            count: t.done_on_time,
            label: l.task_class(TaskClass::DoneOnTime),
        },
        Segment { class: TaskClass::DoneLate, count: t.done_late, label: l.task_class(TaskClass::DoneLate) },
        Segment {
            class: TaskClass::OpenInTime,
            count: t.open_in_time,
            label: l.task_class(TaskClass::OpenInTime),
        },
        Segment {
            class: TaskClass::OpenOverdue,
            count: t.open_overdue,
            label: l.task_class(TaskClass::OpenOverdue),
        },
    ];
    if t.no_deadline > 0 {
        segs.push(Segment {
            class: TaskClass::NoDeadline,
            count: t.no_deadline,
            label: l.tr("report-html-no-deadline-set"),
        });
    }
    let caption = tr_in!(l.lang, "report-html-tasks-caption", tasks = tasks_text(t, l, &c.f));
    html! {
        figure {
            (charts::task_bar(&segs, &caption))
            ul.legend {
                @for s in &segs {
                    li {
                        (charts::swatch(charts::task_fill(s.class)))
                        (s.label) ": " strong { (c.f.num(f64::from(s.count))) }
                        @if s.class == TaskClass::DoneLate && t.days_late > 0 {
                            " (" (tr_in!(l.lang, "report-html-total-days", days = c.days(t.days_late))) ")"
                        }
                        @if s.class == TaskClass::OpenOverdue && t.days_overdue > 0 {
                            " (" (tr_in!(l.lang, "report-html-total-days", days = c.days(t.days_overdue))) ")"
                        }
                    }
                }
            }
            @if let Some(rate) = t.rate {
                figcaption {
                    (with_markup(l, "report-html-completion-rate", "pct", html! { strong { (c.f.pct(rate)) } }))
                }
            }
        }
    }
}

fn missing_figures(c: &Ctx, g: &GroupReport) -> Markup {
    let l = &c.l;
    let rows: Vec<_> = g
        .indicators
        .iter()
        .flat_map(|i| i.periods.iter().filter(|p| p.status == PeriodStatus::Missing).map(move |p| (i, p)))
        .collect();
    if rows.is_empty() {
        return html! { p.none { (l.tr("report-html-no-missing")) } };
    }
    html! {
        table.overdue {
            thead {
                tr {
                    th { (l.tr("report-html-col-indicator")) }
                    th { (l.tr("report-html-col-period")) }
                    th { (l.tr("report-html-col-due-report")) }
                    th.num { (l.tr("report-html-col-overdue")) }
                    th { (l.tr("report-html-col-agency")) }
                }
            }
            tbody {
                @for (i, p) in &rows {
                    tr {
                        td { (i.name) " " code { (i.id) } }
                        td { (l.period(p.period)) " " code { (p.period.to_string()) } }
                        td { (l.date(p.due)) }
                        td.num.days { (c.days(p.days)) }
                        td { (g.lead_name.as_deref().unwrap_or("—")) }
                    }
                }
            }
        }
    }
}

fn overdue_tasks(c: &Ctx, g: &GroupReport) -> Markup {
    let l = &c.l;
    let rows: Vec<_> = g.task_list.iter().filter(|t| t.class == TaskClass::OpenOverdue).collect();
    if rows.is_empty() {
        return html! { p.none { (l.tr("report-html-no-overdue")) } };
    }
    html! {
        table.overdue {
            thead {
                tr {
                    th { (l.tr("report-html-col-task")) }
                    th { (l.tr("report-html-col-due")) }
                    th.num { (l.tr("report-html-col-overdue")) }
                    th { (l.tr("report-html-col-lead-agency")) }
                }
            }
            tbody {
                @for t in rows {
                    tr {
                        td {
                            (t.name) " " code { (t.id) }
                            @if let Some(d) = &t.deliverable {
                                br; span.muted { (tr_in!(l.lang, "report-html-deliverable", deliverable = d.as_str())) }
                            }
                        }
                        td { (t.due.map(|d| l.date(d)).unwrap_or_else(|| "—".into())) }
                        td.num.days { (c.days(t.days)) }
                        td { (t.lead_name.as_deref().or(g.lead_name.as_deref()).unwrap_or("—")) }
                    }
                }
            }
        }
    }
}

fn footer(c: &Ctx) -> Markup {
    let (r, l) = (c.r, &c.l);
    html! {
        footer {
            p {
                (r.plan) " · " (heading_text(r, l.lang)) " · "
                (tr_in!(l.lang, "report-html-as-of", date = l.date(r.as_of)))
            }
            p { (l.tr("report-html-partial-note")) }
            p { (l.tr("report-estimate-note")) }
            @if let Some(a) = super::report::amendments_line(r, l.lang) { p.amendments { (a) } }
            p.ledger { (ledger_line(r, l.lang)) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::{Cadence, Period};
    use crate::settings::Lang;

    #[test]
    fn a_value_in_markup_goes_where_the_message_puts_it() {
        let bold = |lang, key, name, value: &str| {
            with_markup(&Labels::new(lang), key, name, html! { strong { (value) } }).into_string()
        };
        assert_eq!(
            bold(Lang::Vi, "report-html-as-of", "date", "26/11/2026"),
            "số liệu tính đến ngày <strong>26/11/2026</strong>"
        );
        assert_eq!(
            bold(Lang::En, "report-html-on-time-rate", "pct", "50 %"),
            "on-time rate <strong>50 %</strong>"
        );
    }

    #[test]
    fn periods_read_in_each_language() {
        // The missing-figures table writes a period as every report does
        // (SPEC §4 "Periods"): Labels::period, i.e. Period::label.
        let vi = Labels::new(Lang::Vi);
        let en = Labels::new(Lang::En);
        let q3 = Period { year: 2026, cadence: Cadence::Quarter, index: 3 };
        assert_eq!(vi.period(q3), "Quý 3/2026");
        assert_eq!(en.period(q3), "Q3 2026");
        let m = Period { year: 2026, cadence: Cadence::Month, index: 8 };
        assert_eq!(vi.period(m), "Tháng 8/2026");
        assert_eq!(en.period(m), "Aug 2026");
        let h = Period { year: 2026, cadence: Cadence::Half, index: 1 };
        assert_eq!(vi.period(h), "6 tháng đầu năm 2026");
    }
}
