//! The two blocks that make a báo cáo an administrative document: the
//! heading (issuing body over its parent, number line, motto, place and
//! date) and the closing block ("Nơi nhận" and the signature).
//!
//! Party style, Hướng dẫn 36-HD/VPTW: left, the parent Party body (regular
//! capitals) over the issuer (bold capitals), a star, then `Số   -BC/ĐU`;
//! right, "ĐẢNG CỘNG SẢN VIỆT NAM" (bold, underlined), then the place and
//! date in italics. State style, Nghị định 30/2020/NĐ-CP Phụ lục I: left, the
//! governing body (regular capitals) over the issuer (bold capitals), then
//! `Số:   /BC-…`; right, the national name and motto "Độc lập - Tự do -
//! Hạnh phúc" (bold, underlined), then the place and date in italics. In both,
//! a day below 10 and the months 1 and 2 take a leading zero (Nghị định
//! 30/2020, Phụ lục I, II.5.b), and the number itself is left blank for the
//! office to fill in when it registers the document.

use super::typography::Typography;
use super::{TEXT_WIDTH, clean, mm};
use crate::plan::{DocumentHeading, DocumentStyle};
use crate::report::Report;
use crate::settings::Lang;
use crate::tr_in;
use chrono::{Datelike, NaiveDate};
use docx_rs::{AlignmentType, Paragraph, Run, Table, TableCell, TableCellMargins, TableRow, WidthType};

/// The left column of the heading and of the closing block: wide enough
/// for "BAN THƯỜNG VỤ ĐẢNG ỦY" on one line at 14 pt bold (about 74 mm),
/// leaving 83 mm for "ĐẢNG CỘNG SẢN VIỆT NAM" at 15 pt bold (about 78 mm).
const LEFT_MM: i32 = 82;
/// A State heading's left column: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" at
/// 13 pt bold takes about 103 mm of the right one.
const LEFT_MM_STATE: i32 = 60;

fn line(text: &str, size: usize) -> Run {
    Run::new().add_text(clean(text)).size(size)
}

fn centered(runs: Vec<Run>) -> Paragraph {
    runs.into_iter().fold(Paragraph::new().align(AlignmentType::Center), |p, r| p.add_run(r))
}

/// The suffix of the number line from the plan's own number: `66-KH/ĐU` →
/// `ĐU` (party: `Số   -BC/ĐU`), `15/KH-UBND` → `UBND` (state: `Số:   /BC-UBND`).
/// `None` when the plan id has no such part.
/// An id numbered otherwise (`DHO-2025/07`, `PLAN-7`) gives none: its
/// parts are not a body's abbreviation.
pub fn number_suffix(plan_id: &str, style: DocumentStyle) -> Option<String> {
    let numbered = plan_id.trim_start_matches(|c: char| c.is_ascii_digit());
    if numbered.len() == plan_id.len() {
        return None;
    }
    let suffix = match style {
        // 66-KH/ĐU
        DocumentStyle::Party => numbered.strip_prefix('-')?.split_once('/')?.1,
        // 15/KH-UBND
        DocumentStyle::State => numbered.strip_prefix('/')?.split_once('-')?.1,
    };
    let suffix = suffix.trim();
    (!suffix.is_empty()).then(|| suffix.to_string())
}

/// "ngày 05 tháng 02 năm 2027" (vi), "5 February 2027" (en).
pub fn date_words(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            let day = if d.day() < 10 { format!("0{}", d.day()) } else { d.day().to_string() };
            let month = if d.month() <= 2 { format!("0{}", d.month()) } else { d.month().to_string() };
            tr_in!(lang, "doc-date", day = day, month = month, year = d.year())
        }
        Lang::En => {
            tr_in!(lang, "doc-date", day = d.day(), month = d.format("%B").to_string(), year = d.year())
        }
    }
}

