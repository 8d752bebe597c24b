//! The review as a Word document, ready to number and sign (SPEC §4.2).
//!
//! Layout follows the administrative document format of the issuing body
//! (`[report] style`): Hướng dẫn 36-HD/VPTW for Party bodies, Nghị định
//! 30/2020/NĐ-CP (Phụ lục I) for State bodies. Both put on A4 paper, margins
//! top 20 mm, bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 13–14 pt:
//! the two-column heading (`heading.rs`), the number line left blank for the
//! office, place and date, the title by kind of review, section I (results
//! per task group, as sentences with the figures filled in), section II
//! (shortcomings), recipients and signature, and an appendix table of every
//! indicator. The ledger's head fingerprint closes the document in small
//! print, so the signed paper pins the ledger it was computed on (SPEC §3).
//!
//! The document never invents: where the plan or the ledger has no figure,
//! the sentence says so. Text from the plan is escaped by the writer
//! (docx-rs); characters XML cannot carry (controls) are dropped.

mod heading;
mod sentences;

use sentences::{counts_words, group_paragraphs, shortfalls};

use crate::number::format_number;
use crate::plan::{DocumentStyle, Plan};
use crate::render::labels::Labels;
use crate::report::{IndicatorReport, Report};
use crate::settings::Lang;
use crate::tr_in;
use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};
use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, Table, TableCell,
    TableRow, WidthType,
};
use std::io::{Cursor, Write};

/// Body text size: 13 pt (sizes are in half-points).
const BODY: usize = 26;
/// The title and the motto: 14 pt.
const LARGE: usize = 28;
/// Appendix table and recipients: 11–12 pt.
const SMALL: usize = 22;
const SMALLER: usize = 24;
/// A wide appendix table (a span of many years): 10 pt.
const TABLE_SMALL: usize = 20;
/// The fingerprint line: 9 pt.
const TINY: usize = 18;

/// A4 in twentieths of a point (twips): 210 × 297 mm.
const A4: (u32, u32) = (11906, 16838);
/// Millimetres to twips.
const fn mm(v: i32) -> i32 {
    v * 1440 * 10 / 254
}
/// The width between the margins: 210 − 30 − 15 = 165 mm.
const TEXT_WIDTH: usize = mm(165) as usize;

/// Which review the report is (from the report's own fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Review {
    /// A whole year: the year report.
    Year(i32),
    /// Year to date through the end of a month: sơ kết 3, 6, 9 … months.
    Months { year: i32, months: u32 },
    /// A span of years: tổng kết.
    Span(i32, i32),
}

impl Review {
    /// The review a report is (a year, year to date, a span).
    pub fn of(r: &Report) -> Review {
        match r.years {
            Some([a, b]) => Review::Span(a, b),
            None if r.is_part_of_year() && r.through.month() < 12 => {
                Review::Months { year: r.year, months: r.through.month() }
            }
            None => Review::Year(r.year),
        }
    }

    /// "6 tháng đầu năm 2026", "9 tháng năm 2026", "năm 2026", "giai đoạn 2026 - 2030".
    fn when(self, lang: Lang) -> String {
        match self {
            Review::Year(y) => tr_in!(lang, "doc-when-year", year = y),
            Review::Months { year, months } => {
                tr_in!(lang, "doc-when-period", period = months_text(lang, year, months))
            }
            Review::Span(a, b) => tr_in!(lang, "doc-when-span", from = a, to = b),
        }
    }

    /// The line under "BÁO CÁO".
    fn title(self, lang: Lang, plan: &str) -> String {
        match self {
            Review::Year(y) => tr_in!(lang, "doc-title-year", year = y, plan = plan),
            Review::Months { year, months } => {
                tr_in!(lang, "doc-title-period", period = months_text(lang, year, months), plan = plan)
            }
            Review::Span(a, b) => tr_in!(lang, "doc-title-span", from = a, to = b, plan = plan),
        }
    }
}

/// "quý I năm 2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "7 tháng năm 2026".
fn months_text(lang: Lang, year: i32, months: u32) -> String {
    match months {
        3 => tr_in!(lang, "doc-months-q1", year = year),
        6 => tr_in!(lang, "doc-months-h1", year = year),
        9 => tr_in!(lang, "doc-months-9", year = year),
        n => tr_in!(lang, "doc-months-n", n = n, year = year),
    }
}

/// Writes the review `r` of `plan` as a .docx to `out`.
///
/// Errors: only from writing `out` (the document is built in memory, a few
/// tens of kB).
pub fn write(r: &Report, plan: &Plan, out: &mut impl Write) -> Result<()> {
    let doc = build(r, plan);
    let mut buf = Cursor::new(Vec::new());
    doc.build().pack(&mut buf).context("cannot build the .docx package")?;
    out.write_all(buf.get_ref())?;
    Ok(())
}

