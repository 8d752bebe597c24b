//! `plan record` on a terminal with no arguments: the figure asked for
//! field by field (as `hledger add` does), with the period due proposed.

use super::*;

pub(super) fn interactive(ctx: &Ctx, args: RecordArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let today = today()?;
    // Open before asking anything: a ledger of another plan, or a corrupt
    // one, is refused before the clerk types a figure.
    let ledger = ctx.read_ledger(&plan)?;
    if !plan.indicators().any(|i| !i.is_derived()) {
        return Err(reject(tr!("commands-record-nothing-to-record", plan = plan.id.as_str())));
    }
    let mut clock_ok = ctx.clock_ok;
    let asked = Asker::new().and_then(|mut asker| {
        clock_ok = crate::cmd::ask::clock_ok(&mut asker, ctx, ledger.as_ref())?;
        let (ind_id, figure) = ask_figure(&mut asker, &plan, ledger.as_ref(), today, &args)?;
        let ind = plan.indicator(&ind_id).expect("a checked indicator");
        eprintln!("\n{}", fitted(&receipt(ind, &figure, "")));
        if !asker.confirm(&tr!("commands-record-confirm"), true)? {
            return Err(Cancelled.into());
        }
        Ok((ind_id, figure))
    });
    match asked {
        Ok((ind_id, figure)) => {
            let ind = plan.indicator(&ind_id).expect("a checked indicator");
            write(&ctx.with_clock_ok(clock_ok), &plan, ind, &figure)
        }
        Err(e) if e.is::<Cancelled>() => {
            eprintln!("{}", tr!("common-cancelled"));
            Err(Reported("cancelled".into()).into())
        }
        Err(e) => Err(e),
    }
}

/// The latest counted figure of `ind`, among periods `keep` accepts.
fn previous(
    figures: &counting::Figures,
    ind: &str,
    keep: impl Fn(Period) -> bool,
) -> Option<(Period, Counted)> {
    figures
        .get(ind)?
        .iter()
        .filter(|(p, _)| keep(**p))
        .filter_map(|(p, f)| f.counted.clone().map(|c| (*p, c)))
        .max_by_key(|(p, c)| (p.end(), c.entry))
}

/// The period to propose (SPEC §4): the earliest period of the indicator's
/// cadence that is due by `today` and has no figure; when every due period
/// has one, the period after the latest recorded (or the plan's first).
/// `None` once past the plan's last year.
fn default_period(
    plan: &Plan,
    figures: &counting::Figures,
    ind: &str,
    every: Cadence,
    today: NaiveDate,
) -> Option<Period> {
    let has = |p: &Period| figures.get(ind).and_then(|ps| ps.get(p)).is_some_and(|f| f.counted.is_some());
    let due_days = plan.due_days.of(every);
    let missing = plan
        .years()
        .flat_map(|y| Period::all_in(y, every))
        .take_while(|p| p.due(due_days) <= today)
        .find(|p| !has(p));
    if missing.is_some() {
        return missing;
    }
    let next = match previous(figures, ind, |p| p.cadence == every) {
        Some((p, _)) => p.next(),
        None => Period::all_in(plan.start, every).next()?,
    };
    plan.years().contains(&next.year).then_some(next)
}

