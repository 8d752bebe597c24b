//! Sizes, margins and type of each element of the báo cáo, as the issuing
//! body's format prescribes (SPEC §4.2 "Typography"). Sizes are in
//! half-points (Word's unit), margins in millimetres.
//!
//! Party documents: Hướng dẫn 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung
//! ương Đảng, Phụ lục 3 ("Mẫu chữ và chi tiết trình bày thể thức văn bản"),
//! whose rows give, for each element, the letter case, size and style; and
//! its part on margins (lề trên 20 mm, lề dưới 20 mm, lề trái 30 mm, lề phải
//! 15 mm) and page numbers (Arabic numerals, centred in the top margin, from
//! the second page).
//!
//! State documents: Nghị định 30/2020/NĐ-CP ngày 05/3/2020, Phụ lục I, mục
//! IV ("Mẫu chữ và chi tiết trình bày thể thức văn bản hành chính"), and its
//! part I.4 on margins (trên 20–25 mm, dưới 20–25 mm, trái 30–35 mm, phải
//! 15–20 mm) and I.6 on page numbers (13–14 pt, centred in the top margin,
//! not on the first page).
//!
//! Where a row gives a range, the value chosen is named beside it.

use crate::plan::DocumentStyle;

/// The size and style of each element of one format, in half-points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Typography {
    /// "ĐẢNG CỘNG SẢN VIỆT NAM" / "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
    pub motto: usize,
    /// "Độc lập - Tự do - Hạnh phúc" (State only).
    pub motto_2: usize,
    /// The body above the issuer (cơ quan cấp trên), regular capitals.
    pub parent: usize,
    /// The issuer (cơ quan ban hành), bold capitals.
    pub issuer: usize,
    /// "Số   -BC/ĐU".
    pub number: usize,
    /// Place and date, italic.
    pub place_date: usize,
    /// "BÁO CÁO", bold capitals.
    pub kind: usize,
    /// The summary line under it (trích yếu), bold.
    pub summary: usize,
    /// Body text, headings of parts in bold at the same size.
    pub body: usize,
    /// "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", and the signer's name, bold.
    pub signer: usize,
    /// "Nơi nhận:" (Party: underlined; State: bold italic).
    pub recipients_label: usize,
    /// Each recipient.
    pub recipient: usize,
    /// The page number in the top margin.
    pub page_number: usize,
    /// Margins top, bottom, left, right in mm.
    pub margins_mm: [i32; 4],
}

/// Hướng dẫn 36-HD/VPTW, Phụ lục 3 (Party).
pub const PARTY: Typography = Typography {
    // Row "Tiêu đề": in hoa, cỡ 15, đứng, đậm.
    motto: 30,
    motto_2: 30,
    // Row "Tên cơ quan ban hành — cấp trên": in hoa, cỡ 14, đứng.
    parent: 28,
    // Row "Tên cơ quan ban hành": in hoa, cỡ 14, đứng, đậm.
    issuer: 28,
    // Row "Số và ký hiệu": in thường, cỡ 14, đứng.
    number: 28,
    // Row "Địa điểm và ngày, tháng, năm": in thường, cỡ 14, nghiêng.
    place_date: 28,
    // Row "Tên loại văn bản": in hoa, cỡ 15–16, đứng, đậm: 16.
    kind: 32,
    // Row "Trích yếu nội dung": in thường, cỡ 14–15, đứng, đậm: 14.
    summary: 28,
    // Row "Nội dung văn bản": in thường, cỡ 14–15, đứng: 14.
    body: 28,
    // Rows "Thể thức đề ký", "Chức vụ người ký", "Họ tên người ký": cỡ 14, đậm.
    signer: 28,
    // Row "Nơi nhận" — từ "Nơi nhận": in thường, cỡ 14, đứng, gạch chân.
    recipients_label: 28,
    // Row "Nơi nhận" — tên cơ quan nhận: in thường, cỡ 12, đứng.
    recipient: 24,
    // "Số trang": chữ số Ả-rập, cỡ 14, đứng.
    page_number: 28,
    margins_mm: [20, 20, 30, 15],
};

/// Nghị định 30/2020/NĐ-CP, Phụ lục I, mục IV (State).
pub const STATE: Typography = Typography {
    // Row 1 "Quốc hiệu — dòng trên": in hoa, cỡ 12–13, đứng, đậm: 13.
    motto: 26,
    // Row 1 "Quốc hiệu — dòng dưới": in thường, cỡ 13–14, đứng, đậm: 14.
    motto_2: 28,
    // Row 2 "Tên cơ quan chủ quản cấp trên trực tiếp": in hoa, cỡ 12–13, đứng: 13.
    parent: 26,
    // Row 2 "Tên cơ quan, tổ chức ban hành": in hoa, cỡ 12–13, đứng, đậm: 13.
    issuer: 26,
    // Row 3 "Số, ký hiệu của văn bản": in thường, cỡ 13, đứng.
    number: 26,
    // Row 4 "Địa danh và thời gian ban hành": in thường, cỡ 13–14, nghiêng: 14.
    place_date: 28,
    // Row 5a "Tên loại văn bản": in hoa, cỡ 13–14, đứng, đậm: 14.
    kind: 28,
    // Row 5a "Trích yếu nội dung": in thường, cỡ 13–14, đứng, đậm: 14.
    summary: 28,
    // Row 6 "Nội dung văn bản": in thường, cỡ 13–14, đứng: 14.
    body: 28,
    // Rows 7a–7d "Quyền hạn, chức vụ, họ tên người ký": cỡ 13–14, đứng, đậm: 14.
    signer: 28,
    // Row 9a "Nơi nhận — từ nơi nhận": in thường, cỡ 12, nghiêng, đậm.
    recipients_label: 24,
    // Row 9a "Nơi nhận — tên cơ quan, tổ chức, cá nhân": in thường, cỡ 11, đứng.
    recipient: 22,
    // Row 14 "Số trang": in thường, cỡ 13–14, đứng: 14.
    page_number: 28,
    margins_mm: [20, 20, 30, 15],
};

/// The typography of a document style.
pub fn of(style: DocumentStyle) -> Typography {
    match style {
        DocumentStyle::Party => PARTY,
        DocumentStyle::State => STATE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_number_takes_the_body_size_in_both_formats() {
        // The header's PAGE field has no size of its own: it takes the
        // document's default, the body's.
        for t in [PARTY, STATE] {
            assert_eq!(t.page_number, t.body);
        }
    }

    #[test]
    fn sizes_in_points_as_the_tables_give_them() {
        // Half-points: HD 36 motto 15 pt, "BÁO CÁO" 16; NĐ 30 national name
        // 13, "Nơi nhận:" 12, recipients 11.
        assert_eq!((PARTY.motto, PARTY.kind, PARTY.recipient), (30, 32, 24));
        assert_eq!((STATE.motto, STATE.recipients_label, STATE.recipient), (26, 24, 22));
        assert_eq!(PARTY.margins_mm, [20, 20, 30, 15]);
    }
}
