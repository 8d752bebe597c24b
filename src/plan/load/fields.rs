//! The primitives of the reader: locating a span, reporting a diagnostic,
//! reading one value of an expected type (string, integer, year, number,
//! date, list, table, one of a set of names, an id).

use super::*;

impl<'s> Reader<'s> {
    pub(super) fn err(&mut self, span: Span, message: impl Into<String>, help: Option<String>) {
        self.found.push((span, message.into(), help));
    }

    /// The line and column (1-based, in characters) of byte `offset`.
    pub(super) fn line_column(&self, offset: usize) -> (usize, usize) {
        let start = offset.min(self.src.len());
        let line_start = self.src[..start].rfind('\n').map_or(0, |i| i + 1);
        (self.src[..start].matches('\n').count() + 1, self.src[line_start..start].chars().count() + 1)
    }

    pub(super) fn locate(&self, span: Span, message: String, help: Option<String>) -> Diagnostic {
        let start = span.start.min(self.src.len());
        let line_start = self.src[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.src[start..].find('\n').map_or(self.src.len(), |i| start + i);
        let (line, column) = self.line_column(start);
        let end = span.end.clamp(start, line_end);
        Diagnostic {
            file: self.file.to_string(),
            line,
            column,
            message,
            help,
            source_line: self.src[line_start..line_end].trim_end_matches('\r').to_string(),
            width: self.src[start..end].chars().count(),
        }
    }

    /// Reports keys of `t` that are not in `allowed`, with a suggestion.
    pub(super) fn check_keys(&mut self, t: &Table, allowed: &[&str], what: &str) {
        for (k, _) in t.iter() {
            let key: &str = k.get_ref();
            if !allowed.contains(&key) {
                let help = match suggest(key, allowed.iter().copied()) {
                    Some(s) => tr!("plan-did-you-mean", id = s),
                    None => tr!("plan-takes", what = what, keys = allowed.join(", ")),
                };
                self.err(k.span(), tr!("plan-unknown-key", key = key, what = what), Some(help));
            }
        }
    }

    pub(super) fn get<'t, 'i>(t: &'t Table<'i>, key: &str) -> Option<&'t Value<'i>> {
        t.iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v)
    }

    pub(super) fn missing(&mut self, at: &Span, key: &str, what: &str) {
        self.err(at.start..at.start, tr!("plan-missing-key", key = key, what = what), None);
    }

    /// "`key` must be EXPECTED, found TYPE"; `expected` is a catalogue key
    /// (`plan-expect-…`).
    pub(super) fn type_err(&mut self, v: &Value, key: &str, expected: &str) {
        let found = match v.get_ref().type_str() {
            "string" => tr!("plan-type-string"),
            "integer" => tr!("plan-type-integer"),
            "float" => tr!("plan-type-float"),
            "boolean" => tr!("plan-type-boolean"),
            "array" => tr!("plan-type-array"),
            "table" => tr!("plan-type-table"),
            _ => tr!("plan-type-datetime"),
        };
        let expected = tr!(expected, key = key);
        self.err(v.span(), tr!("plan-wrong-type", key = key, expected = expected, found = found), None);
    }

    pub(super) fn string(&mut self, t: &Table, key: &str) -> Option<(String, Span)> {
        let v = Self::get(t, key)?;
        match v.get_ref().as_str() {
            Some(s) => Some((s.to_string(), v.span())),
            None => {
                self.type_err(v, key, "plan-expect-string");
                None
            }
        }
    }

    pub(super) fn req_string(
        &mut self,
        t: &Table,
        at: &Span,
        key: &str,
        what: &str,
    ) -> Option<(String, Span)> {
        let r = self.string(t, key);
        if r.is_none() && Self::get(t, key).is_none() {
            self.missing(at, key, what);
        }
        r
    }

    pub(super) fn opt_text(&mut self, t: &Table, key: &str) -> Option<String> {
        self.string(t, key).map(|(s, _)| s)
    }

