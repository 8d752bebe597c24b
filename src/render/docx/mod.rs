//! The review as a Word document, ready to number and sign (SPEC §4.2).
//!
//! Layout follows the administrative document format of the issuing body
//! (`[report] style`): Hướng dẫn 36-HD/VPTW for Party bodies, Nghị định
//! 30/2020/NĐ-CP (Phụ lục I) for State bodies, with the sizes and margins
//! of their tables ([`typography`]): A4, Times New Roman, the page number
//! centred in the top margin from page 2 on. The parts, in order: the
//! two-column heading (`heading`), the number line left blank for the
//! office, place and date, the title by kind of review and the opening
//! paragraph; I. leadership and implementation; II. results per task group;
//! III. overall assessment; IV. directions and tasks for the next period;
//! V. proposals (`parts`); recipients and signature, kept on the page of
//! the last paragraph; an appendix table of every indicator (`appendix`);
//! and one small line that pins the figures to the ledger they come from
//! ("Mã kiểm tra số liệu: 26:0ae0…", SPEC §3).
//!
//! The document never invents: where the plan or the ledger has no figure,
//! the sentence says so, and what only the office can write (causes,
//! solutions, proposals, the leadership's actions) is its text from
//! `--notes` ([`notes`]), else a bracketed, highlighted placeholder. Text
//! from the plan is escaped by the writer (docx-rs); characters XML cannot
//! carry (controls) are dropped.

mod appendix;
mod heading;
pub mod notes;
mod parts;
mod sentences;
pub mod typography;

pub use notes::{Notes, NotesError};
use sentences::{counts_words, group_paragraphs};

use crate::number::format_number;
use crate::render::RenderOptions;
use crate::render::labels::Labels;
use crate::report::Report;
use crate::settings::Lang;
use crate::tr_in;
use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};
use docx_rs::{AlignmentType, Docx, Header, LineSpacing, PageMargin, PageNum, Paragraph, Run, RunFonts};
use std::io::{Cursor, Write};

/// The fingerprint line: 10 pt.
const TINY: usize = 20;

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

/// Writes the review `r` as a .docx to `out`, in the language and number
/// style of `o`, with the office's `notes` in place of the placeholders
/// they fill. Everything else the document says (its heading, the plan's
/// words, the tasks and figures to come) is in `r`.
///
/// Errors: only from writing `out` (the document is built in memory, a few
/// tens of kB).
pub fn write(r: &Report, o: &RenderOptions, notes: &Notes, out: &mut impl Write) -> Result<()> {
    let doc = build(r, o, notes);
    let mut xml = doc.build();
    xml.document = repeat_header_rows(&xml.document);
    let mut buf = Cursor::new(Vec::new());
    xml.pack(&mut buf).context("cannot build the .docx package")?;
    out.write_all(buf.get_ref())?;
    Ok(())
}

/// Marks the rows built with [`appendix::HEADER_MARK`] as header rows
/// (`<w:tblHeader/>`), repeated at the top of each page (docx-rs has no
/// such setting).
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document);
    text.replace(appendix::HEADER_MARK, "<w:tblHeader />").into_bytes()
}

/// The whole document, in reading order.
pub fn build(r: &Report, o: &RenderOptions, notes: &Notes) -> Docx {
    let lang = o.lang;
    let review = Review::of(r);
    let heading = &r.document;
    let t = typography::of(heading.style);
    let [top, bottom, left, right] = t.margins_mm;
    // The page number, centred in the top margin, from page 2 on: the first
    // page has a header of its own, empty (HD 36; NĐ 30 Phụ lục I, I.6). It
    // takes the default size, the body's, which is the page number's in
    // both formats (typography tests).
    let page_number = Header::new()
        .add_paragraph(Paragraph::new().align(AlignmentType::Center).add_page_num(PageNum::new()));
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(mm(top))
                .bottom(mm(bottom))
                .left(mm(left))
                .right(mm(right))
                .header(mm(10))
                .footer(mm(10)),
        )
        .header(page_number)
        .first_header(Header::new().add_paragraph(Paragraph::new()))
        .default_fonts(times())
        .default_size(t.body);
    doc = doc.add_table(heading::table(r, lang, &t));
    doc = doc
        .add_paragraph(
            centered(Run::new().add_text(tr_in!(lang, "doc-kind")).bold().size(t.kind))
                .line_spacing(LineSpacing::new().before(240)),
        )
        .add_paragraph(centered(
            Run::new().add_text(clean(&review.title(lang, &r.plan))).bold().size(t.summary),
        ))
        .add_paragraph(centered(Run::new().add_text("-----")));
    let f = Fmt { style: o.numbers, lang };
    let issued =
        r.issued_by.as_deref().map(|b| tr_in!(lang, "doc-intro-issued", by = clean(b))).unwrap_or_default();
    doc = doc.add_paragraph(body(tr_in!(
        lang,
        "doc-intro",
        plan = r.plan.as_str(),
        issued = issued,
        title = clean(&r.title),
        when = review.when(lang),
        as_of = f.date(r.as_of)
    )));
    // A review not yet over says so at the top (SPEC §5).
    if r.provisional {
        doc = doc.add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(
            Run::new().add_text(tr_in!(lang, "doc-provisional", date = f.date(r.as_of))).bold().italic(),
        ));
    }
    let mut paras = parts::leadership(r, notes, &f);
    paras.push(section(tr_in!(lang, "doc-section-results")));
    if r.indicator_count > 0 {
        // The headline, with what it rests on and the counts beside it.
        paras.push(
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
        paras.extend(group_paragraphs(n + 1, g, r, &f));
        paras.extend(parts::office_text(notes, &g.id, None));
    }
    paras.extend(parts::assessment(r, notes, &f));
    paras.extend(parts::directions(r, notes, &f));
    paras.extend(parts::proposals(notes, &f));
    paras.extend(parts::office_text(notes, "ket_luan", None));
    // The last paragraph keeps with the signature block (whose one row
    // never splits), so that the signature never stands alone on a page.
    if let Some(last) = paras.pop() {
        paras.push(last.keep_next(true));
        // A line of space above the signature, kept with both.
        paras.push(Paragraph::new().keep_next(true));
    }
    for p in paras {
        doc = doc.add_paragraph(p);
    }
    doc = doc.add_table(heading::signature(heading, lang, &t));
    doc = appendix::add(doc, r, review, &f);
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
    doc.add_paragraph(
        Paragraph::new()
            .line_spacing(LineSpacing::new().before(240))
            .add_run(Run::new().add_text(print).size(TINY).italic()),
    )
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

/// "I. KẾT QUẢ THỰC HIỆN": bold, kept with what follows.
fn section(text: String) -> Paragraph {
    Paragraph::new()
        .indent(None, Some(docx_rs::SpecialIndentType::FirstLine(mm(10))), None, None)
        .line_spacing(LineSpacing::new().before(120).after(120))
        .keep_next(true)
        .add_run(Run::new().add_text(clean(&text)).bold())
}

/// "1. Ưu điểm": bold, kept with what follows.
fn subsection(text: String) -> Paragraph {
    Paragraph::new()
        .indent(None, Some(docx_rs::SpecialIndentType::FirstLine(mm(10))), None, None)
        .line_spacing(LineSpacing::new().before(60).after(60))
        .keep_next(true)
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

/// I, II, III … for the group rows of the appendix.
pub(super) fn roman(n: usize) -> String {
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
