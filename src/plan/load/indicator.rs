//! `[[group.indicator]]`: what it measures, its target, basis, baseline,
//! milestones, weight and bounds.

use super::*;

impl Reader<'_> {
    pub(super) fn read_indicator(
        &mut self,
        t: &Table,
        at: Span,
        plan: &Plan,
        spans: &mut Spans,
    ) -> Indicator {
        let what = "[[group.indicator]]";
        self.check_keys(
            t,
            &[
                "id",
                "name",
                "unit",
                "measure",
                "every",
                "target",
                "basis",
                "by",
                "baseline",
                "milestones",
                "weight",
                "ratio",
                "growth",
                "note",
                "dhis2",
                "min",
                "max",
                "integer",
                amend::INDICATOR_KEYS[0],
                amend::INDICATOR_KEYS[1],
                amend::INDICATOR_KEYS[2],
                amend::INDICATOR_KEYS[3],
            ],
            what,
        );
        let mut isp = IndicatorSpans::default();
        let id = self.id(t, &at, what, spans);
        let name = self.req_string(t, &at, "name", what).map(|s| s.0).unwrap_or_default();
        let unit = self.opt_text(t, "unit").unwrap_or_default();
        let measure = self.enum_of(t, "measure", parse_measure, &["level", "flow", "rate"]);
        let every = self.enum_of(t, "every", Cadence::parse_name, &["year", "half", "quarter", "month"]);
        let ratio = self.strings(t, "ratio");
        let growth = self.string(t, "growth");
        let derived_span = Self::get(t, "ratio").or(Self::get(t, "growth")).map(|v| v.span());
        let source = match (ratio, growth) {
            (Some(_), Some((_, span))) => {
                self.err(span, tr!("plan-ratio-and-growth"), None);
                None
            }
            (Some(r), None) => {
                if r.len() != 2 {
                    self.err(derived_span.clone().unwrap_or(at.clone()), tr!("plan-ratio-two"), None);
                    None
                } else {
                    Some(Source::Ratio { num: r[0].0.clone(), den: r[1].0.clone() })
                }
            }
            (None, Some((of, _))) => Some(Source::Growth { of }),
            (None, None) => None,
        };
        let source = match source {
            Some(s) => {
                for key in ["measure", "every"] {
                    if let Some(v) = Self::get(t, key) {
                        self.err(v.span(), tr!("plan-derived-remove", key = key), None);
                    }
                }
                isp.derived = derived_span.unwrap_or(at.clone());
                s
            }
            None => {
                let any_derived = Self::get(t, "ratio").is_some() || Self::get(t, "growth").is_some();
                if !any_derived {
                    if Self::get(t, "measure").is_none() {
                        self.err(at.start..at.start, tr!("plan-needs-measure", id = id.as_str()), None);
                    }
                    if Self::get(t, "every").is_none() {
                        self.err(at.start..at.start, tr!("plan-needs-every", id = id.as_str()), None);
                    }
                }
                Source::Recorded {
                    measure: measure.unwrap_or(Measure::Level),
                    every: every.unwrap_or(Cadence::Year),
                }
            }
        };
        let target = self.string(t, "target").and_then(|(s, span)| match Target::parse(&s, plan.numbers) {
            Ok(t) => Some(t),
            Err(e) => {
                let (msg, help) = match e.split_once('\n') {
                    Some((m, h)) => (m.to_string(), Some(h.to_string())),
                    None => (e, None),
                };
                self.err(span, msg, help);
                None
            }
        });
        let basis = self
            .enum_of(t, "basis", parse_basis, &["end", "year", "average", "compound", "cumulative"])
            .unwrap_or(Basis::End);
        let by = self.year(t, "by").map(|(y, span)| {
            isp.by = Some(span);
            y
        });
        let baseline = self.table(t, "baseline").and_then(|(b, bat)| {
            self.check_keys(b, &["year", "value"], "`baseline`");
            let year = self.year(b, "year");
            let value = Self::get(b, "value").and_then(|v| self.number(v, "value"));
            match (year, value) {
                (Some((y, span)), Some(v)) => {
                    isp.baseline_year = Some(span);
                    Some(Baseline { year: y, value: v })
                }
                _ => {
                    if Self::get(b, "year").is_none() || Self::get(b, "value").is_none() {
                        self.err(bat, tr!("plan-baseline-needs"), None);
                    }
                    None
                }
            }
        });
        let mut milestones = BTreeMap::new();
        if let Some((m, mspan)) = self.table(t, "milestones") {
            if target.is_some_and(|t| t.is_range()) {
                self.err(mspan, tr!("plan-milestones-range"), Some(tr!("plan-milestones-range-help")));
            }
            for (k, v) in m.iter() {
                let key: &str = k.get_ref();
                let Some(year) = key.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y)) else {
                    self.err(k.span(), tr!("plan-milestone-key", key = key), None);
                    continue;
                };
                if let Some(x) = self.number(v, key) {
                    milestones.insert(year, x);
                    isp.milestones.push((year, k.span()));
                }
            }
        }
        let weight = match Self::get(t, "weight") {
            Some(v) => match self.number(v, "weight") {
                Some(w) if w > 0.0 => w,
                Some(w) => {
                    self.err(v.span(), tr!("plan-weight", weight = w.to_string()), None);
                    1.0
                }
                None => 1.0,
            },
            None => 1.0,
        };
        let min = Self::get(t, "min").and_then(|v| self.number(v, "min"));
        let max = Self::get(t, "max").and_then(|v| self.number(v, "max"));
        if let (Some(lo), Some(hi), Some(v)) = (min, max, Self::get(t, "max"))
            && hi < lo
        {
            self.err(v.span(), tr!("plan-max-below-min", max = hi.to_string(), min = lo.to_string()), None);
        }
        let integer = match Self::get(t, "integer") {
            Some(v) => match v.get_ref() {
                DeValue::Boolean(b) => *b,
                _ => {
                    self.type_err(v, "integer", "plan-expect-bool");
                    false
                }
            },
            None => false,
        };
        if !matches!(source, Source::Recorded { .. }) {
            for key in ["min", "max", "integer"] {
                if let Some(v) = Self::get(t, key) {
                    self.err(v.span(), tr!("plan-derived-remove", key = key), None);
                }
            }
        }
        let dhis2 = self.dhis2_code(t, &mut isp);
        spans.indicator.insert(id.clone(), isp);
        let am = self.read_indicator_amend(t, &id, plan, spans);
        Indicator {
            formerly: am.formerly,
            renamed_by: am.renamed_by,
            revisions: am.revisions,
            added_by: am.added_by,
            dhis2,
            min,
            max,
            integer,
            note: self.opt_text(t, "note"),
            by_explicit: by.is_some(),
            by: by.unwrap_or(plan.end),
            id,
            name,
            unit,
            source,
            target,
            basis,
            baseline,
            milestones,
            weight,
        }
    }
}

