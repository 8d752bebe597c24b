//! The appendix table of the báo cáo (SPEC §4.2): every indicator with its
//! unit, target, value, share of the year's target, same period last year
//! (or each year of a span) and status, on a page of its own.
//!
//! Print rules: the header row is repeated on every page (`w:tblHeader`),
//! no row is split across pages (`w:cantSplit`), and no number is broken
//! inside its cell: every column is at least as wide as its longest number
//! (spaces in it non-breaking), the marks "(ư)" of an estimate go on a line
//! of their own under the number, and the type shrinks (12 → 9 pt) until
//! the columns fit the 165 mm between the margins. "*" (partial) and "(ư)"
//! are explained under the table when they are used.

use super::{Fmt, Review, clean};
use crate::plan::Basis;
use crate::render::labels::Labels;
use crate::report::{IndicatorReport, Report};
use crate::tr_in;
use docx_rs::{
    AlignmentType, BreakType, Docx, HeightRule, Paragraph, Run, Table, TableCell, TableCellMargins, TableRow,
    WidthType,
};

/// A row height no real row asks for (1 twip, at least): the mark that
/// [`super::repeat_header_rows`] turns into `<w:tblHeader/>`, which
/// docx-rs cannot write.
pub(super) const HEADER_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

/// Horizontal padding of a cell, each side: 1 mm.
const PAD_MM: f64 = 1.0;
/// Width of the text between the margins (mm).
const TEXT_MM: f64 = 165.0;

/// What a cell shows: the text, and an estimate's mark under it.
struct CellText {
    text: String,
    /// "(ư)" on a line of its own.
    under: Option<String>,
    /// Whether the text must stay on one line (a number).
    whole: bool,
}

impl CellText {
    fn words(text: String) -> CellText {
        CellText { text, under: None, whole: false }
    }
}

/// One column: its heading, whether its text is left-aligned, and the
/// cell of an indicator.
struct Column<'a> {
    heading: String,
    left: bool,
    /// The least width (mm) that keeps the column readable.
    min_mm: f64,
    cell: Box<dyn Fn(&IndicatorReport) -> CellText + 'a>,
}

/// The width in mm of `text` in Times New Roman at `half_points`, with
/// the cell's padding: Times' advance widths in em, rounded up (digits
/// 0.5, capitals up to 0.72, lower case about 0.47 — a Vietnamese mark
/// adds none —, "%" 0.83, space and punctuation 0.25), plus 10 % for the
/// bold of headers and for LibreOffice's own metrics.
fn width_mm(text: &str, half_points: usize) -> f64 {
    let pt = half_points as f64 / 2.0;
    let em: f64 = text
        .chars()
        .map(|c| match c {
            '0'..='9' | '*' => 0.5,
            '%' => 0.83,
            ' ' | '\u{a0}' | '.' | ',' | ':' | ';' | '(' | ')' | '/' | '-' => 0.28,
            c if c.is_uppercase() => 0.72,
            _ => 0.5,
        })
        .sum();
    em * 1.1 * pt * 25.4 / 72.0 + 2.0 * PAD_MM + 0.5
}

