//! Which rows a fill-in sheet holds (SPEC §4 `template`): with a period
//! P, every period of every recorded indicator, of whatever cadence, that
//! lies inside P (`2026-Q3`: July, August and September of a monthly
//! indicator, the quarter of a quarterly one); without, every period of
//! every recorded indicator that has ended (or fallen due) by today and
//! has no figure that counts, oldest first. Each row carries the previous
//! figure that counts for the same kind of period, to compare. Pure: the
//! figures come counted (`crate::counting`), the sheet is written by
//! `crate::render::template`.

use crate::counting::Figures;
use crate::period::Period;
use crate::plan::{Indicator, Plan};
use crate::settings::Lang;
use chrono::NaiveDate;

/// One row to fill in.
#[derive(Debug, Clone)]
pub struct Due<'p> {
    pub indicator: &'p Indicator,
    pub period: Period,
    /// The figure that counts for the latest earlier period of the same
    /// kind, if any.
    pub previous: Option<f64>,
}

impl Due<'_> {
    /// The agency responsible for the figure: the lead of the indicator's
    /// group, by name; "" when the group has none.
    pub fn agency(&self, plan: &Plan) -> String {
        plan.group_of(&self.indicator.id)
            .and_then(|g| g.lead.as_deref())
            .map(|a| plan.agency_name(a).to_string())
            .unwrap_or_default()
    }

    /// When the figure is due: the period's end + `due_days` (SPEC §5).
    pub fn due(&self, plan: &Plan) -> NaiveDate {
        self.period.due(plan.due_days.of(self.period.cadence))
    }

    /// The period as the sheet writes it: in words under `vi` ("Quý
    /// 3/2026", which import reads), as `2026-Q3` under `en`.
    pub fn period_text(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.period.label(lang),
            Lang::En => self.period.to_string(),
        }
    }
}

/// The figure that counts for the latest period of `p`'s kind before `p`.
fn previous(figures: &Figures, ind: &Indicator, p: Period) -> Option<f64> {
    let periods = figures.get(&ind.id)?;
    periods
        .iter()
        .filter(|(q, f)| q.cadence == p.cadence && q.start() < p.start() && f.counted.is_some())
        .max_by_key(|(q, _)| q.start())
        .and_then(|(_, f)| f.counted.as_ref().map(|c| c.value))
}

/// Every period of every recorded indicator, of any cadence, that lies
/// inside `p` (SPEC §4 `template`), in plan order, then by period.
pub fn for_period<'p>(plan: &'p Plan, figures: &Figures, p: Period) -> Vec<Due<'p>> {
    plan.indicators()
        .filter_map(|i| Some((i, i.cadence()?)))
        .flat_map(|(i, every)| {
            Period::all_in(p.year, every)
                .filter(move |q| p.start() <= q.start() && q.end() <= p.end())
                .map(move |q| Due { indicator: i, period: q, previous: previous(figures, i, q) })
        })
        .collect()
}

/// Every period of a recorded indicator, in the plan's years, that has
/// ended or fallen due by `today` and has no figure that counts: by
/// period end, then plan order.
pub fn missing<'p>(plan: &'p Plan, figures: &Figures, today: NaiveDate) -> Vec<Due<'p>> {
    let mut rows = Vec::new();
    for (order, ind) in plan.indicators().enumerate() {
        let Some(every) = ind.cadence() else { continue };
        let due_days = plan.due_days.of(every);
        let counted = figures.get(&ind.id);
        for year in plan.years() {
            for p in Period::all_in(year, every) {
                if !(p.end() < today || p.due(due_days) <= today) {
                    continue;
                }
                let has = counted.and_then(|c| c.get(&p)).is_some_and(|f| f.counted.is_some());
                // A year figure stands for its parts.
                let has_year = every != crate::period::Cadence::Year
                    && counted.and_then(|c| c.get(&Period::year(year))).is_some_and(|f| f.counted.is_some());
                if !has && !has_year {
                    rows.push((
                        p.end(),
                        order,
                        Due { indicator: ind, period: p, previous: previous(figures, ind, p) },
                    ));
                }
            }
        }
    }
    rows.sort_by_key(|(end, order, _)| (*end, *order));
    rows.into_iter().map(|(_, _, d)| d).collect()
}

#[cfg(test)]
mod tests;