/// The heading of `r`'s báo cáo (`r.document`, its issuer else the plan's,
/// the number line from the plan's id, the date `as_of`): a borderless
/// two-column table, in the sizes of `t`.
pub fn table(r: &Report, lang: Lang, t: &Typography) -> Table {
    let h = &r.document;
    let number = match number_suffix(&r.plan, h.style) {
        Some(s) if h.style == DocumentStyle::Party => tr_in!(lang, "doc-number-party", suffix = s),
        Some(s) => tr_in!(lang, "doc-number-state", suffix = s),
        None if h.style == DocumentStyle::Party => tr_in!(lang, "doc-number-bare"),
        None => tr_in!(lang, "doc-number-bare-state"),
    };
    let left_mm = if h.style == DocumentStyle::State { LEFT_MM_STATE } else { LEFT_MM };
    let mut left = TableCell::new().width(mm(left_mm) as usize, WidthType::Dxa);
    if let Some(parent) = &h.parent {
        left = left.add_paragraph(centered(vec![line(parent, t.parent)]));
    }
    if let Some(issuer) = h.issuer.as_deref().or(r.issued_by.as_deref()) {
        let run = line(issuer, t.issuer).bold();
        left = left.add_paragraph(centered(vec![if h.style == DocumentStyle::State {
            run.underline("single")
        } else {
            run
        }]));
    }
    if h.style == DocumentStyle::Party {
        left = left.add_paragraph(centered(vec![line("*", t.issuer)]));
    }
    left = left.add_paragraph(centered(vec![line(&number, t.number)]));

    let mut right = TableCell::new().width(TEXT_WIDTH - mm(left_mm) as usize, WidthType::Dxa);
    match h.style {
        DocumentStyle::Party => {
            right = right.add_paragraph(centered(vec![
                line(&tr_in!(lang, "doc-motto-party"), t.motto).bold().underline("single"),
            ]));
            right = right.add_paragraph(Paragraph::new());
        }
        DocumentStyle::State => {
            right = right
                .add_paragraph(centered(vec![line(&tr_in!(lang, "doc-motto-state"), t.motto).bold()]))
                .add_paragraph(centered(vec![
                    line(&tr_in!(lang, "doc-motto-state-2"), t.motto_2).bold().underline("single"),
                ]));
        }
    }
    let date = date_words(r.as_of, lang);
    let place_date = match &h.place {
        Some(place) => tr_in!(lang, "doc-place-date", place = clean(place), date = date),
        None => date,
    };
    right = right.add_paragraph(centered(vec![line(&place_date, t.place_date).italic()]));
    Table::without_borders(vec![TableRow::new(vec![left, right])])
        .set_grid(vec![mm(left_mm) as usize, TEXT_WIDTH - mm(left_mm) as usize])
        .width(TEXT_WIDTH, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

/// "Nơi nhận" on the left, the signature block on the right: one row that
/// never splits across pages (SPEC §4.2: the signature stays on the page of
/// the last paragraph, which keeps with it).
pub fn signature(h: &DocumentHeading, lang: Lang, t: &Typography) -> Table {
    let mut left = TableCell::new().width(mm(LEFT_MM) as usize, WidthType::Dxa);
    if !h.recipients.is_empty() {
        let label = line(&tr_in!(lang, "doc-recipients"), t.recipients_label);
        // Party: "Nơi nhận:" regular, underlined; State: bold italic.
        let label = match h.style {
            DocumentStyle::Party => label.underline("single"),
            DocumentStyle::State => label.bold().italic(),
        };
        left = left.add_paragraph(Paragraph::new().add_run(label));
        let last = h.recipients.len() - 1;
        for (i, r) in h.recipients.iter().enumerate() {
            let end = if i == last { "." } else { "," };
            let text = format!("- {}{end}", r.trim_end_matches([',', '.', ';']));
            left = left.add_paragraph(Paragraph::new().add_run(line(&text, t.recipient)));
        }
    } else {
        left = left.add_paragraph(Paragraph::new());
    }
    let mut right = TableCell::new().width(TEXT_WIDTH - mm(LEFT_MM) as usize, WidthType::Dxa);
    for title in &h.signer_title {
        right = right.add_paragraph(centered(vec![line(title, t.signer).bold()]));
    }
    // Room for the signature and the seal.
    for _ in 0..4 {
        right = right.add_paragraph(Paragraph::new());
    }
    if let Some(s) = &h.signer {
        right = right.add_paragraph(centered(vec![line(s, t.signer).bold()]));
    }
    if h.signer_title.is_empty() && h.signer.is_none() {
        right = right.add_paragraph(Paragraph::new());
    }
    Table::without_borders(vec![TableRow::new(vec![left, right]).cant_split()])
        .set_grid(vec![mm(LEFT_MM) as usize, TEXT_WIDTH - mm(LEFT_MM) as usize])
        .width(TEXT_WIDTH, WidthType::Dxa)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_line_takes_the_plans_own_suffix() {
        assert_eq!(DocumentStyle::of_plan_number("66-KH/ĐU"), DocumentStyle::Party);
        assert_eq!(DocumentStyle::of_plan_number("15/KH-UBND"), DocumentStyle::State);
        assert_eq!(DocumentStyle::of_plan_number("DHO-2025/07"), DocumentStyle::State);
        assert_eq!(DocumentStyle::of_plan_number("PLAN-7"), DocumentStyle::State);
        assert_eq!(DocumentStyle::of_plan_number("12-CTr/TU"), DocumentStyle::Party);
        assert_eq!(number_suffix("66-KH/ĐU", DocumentStyle::Party).as_deref(), Some("ĐU"));
        assert_eq!(number_suffix("DHO-2025/07", DocumentStyle::State), None);
        assert_eq!(number_suffix("15/KH-UBND", DocumentStyle::Party), None);
        assert_eq!(number_suffix("15/KH-UBND", DocumentStyle::State).as_deref(), Some("UBND"));
        assert_eq!(number_suffix("PLAN-7", DocumentStyle::Party), None);
    }

    #[test]
    fn dates_take_leading_zeros_for_small_days_and_the_first_two_months() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(date_words(d(2027, 2, 5), Lang::Vi), "ngày 05 tháng 02 năm 2027");
        assert_eq!(date_words(d(2026, 3, 30), Lang::Vi), "ngày 30 tháng 3 năm 2026");
        assert_eq!(date_words(d(2026, 11, 9), Lang::Vi), "ngày 09 tháng 11 năm 2026");
        assert_eq!(date_words(d(2026, 11, 9), Lang::En), "9 November 2026");
    }
}
