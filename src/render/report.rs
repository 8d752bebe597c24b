//! The year report as a terminal table, Markdown, CSV or JSON.

use super::labels::Labels;
use super::{Grid, markdown, use_color, wrapping_table, write_csv, write_json};
use crate::number::{NumberStyle, format_number};
use crate::plan::Status;
use crate::report::{GroupReport, IndicatorReport, PeriodStatus, Report, Reports, TaskCounts};
use comfy_table::{Cell, Color};
use std::io::Write;

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
        return if r.not_yet_due > 0 {
            l.t("chưa đến hạn", "not yet due").into()
        } else {
            "—".into()
        };
    }
    let mut parts =
        vec![format!("{}/{} {}", r.on_time, r.on_time + r.late + r.missing, l.t("đúng hạn", "on time"))];
    if r.late > 0 {
        parts.push(format!("{} {} {}", r.late, l.t("trễ, tổng", "late by"), l.days(r.days_late)));
    }
    if r.missing > 0 {
        parts.push(format!(
            "{} {} ({} {})",
            r.missing,
            l.t("thiếu", "missing"),
            l.t("quá hạn", "overdue"),
            l.days(r.days_overdue)
        ));
    }
    parts.join(", ")
}

pub fn tasks_text(t: &TaskCounts, l: &Labels, f: &Fmt) -> String {
    let total = t.done_on_time + t.done_late + t.open_in_time + t.open_overdue + t.no_deadline;
    if total == 0 {
        return l.t("không có nhiệm vụ trong năm", "no tasks in the year").into();
    }
    let mut s = if l.vi() {
        format!(
            "{} hoàn thành đúng hạn, {} hoàn thành quá hạn{}, {} trong hạn, {} quá hạn{}",
            t.done_on_time,
            t.done_late,
            if t.days_late > 0 { format!(" ({})", l.days(t.days_late)) } else { String::new() },
            t.open_in_time,
            t.open_overdue,
            if t.days_overdue > 0 { format!(" ({})", l.days(t.days_overdue)) } else { String::new() },
        )
    } else {
        format!(
            "{} done on time, {} done late{}, {} open in time, {} overdue{}",
            t.done_on_time,
            t.done_late,
            if t.days_late > 0 { format!(" ({})", l.days(t.days_late)) } else { String::new() },
            t.open_in_time,
            t.open_overdue,
            if t.days_overdue > 0 { format!(" ({})", l.days(t.days_overdue)) } else { String::new() },
        )
    };
    if t.no_deadline > 0 {
        s.push_str(&format!(", {} {}", t.no_deadline, l.t("không có hạn", "without deadline")));
    }
    if let Some(rate) = t.rate {
        s.push_str(&format!(" — {} {}", l.t("tỷ lệ hoàn thành", "completion rate"), f.pct(rate)));
    }
    s
}

fn counts_text(g: &crate::report::Counts, l: &Labels) -> String {
    [
        (Status::Exceeded, g.exceeded),
        (Status::Met, g.met),
        (Status::NotMet, g.not_met),
        (Status::NoData, g.no_data),
        (Status::NoTarget, g.no_target),
    ]
    .iter()
    .filter(|(_, n)| *n > 0)
    .map(|(s, n)| format!("{} {n}", l.status(*s)))
    .collect::<Vec<_>>()
    .join(" · ")
}

/// "104 [96,3 %]", with `*` when partial.
pub fn value_text(i: &IndicatorReport, f: &Fmt, l: &Labels) -> String {
    let Some(v) = i.value else {
        return match &i.attainment_note {
            Some(n) if n != "no data" => format!("n/a ({n})"),
            _ => "—".into(),
        };
    };
    let mut s = f.num(v);
    if i.partial {
        s.push('*');
    }
    if let Some(a) = i.attainment {
        s.push_str(&format!(" [{}]", f.pct(a)));
    } else if let Some(p) = i.progress {
        s.push_str(&format!(" [{} {}]", f.pct(p), l.t("mục tiêu cuối", "of final target")));
    } else if let Some(n) = &i.attainment_note {
        s.push_str(&format!(" [n/a: {n}]"));
    }
    s
}

pub fn target_cell(i: &IndicatorReport, plan_target: Option<&str>, l: &Labels) -> String {
    if !i.target_text.is_empty() {
        return i.target_text.clone();
    }
    match plan_target {
        Some(t) => format!("{} {t}", l.t("đến", "by")),
        None => "—".into(),
    }
}

fn status_color(s: Status) -> Color {
    match s {
        Status::Exceeded => Color::Green,
        Status::Met => Color::DarkGreen,
        Status::NotMet => Color::Red,
        Status::NoData => Color::Yellow,
        Status::NoTarget => Color::Grey,
    }
}

