//! Reading and checking the amendment keys of `plan.toml` (SPEC §2.1):
//! `[[amendment]]`, `formerly`, `renamed_by`, `[[group.indicator.revision]]`
//! and `added_by`, every problem located (FILE:LINE:COL).

use super::*;

/// Spans of the amendment keys, for the cross-checks.
#[derive(Default)]
pub(super) struct AmendSpans {
    /// (amendment id, span) of each `[[amendment]]`.
    amendments: Vec<(String, Span)>,
    /// (retired id, span) in every `retired`.
    retired: Vec<(String, Span)>,
    /// (old id, span) in every `formerly`.
    formerly: Vec<(String, Span)>,
    /// (amendment id, span) of every reference (`amendment`, `added_by`, `renamed_by`).
    refs: Vec<(String, Span)>,
    /// Every revision's spans.
    revisions: Vec<RevisionSpans>,
}

/// (indicator id, from, span of `from`, spans of milestones by year).
type RevisionSpans = (String, i32, Span, Vec<(i32, Span)>);

/// What an indicator's amendment keys say.
pub(super) struct IndicatorAmend {
    pub formerly: Vec<String>,
    pub renamed_by: Option<String>,
    pub revisions: Vec<Revision>,
    pub added_by: Option<String>,
}

/// The keys an indicator takes besides the original ones.
pub(super) const INDICATOR_KEYS: [&str; 4] = ["formerly", "renamed_by", "revision", "added_by"];

