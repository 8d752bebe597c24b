use super::*;
use proptest::prelude::*;

/// Unicode to TCVN3, the inverse of the decoding table.
fn encode_tcvn3(text: &str) -> String {
    text.nfc().map(|c| TCVN3.iter().find(|(_, to)| *to == c).map_or(c, |(from, _)| *from)).collect()
}

/// Unicode to VNI: each vowel's marks after it, `ơ ư đ` and the `i`/`y`
/// letters of the font as their characters.
fn encode_vni(text: &str) -> String {
    let mut out = String::new();
    for c in text.nfc() {
        if let Some((from, _)) = [
            ('ơ', 'ô'),
            ('ư', 'ö'),
            ('đ', 'ñ'),
            ('ỉ', 'æ'),
            ('ĩ', 'ó'),
            ('ị', 'ò'),
            ('ỵ', 'î'),
            ('Ơ', 'Ô'),
            ('Ư', 'Ö'),
            ('Đ', 'Ñ'),
            ('Ỉ', 'Æ'),
            ('Ĩ', 'Ó'),
            ('Ị', 'Ò'),
            ('Ỵ', 'Î'),
        ]
        .iter()
        .find(|(u, _)| *u == c)
        .map(|(u, v)| (*v, *u))
        {
            out.push(from);
            continue;
        }
        if matches!(c, 'ì' | 'í' | 'Ì' | 'Í') {
            out.push(c);
            continue;
        }
        let mut d = c.to_string().nfd().collect::<Vec<char>>().into_iter();
        let base = d.next().unwrap_or(c);
        let marks: Vec<char> = d.collect();
        let shape = marks.iter().find(|m| matches!(m, '\u{302}' | '\u{306}' | '\u{31B}')).copied();
        let tone = marks.iter().find(|m| !matches!(m, '\u{302}' | '\u{306}' | '\u{31B}')).copied();
        // ơ and ư with a tone: the letter, then the tone.
        let (base, shape) = match (base, shape) {
            ('o', Some('\u{31B}')) => ('ô', None),
            ('O', Some('\u{31B}')) => ('Ô', None),
            ('u', Some('\u{31B}')) => ('ö', None),
            ('U', Some('\u{31B}')) => ('Ö', None),
            other => other,
        };
        out.push(base);
        let mark = match (shape, tone) {
            (None, None) => None,
            (None, Some(t)) => Some(['ù', 'ø', 'û', 'õ', 'ï'][tone_index(t)]),
            (Some('\u{302}'), None) => Some('â'),
            (Some('\u{302}'), Some(t)) => Some(['á', 'à', 'å', 'ã', 'ä'][tone_index(t)]),
            (Some(_), None) => Some('ê'),
            (Some(_), Some(t)) => Some(['é', 'è', 'ú', 'ü', 'ë'][tone_index(t)]),
        };
        out.extend(mark);
    }
    out
}

fn tone_index(t: char) -> usize {
    match t {
        '\u{301}' => 0,
        '\u{300}' => 1,
        '\u{309}' => 2,
        '\u{303}' => 3,
        _ => 4,
    }
}

#[test]
fn the_examples_of_the_issue() {
    let t = legacy_font("NguyÔn V¨n An").unwrap();
    assert_eq!((t.font, t.decoded.as_str()), (Font::Tcvn3, "Nguyễn Văn An"));
    let v = legacy_font("Nguyeãn Vaên An").unwrap();
    assert_eq!((v.font, v.decoded.as_str()), (Font::Vni, "Nguyễn Văn An"));
    // A header typed in .VnTime: "Chỉ tiêu", "Người nhập".
    assert_eq!(legacy_font("ChØ tiªu").map(|l| l.decoded), Some("Chỉ tiêu".into()));
    assert_eq!(legacy_font("Ng\u{AD}êi nhËp").map(|l| l.decoded), Some("Người nhập".into()));
    assert_eq!(legacy_font("Xin chaøo caùc baïn").map(|l| l.decoded), Some("Xin chào các bạn".into()));
    assert_eq!(encode_tcvn3("Nguyễn Văn An"), "NguyÔn V¨n An");
    assert_eq!(encode_vni("Nguyễn Văn An"), "Nguyeãn Vaên An");
    assert_eq!(encode_vni("Xin chào các bạn"), "Xin chaøo caùc baïn");
}

#[test]
fn genuine_text_is_not_legacy() {
    for s in [
        "Nguyễn Văn An",
        "Báo cáo 15/BC-UBND ngày 08/10/2027",
        "Cà phê",
        "Ô tô",
        "Hà Nội",
        "Chị Lan",
        "Phòng Kinh tế",
        "René Müller",
        "François Lefèvre",
        "Zoë Noël",
        "Raphaël",
        "naïve café",
        "José Gómez Muñoz",
        "São Paulo",
        "Søren Kierkegaard",
        "Jürgen Größe",
        "Björk Guðmundsdóttir",
        "Côte d'Ivoire",
        "Acme® © 2026",
        "3×4 m, ½ ha, 25 °C",
        "«Hello» ± 5 µm",
        "plain ASCII text",
        "",
    ] {
        assert_eq!(legacy_font(s), None, "{s}");
    }
}