fn heading(g: &GroupReport, l: &Labels, f: &Fmt) -> Vec<String> {
    let title = match &g.section {
        Some(s) => format!("{s} {} ({})", g.name, g.id),
        None => format!("{} ({})", g.name, g.id),
    };
    let lead =
        g.lead_name.as_deref().map(|n| format!(" — {} {n}", l.t("chủ trì:", "lead:"))).unwrap_or_default();
    vec![
        format!("{title}{lead}"),
        format!(
            "  {} {} · {}",
            l.t("Tỷ lệ đạt:", "Attainment:"),
            f.opt_pct(g.attainment),
            counts_text(&g.counts, l)
        ),
        format!("  {} {}", l.t("Số liệu:", "Figures:"), reports_text(&g.reports, l)),
        format!("  {} {}", l.t("Nhiệm vụ:", "Tasks:"), tasks_text(&g.tasks, l, f)),
    ]
}

fn indicator_headers(l: &Labels) -> Vec<&str> {
    vec![
        l.t("Chỉ tiêu", "Indicator"),
        l.t("Giá trị [tỷ lệ đạt]", "Value [% of target]"),
        l.t("Mục tiêu", "Target"),
        l.t("Đánh giá", "Status"),
        l.t("Báo cáo", "Reporting"),
    ]
}

fn indicator_row(i: &IndicatorReport, final_target: Option<&str>, l: &Labels, f: &Fmt) -> Vec<String> {
    vec![
        format!("{}\n{}", i.id, i.name),
        value_text(i, f, l),
        target_cell(i, final_target, l),
        l.status(i.status).to_string(),
        if i.derived {
            l.t("(tính từ chỉ tiêu khác)", "(derived)").into()
        } else {
            reports_text(&i.reports, l)
        },
    ]
}

/// The plan's final target text per indicator id, for "no target yet" rows.
pub type FinalTargets = std::collections::HashMap<String, String>;

