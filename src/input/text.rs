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

/// `text` trimmed and NFC-normalised, `None` when empty; borrowed when it
/// already is (as nearly every text is).
pub fn clean(text: &str) -> Result<Option<Cow<'_, str>>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Some((at, c)) = t.chars().enumerate().find(|(_, c)| is_refused(*c)) {
        return Err(tr!(
            "input-text-control",
            code = format!("U+{:04X}", c as u32),
            at = (at + 1).to_string()
        ));
    }
    let normal: Cow<'_, str> = match is_nfc_quick(t.chars()) {
        IsNormalized::Yes => Cow::Borrowed(t),
        _ => Cow::Owned(t.nfc().collect()),
    };
    let n = normal.chars().count();
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

    #[test]
    fn nfc_and_trimmed() {
        assert_eq!(clean("  Ghi chu\u{301}  ").unwrap().as_deref(), Some("Ghi chú"));
        assert!(matches!(clean("Ghi chú").unwrap(), Some(Cow::Borrowed(_))));
        assert_eq!(clean("   ").unwrap(), None);
    }

    #[test]
    fn controls_and_long_texts_are_refused() {
        crate::i18n::set_lang(crate::plan::Lang::En);
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
