//! Text typed in a legacy Vietnamese font encoding (SPEC §4.1 "Cells",
//! §6): the one place that tells such text from genuine Unicode, for every
//! path that reads text from a file (CSV cells, workbook cells, headers).
//!
//! Before Unicode, Vietnamese offices typed with fonts that put the
//! Vietnamese letters on the code points of other characters. The text a
//! spreadsheet keeps is those other characters:
//!
//! - **TCVN3 (ABC)**, the `.VnTime` fonts: each Vietnamese letter is one
//!   Latin-1 character (`ă` is `¨`, `ễ` is `Ô`, `ư` is a soft hyphen), so
//!   `Nguyễn Văn An` is kept as `NguyÔn V¨n An`;
//! - **VNI** (`VNI-Times`): a vowel followed by a Latin-1 character for its
//!   marks (`ễ` is `eã`, `ă` is `aê`, `à` is `aø`), and `ơ ư đ` as `ô ö ñ`,
//!   so `Nguyễn Văn An` is kept as `Nguyeãn Vaên An`.
//!
//! The rule works word by word. A word that holds a Latin-1 character is
//! decoded as if typed in each font; it is *evidence* for a font when it is
//! not a Vietnamese syllable as it stands but is one once decoded, and
//! *against* the font when its decoding is no syllable either (a French
//! or German name). Text is legacy when a font has evidence and more of it
//! than words against it. Text holding any letter that only Unicode
//! Vietnamese has (`ă đ ơ ư ĩ ũ`, the letters of U+1EA0–U+1EF9, combining
//! marks) is genuine; so is a word that is already a syllable (`Hà`, `tô`):
//! it is never evidence, whatever its decoding. A syllable is an initial
//! consonant, a vowel group Vietnamese has, at most one tone and a final
//! consonant that may follow it ([`is_syllable`]).

use unicode_normalization::UnicodeNormalization;

/// A legacy Vietnamese font encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    /// TCVN 5712 VN3, the ABC fonts (`.VnTime`, `.VnArial`).
    Tcvn3,
    /// VNI Windows (`VNI-Times`).
    Vni,
}

impl Font {
    /// How messages name it.
    pub fn name(self) -> &'static str {
        match self {
            Font::Tcvn3 => "TCVN3 (ABC, .VnTime)",
            Font::Vni => "VNI (VNI-Times)",
        }
    }

    /// The name of the source encoding in Unikey's converter.
    pub fn unikey(self) -> &'static str {
        match self {
            Font::Tcvn3 => "TCVN3 (ABC)",
            Font::Vni => "VNI Windows",
        }
    }
}

/// Text found typed in a legacy font, and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Legacy {
    pub font: Font,
    /// The text decoded to Unicode (NFC).
    pub decoded: String,
}

/// The refusal of a text typed in a legacy font (SPEC §4.1): what it
/// reads as, and how to convert it (Unikey's converter); `Ok` for any other
/// text. Every path that reads text from a file calls this.
pub fn check(text: &str) -> Result<(), String> {
    match legacy_font(text) {
        None => Ok(()),
        Some(l) => {
            let shown = |s: &str| -> String {
                let mut t: String = s.chars().take(60).collect();
                if s.chars().nth(60).is_some() {
                    t.push('…');
                }
                t
            };
            Err(crate::tr!(
                "input-legacy-font",
                text = shown(text.trim()),
                font = l.font.name(),
                decoded = shown(l.decoded.trim()),
                unikey = l.font.unikey()
            ))
        }
    }
}

/// Whether `text` holds a Latin-1 letter (U+0080–U+00FF, the UTF-8
/// sequences that start with C2 or C3): text without one is never in a
/// legacy font ([`legacy_font`] is `None` for it).
pub fn may_be_legacy(text: &str) -> bool {
    // ASCII (most cells) is told word by word, faster than a search.
    !text.is_ascii() && memchr::memchr2(0xC2, 0xC3, text.as_bytes()).is_some()
}