pub fn write_table(
    r: &Report,
    finals: &FinalTargets,
    detail: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let l = Labels::new(r.lang);
    let f = Fmt { style: r.numbers };
    let color = use_color();
    let width = super::terminal_width();
    writeln!(out, "{} — {}", r.plan, r.title)?;
    writeln!(out, "{} {} · {} {}\n", l.t("Năm", "Year"), r.year, l.t("tính đến", "as of"), l.date(r.as_of))?;
    let mut any_partial = false;
    for g in &r.groups {
        for line in heading(g, &l, &f) {
            writeln!(out, "{line}")?;
        }
        if !g.indicators.is_empty() {
            let mut t = wrapping_table(width, indicator_headers(&l));
            for i in &g.indicators {
                any_partial |= i.partial;
                let row = indicator_row(i, finals.get(&i.id).map(String::as_str), &l, &f);
                let cells: Vec<Cell> = row
                    .into_iter()
                    .enumerate()
                    .map(|(k, s)| {
                        let c = Cell::new(s);
                        if color && k == 3 { c.fg(status_color(i.status)) } else { c }
                    })
                    .collect();
                t.add_row(cells);
            }
            writeln!(out, "{t}")?;
        }
        if detail {
            write_detail(g, &l, &f, width, out)?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "{} {} · {}\n  {} {}\n  {} {}",
        l.t("Toàn kế hoạch: tỷ lệ đạt", "Whole plan: attainment"),
        f.opt_pct(r.attainment),
        counts_text(&r.counts, &l),
        l.t("Số liệu:", "Figures:"),
        reports_text(&r.reports, &l),
        l.t("Nhiệm vụ:", "Tasks:"),
        tasks_text(&r.tasks, &l, &f)
    )?;
    if any_partial {
        writeln!(
            out,
            "* {}",
            l.t("số liệu chưa đủ các kỳ trong năm", "partial: not every period of the year is in")
        )?;
    }
    Ok(())
}

fn write_detail(
    g: &GroupReport,
    l: &Labels,
    f: &Fmt,
    width: u16,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let mut t = wrapping_table(
        width,
        vec![
            l.t("Chỉ tiêu", "Indicator"),
            l.t("Kỳ", "Period"),
            l.t("Giá trị", "Value"),
            l.t("Ngày báo cáo", "Reported"),
            l.t("Hạn", "Due"),
            l.t("Tình trạng", "Status"),
        ],
    );
    let mut rows = 0;
    for i in &g.indicators {
        for p in &i.periods {
            let status = match p.status {
                PeriodStatus::Late | PeriodStatus::Missing => {
                    format!("{} {}", l.period_status(p.status), l.days(p.days))
                }
                s => l.period_status(s).to_string(),
            };
            t.add_row(vec![
                i.id.clone(),
                p.period.to_string(),
                p.value.map(|v| f.num(v)).unwrap_or_else(|| "—".into()),
                p.reported_on.map(|d| l.date(d)).unwrap_or_default(),
                l.date(p.due),
                status,
            ]);
            rows += 1;
        }
    }
    if rows > 0 {
        writeln!(out, "{t}")?;
    }
    if !g.task_list.is_empty() {
        let mut t = wrapping_table(
            width,
            vec![
                l.t("Nhiệm vụ", "Task"),
                l.t("Chủ trì", "Lead"),
                l.t("Hạn", "Due"),
                l.t("Hoàn thành", "Done"),
                l.t("Tình trạng", "Status"),
            ],
        );
        for tr in &g.task_list {
            let class = if tr.days > 0 {
                format!("{} ({})", l.task_class(tr.class), l.days(tr.days))
            } else {
                l.task_class(tr.class).to_string()
            };
            t.add_row(vec![
                format!("{}\n{}", tr.id, tr.name),
                tr.lead_name.clone().unwrap_or_default(),
                tr.due.map(|d| l.date(d)).unwrap_or_else(|| l.t("không có hạn", "no deadline").into()),
                tr.done_on.map(|d| l.date(d)).unwrap_or_default(),
                class,
            ]);
        }
        writeln!(out, "{t}")?;
    }
    Ok(())
}

pub fn write_markdown(r: &Report, finals: &FinalTargets, out: &mut impl Write) -> anyhow::Result<()> {
    let l = Labels::new(r.lang);
    let f = Fmt { style: r.numbers };
    writeln!(out, "# {} — {}\n", r.plan, r.title)?;
    writeln!(out, "{} {} · {} {}\n", l.t("Năm", "Year"), r.year, l.t("tính đến", "as of"), l.date(r.as_of))?;
    for g in &r.groups {
        let mut lines = heading(g, &l, &f).into_iter();
        writeln!(out, "## {}\n", lines.next().unwrap_or_default())?;
        for line in lines {
            writeln!(out, "- {}", line.trim())?;
        }
        writeln!(out)?;
        let mut grid = Grid::new(&indicator_headers(&l));
        for i in &g.indicators {
            let mut row = indicator_row(i, finals.get(&i.id).map(String::as_str), &l, &f);
            row[0] = format!("`{}` {}", i.id, i.name);
            grid.push(row);
        }
        if !grid.rows.is_empty() {
            writeln!(out, "{}", markdown(&grid))?;
        }
    }
    writeln!(
        out,
        "**{} {}** · {}",
        l.t("Toàn kế hoạch: tỷ lệ đạt", "Whole plan: attainment"),
        f.opt_pct(r.attainment),
        counts_text(&r.counts, &l)
    )?;
    Ok(())
}

/// Tidy CSV: one row per indicator, group columns repeated, machine numbers.
pub fn write_tidy_csv(r: &Report, out: &mut impl Write) -> anyhow::Result<()> {
    let mut grid = Grid::new(&[
        "plan",
        "year",
        "as_of",
        "group",
        "group_name",
        "group_attainment",
        "indicator",
        "name",
        "unit",
        "basis",
        "value",
        "target",
        "target_max",
        "attainment",
        "status",
        "partial",
        "on_time",
        "late",
        "missing",
        "not_yet_due",
        "days_late",
        "days_overdue",
    ]);
    let n = |x: Option<f64>| x.map(|v| format!("{}", (v * 1e9).round() / 1e9)).unwrap_or_default();
    let text = |s: &str| super::csv_safe::csv_text_cell(s).into_owned();
    for g in &r.groups {
        for i in &g.indicators {
            grid.push(vec![
                r.plan.clone(),
                r.year.to_string(),
                r.as_of.to_string(),
                g.id.clone(),
                text(&g.name),
                n(g.attainment),
                i.id.clone(),
                text(&i.name),
                text(&i.unit),
                serde_json::to_value(i.basis)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default(),
                n(i.value),
                n(i.target),
                n(i.target_max),
                n(i.attainment),
                i.status.key().to_string(),
                i.partial.to_string(),
                i.reports.on_time.to_string(),
                i.reports.late.to_string(),
                i.reports.missing.to_string(),
                i.reports.not_yet_due.to_string(),
                i.reports.days_late.to_string(),
                i.reports.days_overdue.to_string(),
            ]);
        }
    }
    write_csv(&grid, out)
}

pub fn write_report_json(r: &Report, out: &mut impl Write) -> anyhow::Result<()> {
    write_json(r, out)
}
