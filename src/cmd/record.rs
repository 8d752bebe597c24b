//! `plan record`: one figure, from the arguments or, on a terminal with no
//! arguments, asked for field by field (as `hledger add` does).
//!
//! Invariant: every field is checked (by `input`, the same checks `import`
//! makes) before the ledger is opened for writing, so a rejected figure
//! leaves no trace, not even a new empty ledger file.

use super::{Ctx, Reported, reject, today};
use crate::cli::{Cli, RecordArgs};
use crate::counting::{self, Counted};
use crate::input;
use crate::ledger::{Kind, Ledger, NewEntry};
use crate::number::format_number;
use crate::period::{Cadence, Period};
use crate::plan::{Indicator, Plan};
use crate::tr;
use anyhow::Result;
use chrono::NaiveDate;
use inquire::validator::Validation;
use inquire::{Autocomplete, Confirm, InquireError, Text};
use std::io::IsTerminal;
use std::process::ExitCode;
use std::rc::Rc;

pub fn run(ctx: &Ctx, args: RecordArgs) -> Result<ExitCode> {
    let Some(indicator) = args.indicator.clone() else {
        if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
            return interactive(ctx, args);
        }
        return usage_error(
            "record",
            "the following required arguments were not provided: <INDICATOR> <VALUE> --period <PERIOD>\n\n\
             (`plan record` with no arguments asks for each field, but only on a terminal)",
        );
    };
    let Some(value_text) = args.value.as_deref() else {
        return usage_error("record", "the following required argument was not provided: <VALUE>");
    };
    let Some(period_text) = args.period.as_deref() else {
        return usage_error("record", "the following required argument was not provided: --period <PERIOD>");
    };
    let plan = ctx.load_plan()?;
    let figure = checked_figure(&plan, &indicator, value_text, period_text, &args.provenance, today()?)?;
    let ind = plan.indicator(figure.indicator.as_deref().unwrap_or_default()).expect("a checked indicator");
    write_guarded(ctx, &plan, ind, &figure, args.yes)
}

/// Every argument of a non-interactive `record` checked by the rules of
/// `input` (SPEC §4 "Dates", "Figures"), into the figure to write.
fn checked_figure(
    plan: &Plan,
    indicator: &str,
    value_text: &str,
    period_text: &str,
    p: &crate::cli::Provenance,
    today: NaiveDate,
) -> Result<NewEntry> {
    let ind = invalid("<INDICATOR>", input::recorded_indicator(plan, indicator))?;
    let period = invalid("--period", input::period(plan, ind, period_text))?;
    let value = invalid("<VALUE>", input::figure_value(ind, value_text, plan.numbers))?;
    let reported_on = match &p.date {
        Some(d) => invalid("--date", input::figure_date(plan, period, d, today))?,
        None => invalid("--date", input::date::not_before_period(today, period))?,
    };
    let by = invalid("--by", checked_text(p.by.as_deref()))?;
    Ok(figure_entry(
        ind,
        period,
        value_text.trim(),
        value,
        reported_on,
        input::who(by.as_deref()),
        invalid("--source", checked_text(p.source.as_deref()))?,
        invalid("--note", checked_text(p.note.as_deref()))?,
    ))
}

/// An optional text argument checked by the text rules (NFC, controls,
/// length), `None` when empty.
pub(super) fn checked_text(s: Option<&str>) -> Result<Option<String>, String> {
    s.map_or(Ok(None), input::text::clean_owned)
}

/// Appends the figure unless it jumps tenfold against the figure it is
/// compared with and `yes` is not given (the check runs inside the write
/// transaction); prints the receipt and which entry it replaces.
fn write_guarded(ctx: &Ctx, plan: &Plan, ind: &Indicator, figure: &NewEntry, yes: bool) -> Result<ExitCode> {
    let mut ledger = ctx.open_ledger(plan)?;
    let mut w = ledger.writer(&plan.id)?;
    let period: Period = figure.period.as_deref().unwrap_or_default().parse().expect("a checked period");
    let value = figure.value.unwrap_or_default();
    // Whatever path built the figure (arguments or prompts), the rules of
    // the indicator and of dates hold before it is written.
    invalid("<VALUE>", input::check_figure(ind, value, plan.numbers))?;
    invalid("--date", input::date::not_before_period(figure.reported_on, period))?;
    let figures = counting::count_figures(&w.entries(Some(&ind.id), None)?, None);
    if !yes
        && let Some(m) = input::number::jump(
            &figures,
            &ind.id,
            period,
            value,
            figure.value_text.as_deref().unwrap_or_default(),
        )
    {
        return Err(reject(tr!(
            "input-invalid-arg",
            arg = "<VALUE>",
            message = format!("{m}; {}", tr!("input-jump-yes"))
        )));
    }
    let replaces = figures.get(&ind.id).and_then(|m| m.get(&period)).and_then(|f| f.counted.clone());
    let id = w.push(figure)?;
    w.commit()?;
    print_receipt(id, ind, figure, replaces.as_ref());
    Ok(ExitCode::SUCCESS)
}

