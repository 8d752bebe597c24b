//! What `correct` and `void` share: why, when and by whom (`--reason`,
//! `--date`, `--by`), the entry they target and its checks, and the words
//! naming it in a receipt.

use super::*;

/// What both commands take besides the entry: why, when, who.
pub(in crate::cmd) struct Why {
    pub(in crate::cmd) reason: String,
    pub(in crate::cmd) reported_on: NaiveDate,
    /// `--date` was given (else `reported_on` is today's by default).
    pub(in crate::cmd) dated: bool,
    pub(in crate::cmd) by: String,
}

pub(in crate::cmd) fn why(reason: &str, date: Option<NaiveDate>, by: Option<&str>) -> Result<Why> {
    let reason = invalid("--reason", checked_text(Some(reason)))?.ok_or_else(|| {
        reject(tr!("input-invalid-arg", arg = "--reason", message = tr!("input-reason-empty")))
    })?;
    let today = today()?;
    let reported_on = match date {
        Some(d) => invalid("--date", input::date::not_after_today(d, today))?,
        None => today,
    };
    let by = invalid("--by", checked_text(by))?;
    Ok(Why { reason, reported_on, dated: date.is_some(), by: input::who(by.as_deref()) })
}

/// A correction or void is reported no earlier than the entry it changes
/// could be: not before its period starts (a figure), not before the plan
/// (a completion).
pub(in crate::cmd) fn not_before_target(plan: &Plan, why: &Why, target: &Entry) -> Result<()> {
    let checked = match target.period.as_deref().and_then(|p| p.parse::<Period>().ok()) {
        // Dated today by default: the entry's period has not begun (a
        // PLAN_TODAY set back), which is no fault of a --date nobody typed.
        Some(p) if !why.dated => {
            return invalid("<ENTRY>", input::date::period_begun(p, why.reported_on)).map(|_| ());
        }
        Some(p) => input::date::not_before_period(why.reported_on, p),
        None => input::date::not_before_plan(why.reported_on, plan.start),
    };
    invalid("--date", checked).map(|_| ())
}

impl Why {
    /// A new entry of `kind` about the same indicator, task and period as
    /// `target`, pointing at it, with no value.
    pub(in crate::cmd) fn entry_on(&self, kind: Kind, target: &Entry) -> NewEntry {
        NewEntry {
            kind,
            indicator: target.indicator.clone(),
            task: target.task.clone(),
            period: target.period.clone(),
            year: target.year as i32,
            value_text: None,
            value: None,
            reported_on: self.reported_on,
            by: self.by.clone(),
            source: None,
            note: Some(self.reason.clone()),
            target_entry: Some(target.id),
        }
    }
}

/// The existing ledger: correcting or voiding never creates one.
pub(in crate::cmd) fn existing_ledger(ctx: &Ctx, plan: &Plan, id: i64) -> Result<Ledger> {
    let mut ledger = ctx.read_ledger(plan)?.ok_or_else(|| {
        reject(tr!(
            "correct-no-ledger",
            id = id.to_string(),
            file = ctx.ledger_path(plan).display().to_string()
        ))
    })?;
    ledger.allow_clock_behind(ctx.clock_ok);
    ledger.set_plan_text(&plan.text);
    Ok(ledger)
}

/// The entry `id`, which must exist and belong to `plan`.
pub(in crate::cmd) fn target(w: &Writer, plan: &Plan, id: i64) -> Result<Entry> {
    let e = w.entry(id)?.ok_or_else(|| reject(tr!("correct-no-entry", id = id.to_string())))?;
    if e.plan_id != plan.id {
        return Err(reject(tr!(
            "correct-other-plan",
            id = id.to_string(),
            other = e.plan_id.as_str(),
            plan = plan.id.as_str()
        )));
    }
    // A plan version is the plan's text, never corrected or withdrawn
    // (SPEC §2.1): the plan is changed by editing plan.toml.
    if e.kind == Kind::PlanVersion {
        return Err(reject(tr!("amend-correct-plan-version", id = id.to_string())));
    }
    Ok(e)
}

/// Every entry that can bear on `e`: those of its indicator's period (its
/// corrections and voids carry both: one seek, not every entry the
/// indicator ever had), or of its task.
pub(in crate::cmd) fn related(w: &Writer, e: &Entry) -> Result<Vec<Entry>> {
    match (e.indicator.as_deref(), e.period.as_deref()) {
        (Some(indicator), Some(period)) => w.period_entries(indicator, period),
        (indicator, _) => w.entries(indicator, if indicator.is_none() { e.task.as_deref() } else { None }),
    }
}

/// The void that withdrew `id`, if any.
pub(in crate::cmd) fn voided_by(entries: &[Entry], id: i64) -> Option<i64> {
    entries.iter().filter(|e| e.kind == Kind::Void && e.target_entry == Some(id)).map(|e| e.id).min()
}

/// "so_dn Quý 3/2026" or "nhiệm vụ hoi_dn", in the user's language.
pub(in crate::cmd) fn subject(e: &Entry) -> String {
    match (&e.indicator, &e.task) {
        (Some(i), _) => format!("{i} {}", period_words(e.period.as_deref().unwrap_or_default())),
        (None, Some(t)) => tr!("correct-subject-task", task = t.as_str()),
        (None, None) => "?".to_string(),
    }
}

/// A stored period in words ("Quý 3/2026"), or as stored if unreadable.
pub(in crate::cmd) fn period_words(p: &str) -> String {
    p.parse::<Period>().map(|p| p.label(crate::i18n::lang())).unwrap_or_else(|_| p.to_string())
}

pub(in crate::cmd) fn unit(plan: &Plan, e: &Entry) -> String {
    e.indicator.as_deref().and_then(|i| plan.indicator(i)).map(|i| format!(" {}", i.unit)).unwrap_or_default()
}
