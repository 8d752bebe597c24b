//! Cross-checks once the whole file is read: unique ids, agency
//! references, derived indicators and their cycles, years inside the plan.

use super::*;

impl Reader<'_> {
    /// Cross-checks: unique ids, agency references, derived indicators,
    /// years inside the plan.
    pub(super) fn validate(&mut self, plan: &Plan, spans: &Spans) {
        let mut seen: HashMap<&str, ()> = HashMap::new();
        for (id, span) in &spans.ids {
            if id.is_empty() {
                continue;
            }
            if seen.insert(id, ()).is_some() {
                self.err(
                    span.clone(),
                    tr!("plan-duplicate-id", id = id.as_str()),
                    Some(tr!("plan-rename", id = id.as_str())),
                );
            }
        }
        let agencies: Vec<&str> = plan.agencies.iter().map(|(a, _)| a.as_str()).collect();
        for (id, span) in &spans.agency_refs {
            if !agencies.contains(&id.as_str()) {
                let help = match suggest(id, agencies.iter().copied()) {
                    Some(s) => tr!("plan-agency-did-you-mean", id = s),
                    None => tr!("plan-agency-add", id = id.as_str()),
                };
                self.err(span.clone(), tr!("plan-unknown-agency", id = id.as_str()), Some(help));
            }
        }
        // With `start` or `end` unreadable (already reported), year checks
        // would only repeat that error.
        let years_known = plan.start != 0 && plan.end != 0;
        let years = if years_known { plan.years() } else { i32::MIN..=i32::MAX };
        let indicators: HashMap<&str, &Indicator> = plan.indicators().map(|i| (i.id.as_str(), i)).collect();
        let all_ids: Vec<&str> = indicators.keys().copied().collect();
        for ind in plan.indicators() {
            let Some(isp) = spans.indicator.get(&ind.id) else { continue };
            if let Some(span) = &isp.by
                && !years.contains(&ind.by)
            {
                self.err(
                    span.clone(),
                    tr!(
                        "plan-by-outside",
                        by = ind.by.to_string(),
                        start = plan.start.to_string(),
                        end = plan.end.to_string()
                    ),
                    None,
                );
            }
            for (year, span) in &isp.milestones {
                if !years.contains(year) {
                    self.err(
                        span.clone(),
                        tr!(
                            "plan-milestone-outside",
                            year = year.to_string(),
                            start = plan.start.to_string(),
                            end = plan.end.to_string()
                        ),
                        None,
                    );
                }
            }
            if let (Some(b), Some(span)) = (ind.baseline, &isp.baseline_year)
                && years_known
                && (b.year > plan.end || b.year >= ind.by)
            {
                self.err(
                    span.clone(),
                    tr!("plan-baseline-order", year = b.year.to_string(), by = ind.by.to_string()),
                    None,
                );
            }
            for input in ind.inputs() {
                match indicators.get(input) {
                    None => {
                        let help =
                            suggest(input, all_ids.iter().copied()).map(|s| tr!("plan-did-you-mean", id = s));
                        self.err(
                            isp.derived.clone(),
                            tr!("plan-unknown-input", id = ind.id.as_str(), input = input),
                            help,
                        );
                    }
                    Some(src) if matches!(ind.source, Source::Growth { .. }) && src.is_derived() => {
                        self.err(isp.derived.clone(), tr!("plan-growth-derived", input = input), None);
                    }
                    Some(_) if input == ind.id => {
                        self.err(isp.derived.clone(), tr!("plan-self", id = ind.id.as_str()), None);
                    }
                    Some(_) => {}
                }
            }
        }
        // Cycles among ratios (growth sources are recorded, so cannot loop).
        for ind in plan.indicators().filter(|i| i.is_derived()) {
            if let Some(path) = find_cycle(&ind.id, &indicators)
                && let Some(isp) = spans.indicator.get(&ind.id)
                && path.len() > 2
            {
                self.err(isp.derived.clone(), tr!("plan-cycle", path = path.join(" → ")), None);
            }
        }
        if !years_known {
            return;
        }
        let first = NaiveDate::from_ymd_opt(plan.start, 1, 1);
        let last = NaiveDate::from_ymd_opt(plan.end, 12, 31);
        for task in plan.groups.iter().flat_map(|g| &g.tasks) {
            if let (Some(due), Some(span)) = (task.due, spans.task_due.get(&task.id))
                && (Some(due) < first || Some(due) > last)
            {
                self.err(
                    span.clone(),
                    tr!(
                        "plan-due-outside",
                        due = crate::words::date_in_message(due),
                        start = plan.start.to_string(),
                        end = plan.end.to_string()
                    ),
                    None,
                );
            }
        }
        let _ = &spans.start_end;
    }
}

/// A path from `start` back to itself through derived inputs, if any.
fn find_cycle(start: &str, indicators: &HashMap<&str, &Indicator>) -> Option<Vec<String>> {
    fn walk(
        node: &str,
        start: &str,
        indicators: &HashMap<&str, &Indicator>,
        path: &mut Vec<String>,
        visited: &mut HashSet<String>,
    ) -> bool {
        let Some(ind) = indicators.get(node) else { return false };
        for input in ind.inputs() {
            if input == start {
                path.push(input.to_string());
                return true;
            }
            if visited.insert(input.to_string()) {
                path.push(input.to_string());
                if walk(input, start, indicators, path, visited) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_string()];
    let mut visited = HashSet::new();
    walk(start, start, indicators, &mut path, &mut visited).then_some(path)
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

    #[test]
    fn a_cycle_of_ratios_is_named_by_its_path() {
        let body = "[[group.indicator]]\nid = \"a\"\nname = \"A\"\nratio = [\"b\", \"c\"]\n\
                    [[group.indicator]]\nid = \"b\"\nname = \"B\"\nratio = [\"a\", \"c\"]\n\
                    [[group.indicator]]\nid = \"c\"\nname = \"C\"\nmeasure = \"level\"\nevery = \"year\"\n";
        let m = messages(body);
        // a → b → a, and from b: b → a → b.
        assert!(m.contains(&"derived indicators form a cycle: a → b → a".to_string()), "{m:?}");
        assert!(m.contains(&"derived indicators form a cycle: b → a → b".to_string()), "{m:?}");
    }

    #[test]
    fn ids_are_unique_across_groups_indicators_and_tasks() {
        let body = "[[group.task]]\nid = \"g\"\nname = \"T\"\n";
        let m = messages(body);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("`g`"), "{m:?}");
    }

    #[test]
    fn years_outside_the_plan_are_refused() {
        let body = "[[group.indicator]]\nid = \"a\"\nname = \"A\"\nmeasure = \"level\"\nevery = \"year\"\n\
                    by = 2031\n[group.indicator.milestones]\n2025 = 1\n";
        let m = messages(body);
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m.iter().all(|s| s.contains("2026") && s.contains("2030")), "{m:?}");
    }
}