/// The whole document, in reading order.
pub fn build(r: &Report, plan: &Plan) -> Docx {
    let lang = r.lang;
    let review = Review::of(r);
    // No [report]: the style the plan's own number shows (SPEC is silent).
    let heading = plan.document.clone().unwrap_or_else(|| crate::plan::DocumentHeading {
        style: DocumentStyle::of_plan_number(&plan.id),
        ..Default::default()
    });
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(mm(20))
                .bottom(mm(20))
                .left(mm(30))
                .right(mm(15))
                .header(mm(10))
                .footer(mm(10)),
        )
        .default_fonts(times())
        .default_size(BODY);
    doc = doc.add_table(heading::table(&heading, plan, r.as_of, lang));
    doc = doc
        .add_paragraph(
            centered(Run::new().add_text(tr_in!(lang, "doc-kind")).bold().size(LARGE + 2))
                .line_spacing(LineSpacing::new().before(240)),
        )
        .add_paragraph(centered(Run::new().add_text(clean(&review.title(lang, &plan.id))).bold().size(LARGE)))
        .add_paragraph(centered(Run::new().add_text("-----")));
    let f = Fmt { style: r.numbers, lang };
    let issued = plan
        .issued_by
        .as_deref()
        .map(|b| tr_in!(lang, "doc-intro-issued", by = clean(b)))
        .unwrap_or_default();
    doc = doc.add_paragraph(body(tr_in!(
        lang,
        "doc-intro",
        plan = plan.id.as_str(),
        issued = issued,
        title = clean(&plan.title),
        when = review.when(lang),
        as_of = f.date(r.as_of)
    )));
    // A review not yet over says so at the top (SPEC §5).
    if r.provisional {
        doc = doc.add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(
            Run::new().add_text(tr_in!(lang, "doc-provisional", date = f.date(r.as_of))).bold().italic(),
        ));
    }
    doc = doc.add_paragraph(section(tr_in!(lang, "doc-section-results")));
    if r.indicator_count > 0 {
        // The headline, with what it rests on and the counts beside it.
        doc = doc.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Both)
                .indent(None, Some(docx_rs::SpecialIndentType::FirstLine(mm(10))), None, None)
                .line_spacing(LineSpacing::new().after(120))
                .add_run(
                    Run::new()
                        .add_text(clean(&tr_in!(
                            lang,
                            "doc-plan-attainment",
                            pct = r.attainment.map(|a| f.pct(a)).unwrap_or_else(|| tr_in!(lang, "doc-none")),
                            count = r.rollup_count,
                            total = r.indicator_count,
                            counts = counts_words(&r.counts, lang)
                        )))
                        .bold(),
                ),
        );
    }
    for (n, g) in r.groups.iter().enumerate() {
        for p in group_paragraphs(n + 1, g, r, &f) {
            doc = doc.add_paragraph(p);
        }
    }
    doc = doc.add_paragraph(section(tr_in!(lang, "doc-section-shortfalls")));
    for p in shortfalls(r, &f) {
        doc = doc.add_paragraph(p);
    }
    doc = doc.add_paragraph(Paragraph::new()).add_table(heading::signature(&heading, lang));
    doc = appendix(doc, r, plan, &heading, review, &f);
    let print = match r.ledger_head.as_deref() {
        Some(h) => tr_in!(lang, "doc-fingerprint", head = h),
        None => tr_in!(lang, "doc-fingerprint-empty"),
    };
    // The plan version beside the ledger head, and the amendments cited (SPEC §2.1).
    let mut print = print;
    if let Some(v) = crate::render::report::plan_version_text(r, lang) {
        print = format!("{print} · {v}");
    }
    if let Some(a) = crate::render::report::amendments_line(r, lang) {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(a).size(TINY).italic()));
    }
    doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(print).size(TINY).italic()))
}

fn times() -> RunFonts {
    RunFonts::new()
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .cs("Times New Roman")
        .east_asia("Times New Roman")
}

/// Text the plan or the ledger supplies, without the characters XML 1.0
/// cannot hold (C0 controls other than tab and line feed).
pub fn clean(s: &str) -> String {
    s.chars().filter(|c| !c.is_control() || *c == '\t' || *c == '\n').collect()
}

fn centered(run: Run) -> Paragraph {
    Paragraph::new().align(AlignmentType::Center).add_run(run)
}

/// A justified body paragraph, first line indented 1 cm, 6 pt after.
fn body(text: String) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(None, Some(docx_rs::SpecialIndentType::FirstLine(mm(10))), None, None)
        .line_spacing(LineSpacing::new().after(120))
        .add_run(Run::new().add_text(clean(&text)))
}

/// A bullet line "- text", justified.
fn bullet(text: String) -> Paragraph {
    body(format!("- {text}"))
}