/// The columns of a review (after STT).
fn columns<'a>(
    r: &'a Report,
    review: Review,
    f: &'a Fmt,
    marks: &'a std::cell::Cell<(bool, bool)>,
) -> Vec<Column<'a>> {
    let lang = f.lang;
    let style = f.style;
    let none = move || tr_in!(lang, "doc-none");
    let shown = move |v: Option<f64>, partial: bool, estimate: bool| match v {
        None => CellText::words(none()),
        Some(v) => {
            let mut s = f.num(v);
            if partial {
                s.push('*');
            }
            let (p, e) = marks.get();
            marks.set((p || partial, e || estimate));
            CellText {
                text: s,
                under: estimate.then(|| tr_in!(lang, "doc-estimate-short").trim().to_string()),
                whole: true,
            }
        }
    };
    let pct = move |x: Option<f64>| match x {
        Some(a) => CellText { text: f.pct(a), under: None, whole: true },
        None => CellText::words(none()),
    };
    let mut cols = vec![
        Column {
            heading: tr_in!(lang, "doc-col-indicator"),
            left: true,
            min_mm: 45.0,
            cell: Box::new(|i| CellText::words(clean(&i.name))),
        },
        Column {
            heading: tr_in!(lang, "doc-col-unit"),
            left: false,
            min_mm: 16.0,
            cell: Box::new(|i| CellText::words(clean(&i.unit))),
        },
    ];
    match review {
        Review::Span(a, b) => {
            cols.push(Column {
                heading: tr_in!(lang, "doc-col-final-target"),
                left: false,
                min_mm: 24.0,
                cell: Box::new(move |i| {
                    let by = match i.basis {
                        Basis::Cumulative => tr_in!(lang, "report-cumulative-to", year = i.by.to_string()),
                        _ => i.by.to_string(),
                    };
                    CellText::words(
                        i.final_target_words(lang, style).map(|t| format!("{t} ({by})")).unwrap_or_else(none),
                    )
                }),
            });
            for y in a..=b {
                cols.push(Column {
                    heading: y.to_string(),
                    left: false,
                    min_mm: 12.0,
                    cell: Box::new(move |i| {
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
                left: false,
                min_mm: 24.0,
                // A cumulative target is named as such (SPEC §5).
                cell: Box::new(move |i| {
                    let target = i.target_words(lang, style);
                    CellText::words(match (target.is_empty(), i.basis) {
                        (true, _) => none(),
                        (false, Basis::Cumulative) => format!(
                            "{} ({})",
                            target,
                            tr_in!(lang, "report-cumulative-to", year = year.to_string())
                        ),
                        (false, _) => target,
                    })
                }),
            });
            let heading =
                if matches!(review, Review::Months { .. }) { "doc-col-ytd" } else { "doc-col-value" };
            cols.push(Column {
                heading: tr_in!(lang, heading),
                left: false,
                min_mm: 16.0,
                cell: Box::new(move |i| shown(i.value, i.partial, i.estimate)),
            });
            cols.push(Column {
                heading: tr_in!(lang, "doc-col-pct-year"),
                left: false,
                min_mm: 15.0,
                cell: Box::new(move |i| pct(i.attainment)),
            });
            cols.push(Column {
                heading: tr_in!(lang, "doc-col-last-year"),
                left: false,
                min_mm: 15.0,
                cell: Box::new(move |i| shown(i.last_year, false, i.last_year_estimate)),
            });
            cols.push(Column {
                heading: tr_in!(lang, "doc-col-vs-last-year"),
                left: false,
                min_mm: 15.0,
                cell: Box::new(move |i| pct(i.vs_last_year)),
            });
        }
    }
    cols.push(Column {
        heading: tr_in!(lang, "doc-col-status"),
        left: false,
        min_mm: 18.0,
        cell: Box::new(move |i| CellText::words(Labels::new(lang).status(i.status))),
    });
    cols
}

/// A cell: `text` (non-breaking when whole) in `size`, centred or left,
/// with the estimate's mark on a line under it.
fn cell(c: &CellText, width: usize, left: bool, bold: bool, size: usize) -> TableCell {
    let text = if c.whole { c.text.replace(' ', "\u{a0}") } else { c.text.clone() };
    let mut run = Run::new().add_text(text).size(size);
    if bold {
        run = run.bold();
    }
    let align = if left { AlignmentType::Left } else { AlignmentType::Center };
    let mut tc = TableCell::new()
        .add_paragraph(Paragraph::new().align(align).add_run(run))
        .width(width, WidthType::Dxa);
    if let Some(u) = &c.under {
        tc = tc
            .add_paragraph(Paragraph::new().align(align).add_run(Run::new().add_text(u.clone()).size(size)));
    }
    tc
}

/// The widths (mm) of STT and each column at `size`, or None if they do not
/// fit in the 165 mm: each column at least as wide as its longest number
/// (whole) or word, the indicator's name at least 30 mm; what is left
/// brings each column towards its comfortable width (`min_mm`), in
/// proportion, and the rest goes to the name.
fn fit(cols: &[Column], cells: &[Vec<CellText>], size: usize) -> Option<Vec<f64>> {
    let longest_word = |s: &str| s.split_whitespace().map(|w| width_mm(w, size)).fold(0.0, f64::max);
    let stt = width_mm("STT", size).max(width_mm("XIV", size));
    let mut need = vec![stt];
    for (n, c) in cols.iter().enumerate() {
        let mut w = longest_word(&c.heading);
        for row in cells {
            let t = &row[n];
            w = w.max(if t.whole { width_mm(&t.text, size) } else { longest_word(&t.text) });
            if let Some(u) = &t.under {
                w = w.max(width_mm(u, size));
            }
        }
        need.push(if n == 0 { 30.0 } else { w });
    }
    let total: f64 = need.iter().sum();
    if total > TEXT_MM {
        return None;
    }
    let deficit: Vec<f64> = std::iter::once(0.0)
        .chain(cols.iter().zip(&need[1..]).map(|(c, w)| (c.min_mm - w).max(0.0)))
        .collect();
    let wanted: f64 = deficit.iter().sum();
    let slack = TEXT_MM - total;
    let share = if wanted > 0.0 { (slack / wanted).min(1.0) } else { 0.0 };
    let mut widths: Vec<f64> = need.iter().zip(&deficit).map(|(w, d)| w + d * share).collect();
    widths[1] += TEXT_MM - widths.iter().sum::<f64>();
    Some(widths)
}

/// Adds the appendix on a new page.
pub(super) fn add(mut doc: Docx, r: &Report, review: Review, f: &Fmt) -> Docx {
    let lang = f.lang;
    // The issuer as people write it ("Ban Thường vụ Đảng ủy xã Nghi
    // Dương"), never shouted in capitals under the title.
    let issuer =
        r.issued_by.clone().or_else(|| r.document.issuer.as_deref().map(sentence_case)).unwrap_or_default();
    doc = doc
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_break(BreakType::Page))
                .add_run(Run::new().add_text(tr_in!(lang, "doc-appendix")).bold()),
        )
        .add_paragraph(
            Paragraph::new().align(AlignmentType::Center).add_run(
                Run::new()
                    .add_text(tr_in!(lang, "doc-appendix-title", when = review.when(lang).to_uppercase()))
                    .bold(),
            ),
        )
        .add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(
            Run::new().add_text(tr_in!(lang, "doc-appendix-attached", issuer = clean(&issuer))).italic(),
        ));
    let marks = std::cell::Cell::new((false, false));
    let cols = columns(r, review, f, &marks);
    let cells: Vec<Vec<CellText>> = r
        .groups
        .iter()
        .flat_map(|g| g.indicators.iter())
        .map(|i| cols.iter().map(|c| (c.cell)(i)).collect())
        .collect();
    // 12 pt, else smaller until the numbers fit whole.
    let (size, widths) = [24, 22, 20, 18]
        .into_iter()
        .find_map(|s| fit(&cols, &cells, s).map(|w| (s, w)))
        // Beyond 9 pt the table would not be read: the widths at 9 pt,
        // the name squeezed (only a plan of very many years gets here).
        .unwrap_or_else(|| {
            let mut w = fit(&cols, &cells, 18)
                .unwrap_or_else(|| vec![TEXT_MM / (cols.len() + 1) as f64; cols.len() + 1]);
            w[1] = w[1].max(20.0);
            (18, w)
        });
    let widths: Vec<usize> = widths.iter().map(|w| (w * 1440.0 / 25.4) as usize).collect();
    let stt = widths[0];
    let header_cells =
        std::iter::once(cell(&CellText::words(tr_in!(lang, "doc-col-no")), stt, false, true, size))
            .chain(
                cols.iter()
                    .zip(&widths[1..])
                    .map(|(c, w)| cell(&CellText::words(c.heading.clone()), *w, false, true, size)),
            )
            .collect();
    // The header row, repeated on each page; no row split across pages.
    let mut rows =
        vec![TableRow::new(header_cells).cant_split().row_height(1.0).height_rule(HeightRule::AtLeast)];
    let mut n = 0;
    let mut cells = cells.into_iter();
    for (gi, g) in r.groups.iter().enumerate() {
        rows.push(
            TableRow::new(vec![
                cell(&CellText::words(super::roman(gi + 1)), stt, false, true, size),
                cell(&CellText::words(clean(&g.name)), widths[1..].iter().sum(), true, true, size)
                    .grid_span(cols.len()),
            ])
            .cant_split(),
        );
        for _ in &g.indicators {
            n += 1;
            let row_cells = cells.next().unwrap_or_default();
            let mut row = vec![cell(
                &CellText { text: n.to_string(), under: None, whole: true },
                stt,
                false,
                false,
                size,
            )];
            row.extend(
                row_cells
                    .iter()
                    .zip(cols.iter().zip(&widths[1..]))
                    .map(|(t, (c, w))| cell(t, *w, c.left, false, size)),
            );
            rows.push(TableRow::new(row).cant_split());
        }
    }
    let total: usize = widths.iter().sum();
    let pad = mm_twips(PAD_MM);
    doc = doc.add_table(
        Table::new(rows)
            .set_grid(widths)
            .width(total, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(0, pad, 0, pad)),
    );
    let (partial, estimate) = marks.get();
    if partial {
        doc = doc.add_paragraph(note(tr_in!(lang, "doc-partial-note"), size));
    }
    if estimate {
        doc = doc.add_paragraph(note(tr_in!(lang, "doc-estimate-note"), size));
    }
    doc
}

fn note(text: String, size: usize) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text).italic().size(size))
}

fn mm_twips(v: f64) -> usize {
    (v * 1440.0 / 25.4) as usize
}

/// "BAN THƯỜNG VỤ ĐẢNG ỦY" → "Ban thường vụ đảng ủy": a name given only in
/// capitals, lowered but for its first letter (the plan's `issued_by`, as
/// people write it, is preferred).
fn sentence_case(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut c = lower.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_are_lowered_but_the_first_letter() {
        assert_eq!(sentence_case("BAN THƯỜNG VỤ ĐẢNG ỦY"), "Ban thường vụ đảng ủy");
    }

    #[test]
    fn a_number_is_measured_whole() {
        // "2.459,9*": five digits and "*" at 0,5 em, "." and "," at 0,28 em:
        // 3,56 em × 1,1 = 3,916 em; at 10 pt 39,16 pt × 25,4/72 = 13,81 mm,
        // + 2 × 1 mm padding + 0,5 mm = 16,31 mm.
        let w = width_mm("2.459,9*", 20);
        assert!((w - 16.31).abs() < 0.01, "{w}");
    }
}