fn ask_figure(
    asker: &mut Asker,
    plan: &Plan,
    ledger: Option<&Ledger>,
    today: NaiveDate,
    args: &RecordArgs,
) -> Result<(String, NewEntry)> {
    let recorded: Vec<&Indicator> = plan.indicators().filter(|i| !i.is_derived()).collect();
    asker.complete_ids(
        recorded.iter().map(|i| (i.id.clone(), format!("{} — {} ({})", i.id, i.name, i.unit))).collect(),
    );
    let ids: Vec<&str> = recorded.iter().map(|i| i.id.as_str()).collect();
    eprintln!("{}", render::fit(&tr!("commands-record-ids", ids = ids.join(", ")), "  "));
    let ind =
        asker.ask(&tr!("commands-ask-indicator"), "", Some(&tr!("commands-ask-indicator-help")), |s| {
            input::recorded_indicator(plan, s)
        })?;
    let every = ind.cadence().expect("a recorded indicator");
    // The plan's years, read back from the last until a figure of the
    // indicator's own cadence is found; its old ids' figures count for it
    // (SPEC §2.1 `formerly`).
    let mut figures = counting::Figures::new();
    if let Some(l) = ledger {
        figures = l.counted_back(&ind.ids_with_old(), &plan.renames(), plan.end, |read| {
            previous(read, &ind.id, |p| p.cadence == every).is_some()
        })?;
        figures.values_mut().for_each(|by_period| by_period.retain(|p, _| p.year >= plan.start));
    }
    let last =
        previous(&figures, &ind.id, |p| p.cadence == every).or_else(|| previous(&figures, &ind.id, |_| true));
    let lang = plan.lang;
    let last_text = match &last {
        Some((p, c)) => tr!(
            "commands-record-previous",
            period = p.label(lang),
            value = c.value_text.as_str(),
            unit = ind.unit.as_str(),
            entry = c.entry.to_string()
        ),
        None => tr!("commands-record-no-previous"),
    };
    let about = tr!(
        "commands-record-about-indicator",
        name = ind.name.as_str(),
        unit = ind.unit.as_str(),
        every = crate::words::every(every, lang),
        previous = last_text
    );
    eprintln!("{}", render::fit(&format!("  {about}"), "  "));

    let default_period = args
        .period
        .or_else(|| default_period(plan, &figures, &ind.id, every, today))
        // As the clerk reads it (Tháng 1/2026 under vi, which `input::period` reads back).
        .map(|p| p.in_message());
    let example = Period::all_in(plan.start, every).next().map(|p| p.to_string()).unwrap_or_default();
    let help = tr!(
        "commands-ask-period-help",
        every = crate::words::every(every, lang),
        example = example,
        year = plan.start.to_string()
    );
    let period = asker.ask(
        &tr!("commands-ask-period"),
        default_period.as_deref().unwrap_or(""),
        Some(&help),
        |s| input::period(plan, ind, s).and_then(|p| input::date::period_begun(p, today)),
    )?;
    eprintln!("  → {}", period.label(lang));

    // The figure to compare with: the latest of the same kind of period
    // (a year's total is no slip against a month's).
    let compare = previous(&figures, &ind.id, |p| p.cadence == period.cadence);
    let style = plan.numbers;
    let like = format_number(1234.5, style, 1);
    let value_help = match &compare {
        Some((p, c)) => tr!(
            "commands-ask-value-help-previous",
            period = p.label(lang),
            value = c.value_text.as_str(),
            example = like.as_str()
        ),
        None => tr!("commands-ask-value-help", example = like.as_str()),
    };
    let mut help = Some(value_help);
    let (value_text, value) = loop {
        let (typed, v) = asker.ask(
            &tr!("commands-ask-value", unit = ind.unit.as_str()),
            "",
            help.take().as_deref(),
            |s| input::figure_value(ind, s, style).map(|v| (s.trim().to_string(), v)),
        )?;
        if let Some((p, c)) = &compare
            && jumps(c.value, v)
        {
            let key =
                if v.abs() > c.value.abs() { "commands-record-jump-up" } else { "commands-record-jump-down" };
            let q =
                tr!(key, value = typed.as_str(), period = p.label(lang), previous = c.value_text.as_str());
            if !asker.confirm(&q, false)? {
                continue;
            }
        }
        break (typed, v);
    };

    let date_default = plan.dates.as_typed(args.provenance.date.unwrap_or(today));
    let reported_on = asker.ask(
        &tr!("commands-ask-date"),
        &date_default,
        Some(&tr!("commands-ask-date-help", order = plan.dates.pattern())),
        |s| input::figure_date(plan, period, s, today),
    )?;
    let (by, source, note) = ask_provenance(asker, &args.provenance)?;
    let figure = figure_entry(ind, period, &value_text, value, reported_on, by, source, note);
    Ok((ind.id.clone(), figure))
}