fn section(text: String) -> Paragraph {
    Paragraph::new()
        .line_spacing(LineSpacing::new().before(120).after(120))
        .add_run(Run::new().add_text(clean(&text)).bold())
}

fn subsection(text: String) -> Paragraph {
    Paragraph::new()
        .indent(Some(mm(10)), None, None, None)
        .line_spacing(LineSpacing::new().before(60).after(60))
        .add_run(Run::new().add_text(clean(&text)).bold())
}

/// Numbers, percentages and dates in the report's language and style.
struct Fmt {
    style: crate::number::NumberStyle,
    lang: Lang,
}

impl Fmt {
    fn num(&self, x: f64) -> String {
        format_number(x, self.style, 2)
    }

    fn pct(&self, x: f64) -> String {
        format!("{} %", format_number(x, self.style, 1))
    }

    fn date(&self, d: NaiveDate) -> String {
        Labels::new(self.lang).date(d)
    }

    fn days(&self, n: i64) -> String {
        tr_in!(self.lang, "common-days", n = n)
    }

    /// "103 doanh nghiệp"; a `%` unit sticks to its number as "10,5 %".
    fn value_unit(&self, v: f64, unit: &str) -> String {
        if unit.is_empty() { self.num(v) } else { format!("{} {}", self.num(v), clean(unit)) }
    }
}

/// A cell of the appendix table: `text` in `size`, centred or left.
fn cell(text: &str, width: usize, left: bool, bold: bool, size: usize) -> TableCell {
    let mut run = Run::new().add_text(clean(text)).size(size);
    if bold {
        run = run.bold();
    }
    let mut p = Paragraph::new().add_run(run);
    p = if left { p.align(AlignmentType::Left) } else { p.align(AlignmentType::Center) };
    TableCell::new().add_paragraph(p).width(width, WidthType::Dxa)
}

/// One column of the appendix: its heading, width (mm) and the text of a row.
struct Column<'a> {
    heading: String,
    width_mm: i32,
    left: bool,
    text: Box<dyn Fn(&IndicatorReport) -> String + 'a>,
}

/// The appendix columns of a review: a year or part of a year shows the
/// year's target, the value (year to date), its share of the year's target
/// and the same period last year; a span shows each year's value.
fn columns<'a>(r: &'a Report, review: Review, f: &'a Fmt) -> Vec<Column<'a>> {
    let lang = f.lang;
    let none = move || tr_in!(lang, "doc-none");
    // "103 (ư)": the value, `*` when partial, "(ư)" when it rests on an estimate.
    let shown = move |v: Option<f64>, partial: bool, estimate: bool| match v {
        None => none(),
        Some(v) => {
            let mut s = f.num(v);
            if partial {
                s.push('*');
            }
            if estimate {
                s.push_str(&tr_in!(lang, "doc-estimate-short"));
            }
            s
        }
    };
    let mut cols = vec![
        Column {
            heading: tr_in!(lang, "doc-col-indicator"),
            width_mm: 0,
            left: true,
            text: Box::new(|i| i.name.clone()),
        },
        Column {
            heading: tr_in!(lang, "doc-col-unit"),
            width_mm: 16,
            left: false,
            text: Box::new(|i| i.unit.clone()),
        },
    ];
    match review {
        Review::Span(a, b) => {
            cols.push(Column {
                heading: tr_in!(lang, "doc-col-final-target"),
                width_mm: 20,
                left: false,
                text: Box::new(move |i| {
                    let by = match i.basis {
                        crate::plan::Basis::Cumulative => {
                            tr_in!(lang, "report-cumulative-to", year = i.by.to_string())
                        }
                        _ => i.by.to_string(),
                    };
                    i.final_target_text.clone().map(|t| format!("{t} ({by})")).unwrap_or_else(none)
                }),
            });
            for y in a..=b {
                cols.push(Column {
                    heading: y.to_string(),
                    width_mm: 14,
                    left: false,
                    text: Box::new(move |i| {
                        let p = i.series.iter().find(|p| p.year == y);
                        shown(
                            p.and_then(|p| p.value),
                            p.is_some_and(|p| p.partial),
                            p.is_some_and(|p| p.estimate),
                        )
                    }),
                });
            }
        }
        _ => {
            let year = r.year;
            cols.push(Column {
                heading: tr_in!(lang, "doc-col-year-target", year = year),
                width_mm: 20,
                left: false,
                // A cumulative target is named as such (SPEC §5).
                text: Box::new(move |i| match (i.target_text.is_empty(), i.basis) {
                    (true, _) => none(),
                    (false, crate::plan::Basis::Cumulative) => format!(
                        "{} ({})",
                        i.target_text,
                        tr_in!(lang, "report-cumulative-to", year = year.to_string())
                    ),
                    (false, _) => i.target_text.clone(),
                }),
            });
            let heading =
                if matches!(review, Review::Months { .. }) { "doc-col-ytd" } else { "doc-col-value" };
            cols.push(Column {
                heading: tr_in!(lang, heading),
                width_mm: 18,
                left: false,
                text: Box::new(move |i| shown(i.value, i.partial, i.estimate)),
            });
            cols.push(Column {
                heading: tr_in!(lang, "doc-col-pct-year"),
                width_mm: 15,
                left: false,
                text: Box::new(move |i| i.attainment.map(|a| f.pct(a)).unwrap_or_else(none)),
            });
            cols.push(Column {
                heading: tr_in!(lang, "doc-col-last-year"),
                width_mm: 17,
                left: false,
                text: Box::new(move |i| shown(i.last_year, false, i.last_year_estimate)),
            });
            cols.push(Column {
                heading: tr_in!(lang, "doc-col-vs-last-year"),
                width_mm: 15,
                left: false,
                text: Box::new(move |i| i.vs_last_year.map(|a| f.pct(a)).unwrap_or_else(none)),
            });
        }
    }
    cols.push(Column {
        heading: tr_in!(lang, "doc-col-status"),
        width_mm: 16,
        left: false,
        text: Box::new(move |i| Labels::new(lang).status(i.status)),
    });
    // The indicator's name takes what is left of the 165 mm, after the STT column.
    let used: i32 = cols.iter().map(|c| c.width_mm).sum::<i32>() + 12;
    cols[0].width_mm = (165 - used).max(30);
    cols
}