    pub(super) fn int(&mut self, t: &Table, key: &str) -> Option<(i64, Span)> {
        let v = Self::get(t, key)?;
        match int_of(v.get_ref()) {
            Some(i) => Some((i, v.span())),
            None => {
                self.type_err(v, key, "plan-expect-integer");
                None
            }
        }
    }

    pub(super) fn year(&mut self, t: &Table, key: &str) -> Option<(i32, Span)> {
        let (i, span) = self.int(t, key)?;
        if !(1900..=2200).contains(&i) {
            self.err(span, tr!("plan-implausible-year", key = key, year = i.to_string()), None);
            return None;
        }
        Some((i as i32, span))
    }

    pub(super) fn number(&mut self, v: &Value, key: &str) -> Option<f64> {
        let n = match v.get_ref() {
            DeValue::Integer(_) => int_of(v.get_ref()).map(|i| i as f64),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => None,
        };
        match n {
            Some(x) if x.is_finite() => Some(x),
            _ => {
                self.type_err(v, key, "plan-expect-number");
                None
            }
        }
    }

    pub(super) fn date(&mut self, t: &Table, key: &str) -> Option<(NaiveDate, Span)> {
        let v = Self::get(t, key)?;
        let d = match v.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() => {
                dt.date.and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()))
            }
            _ => None,
        };
        if d.is_none() {
            self.err(v.span(), tr!("plan-date", key = key), None);
        }
        d.map(|d| (d, v.span()))
    }

    pub(super) fn strings(&mut self, t: &Table, key: &str) -> Option<Vec<(String, Span)>> {
        let v = Self::get(t, key)?;
        let Some(arr) = v.get_ref().as_array() else {
            self.type_err(v, key, "plan-expect-strings");
            return None;
        };
        let mut out = Vec::new();
        for item in arr.iter() {
            match item.get_ref().as_str() {
                Some(s) => out.push((s.to_string(), item.span())),
                None => self.type_err(item, key, "plan-expect-strings"),
            }
        }
        Some(out)
    }

    pub(super) fn table<'t, 'i>(&mut self, t: &'t Table<'i>, key: &str) -> Option<(&'t Table<'i>, Span)> {
        let v = Self::get(t, key)?;
        match v.get_ref().as_table() {
            Some(tt) => Some((tt, v.span())),
            None => {
                self.type_err(v, key, "plan-expect-table");
                None
            }
        }
    }

    pub(super) fn tables<'t, 'i>(&mut self, t: &'t Table<'i>, key: &str) -> Vec<(&'t Table<'i>, Span)> {
        let Some(v) = Self::get(t, key) else { return vec![] };
        let Some(arr) = v.get_ref().as_array() else {
            self.type_err(v, key, "plan-expect-tables");
            return vec![];
        };
        let mut out = Vec::new();
        for item in arr.iter() {
            match item.get_ref().as_table() {
                Some(tt) => out.push((tt, item.span())),
                None => self.type_err(item, key, "plan-expect-table"),
            }
        }
        out
    }

    pub(super) fn enum_of<T>(
        &mut self,
        t: &Table,
        key: &str,
        parse: fn(&str) -> Option<T>,
        allowed: &[&str],
    ) -> Option<T> {
        let (s, span) = self.string(t, key)?;
        match parse(&s) {
            Some(x) => Some(x),
            None => {
                let help = match suggest(&s, allowed.iter().copied()) {
                    Some(x) => tr!("plan-did-you-mean", id = x),
                    None => tr!("plan-one-of", values = allowed.join(", ")),
                };
                self.err(span, tr!("plan-not-valid", key = key, value = s.as_str()), Some(help));
                None
            }
        }
    }

    pub(super) fn id(&mut self, t: &Table, at: &Span, what: &str, spans: &mut Spans) -> String {
        let Some((id, span)) = self.req_string(t, at, "id", what) else {
            return String::new();
        };
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            let fixed: String =
                id.to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
            self.err(
                span.clone(),
                tr!("plan-bad-id", id = id.as_str()),
                (!fixed.is_empty()).then(|| tr!("plan-write", fixed = fixed.as_str())),
            );
        }
        spans.ids.push((id.clone(), span));
        id
    }

    pub(super) fn agency_ref(&mut self, s: Option<(String, Span)>, spans: &mut Spans) -> Option<String> {
        let (id, span) = s?;
        spans.agency_refs.push((id.clone(), span));
        Some(id)
    }
}