fn print_receipt(id: i64, ind: &Indicator, figure: &NewEntry, replaces: Option<&Counted>) {
    let replaces = replaces
        .map(|c| {
            format!(
                "; {}",
                tr!(
                    "input-replaces",
                    entry = c.entry.to_string(),
                    period = figure.period.as_deref().unwrap_or_default(),
                    old = c.value_text.as_str()
                )
            )
        })
        .unwrap_or_default();
    println!(
        "#{id} {} {} = {} {} ({}{replaces})",
        ind.id,
        figure.period.as_deref().unwrap_or_default(),
        figure.value_text.as_deref().unwrap_or_default(),
        ind.unit,
        provenance(figure.reported_on, &figure.by, figure.source.as_deref())
    );
}

/// Prints a clap-style usage error for `plan SUBCOMMAND` and exits 2.
pub(super) fn usage_error(subcommand: &str, message: &str) -> Result<ExitCode> {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    cmd.build();
    let err = match cmd.find_subcommand_mut(subcommand) {
        Some(sub) => sub.error(clap::error::ErrorKind::MissingRequiredArgument, message),
        None => cmd.error(clap::error::ErrorKind::MissingRequiredArgument, message),
    };
    let _ = err.print();
    Ok(ExitCode::from(2))
}

/// A rejected argument: says which one, then what was wrong with it.
pub(super) fn invalid<T>(arg: &str, checked: Result<T, String>) -> Result<T> {
    checked.map_err(|msg| reject(tr!("input-invalid-arg", arg = arg, message = msg)))
}