impl Reader<'_> {
    fn amendment_ref(&mut self, t: &Table, key: &str, spans: &mut Spans) -> Option<String> {
        let (id, span) = self.string(t, key)?;
        spans.amend.refs.push((id.clone(), span));
        Some(id)
    }

    /// `added_by` of a task or an indicator.
    pub(super) fn added_by(&mut self, t: &Table, spans: &mut Spans) -> Option<String> {
        self.amendment_ref(t, "added_by", spans)
    }

    /// `[[amendment]]` tables of the root.
    pub(super) fn read_amendments(&mut self, root: &Table, spans: &mut Spans) -> Vec<Amendment> {
        let what = "[[amendment]]";
        let mut out = Vec::new();
        for (t, at) in self.tables(root, "amendment") {
            self.check_keys(t, &["id", "on", "decision", "summary", "retired"], what);
            let Some((id, span)) = self.req_string(t, &at, "id", what) else { continue };
            if !is_id(&id) {
                self.err(span.clone(), tr!("plan-bad-id", id = id.as_str()), None);
            }
            spans.amend.amendments.push((id.clone(), span));
            let on = self.date(t, "on").map(|d| d.0);
            if Self::get(t, "on").is_none() {
                self.missing(&at, "on", what);
            }
            let decision = self.req_string(t, &at, "decision", what).map(|s| s.0);
            let retired = self.strings(t, "retired").unwrap_or_default();
            let mut ids = Vec::new();
            for (r, span) in retired {
                spans.amend.retired.push((r.clone(), span));
                ids.push(r);
            }
            if let (Some(on), Some(decision)) = (on, decision) {
                out.push(Amendment { id, on, decision, summary: self.opt_text(t, "summary"), retired: ids });
            }
        }
        out
    }

    /// `formerly`, `renamed_by`, `added_by` and the revisions of an
    /// indicator whose own target is `target`.
    pub(super) fn read_indicator_amend(
        &mut self,
        t: &Table,
        id: &str,
        plan: &Plan,
        spans: &mut Spans,
    ) -> IndicatorAmend {
        let mut formerly = Vec::new();
        for (old, span) in self.strings(t, "formerly").unwrap_or_default() {
            if !is_id(&old) {
                self.err(span.clone(), tr!("plan-bad-id", id = old.as_str()), None);
            }
            if old == id {
                self.err(span.clone(), tr!("amend-formerly-self", id = id), None);
            }
            spans.amend.formerly.push((old.clone(), span));
            formerly.push(old);
        }
        let renamed_by = self.amendment_ref(t, "renamed_by", spans);
        let added_by = self.added_by(t, spans);
        let mut revisions = Vec::new();
        for (r, at) in self.tables(t, "revision") {
            let what = "[[group.indicator.revision]]";
            self.check_keys(r, &["from", "target", "by", "milestones", "amendment"], what);
            let from = self.year(r, "from");
            if Self::get(r, "from").is_none() {
                self.missing(&at, "from", what);
            }
            let target = self.req_string(r, &at, "target", what).and_then(|(s, span)| {
                match Target::parse(&s, plan.numbers) {
                    Ok(t) => Some(t),
                    Err(e) => {
                        let (msg, help) = match e.split_once('\n') {
                            Some((m, h)) => (m.to_string(), Some(h.to_string())),
                            None => (e, None),
                        };
                        self.err(span, msg, help);
                        None
                    }
                }
            });
            let by = self.year(r, "by");
            if let Some((b, span)) = &by
                && plan.start != 0
                && !plan.years().contains(b)
            {
                self.err(
                    span.clone(),
                    tr!(
                        "plan-by-outside",
                        by = b.to_string(),
                        start = plan.start.to_string(),
                        end = plan.end.to_string()
                    ),
                    None,
                );
            }
            let mut milestone_spans = Vec::new();
            let milestones = self.table(r, "milestones").map(|(m, mspan)| {
                if target.is_some_and(|t| t.is_range()) {
                    self.err(mspan, tr!("plan-milestones-range"), Some(tr!("plan-milestones-range-help")));
                }
                let mut out = BTreeMap::new();
                for (k, v) in m.iter() {
                    let key: &str = k.get_ref();
                    let Some(year) = key.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y)) else {
                        self.err(k.span(), tr!("plan-milestone-key", key = key), None);
                        continue;
                    };
                    if let Some(x) = self.number(v, key) {
                        out.insert(year, x);
                        milestone_spans.push((year, k.span()));
                    }
                }
                out
            });
            let amendment = self.amendment_ref(r, "amendment", spans);
            if Self::get(r, "amendment").is_none() {
                self.missing(&at, "amendment", what);
            }
            if let Some((from, span)) = &from {
                spans.amend.revisions.push((id.to_string(), *from, span.clone(), milestone_spans));
            }
            if let (Some((from, _)), Some(target), Some(amendment)) = (from, target, amendment) {
                revisions.push(Revision { from, target, by: by.map(|b| b.0), milestones, amendment });
            }
        }
        IndicatorAmend { formerly, renamed_by, revisions, added_by }
    }

    /// Cross-checks of SPEC §2.1: amendments named exist and are unique;
    /// an id is never both live and retired, nor live and a `formerly`;
    /// an old id belongs to one indicator; a revision's `from` lies in the
    /// plan's years, is not shared by two revisions of one indicator, and
    /// its milestones lie in years it is in force.
    pub(super) fn validate_amendments(&mut self, plan: &Plan, spans: &Spans) {
        let a = &spans.amend;
        let mut seen: HashSet<&str> = HashSet::new();
        for (id, span) in &a.amendments {
            if !seen.insert(id) {
                self.err(span.clone(), tr!("amend-duplicate", id = id.as_str()), None);
            }
        }
        let known: Vec<&str> = a.amendments.iter().map(|(id, _)| id.as_str()).collect();
        for (id, span) in &a.refs {
            if !known.contains(&id.as_str()) {
                let help = match suggest(id, known.iter().copied()) {
                    Some(s) => tr!("plan-did-you-mean", id = s),
                    None => tr!("amend-unknown-help", id = id.as_str()),
                };
                self.err(span.clone(), tr!("amend-unknown", id = id.as_str()), Some(help));
            }
        }
        let live: HashSet<&str> = spans.ids.iter().map(|(id, _)| id.as_str()).collect();
        let mut retired: HashSet<&str> = HashSet::new();
        for (id, span) in &a.retired {
            if live.contains(id.as_str()) {
                self.err(span.clone(), tr!("amend-retired-live", id = id.as_str()), None);
            }
            if !retired.insert(id) {
                self.err(span.clone(), tr!("amend-retired-twice", id = id.as_str()), None);
            }
        }
        let mut old: HashSet<&str> = HashSet::new();
        for (id, span) in &a.formerly {
            if live.contains(id.as_str()) {
                self.err(span.clone(), tr!("amend-formerly-live", id = id.as_str()), None);
            }
            if retired.contains(id.as_str()) {
                self.err(span.clone(), tr!("amend-formerly-retired", id = id.as_str()), None);
            }
            if !old.insert(id) {
                self.err(span.clone(), tr!("amend-formerly-twice", id = id.as_str()), None);
            }
        }
        let mut froms: HashSet<(&str, i32)> = HashSet::new();
        for (ind, from, span, milestones) in &a.revisions {
            if plan.start != 0 && plan.end != 0 && !plan.years().contains(from) {
                self.err(
                    span.clone(),
                    tr!(
                        "amend-from-outside",
                        from = from.to_string(),
                        start = plan.start.to_string(),
                        end = plan.end.to_string()
                    ),
                    None,
                );
            }
            if !froms.insert((ind, *from)) {
                self.err(
                    span.clone(),
                    tr!("amend-from-twice", id = ind.as_str(), from = from.to_string()),
                    None,
                );
            }
            // In force from `from` until the next revision's.
            let until = a
                .revisions
                .iter()
                .filter(|(i, f, ..)| i == ind && f > from)
                .map(|(_, f, ..)| f - 1)
                .min()
                .unwrap_or(i32::MAX);
            for (year, mspan) in milestones {
                if year < from || *year > until || (plan.start != 0 && !plan.years().contains(year)) {
                    self.err(
                        mspan.clone(),
                        tr!("amend-milestone-outside", year = year.to_string(), from = from.to_string()),
                        None,
                    );
                }
            }
        }
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}
