//! The plan file's tables: `[plan]`, `[agencies]`, `[reporting]`,
//! `[report]`, `[[group]]` and its `[[group.task]]`s.

use super::*;

impl Reader<'_> {
    pub(super) fn read_plan(&mut self, root: &Table, whole: Span) -> (Plan, Spans) {
        let mut spans = Spans::default();
        self.check_keys(
            root,
            &["plan", "agencies", "reporting", "report", "group", "export", "amendment"],
            "the plan file",
        );
        let mut plan = Plan {
            id: String::new(),
            title: String::new(),
            issued_by: None,
            issued_on: None,
            implements: None,
            start: 0,
            end: 0,
            horizon: None,
            lang: Lang::Vi,
            numbers: NumberStyle::Vi,
            dates: DateOrder::Dmy,
            ledger: None,
            agencies: Vec::new(),
            due_days: DueDays::default(),
            groups: Vec::new(),
            dhis2: None,
            document: None,
            amendments: Vec::new(),
            text: String::new(),
            index: HashMap::new(),
        };
        match self.table(root, "plan") {
            None => self.missing(&(0..0), "[plan]", "the plan file"),
            Some((p, at)) => {
                let what = "[plan]";
                self.check_keys(
                    p,
                    &[
                        "id",
                        "title",
                        "issued_by",
                        "issued_on",
                        "implements",
                        "start",
                        "end",
                        "horizon",
                        "lang",
                        "numbers",
                        "dates",
                        "ledger",
                    ],
                    what,
                );
                plan.id = self.req_string(p, &at, "id", what).map(|s| s.0).unwrap_or_default();
                plan.title = self.req_string(p, &at, "title", what).map(|s| s.0).unwrap_or_default();
                plan.issued_by = self.opt_text(p, "issued_by");
                plan.issued_on = self.date(p, "issued_on").map(|d| d.0);
                plan.implements = self.opt_text(p, "implements");
                let start = self.year(p, "start");
                let end = self.year(p, "end");
                if start.is_none() && Self::get(p, "start").is_none() {
                    self.missing(&at, "start", what);
                }
                if end.is_none() && Self::get(p, "end").is_none() {
                    self.missing(&at, "end", what);
                }
                if let (Some((s, ss)), Some((e, es))) = (&start, &end) {
                    spans.start_end = ss.start..es.end;
                    if s > e {
                        self.err(
                            es.clone(),
                            tr!("plan-end-before-start", end = e.to_string(), start = s.to_string()),
                            None,
                        );
                    }
                }
                plan.start = start.map_or(0, |s| s.0);
                plan.end = end.map_or(0, |e| e.0);
                if let Some((h, span)) = self.year(p, "horizon") {
                    if h < plan.end {
                        self.err(
                            span,
                            tr!("plan-horizon", horizon = h.to_string(), end = plan.end.to_string()),
                            None,
                        );
                    }
                    plan.horizon = Some(h);
                }
                plan.lang = self
                    .enum_of(p, "lang", Lang::parse_name, &["vi", "en"])
                    .unwrap_or_else(crate::i18n::env_lang);
                plan.numbers = self
                    .enum_of(p, "numbers", NumberStyle::parse_name, &["vi", "en"])
                    .unwrap_or(NumberStyle::Vi);
                plan.dates =
                    self.enum_of(p, "dates", DateOrder::parse_name, &["dmy", "mdy"]).unwrap_or_default();
                plan.ledger = self.opt_text(p, "ledger");
            }
        }
        if let Some((a, _)) = self.table(root, "agencies") {
            for (k, v) in a.iter() {
                let id: &str = k.get_ref();
                if id.is_empty()
                    || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                {
                    self.err(k.span(), tr!("plan-bad-agency-id", id = id), None);
                }
                match v.get_ref().as_str() {
                    Some(name) => plan.agencies.push((id.to_string(), name.to_string())),
                    None => self.type_err(v, id, "plan-expect-agency-name"),
                }
            }
        }
        if let Some((rep, _)) = self.table(root, "reporting") {
            self.check_keys(rep, &["due_days"], "[reporting]");
            if let Some((dd, _)) = self.table(rep, "due_days") {
                self.check_keys(dd, &["year", "half", "quarter", "month"], "[reporting.due_days]");
                for c in Cadence::ALL {
                    if let Some((n, _)) = self.int(dd, c.name()) {
                        match c {
                            Cadence::Year => plan.due_days.year = n,
                            Cadence::Half => plan.due_days.half = n,
                            Cadence::Quarter => plan.due_days.quarter = n,
                            Cadence::Month => plan.due_days.month = n,
                        }
                    }
                }
            }
        }
        plan.dhis2 = self.read_export(root);
        plan.amendments = self.read_amendments(root, &mut spans);
        if let Some((t, _)) = self.table(root, "report") {
            plan.document = Some(self.read_document_heading(t, &plan.id));
        }
        let groups = self.tables(root, "group");
        if groups.is_empty() && Self::get(root, "group").is_none() {
            self.err(whole.start..whole.start, tr!("plan-no-group"), Some(tr!("plan-add-group")));
        }
        for (g, at) in groups {
            let group = self.read_group(g, at, &plan, &mut spans);
            plan.groups.push(group);
        }
        (plan, spans)
    }

    pub(super) fn read_group(&mut self, g: &Table, at: Span, plan: &Plan, spans: &mut Spans) -> Group {
        let what = "[[group]]";
        self.check_keys(
            g,
            &[
                "id",
                "section",
                "name",
                "goal",
                "content",
                "lead",
                "partners",
                "responsibility",
                "schedule",
                "deliverables",
                "oversight",
                "funding",
                "indicator",
                "task",
            ],
            what,
        );
        let id = self.id(g, &at, what, spans);
        let name = self.req_string(g, &at, "name", what).map(|s| s.0).unwrap_or_default();
        let lead = self.string(g, "lead");
        let lead = self.agency_ref(lead, spans);
        let partners = self.strings(g, "partners").unwrap_or_default();
        let partners = partners.into_iter().filter_map(|p| self.agency_ref(Some(p), spans)).collect();
        let schedule = self.table(g, "schedule").and_then(|(s, sat)| {
            self.check_keys(s, &["start", "end"], "`schedule`");
            let start = self.year(s, "start");
            let end = self.year(s, "end");
            match (start, end) {
                (Some((a, aspan)), Some((b, bspan))) => {
                    for (y, span) in [(a, aspan), (b, bspan.clone())] {
                        if !plan.years().contains(&y) && plan.start != 0 {
                            self.err(
                                span,
                                tr!(
                                    "plan-schedule-year",
                                    year = y.to_string(),
                                    start = plan.start.to_string(),
                                    end = plan.end.to_string()
                                ),
                                None,
                            );
                        }
                    }
                    if a > b {
                        self.err(
                            bspan,
                            tr!("plan-schedule-order", end = b.to_string(), start = a.to_string()),
                            None,
                        );
                    }
                    Some((a, b))
                }
                _ => {
                    self.err(sat, tr!("plan-schedule-needs"), None);
                    None
                }
            }
        });
        let oversight = self.table(g, "oversight").map(|(o, _)| {
            self.check_keys(o, &["by", "every"], "`oversight`");
            let by = self.string(o, "by");
            Oversight {
                by: self.agency_ref(by, spans),
                every: self.enum_of(o, "every", Cadence::parse_name, &["year", "half", "quarter", "month"]),
            }
        });
        let mut group = Group {
            section: self.opt_text(g, "section"),
            goal: self.opt_text(g, "goal"),
            content: self.opt_text(g, "content"),
            responsibility: self.opt_text(g, "responsibility"),
            deliverables: self
                .strings(g, "deliverables")
                .unwrap_or_default()
                .into_iter()
                .map(|s| s.0)
                .collect(),
            funding: self.opt_text(g, "funding"),
            id,
            name,
            lead,
            partners,
            schedule,
            oversight,
            indicators: Vec::new(),
            tasks: Vec::new(),
        };
        for (t, at) in self.tables(g, "indicator") {
            let ind = self.read_indicator(t, at, plan, spans);
            group.indicators.push(ind);
        }
        for (t, at) in self.tables(g, "task") {
            let task = self.read_task(t, at, plan, spans);
            group.tasks.push(task);
        }
        group
    }

    /// `[report]` (SPEC §2): the heading of the review document.
    pub(super) fn read_document_heading(&mut self, t: &Table, plan_id: &str) -> DocumentHeading {
        self.check_keys(
            t,
            &["style", "parent", "issuer", "place", "signer_title", "signer", "recipients"],
            "[report]",
        );
        let texts = |l: &mut Self, key: &str| -> Vec<String> {
            l.strings(t, key).map(|v| v.into_iter().map(|(s, _)| s).collect()).unwrap_or_default()
        };
        DocumentHeading {
            style: self
                .enum_of(t, "style", DocumentStyle::parse_name, &["party", "state"])
                .unwrap_or_else(|| DocumentStyle::of_plan_number(plan_id)),
            parent: self.opt_text(t, "parent"),
            issuer: self.opt_text(t, "issuer"),
            place: self.opt_text(t, "place"),
            signer_title: texts(self, "signer_title"),
            signer: self.opt_text(t, "signer"),
            recipients: texts(self, "recipients"),
        }
    }

    pub(super) fn read_task(&mut self, t: &Table, at: Span, plan: &Plan, spans: &mut Spans) -> Task {
        let what = "[[group.task]]";
        self.check_keys(
            t,
            &["id", "name", "lead", "partners", "deliverable", "due", "note", "added_by"],
            what,
        );
        let id = self.id(t, &at, what, spans);
        let name = self.req_string(t, &at, "name", what).map(|s| s.0).unwrap_or_default();
        let lead = self.string(t, "lead");
        let lead = self.agency_ref(lead, spans);
        let partners = self.strings(t, "partners").unwrap_or_default();
        let partners = partners.into_iter().filter_map(|p| self.agency_ref(Some(p), spans)).collect();
        let due = self.date(t, "due").map(|(d, span)| {
            spans.task_due.insert(id.clone(), span);
            d
        });
        let _ = plan;
        Task {
            added_by: self.added_by(t, spans),
            deliverable: self.opt_text(t, "deliverable"),
            note: self.opt_text(t, "note"),
            id,
            name,
            lead,
            partners,
            due,
        }
    }
}
