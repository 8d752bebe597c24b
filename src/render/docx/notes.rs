//! The office's own text for the báo cáo (SPEC §4.2, `report --notes
//! FILE`): what only people can write — the leadership's actions, the
//! causes, the solutions, the proposals, lessons — kept in a Markdown file
//! beside the plan, so that the document can be generated again without
//! losing it.
//!
//! The file is a list of `## KEY` headings, each followed by the office's
//! text: paragraphs separated by blank lines, a line starting with `- ` or
//! `* ` is a bullet of its own. KEY is one of [`SECTION_KEYS`] or a task
//! group's id (text added to that group's results in part II). A `# title`
//! line and `<!-- comments -->` are ignored. Text before the first `##`
//! heading, an unknown key or a key given twice is refused with the file's
//! line, so that nothing the office wrote is silently dropped.

use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// The sections the office fills in, in the order of the document, with the
/// part each one goes to (SPEC §4.2 I–V).
pub const SECTION_KEYS: [&str; 10] = [
    // I. the leadership's actions: conferences, documents issued, inspections.
    "lanh_dao",
    // III. strengths and shortcomings the ledger does not know.
    "uu_diem",
    "han_che",
    // III. causes, objective and subjective.
    "nguyen_nhan_khach_quan",
    "nguyen_nhan_chu_quan",
    // III. lessons (a span's tổng kết).
    "bai_hoc",
    // IV. directions, then the solutions.
    "phuong_huong",
    "giai_phap",
    // V. proposals.
    "de_xuat",
    // The whole review's closing remark, before the signature.
    "ket_luan",
];

/// One paragraph of the office's text: a bullet (`- `) or running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteParagraph {
    pub bullet: bool,
    pub text: String,
}

/// The office's text by key (a section key or a group id).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    by_key: HashMap<String, Vec<NoteParagraph>>,
}

impl Notes {
    /// No notes: every part the office writes shows its placeholder.
    pub fn none() -> Notes {
        Notes::default()
    }

    /// The paragraphs given under `key`, or `None` (the placeholder stays).
    pub fn get(&self, key: &str) -> Option<&[NoteParagraph]> {
        self.by_key.get(key).map(Vec::as_slice).filter(|p| !p.is_empty())
    }

    /// Reads the notes of `text` (the file's contents; `file` names it in
    /// errors) against the keys a document of the plan has: the section
    /// keys and `groups` (the plan's group ids).
    ///
    /// Errors: `FILE:LINE: …` for text before the first heading, an unknown
    /// key (with the list of keys) or a key given twice (with the line of
    /// the first).
    pub fn parse(text: &str, file: &str, groups: &[&str]) -> Result<Notes, NotesError> {
        let mut by_key: HashMap<String, Vec<NoteParagraph>> = HashMap::new();
        let mut first_line: HashMap<String, usize> = HashMap::new();
        let mut current: Option<String> = None;
        let mut pending: Vec<String> = Vec::new();
        let mut in_comment = false;
        let flush = |key: &Option<String>, pending: &mut Vec<String>, by_key: &mut HashMap<_, Vec<_>>| {
            if pending.is_empty() {
                return;
            }
            let text = pending.join(" ");
            pending.clear();
            if let Some(k) = key {
                let list: &mut Vec<NoteParagraph> = by_key.entry(k.clone()).or_default();
                match text.strip_prefix("- ").or_else(|| text.strip_prefix("* ")) {
                    Some(t) => list.push(NoteParagraph { bullet: true, text: t.trim().to_string() }),
                    None => list.push(NoteParagraph { bullet: false, text }),
                }
            }
        };
        // Stored as people see it: NFC (a Mac writes accents decomposed).
        let text: String = text.strip_prefix('\u{feff}').unwrap_or(text).nfc().collect();
        for (n, raw) in text.lines().enumerate() {
            let line_no = n + 1;
            let line = raw.trim();
            if in_comment {
                in_comment = !line.contains("-->");
                continue;
            }
            if line.starts_with("<!--") {
                in_comment = !line.contains("-->");
                continue;
            }
            if let Some(key) = line.strip_prefix("## ") {
                flush(&current, &mut pending, &mut by_key);
                let key = key.trim().to_string();
                if !SECTION_KEYS.contains(&key.as_str()) && !groups.contains(&key.as_str()) {
                    return Err(NotesError::UnknownKey {
                        at: format!("{file}:{line_no}"),
                        key,
                        keys: SECTION_KEYS
                            .iter()
                            .copied()
                            .chain(groups.iter().copied())
                            .collect::<Vec<_>>()
                            .join(", "),
                    });
                }
                if let Some(first) = first_line.get(&key) {
                    return Err(NotesError::Twice { at: format!("{file}:{line_no}"), key, first: *first });
                }
                first_line.insert(key.clone(), line_no);
                current = Some(key);
                continue;
            }
            if line.starts_with("# ") || line == "#" {
                continue;
            }
            if line.is_empty() {
                flush(&current, &mut pending, &mut by_key);
                continue;
            }
            if current.is_none() {
                return Err(NotesError::BeforeHeading { at: format!("{file}:{line_no}") });
            }
            // A new bullet closes the paragraph (or bullet) before it.
            if line.starts_with("- ") || line.starts_with("* ") {
                flush(&current, &mut pending, &mut by_key);
            }
            pending.push(line.to_string());
        }
        flush(&current, &mut pending, &mut by_key);
        Ok(Notes { by_key })
    }
}