pub(super) fn parse_measure(s: &str) -> Option<Measure> {
    match s {
        "level" => Some(Measure::Level),
        "flow" => Some(Measure::Flow),
        "rate" => Some(Measure::Rate),
        _ => None,
    }
}

pub(super) fn parse_basis(s: &str) -> Option<Basis> {
    match s {
        "end" => Some(Basis::End),
        "year" => Some(Basis::Year),
        "average" => Some(Basis::Average),
        "compound" => Some(Basis::Compound),
        "cumulative" => Some(Basis::Cumulative),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_and_bases_by_their_names() {
        assert_eq!(parse_measure("flow"), Some(Measure::Flow));
        assert_eq!(parse_measure("Flow"), None);
        assert_eq!(parse_basis("cumulative"), Some(Basis::Cumulative));
        assert_eq!(parse_basis("sum"), None);
    }

    #[test]
    fn a_misspelt_measure_is_located_with_a_suggestion() {
        crate::i18n::set_lang(Lang::En);
        let text = "[plan]\nid = \"P\"\ntitle = \"T\"\nstart = 2026\nend = 2030\n[[group]]\nid = \"g\"\nname = \"G\"\n\
                    [[group.indicator]]\nid = \"a\"\nname = \"A\"\nmeasure = \"levl\"\nevery = \"year\"\n";
        let d = crate::plan::load_str(text, "t.toml").diagnostics;
        assert_eq!(d.len(), 1, "{d:?}");
        // Line 12 of the file, the value after `measure = ` (column 11), 6 characters with its quotes.
        assert_eq!((d[0].line, d[0].column, d[0].width), (12, 11, 6));
        assert_eq!(d[0].message, "`measure` = \"levl\" is not valid");
        assert_eq!(d[0].help.as_deref(), Some("did you mean `level`?"));
    }
}