/// The appendix on a new page: every indicator with its unit, target,
/// value, share of the year's target, same period last year (or each year
/// of a span) and status; "(ư)" marks estimates, "*" partial values.
fn appendix(
    mut doc: Docx,
    r: &Report,
    plan: &Plan,
    heading: &crate::plan::DocumentHeading,
    review: Review,
    f: &Fmt,
) -> Docx {
    let lang = f.lang;
    doc = doc
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_break(BreakType::Page))
                .add_run(Run::new().add_text(tr_in!(lang, "doc-appendix")).bold().size(LARGE)),
        )
        .add_paragraph(centered(
            Run::new()
                .add_text(tr_in!(lang, "doc-appendix-title", when = review.when(lang).to_uppercase()))
                .bold(),
        ))
        .add_paragraph(centered(
            Run::new()
                .add_text(tr_in!(
                    lang,
                    "doc-appendix-attached",
                    issuer =
                        clean(heading.issuer.as_deref().or(plan.issued_by.as_deref()).unwrap_or_default())
                ))
                .italic()
                .size(SMALLER),
        ));
    let cols = columns(r, review, f);
    let size = if cols.len() > 8 { TABLE_SMALL } else { SMALL };
    let stt = mm(12) as usize;
    let widths: Vec<usize> =
        std::iter::once(stt).chain(cols.iter().map(|c| mm(c.width_mm) as usize)).collect();
    let mut header = vec![cell(&tr_in!(lang, "doc-col-no"), stt, false, true, size)];
    header.extend(cols.iter().zip(&widths[1..]).map(|(c, w)| cell(&c.heading, *w, false, true, size)));
    let mut rows = vec![TableRow::new(header)];
    let mut n = 0;
    for (gi, g) in r.groups.iter().enumerate() {
        rows.push(TableRow::new(vec![
            cell(&roman(gi + 1), stt, false, true, size),
            cell(&g.name, widths[1..].iter().sum(), true, true, size).grid_span(cols.len()),
        ]));
        for i in &g.indicators {
            n += 1;
            let mut row = vec![cell(&n.to_string(), stt, false, false, size)];
            row.extend(
                cols.iter().zip(&widths[1..]).map(|(c, w)| cell(&(c.text)(i), *w, c.left, false, size)),
            );
            rows.push(TableRow::new(row));
        }
    }
    let total: usize = widths.iter().sum();
    doc = doc.add_table(Table::new(rows).set_grid(widths).width(total, WidthType::Dxa));
    doc.add_paragraph(
        Paragraph::new().add_run(Run::new().add_text(tr_in!(lang, "doc-estimate-note")).italic().size(SMALL)),
    )
}

/// I, II, III … for the group rows of the appendix.
fn roman(n: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut s = String::new();
    for (v, d) in DIGITS {
        while n >= v {
            s.push_str(d);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(14), "XIV");
    }

    #[test]
    fn controls_are_dropped_from_plan_text() {
        assert_eq!(clean("a\u{1}b\u{7f}c\td"), "abc\td");
    }

    #[test]
    fn millimetres_to_twips() {
        assert_eq!(mm(254), 14400);
        assert_eq!(mm(20), 1133);
    }
}
