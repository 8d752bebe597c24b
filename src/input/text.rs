//! Free text people type (SPEC §4 "Figures"): `by`, `source`, `note` and
//! the `--reason` of a correction or void. The one place that decides what
//! such a text may hold.
//!
//! A text is trimmed and stored NFC-normalised, so that `Người nhập` typed
//! on one keyboard (precomposed) and pasted from another program
//! (decomposed) are the same text. Control characters (a NUL, a terminal
//! escape sequence, a line break) are refused, as are the bidirectional
//! overrides that make a text print other than it reads; so is a text
//! over [`MAX_CHARS`] characters.

use crate::tr;
use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The longest text kept, in characters.
pub const MAX_CHARS: usize = 2000;

/// The characters refused inside a text: Unicode's controls, and the
/// bidirectional embeddings, overrides and isolates.
pub fn is_refused(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Below this every character is its own NFC form and combines with
/// nothing (Unicode's NFC_Quick_Check is Yes and the combining class 0
/// for all of U+0000–U+02FF): a text of only such characters is NFC.
const FIRST_COMBINING: char = '\u{300}';

/// The precomposed Vietnamese letters (`Ạ` … `ỹ`): each is its own NFC
/// form and combines with nothing that follows (NFC_Quick_Check Yes,
/// combining class 0, as for everything below [`FIRST_COMBINING`]), so a
/// Vietnamese name needs no look-up in the normalisation tables.
const VIETNAMESE_LETTERS: std::ops::RangeInclusive<char> = '\u{1EA0}'..='\u{1EF9}';

/// `s` without the white space around it, as `str::trim` gives it, but
/// at once for text that starts and ends with a visible ASCII character
/// (nearly every cell of a file: an import trims several per row).
#[inline]
pub fn trim(s: &str) -> &str {
    match s.as_bytes() {
        [] => s,
        [first, .., last] | [first @ last] if first.is_ascii_graphic() && last.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// `text` trimmed and NFC-normalised, `None` when empty; borrowed when it
/// already is (as nearly every text is).
///
/// Errors (in the catalogue's words): a refused character, with its code
/// point and 1-based position; more than [`MAX_CHARS`] characters.
pub fn clean(text: &str) -> Result<Option<Cow<'_, str>>, String> {
    let t = trim(text);
    if t.is_empty() {
        return Ok(None);
    }
    // One pass: refused characters, the count, and whether the Unicode
    // normalisation tables need asking at all (an import cleans two or
    // three texts per row).
    let mut chars = 0;
    let mut may_combine = false;
    for c in t.chars() {
        chars += 1;
        if is_refused(c) {
            return Err(tr!(
                "input-text-control",
                code = format!("U+{:04X}", c as u32),
                at = chars.to_string()
            ));
        }
        may_combine |= c >= FIRST_COMBINING && !VIETNAMESE_LETTERS.contains(&c);
    }
    let normal: Cow<'_, str> = if !may_combine {
        Cow::Borrowed(t)
    } else {
        match is_nfc_quick(t.chars()) {
            IsNormalized::Yes => Cow::Borrowed(t),
            _ => Cow::Owned(t.nfc().collect()),
        }
    };
    let n = if matches!(normal, Cow::Borrowed(_)) { chars } else { normal.chars().count() };
    if n > MAX_CHARS {
        return Err(tr!("input-text-too-long", n = n.to_string(), max = MAX_CHARS.to_string()));
    }
    Ok(Some(normal))
}

/// As [`clean`], owned.
pub fn clean_owned(text: &str) -> Result<Option<String>, String> {
    clean(text).map(|o| o.map(Cow::into_owned))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `clean` assumes of the letters it passes without asking the
    /// normalisation tables, checked against them.
    #[test]
    fn vietnamese_letters_are_nfc_and_combine_with_nothing() {
        use unicode_normalization::char::canonical_combining_class;
        for c in ('\u{0}'..FIRST_COMBINING).chain(VIETNAMESE_LETTERS) {
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
            assert!(matches!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes), "U+{:04X}", c as u32);
        }
        // Typed decomposed (e + circumflex + tilde), a name is composed.
        assert_eq!(clean("Nguye\u{302}\u{303}n").unwrap().as_deref(), Some("Nguyễn"));
        assert!(matches!(clean("Nguyễn Thị Hoa").unwrap(), Some(Cow::Borrowed("Nguyễn Thị Hoa"))));
    }

    #[test]
    fn nfc_and_trimmed() {
        assert_eq!(clean("  Ghi chu\u{301}  ").unwrap().as_deref(), Some("Ghi chú"));
        assert!(matches!(clean("Ghi chú").unwrap(), Some(Cow::Borrowed(_))));
        assert_eq!(clean("   ").unwrap(), None);
    }

    #[test]
    fn texts_without_combining_characters_are_nfc_as_they_are() {
        // The shortcut's premise, checked against the library over the
        // whole range it skips.
        for c in ('\0'..FIRST_COMBINING).filter(|c| !is_refused(*c)) {
            let s = format!("a{c}b");
            assert_eq!(is_nfc_quick(s.chars()), IsNormalized::Yes, "U+{:04X}", c as u32);
            assert_eq!(s.nfc().collect::<String>(), s, "U+{:04X}", c as u32);
        }
        assert!(matches!(clean("Báo cáo 15/BC-UBND").unwrap(), Some(Cow::Borrowed(_))));
        // The first combining mark is asked about, and composed.
        assert_eq!(clean("Ba\u{301}o ca\u{301}o").unwrap().as_deref(), Some("Báo cáo"));
        assert_eq!(clean("Nguye\u{302}\u{303}n").unwrap().as_deref(), Some("Nguyễn"));
    }

    #[test]
    fn controls_and_long_texts_are_refused() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        for s in ["a\0b", "x\u{1b}[31mred", "two\nlines", "a\u{7f}", "a\u{202E}b", "a\u{9b}b"] {
            let e = clean(s).unwrap_err();
            assert!(e.contains("U+"), "{s:?}: {e}");
        }
        assert!(clean(&"a".repeat(MAX_CHARS)).is_ok());
        let e = clean(&"á".repeat(MAX_CHARS + 1)).unwrap_err();
        assert!(e.contains("2001"), "{e}");
        // Tabs inside are controls too; around the text they are trimmed.
        assert!(clean("\tnote\t").is_ok());
    }
}