/// Why a notes file is refused (each names the file and line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotesError {
    /// `## KEY` that is neither a section nor a group: `keys` lists them.
    UnknownKey { at: String, key: String, keys: String },
    /// The same `## KEY` twice; `first` is the line of the first.
    Twice { at: String, key: String, first: usize },
    /// Text before the first `## KEY` heading (it would belong nowhere).
    BeforeHeading { at: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_paragraphs_and_bullets() {
        let text = "# Ghi chú sơ kết\n\n<!-- a comment\nover lines -->\n## lanh_dao\nĐã tổ chức hội nghị\nquán triệt.\n\n\
                    - Kế hoạch 79/KH-UBND\n- Công văn 12\n\n## ktn\nNhóm kinh tế.\n";
        let n = Notes::parse(text, "ghi-chu.md", &["ktn"]).unwrap();
        assert_eq!(
            n.get("lanh_dao").unwrap(),
            [
                NoteParagraph { bullet: false, text: "Đã tổ chức hội nghị quán triệt.".into() },
                NoteParagraph { bullet: true, text: "Kế hoạch 79/KH-UBND".into() },
                NoteParagraph { bullet: true, text: "Công văn 12".into() },
            ]
        );
        assert_eq!(n.get("ktn").unwrap().len(), 1);
        assert!(n.get("de_xuat").is_none());
    }

    #[test]
    fn decomposed_accents_are_composed() {
        // "Đề xuất" with its marks decomposed (NFD), as a Mac may save it.
        let nfd: String = "## de_xuat\nĐề xuất\n".nfd().collect();
        let n = Notes::parse(&nfd, "f.md", &[]).unwrap();
        assert_eq!(n.get("de_xuat").unwrap()[0].text, "Đề xuất");
    }

    #[test]
    fn an_empty_section_keeps_its_placeholder() {
        let n = Notes::parse("## de_xuat\n\n## giai_phap\nTăng cường.\n", "f.md", &[]).unwrap();
        assert!(n.get("de_xuat").is_none());
        assert!(n.get("giai_phap").is_some());
    }

    #[test]
    fn unknown_keys_twice_and_stray_text_are_refused_with_their_line() {
        let e = Notes::parse("## lanh_dao\nx\n\n## nguyen_nhan\ny\n", "f.md", &["ktn"]).unwrap_err();
        let NotesError::UnknownKey { at, key, keys } = e else { panic!("{e:?}") };
        assert_eq!((at.as_str(), key.as_str()), ("f.md:4", "nguyen_nhan"));
        assert!(keys.starts_with("lanh_dao, uu_diem") && keys.ends_with(", ktn"), "{keys}");
        let e = Notes::parse("## de_xuat\nx\n## de_xuat\n", "f.md", &[]).unwrap_err();
        assert_eq!(e, NotesError::Twice { at: "f.md:3".into(), key: "de_xuat".into(), first: 1 });
        let e = Notes::parse("\nstray\n## de_xuat\n", "f.md", &[]).unwrap_err();
        assert_eq!(e, NotesError::BeforeHeading { at: "f.md:2".into() });
    }
}