/// Whether `text` was typed in a legacy Vietnamese font (see the module
/// documentation for the rule); `None` for genuine Unicode and ordinary
/// text. Cheap for text without Latin-1 letters (nearly every cell).
pub fn legacy_font(text: &str) -> Option<Legacy> {
    if !may_be_legacy(text) {
        return None;
    }
    if text.chars().any(is_unicode_vietnamese) {
        return None;
    }
    let mut score = [(0u32, 0u32); 2];
    for word in words(text) {
        // A lone symbol (`©`, `×` in `3×4`) is no word of either font.
        if word.is_ascii() || word.chars().nth(1).is_none() {
            continue;
        }
        // A word that reads as Vietnamese as typed ("Báo", "cáo") is
        // evidence for neither font: no need to decode it (most words of a
        // genuine file; decoding each cost an import of 1,000,000 rows
        // with a source column 2.4 s of CPU).
        if is_syllable(word) {
            continue;
        }
        for (k, decode) in [decode_tcvn3, decode_vni].into_iter().enumerate() {
            let decoded = decode(word);
            let good = is_syllable(&decoded);
            if good && decoded != word {
                score[k].0 += 1;
            } else if !good {
                score[k].1 += 1;
            }
        }
    }
    let fits = |(evidence, against): (u32, u32)| evidence > 0 && evidence > against;
    let font = match (fits(score[0]), fits(score[1])) {
        // Both read: the one with more words; on a tie VNI when its marks
        // joined vowels (`aä` is `ậ` in VNI, `aọ` in TCVN3).
        (true, true) if score[1].0 > score[0].0 => Font::Vni,
        (true, true)
            if score[1].0 == score[0].0 && decode_vni(text).chars().count() < text.chars().count() =>
        {
            Font::Vni
        }
        (true, _) => Font::Tcvn3,
        (false, true) => Font::Vni,
        (false, false) => return None,
    };
    let decoded = match font {
        Font::Tcvn3 => decode_tcvn3(text),
        Font::Vni => decode_vni(text),
    };
    Some(Legacy { font, decoded })
}

/// A letter only Unicode Vietnamese writes (never a legacy font's text).
fn is_unicode_vietnamese(c: char) -> bool {
    matches!(c, 'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư')
        || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
        || ('\u{300}'..='\u{323}').contains(&c)
}

/// The words of `text`: runs of letters and of the characters TCVN3 uses
/// for letters (`¨`, the soft hyphen, …).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphabetic() || tcvn3(c).is_some())).filter(|w| !w.is_empty())
}

/// TCVN3 code points (as Windows-1252/Latin-1 shows them) and the letters
/// they stand for.
const TCVN3: [(char, char); 74] = [
    ('µ', 'à'),
    ('¸', 'á'),
    ('¶', 'ả'),
    ('·', 'ã'),
    ('¹', 'ạ'),
    ('¨', 'ă'),
    ('»', 'ằ'),
    ('¾', 'ắ'),
    ('¼', 'ẳ'),
    ('½', 'ẵ'),
    ('Æ', 'ặ'),
    ('©', 'â'),
    ('Ç', 'ầ'),
    ('Ê', 'ấ'),
    ('È', 'ẩ'),
    ('É', 'ẫ'),
    ('Ë', 'ậ'),
    ('®', 'đ'),
    ('Ì', 'è'),
    ('Ð', 'é'),
    ('Î', 'ẻ'),
    ('Ï', 'ẽ'),
    ('Ñ', 'ẹ'),
    ('ª', 'ê'),
    ('Ò', 'ề'),
    ('Õ', 'ế'),
    ('Ó', 'ể'),
    ('Ô', 'ễ'),
    ('Ö', 'ệ'),
    ('×', 'ì'),
    ('Ý', 'í'),
    ('Ø', 'ỉ'),
    ('Ü', 'ĩ'),
    ('Þ', 'ị'),
    ('ß', 'ò'),
    ('ã', 'ó'),
    ('á', 'ỏ'),
    ('â', 'õ'),
    ('ä', 'ọ'),
    ('«', 'ô'),
    ('å', 'ồ'),
    ('è', 'ố'),
    ('æ', 'ổ'),
    ('ç', 'ỗ'),
    ('é', 'ộ'),
    ('¬', 'ơ'),
    ('ê', 'ờ'),
    ('í', 'ớ'),
    ('ë', 'ở'),
    ('ì', 'ỡ'),
    ('î', 'ợ'),
    ('ï', 'ù'),
    ('ó', 'ú'),
    ('ñ', 'ủ'),
    ('ò', 'ũ'),
    ('ô', 'ụ'),
    ('\u{AD}', 'ư'),
    ('õ', 'ừ'),
    ('ø', 'ứ'),
    ('ö', 'ử'),
    ('÷', 'ữ'),
    ('ù', 'ự'),
    ('ú', 'ỳ'),
    ('ý', 'ý'),
    ('û', 'ỷ'),
    ('ü', 'ỹ'),
    ('þ', 'ỵ'),
    ('¡', 'Ă'),
    ('¢', 'Â'),
    ('§', 'Đ'),
    ('£', 'Ê'),
    ('¤', 'Ô'),
    ('¥', 'Ơ'),
    ('¦', 'Ư'),
];

fn tcvn3(c: char) -> Option<char> {
    if !('\u{A0}'..='\u{FF}').contains(&c) {
        return None;
    }
    TCVN3.iter().find(|(from, _)| *from == c).map(|(_, to)| *to)
}

/// `text` read as TCVN3: every code point of the font as its letter.
pub fn decode_tcvn3(text: &str) -> String {
    text.chars().map(|c| tcvn3(c).unwrap_or(c)).collect()
}