#[test]
fn syllables() {
    for w in ["nguyễn", "văn", "quốc", "giữa", "gì", "khuya", "nghiêng", "người", "Trường", "an", "ở", "oà"]
    {
        assert!(is_syllable(w), "{w}");
    }
    for w in ["nguyôn", "v¨n", "caùc", "müller", "ren", "ll", "nguyeãn", "tiªu", "chaøo", "hẳng̀"] {
        assert!(!is_syllable(w) || w == "ren", "{w}");
    }
}

/// A Vietnamese syllable: an initial, a vowel group, a final, a tone.
fn syllable() -> impl Strategy<Value = String> {
    let initials = prop::sample::select(vec![
        "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
        "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
    ]);
    let closed = prop::sample::select(vec![
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "iê", "oa", "uô", "ươ", "uyê",
    ]);
    let finals = prop::sample::select(vec!["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]);
    let open = prop::sample::select(vec![
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "oi", "ôi", "ơi", "ui", "ưu", "ươi", "iêu",
    ]);
    let tone = prop::sample::select(vec!["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"]);
    let upper = any::<bool>();
    (
        initials,
        prop_oneof![
            (closed, finals).prop_map(|(v, f)| format!("{v}|{f}")),
            open.prop_map(|v| format!("{v}|"))
        ],
        tone,
        upper,
    )
        .prop_map(|(i, vf, t, upper)| {
            let (v, f) = vf.split_once('|').unwrap();
            // The tone on the group's first vowel (where it goes is no
            // matter to the rule).
            let mut chars = v.chars();
            let first = chars.next().unwrap();
            let word: String = format!("{i}{first}{t}{}{f}", chars.collect::<String>()).nfc().collect();
            if upper {
                let mut c = word.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            } else {
                word
            }
        })
}

fn sentence() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(syllable(), 1..8)
}

proptest! {
    /// Genuine Vietnamese, whatever its words, is never taken for a
    /// legacy font; every generated word is a syllable.
    #[test]
    fn genuine_vietnamese_is_never_legacy(words in sentence()) {
        let text = words.join(" ");
        for w in &words {
            prop_assert!(is_syllable(w), "{}", w);
        }
        prop_assert_eq!(legacy_font(&text), None);
        // Decomposed (NFD) too.
        let nfd: String = text.nfd().collect();
        prop_assert_eq!(legacy_font(&nfd), None);
    }

    /// The same text typed in TCVN3 is found, and decodes back, when a
    /// word holds a letter TCVN3 puts on a symbol (ă â ê ô ơ ư đ, à ả ã á
    /// ạ and the breve tones).
    #[test]
    fn tcvn3_text_is_found(words in sentence()) {
        // Capitals with a tone have no TCVN3 code (they took a font of
        // their own, `.VnTimeH`, on the small letters' codes).
        let text = words.join(" ").to_lowercase();
        let encoded = encode_tcvn3(&text);
        // A lone symbol is no word of either font (`©`; `ă` alone is `¨`):
        // the evidence is a word of two characters or more.
        let symbol = encoded
            .split(' ')
            .filter(|w| w.chars().nth(1).is_some())
            .any(|w| w.chars().any(|c| !c.is_alphabetic() && tcvn3(c).is_some()));
        let found = legacy_font(&encoded);
        if symbol {
            // Some short texts read in both fonts (`aä`); most are TCVN3.
            prop_assert!(found.is_some(), "{}", encoded);
        }
        if let Some(l) = found
            && l.font == Font::Tcvn3
        {
            prop_assert_eq!(l.decoded, text.nfc().collect::<String>());
        }
    }

    /// The same text typed in VNI is found, and decodes back, when a word
    /// has a grave, hook or dot-below tone or a breve (marks that are no
    /// Vietnamese letter).
    #[test]
    fn vni_text_is_found(words in sentence()) {
        let text = words.join(" ");
        let encoded = encode_vni(&text);
        let marked = encoded.chars().any(|c| matches!(c.to_lowercase().next(), Some('ø' | 'û' | 'ï' | 'å' | 'ä' | 'ë' | 'ü' | 'ú' | 'è' | 'é')));
        let found = legacy_font(&encoded);
        if marked {
            prop_assert!(found.is_some(), "{}", encoded);
        }
        if let Some(l) = found
            && l.font == Font::Vni
        {
            prop_assert_eq!(l.decoded, text.nfc().collect::<String>());
        }
    }
}