/// An optional text argument: trimmed, and `None` when empty.
pub(super) fn text(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// "reported 2027-01-10 by lan, Báo cáo 15/BC-UBND": who, when, from what.
pub(super) fn provenance(reported_on: NaiveDate, by: &str, source: Option<&str>) -> String {
    match source {
        Some(s) => format!("reported {reported_on} by {by}, {s}"),
        None => format!("reported {reported_on} by {by}"),
    }
}

fn figure_entry(
    ind: &Indicator,
    period: Period,
    value_text: &str,
    value: f64,
    reported_on: NaiveDate,
    by: String,
    source: Option<String>,
    note: Option<String>,
) -> NewEntry {
    NewEntry {
        kind: Kind::Figure,
        indicator: Some(ind.id.clone()),
        task: None,
        period: Some(period.to_string()),
        year: period.year,
        value_text: Some(value_text.to_string()),
        value: Some(value),
        reported_on,
        by,
        source,
        note,
        target_entry: None,
    }
}

/// Appends the figure and prints the one-line receipt (the interactive
/// path, which asked about a tenfold jump already).
fn write(ctx: &Ctx, plan: &Plan, ind: &Indicator, figure: &NewEntry) -> Result<ExitCode> {
    write_guarded(ctx, plan, ind, figure, true)
}

// ---------------------------------------------------------------------------
// Interactive

/// The user pressed Esc, Ctrl-C or Ctrl-D.
#[derive(Debug, thiserror::Error)]
#[error("cancelled")]
struct Cancelled;

fn ask<T>(answer: Result<T, InquireError>) -> Result<T> {
    match answer {
        Ok(v) => Ok(v),
        Err(InquireError::OperationCanceled | InquireError::OperationInterrupted) => Err(Cancelled.into()),
        Err(e) => Err(anyhow::Error::new(e).context("cannot ask on this terminal")),
    }
}

fn interactive(ctx: &Ctx, args: RecordArgs) -> Result<ExitCode> {
    let plan = ctx.load_plan()?;
    let today = today()?;
    // Open before asking anything: a ledger of another plan, or a corrupt
    // one, is refused before the clerk types a figure.
    let ledger = ctx.read_ledger(&plan)?;
    if !plan.indicators().any(|i| !i.is_derived()) {
        return Err(reject(format!("plan {} has no recorded indicator to record a figure of", plan.id)));
    }
    match ask_figure(&plan, ledger.as_ref(), today, &args) {
        Ok((ind_id, figure)) => {
            let ind = plan.indicator(&ind_id).expect("a checked indicator");
            write(ctx, &plan, ind, &figure)
        }
        Err(e) if e.is::<Cancelled>() => {
            eprintln!("cancelled, nothing written");
            Err(Reported("cancelled".into()).into())
        }
        Err(e) => Err(e),
    }
}

/// Indicator ids completed from "id — name (unit)" labels.
#[derive(Clone)]
struct IndicatorCompleter {
    labels: Vec<String>,
}

fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

impl Autocomplete for IndicatorCompleter {
    fn get_suggestions(&mut self, input: &str) -> Result<Vec<String>, inquire::CustomUserError> {
        let q = input.trim().to_lowercase();
        Ok(self.labels.iter().filter(|l| l.to_lowercase().contains(&q)).cloned().collect())
    }

    fn get_completion(
        &mut self,
        input: &str,
        highlighted: Option<String>,
    ) -> Result<inquire::autocompletion::Replacement, inquire::CustomUserError> {
        if let Some(h) = highlighted {
            return Ok(Some(first_word(&h).to_string()));
        }
        // Complete the longest prefix shared by every id that starts with the input.
        let q = input.trim();
        let ids: Vec<&str> =
            self.labels.iter().map(|l| first_word(l)).filter(|id| id.starts_with(q)).collect();
        let Some(first) = ids.first() else { return Ok(None) };
        let common = ids.iter().fold(first.len(), |n, id| {
            first.bytes().zip(id.bytes()).take(n).take_while(|(a, b)| a == b).count()
        });
        Ok((common > q.len()).then(|| first[..common].to_string()))
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

/// The period after the latest recorded one of the indicator's cadence, or
/// the first of the plan; `None` once past the plan's last year.
fn next_due(plan: &Plan, figures: &counting::Figures, ind: &str, every: Cadence) -> Option<Period> {
    let next = match previous(figures, ind, |p| p.cadence == every) {
        Some((p, _)) => p.next(),
        None => Period::all_in(plan.start, every).next()?,
    };
    plan.years().contains(&next.year).then_some(next)
}

fn validator<F>(check: F) -> impl Fn(&str) -> Result<Validation, inquire::CustomUserError> + Clone
where
    F: Fn(&str) -> Result<(), String> + Clone,
{
    move |s: &str| Ok(check(s).map_or_else(|m| Validation::Invalid(m.into()), |()| Validation::Valid))
}

fn ask_figure(
    plan: &Plan,
    ledger: Option<&Ledger>,
    today: NaiveDate,
    args: &RecordArgs,
) -> Result<(String, NewEntry)> {
    let shared = Rc::new(plan.clone());
    let labels: Vec<String> = plan
        .indicators()
        .filter(|i| !i.is_derived())
        .map(|i| format!("{} — {} ({})", i.id, i.name, i.unit))
        .collect();

    let p = shared.clone();
    let answer = ask(Text::new("Indicator:")
        .with_help_message("type to filter, ↑↓ to choose, Tab to complete, Esc to cancel")
        .with_autocomplete(IndicatorCompleter { labels })
        .with_validator(validator(move |s: &str| input::recorded_indicator(&p, first_word(s)).map(|_| ())))
        .prompt())?;
    let ind = input::recorded_indicator(plan, first_word(&answer)).map_err(reject)?;
    let every = ind.cadence().expect("a recorded indicator");
    let entries = match ledger {
        Some(l) => l.indicator_entries(&ind.id, plan.start, plan.end)?,
        None => Vec::new(),
    };
    let figures = counting::count_figures(&entries, None);
    let last =
        previous(&figures, &ind.id, |p| p.cadence == every).or_else(|| previous(&figures, &ind.id, |_| true));
    let last_text = match &last {
        Some((p, c)) => format!("previous figure: {p} = {} {} (#{})", c.value_text, ind.unit, c.entry),
        None => "no figure yet".to_string(),
    };
    eprintln!("  {} · unit: {} · reported every {every} · {last_text}", ind.name, ind.unit);

    let default_period =
        args.period.clone().or_else(|| next_due(plan, &figures, &ind.id, every).map(|p| p.to_string()));
    let example = Period::all_in(plan.start, every).next().map(|p| p.to_string()).unwrap_or_default();
    let help = format!("a period of every {every} (e.g. {example}) or a whole year (e.g. {})", plan.start);
    let (p, ind_id) = (shared.clone(), ind.id.clone());
    let mut prompt =
        Text::new("Period:").with_help_message(&help).with_validator(validator(move |s: &str| {
            let ind = p.indicator(&ind_id).expect("a checked indicator");
            input::period(&p, ind, s).map(|_| ())
        }));
    if let Some(d) = &default_period {
        prompt = prompt.with_default(d);
    }
    let period = input::period(plan, ind, &ask(prompt.prompt())?).map_err(reject)?;

    // The figure to compare with: the latest of the same kind of period
    // (a year's total is no slip against a month's).
    let compare = previous(&figures, &ind.id, |p| p.cadence == period.cadence);
    let style = plan.numbers;
    let value_msg = format!("Value ({}):", ind.unit);
    let value_help = match &compare {
        Some((p, c)) => {
            format!("previous {p}: {}; numbers like {}", c.value_text, format_number(1234.5, style, 1))
        }
        None => format!("numbers like {}", format_number(1234.5, style, 1)),
    };
    let (value_text, value) = loop {
        let typed = ask(Text::new(&value_msg)
            .with_help_message(&value_help)
            .with_validator(validator(move |s: &str| input::value(s, style).map(|_| ())))
            .prompt())?;
        let v = input::value(&typed, style).map_err(reject)?;
        if let Some((p, c)) = &compare
            && jumps(c.value, v)
        {
            let q = format!(
                "{} is {} the previous figure ({p}: {}): a slipped separator? Record it anyway?",
                typed.trim(),
                if v.abs() > c.value.abs() { "more than ten times" } else { "less than a tenth of" },
                c.value_text
            );
            if !ask(Confirm::new(&q).with_default(false).prompt())? {
                continue;
            }
        }
        break (typed.trim().to_string(), v);
    };

    let today_text = today.to_string();
    let date_default = args.provenance.date.clone().unwrap_or(today_text);
    let reported_on = ask(Text::new("Reported on:")
        .with_default(&date_default)
        .with_help_message("the date of the report (YYYY-MM-DD)")
        .with_validator(validator(move |s: &str| input::date(s, today).map(|_| ())))
        .prompt())?;
    let reported_on = input::date(&reported_on, today).map_err(reject)?;
    let who_default = input::who(args.provenance.by.as_deref());
    let by = ask(Text::new("By:").with_default(&who_default).prompt())?;
    let source_default = args.provenance.source.clone().unwrap_or_default();
    let source = ask(Text::new("Source document:")
        .with_initial_value(&source_default)
        .with_help_message("e.g. Báo cáo 15/BC-UBND; empty for none")
        .prompt())?;
    let note_default = args.provenance.note.clone().unwrap_or_default();
    let note = ask(Text::new("Note:")
        .with_initial_value(&note_default)
        .with_help_message("empty for none")
        .prompt())?;

    let figure = figure_entry(
        ind,
        period,
        &value_text,
        value,
        reported_on,
        input::who(Some(&by)),
        text(Some(source)),
        text(Some(note)),
    );
    Ok((ind.id.clone(), figure))
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

    #[test]
    fn completes_common_prefix() {
        let mut c = IndicatorCompleter {
            labels: vec!["thu_ktn — a (x)".into(), "thu_ns — b (y)".into(), "so_dn — c (z)".into()],
        };
        assert_eq!(c.get_completion("th", None).unwrap(), Some("thu_".into()));
        assert_eq!(c.get_completion("s", None).unwrap(), Some("so_dn".into()));
        assert_eq!(c.get_completion("q", None).unwrap(), None);
        assert_eq!(c.get_completion("", Some("so_dn — c (z)".into())).unwrap(), Some("so_dn".into()));
        assert_eq!(c.get_suggestions("B").unwrap(), vec!["thu_ns — b (y)".to_string()]);
    }
}