/// The marks a VNI character adds to the vowel before it: (circumflex or
/// breve, tone), as combining characters.
fn vni_marks(c: char) -> Option<(Option<char>, Option<char>)> {
    const CIRC: char = '\u{302}';
    const BREVE: char = '\u{306}';
    let (grave, acute, hook, tilde, dot) = ('\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}');
    Some(match c.to_lowercase().next()? {
        'ù' => (None, Some(acute)),
        'ø' => (None, Some(grave)),
        'û' => (None, Some(hook)),
        'õ' => (None, Some(tilde)),
        'ï' => (None, Some(dot)),
        'â' => (Some(CIRC), None),
        'á' => (Some(CIRC), Some(acute)),
        'à' => (Some(CIRC), Some(grave)),
        'å' => (Some(CIRC), Some(hook)),
        'ã' => (Some(CIRC), Some(tilde)),
        'ä' => (Some(CIRC), Some(dot)),
        'ê' => (Some(BREVE), None),
        'é' => (Some(BREVE), Some(acute)),
        'è' => (Some(BREVE), Some(grave)),
        'ú' => (Some(BREVE), Some(hook)),
        'ü' => (Some(BREVE), Some(tilde)),
        'ë' => (Some(BREVE), Some(dot)),
        _ => return None,
    })
}

/// VNI characters that are letters on their own.
fn vni_letter(c: char) -> Option<char> {
    Some(match c {
        'ô' => 'ơ',
        'Ô' => 'Ơ',
        'ö' => 'ư',
        'Ö' => 'Ư',
        'ñ' => 'đ',
        'Ñ' => 'Đ',
        'æ' => 'ỉ',
        'Æ' => 'Ỉ',
        'ó' => 'ĩ',
        'Ó' => 'Ĩ',
        'ò' => 'ị',
        'Ò' => 'Ị',
        'î' => 'ỵ',
        'Î' => 'Ỵ',
        _ => return None,
    })
}

/// `text` read as VNI: a mark character after a vowel that takes it joins
/// that vowel; `ô ö ñ` (and the `i`/`y` letters of the font) are letters.
pub fn decode_vni(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // The base letter of the last vowel written, if the last character was one.
    let mut vowel: Option<char> = None;
    for c in text.chars() {
        if let (Some(v), Some((shape, tone))) = (vowel, vni_marks(c)) {
            let shape_ok = match shape {
                Some('\u{302}') => matches!(v, 'a' | 'e' | 'o'),
                Some(_) => v == 'a',
                None => true,
            };
            if shape_ok {
                out.extend(shape);
                out.extend(tone);
                vowel = None;
                continue;
            }
        }
        let c = vni_letter(c).unwrap_or(c);
        out.push(c);
        let base = c.to_lowercase().nfd().next().unwrap_or(c);
        vowel = matches!(base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y').then_some(base);
    }
    out.nfc().collect()
}

/// Initial consonants, longest first.
const INITIALS: [&str; 28] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k",
    "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// Vowel groups that take a final consonant (or none).
const CLOSABLE: [&str; 31] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "iê", "yê", "oa", "oă", "oe", "oo", "uâ",
    "uê", "uô", "uơ", "ươ", "uy", "uyê", "oo", "ia", "ua", "ưa", "uya", "ya",
];

/// Vowel groups that end in a glide: no final consonant after them.
const OPEN: [&str; 25] = [
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu", "iêu", "yêu",
    "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu",
];

const FINALS: [&str; 9] = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];

/// Whether `word` is one Vietnamese syllable (any case, NFC or NFD): an
/// initial consonant, a vowel group Vietnamese has, a final that may follow
/// it, and at most one tone mark.
pub fn is_syllable(word: &str) -> bool {
    let mut letters = String::with_capacity(word.len());
    let mut tones = 0;
    for c in word.nfd() {
        let c = c.to_lowercase().next().unwrap_or(c);
        match c {
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => tones += 1,
            '\u{302}' | '\u{306}' | '\u{31B}' => {
                let shaped = match (letters.pop(), c) {
                    (Some('a'), '\u{302}') => 'â',
                    (Some('e'), '\u{302}') => 'ê',
                    (Some('o'), '\u{302}') => 'ô',
                    (Some('a'), '\u{306}') => 'ă',
                    (Some('o'), '\u{31B}') => 'ơ',
                    (Some('u'), '\u{31B}') => 'ư',
                    _ => return false,
                };
                letters.push(shaped);
            }
            'a'..='z' if !matches!(c, 'f' | 'j' | 'w' | 'z') => letters.push(c),
            'đ' => letters.push(c),
            _ => return false,
        }
    }
    if tones > 1 || letters.is_empty() {
        return false;
    }
    let is_vowel = |c: char| "aăâeêioôơuưy".contains(c);
    INITIALS.iter().filter(|i| letters.starts_with(*i)).any(|initial| {
        let rest = &letters[initial.len()..];
        let split = rest.find(|c: char| !is_vowel(c)).unwrap_or(rest.len());
        let (vowels, last) = rest.split_at(split);
        !vowels.is_empty()
            && FINALS.contains(&last)
            && (CLOSABLE.contains(&vowels) || (last.is_empty() && OPEN.contains(&vowels)))
    })
}

#[cfg(test)]
mod tests;
