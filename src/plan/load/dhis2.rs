//! The DHIS2 parts of the plan file: indicator codes, `[export.dhis2]`,
//! and their cross-checks.

use super::*;

/// `dhis2` codes and `[export.dhis2]` (SPEC §2, §4.3).
impl Reader<'_> {
    /// A DHIS2 identifier: not empty, no spaces at its ends, no control
    /// characters (DHIS2 codes are at most 50 characters; UIDs are 11).
    pub(super) fn dhis2_id(&mut self, t: &Table, key: &str) -> Option<(String, Span)> {
        let (s, span) = self.string(t, key)?;
        if s.trim().is_empty() || s.trim() != s || s.chars().any(char::is_control) || s.chars().count() > 50 {
            self.err(span, crate::tr!("dhis2-plan-bad-id", key = key, value = s.as_str()), None);
            return None;
        }
        Some((s, span))
    }

    /// `dhis2` on an indicator; its span is kept for the cross-checks.
    pub(super) fn dhis2_code(&mut self, t: &Table, isp: &mut IndicatorSpans) -> Option<String> {
        let (code, span) = self.dhis2_id(t, "dhis2")?;
        isp.dhis2 = Some(span);
        Some(code)
    }

    /// `[export.dhis2]`: `org_unit` (required) and `data_set`.
    pub(super) fn read_export(&mut self, root: &Table) -> Option<Dhis2Target> {
        let (export, _) = self.table(root, "export")?;
        self.check_keys(export, &["dhis2"], "[export]");
        let (t, at) = self.table(export, "dhis2")?;
        let what = "[export.dhis2]";
        self.check_keys(t, &["org_unit", "data_set"], what);
        let data_set = self.dhis2_id(t, "data_set").map(|s| s.0);
        if Self::get(t, "org_unit").is_none() {
            self.missing(&at, "org_unit", what);
        }
        let (org_unit, _) = self.dhis2_id(t, "org_unit")?;
        Some(Dhis2Target { org_unit, data_set })
    }

    /// A `dhis2` code maps one indicator, which is recorded: a derived one
    /// is not exported (DHIS2 computes its own), and two indicators with one
    /// code could not be told apart on import.
    pub(super) fn validate_dhis2(&mut self, plan: &Plan, spans: &Spans) {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for ind in plan.indicators() {
            let (Some(code), Some(span)) =
                (&ind.dhis2, spans.indicator.get(&ind.id).and_then(|s| s.dhis2.clone()))
            else {
                continue;
            };
            if ind.is_derived() {
                self.err(span.clone(), crate::tr!("dhis2-plan-derived", id = ind.id.as_str()), None);
            }
            if let Some(other) = seen.insert(code, &ind.id) {
                self.err(
                    span,
                    crate::tr!(
                        "dhis2-plan-duplicate",
                        code = code.as_str(),
                        other = other,
                        id = ind.id.as_str()
                    ),
                    None,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::load_str;
    use crate::settings::Lang;

    const HEAD: &str =
        "[plan]\nid = \"P\"\ntitle = \"T\"\nstart = 2026\nend = 2030\n[[group]]\nid = \"g\"\nname = \"G\"\n";

    fn messages(body: &str) -> Vec<String> {
        crate::i18n::set_lang(Lang::En);
        load_str(&format!("{HEAD}{body}"), "t.toml").diagnostics.into_iter().map(|d| d.message).collect()
    }

    fn recorded(id: &str, code: &str) -> String {
        format!(
            "[[group.indicator]]\nid = \"{id}\"\nname = \"N\"\nmeasure = \"flow\"\nevery = \"year\"\ndhis2 = \"{code}\"\n"
        )
    }

    #[test]
    fn a_code_is_trimmed_text_of_at_most_50_characters() {
        assert_eq!(messages(&recorded("a", "DE_1")), Vec::<String>::new());
        let m = messages(&recorded("a", " DE_1"));
        assert_eq!(m.len(), 1);
        assert!(m[0].starts_with("`dhis2` = \" DE_1\" is not a DHIS2 identifier"), "{m:?}");
        assert_eq!(messages(&recorded("a", &"x".repeat(51))).len(), 1);
        assert_eq!(messages(&recorded("a", &"x".repeat(50))), Vec::<String>::new());
    }

    #[test]
    fn two_indicators_cannot_share_a_code() {
        let m = messages(&format!("{}{}", recorded("a", "DE"), recorded("b", "DE")));
        assert_eq!(
            m,
            ["DHIS2 data element `DE` is already the code of `a`: `b` needs a data element of its own"]
        );
    }

    #[test]
    fn the_export_target_needs_an_org_unit() {
        let m = messages("[export.dhis2]\ndata_set = \"KH\"\n");
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("org_unit"), "{m:?}");
    }
}
