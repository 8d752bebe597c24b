//! `plan record`: one figure, from the arguments or, on a terminal with no
//! arguments, asked for field by field (as `hledger add` does).
//!
//! Invariant: every field is checked (by `input`, the same checks `import`
//! makes) before the ledger is opened for writing, so a rejected figure
//! leaves no trace, not even a new empty ledger file.

use super::ask::{Asker, Cancelled};
use super::{Ctx, Reported, reject, today};
use crate::cli::RecordArgs;
use crate::counting::{self, Counted};
use crate::entry::Kind;
use crate::input;
use crate::ledger::{Ledger, NewEntry};
use crate::number::format_number;
use crate::period::{Cadence, Period};
use crate::plan::{Indicator, Plan};
use crate::render;
use crate::tr;
use anyhow::Result;
use chrono::NaiveDate;
use std::io::IsTerminal;
use std::process::ExitCode;

mod prompt;

pub(super) use prompt::ask_provenance;
use prompt::interactive;

pub fn run(ctx: &Ctx, args: RecordArgs) -> Result<ExitCode> {
    let Some(indicator) = args.indicator.clone() else {
        if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
            return interactive(ctx, args);
        }
        return usage_error("record", &tr!("commands-record-missing-all"));
    };
    let Some(value_text) = args.value.as_deref() else {
        let value = format!("<{}>", tr!("cli-value-value"));
        return usage_error("record", &tr!("commands-missing-argument", arg = value));
    };
    let Some(period) = args.period else {
        let period = format!("--period <{}>", tr!("cli-value-period"));
        return usage_error("record", &tr!("commands-missing-argument", arg = period));
    };
    let plan = ctx.load_plan()?;
    // The clock first: a date "after today" on a clock set back is no typo.
    // The write checks it before anything else, so it is read here only
    // when the figure is refused (one opening of the ledger the less).
    let figure = match checked_figure(&plan, &indicator, value_text, period, &args.provenance, today()?) {
        Ok(f) => f,
        Err(e) => {
            ctx.check_clock(&plan)?;
            return Err(e);
        }
    };
    let ind = plan.indicator(figure.indicator.as_deref().unwrap_or_default()).expect("a checked indicator");
    write_guarded(ctx, &plan, ind, &figure, args.yes)
}