pub(super) fn int_of(v: &DeValue) -> Option<i64> {
    match v {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(src: &str) -> Reader<'_> {
        Reader { src, file: "t.toml", found: Vec::new() }
    }

    /// Lines and columns count characters, not bytes: `é` is two bytes.
    #[test]
    fn line_and_column_of_a_byte_offset() {
        let src = "a = 1\nbé = \"x\"\n";
        let r = reader(src);
        // "a = 1\n" is 6 bytes; "bé = " is 1 + 2 + 3 = 6 bytes: `"x"` starts at byte 12,
        // the 6th character of line 2.
        assert_eq!(r.line_column(12), (2, 6));
        assert_eq!(r.line_column(0), (1, 1));
        // Past the end: the end.
        assert_eq!(r.line_column(1000), (3, 1));
    }

    #[test]
    fn a_diagnostic_quotes_its_line_and_underlines_its_span() {
        let src = "a = 1\r\nbé = \"x\"\n";
        let r = reader(src);
        // `"x"` is bytes 13..16 here ("a = 1\r\n" is 7 bytes).
        let d = r.locate(13..16, "m".into(), Some("h".into()));
        assert_eq!((d.line, d.column, d.width), (2, 6, 3));
        assert_eq!(d.source_line, "bé = \"x\"");
        // A span running past its line is cut at the line's end: 2 characters of `1\r`.
        let d = r.locate(4..9, "m".into(), None);
        assert_eq!((d.line, d.column, d.width, d.source_line.as_str()), (1, 5, 2, "a = 1"));
    }

    #[test]
    fn unknown_keys_get_a_suggestion_or_the_list() {
        crate::i18n::set_lang(Lang::En);
        let (doc, errors) = DeTable::parse_recoverable("titel = \"x\"\nzzz = 1\n");
        assert!(errors.is_empty());
        let mut r = reader("");
        r.check_keys(doc.get_ref(), &["id", "title"], "[plan]");
        let found: Vec<_> = r.found.iter().map(|(s, m, h)| (s.clone(), m.as_str(), h.clone())).collect();
        assert_eq!(found[0].0, 0..5);
        assert_eq!(found[0].1, "unknown key `titel` in [plan]");
        assert_eq!(found[0].2.as_deref(), Some("did you mean `title`?"));
        assert_eq!(found[1].1, "unknown key `zzz` in [plan]");
        assert!(found[1].2.as_deref().is_some_and(|h| h.contains("id, title")), "{:?}", found[1].2);
    }

    #[test]
    fn values_of_the_wrong_type_are_reported_and_skipped() {
        crate::i18n::set_lang(Lang::En);
        let (doc, _) = DeTable::parse_recoverable("n = \"12\"\ny = 1_999\nbig = 3000\n");
        let mut r = reader("");
        assert_eq!(r.int(doc.get_ref(), "n"), None);
        assert_eq!(r.found[0].1, "`n` must be an integer, found string");
        // Underscores are digit separators; 1999 is a plausible year, 3000 is not.
        assert_eq!(r.year(doc.get_ref(), "y").map(|y| y.0), Some(1999));
        assert_eq!(r.year(doc.get_ref(), "big"), None);
        assert_eq!(r.found.len(), 2);
        assert_eq!(r.int(doc.get_ref(), "absent"), None);
        assert_eq!(r.found.len(), 2, "an absent key is no error here");
    }
}