/// Who, from what document, and a note: asked, with the arguments given
/// (or the OS account) already typed in.
pub(in crate::cmd) fn ask_provenance(
    asker: &mut Asker,
    given: &crate::cli::Provenance,
) -> Result<(String, Option<String>, Option<String>)> {
    // The text rules of the arguments (NFC, no control characters, not too
    // long), asked again on a bad answer.
    let by = asker.ask(&tr!("commands-ask-by"), &input::who(given.by.as_deref()), None, |s| {
        checked_text(Some(s)).map(|t| input::who(t.as_deref()))
    })?;
    let source = asker.ask(
        &tr!("commands-ask-source"),
        given.source.as_deref().unwrap_or(""),
        Some(&tr!("commands-ask-source-help")),
        |s| checked_text(Some(s)),
    )?;
    let note = asker.ask(
        &tr!("commands-ask-note"),
        given.note.as_deref().unwrap_or(""),
        Some(&tr!("commands-ask-optional")),
        |s| checked_text(Some(s)),
    )?;
    Ok((by, source, note))
}

/// More than tenfold, or less than a tenth, of `previous`.
fn jumps(previous: f64, new: f64) -> bool {
    input::tenfold(previous, new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenfold_jumps() {
        assert!(jumps(104.0, 104_000.0));
        assert!(jumps(104.0, 10.0));
        assert!(jumps(104.0, 0.0));
        assert!(!jumps(104.0, 1040.0));
        assert!(!jumps(104.0, 10.4));
        assert!(!jumps(0.0, 5.0));
    }

    fn figures_of(periods: &[(&str, f64)]) -> counting::Figures {
        let entries: Vec<_> = periods
            .iter()
            .enumerate()
            .map(|(i, (p, v))| {
                crate::counting::tests::entry(
                    i as i64 + 1,
                    Kind::Figure,
                    "a",
                    p,
                    Some(*v),
                    "2026-01-01",
                    None,
                )
            })
            .collect();
        counting::count_figures(&entries, None)
    }

    fn plan() -> Plan {
        let text = "[plan]\nid = \"p\"\ntitle = \"t\"\nstart = 2026\nend = 2027\nlang = \"en\"\nnumbers = \"en\"\n\n\
                    [[group]]\nid = \"g\"\nname = \"G\"\n\n[[group.indicator]]\nid = \"a\"\nname = \"A\"\n\
                    unit = \"u\"\nmeasure = \"flow\"\nevery = \"quarter\"\ntarget = \">= 1\"\n";
        let loaded = crate::plan::load_str(text, "t.toml");
        loaded.plan.unwrap_or_else(|| panic!("{:?}", loaded.diagnostics))
    }

    #[test]
    fn proposes_the_earliest_due_period_without_a_figure() {
        let plan = plan();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let q = |s: &str| s.parse::<Period>().unwrap();
        // Quarters are due 10 days after they end: by 2026-10-20, Q1–Q3 are
        // due; Q2 has no figure.
        let figures = figures_of(&[("2026-Q1", 1.0), ("2026-Q3", 3.0)]);
        assert_eq!(
            default_period(&plan, &figures, "a", Cadence::Quarter, d("2026-10-20")),
            Some(q("2026-Q2"))
        );
        // Every due quarter has a figure: the one after the latest.
        let figures = figures_of(&[("2026-Q1", 1.0), ("2026-Q2", 2.0)]);
        assert_eq!(
            default_period(&plan, &figures, "a", Cadence::Quarter, d("2026-07-05")),
            Some(q("2026-Q3"))
        );
        // Nothing recorded, nothing due: the plan's first quarter.
        let figures = figures_of(&[]);
        assert_eq!(
            default_period(&plan, &figures, "a", Cadence::Quarter, d("2026-02-01")),
            Some(q("2026-Q1"))
        );
        // Past the plan's last period: none.
        let figures = figures_of(&[("2027-Q4", 1.0)]);
        assert_eq!(default_period(&plan, &figures, "a", Cadence::Quarter, d("2026-02-01")), None);
    }
}