/// Every argument of a non-interactive `record` checked by the rules of
/// `input` (SPEC §4 "Dates", "Figures"), into the figure to write.
fn checked_figure(
    plan: &Plan,
    indicator: &str,
    value_text: &str,
    period: Period,
    p: &crate::cli::Provenance,
    today: NaiveDate,
) -> Result<NewEntry> {
    let ind = invalid("<INDICATOR>", input::recorded_indicator(plan, indicator))?;
    let period = invalid("--period", input::period::fits(plan, ind, period).map(|()| period))?;
    let value = invalid("<VALUE>", input::figure_value(ind, value_text, plan.numbers))?;
    let reported_on = match p.date {
        Some(d) => invalid(
            "--date",
            input::date::not_after_today(d, today).and_then(|d| input::date::not_before_period(d, period)),
        )?,
        // Dated today by default: a period not begun yet is the fault of
        // --period, not of a --date nobody typed.
        None => invalid("--period", input::date::period_begun(period, today)).map(|_| today)?,
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
    // The indicator's figures, those under its old ids included (SPEC
    // §2.1), read back from the period's year only as far as the figure
    // the new one is compared with (a busy ledger holds years of them).
    let figures = w.counted_back(&ind.ids_with_old(), &plan.renames(), period.year, |read| {
        input::number::compared_with(read, &ind.id, period).is_some()
    })?;
    if !yes
        && let Some(m) = input::number::jump(
            &figures,
            &ind.id,
            period,
            value,
            figure.value_text.as_deref().unwrap_or_default(),
        )
    {
        return invalid("<VALUE>", Err(format!("{m}; {}", tr!("input-jump-yes"))));
    }
    let replaces = figures.get(&ind.id).and_then(|m| m.get(&period)).and_then(|f| f.counted.clone());
    let id = w.push(figure)?;
    w.commit()?;
    print_receipt(id, ind, figure, replaces.as_ref())?;
    Ok(ExitCode::SUCCESS)
}

fn print_receipt(id: i64, ind: &Indicator, figure: &NewEntry, replaces: Option<&Counted>) -> Result<()> {
    let lang = crate::i18n::lang();
    let replaces = replaces
        .map(|c| {
            format!(
                "; {}",
                tr!(
                    "input-replaces",
                    entry = c.entry.to_string(),
                    period = figure
                        .period
                        .as_deref()
                        .map(|p| crate::words::period_text(p, lang))
                        .unwrap_or_default(),
                    old = c.value_text.as_str()
                )
            )
        })
        .unwrap_or_default();
    crate::render::print_line(&fitted(&format!("#{id} {}", receipt(ind, figure, &replaces))))?;
    Ok(())
}

/// Prints a usage error for `plan SUBCOMMAND` (the message, the usage line,
/// where to read more) in the current language; exit 2.
pub(super) fn usage_error(subcommand: &str, message: &str) -> Result<ExitCode> {
    let mut cmd = crate::cli::command(&crate::cli::Peek::default());
    cmd.build();
    let usage = match cmd.find_subcommand_mut(subcommand) {
        Some(sub) => sub.render_usage().to_string(),
        None => cmd.render_usage().to_string(),
    };
    eprintln!("{}", crate::cli::usage_error_text(message, &usage));
    Ok(ExitCode::from(2))
}

/// A rejected argument: says which one, then what was wrong with it.
/// `arg` is an option (`--date`) or a positional argument as clap names it
/// (`<VALUE>`), said in the user's language ("giá trị").
pub(super) fn invalid<T>(arg: &str, checked: Result<T, String>) -> Result<T> {
    checked.map_err(|msg| {
        let arg = match arg {
            "<VALUE>" => tr!("input-arg-value"),
            "<INDICATOR>" => tr!("input-arg-indicator"),
            "<TASK>" => tr!("input-arg-task"),
            "<ENTRY>" => tr!("input-arg-entry"),
            other => other.to_string(),
        };
        reject(tr!("input-invalid-arg", arg = arg, message = msg))
    })
}

/// "reported 2027-01-10 by lan, Báo cáo 15/BC-UBND": who, when, from what.
pub(super) fn provenance(reported_on: NaiveDate, by: &str, source: Option<&str>) -> String {
    let date = crate::words::date_in_message(reported_on);
    match source {
        Some(s) => tr!("commands-provenance-source", date = date, by = by, source = s),
        None => tr!("commands-provenance", date = date, by = by),
    }
}

/// A receipt, or a line printed with it, wrapped between words at the
/// terminal's width (SPEC §4 "Terminal width"), later lines indented: an
/// id, a date or a number is never broken.
pub(super) fn fitted(line: &str) -> String {
    render::fit(line, "  ")
}

/// "so_dn Quý 3/2027 = 104 doanh nghiệp (Lan báo cáo ngày …)", `extra` at
/// the end of the parenthesis (which entry it replaces), the note after.
fn receipt(ind: &Indicator, figure: &NewEntry, extra: &str) -> String {
    let period = figure
        .period
        .as_deref()
        .map(|p| crate::words::period_text(p, crate::i18n::lang()))
        .unwrap_or_default();
    let line = tr!(
        "commands-record-receipt",
        indicator = ind.id.as_str(),
        period = period,
        value = figure.value_text.as_deref().unwrap_or_default(),
        unit = ind.unit.as_str(),
        provenance =
            format!("{}{extra}", provenance(figure.reported_on, &figure.by, figure.source.as_deref()))
    );
    match &figure.note {
        Some(n) => format!("{line} — {n}"),
        None => line,
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
