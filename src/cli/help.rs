//! Help and usage errors in the catalogue's language (SPEC §4
//! "Language"): the clap command with every text localised, examples
//! from the plan in use, and the printing of a usage error (exit 2).

use super::*;

/// Help of an argument whose meaning differs by subcommand: catalogue key
/// `cli-<subcommand>-<arg>`, else the shared `cli-arg-<arg>`.
fn arg_key(sub: Option<&str>, arg: &str) -> Option<String> {
    let lang = crate::i18n::lang();
    let own = sub.map(|s| format!("cli-{s}-{arg}"));
    let shared = format!("cli-arg-{arg}");
    own.filter(|k| crate::i18n::has_message(lang, k))
        .or_else(|| crate::i18n::has_message(lang, &shared).then_some(shared))
}

/// A catalogue message if the key exists (texts of subcommands and
/// arguments added without one keep their English doc comment).
fn maybe(key: &str) -> Option<String> {
    crate::i18n::has_message(crate::i18n::lang(), key).then(|| crate::i18n::message(key, None))
}

/// Example values from the plan in use, for `--help`.
struct Examples {
    indicator: String,
    period: String,
    value: String,
    task: String,
    group: String,
    year: String,
    /// Today, for `--date`.
    date: String,
    /// The plan's last year (the start's when the file does not say).
    end: String,
}

impl Examples {
    fn of(peek: &Peek) -> Examples {
        let today = crate::input::today().unwrap_or_else(|_| chrono::Local::now().date_naive());
        let first = peek.start.unwrap_or_else(|| chrono::Datelike::year(&today));
        let last = peek.end.unwrap_or(first).max(first);
        // The example period: the latest of the plan's years that has ended
        // by today (so `record` takes it and a date today), else the first
        // year's last.
        let period = peek.indicator.as_ref().map(|(_, every)| {
            (first..=last)
                .flat_map(|y| Period::all_in(y, *every))
                .filter(|p| p.end() < today)
                .last()
                .unwrap_or_else(|| Period::all_in(first, *every).last().unwrap_or(Period::year(first)))
        });
        let year = period.map_or(first, |p| p.year);
        let style = peek.numbers.unwrap_or(if crate::i18n::lang() == Lang::Vi {
            NumberStyle::Vi
        } else {
            NumberStyle::En
        });
        let placeholder = |k: &str| crate::i18n::message(k, None);
        Examples {
            indicator: peek
                .indicator
                .as_ref()
                .map(|(i, _)| i.clone())
                .unwrap_or_else(|| placeholder("cli-placeholder-indicator")),
            period: period.unwrap_or(Period::year(year)).to_string(),
            // Today, as a date option is written (the plan's order under
            // Vietnamese, day first when it does not say; ISO in English).
            date: peek.dates.unwrap_or_default().as_typed(today),
            value: crate::number::format_number(peek.figure_rules.example_value(), style, 1),
            task: peek.task.clone().unwrap_or_else(|| placeholder("cli-placeholder-task")),
            group: peek.group.clone().unwrap_or_else(|| placeholder("cli-placeholder-group")),
            year: year.to_string(),
            end: last.to_string(),
        }
    }

    /// The examples of `key` (`cli-examples`, `cli-record-examples`…) with the
    /// plan's ids filled in.
    fn text(&self, key: &str) -> Option<String> {
        let lang = crate::i18n::lang();
        crate::i18n::has_message(lang, key).then(|| {
            let lines = crate::tr!(
                key,
                indicator = self.indicator.as_str(),
                period = self.period.as_str(),
                value = self.value.as_str(),
                task = self.task.as_str(),
                group = self.group.as_str(),
                year = self.year.as_str(),
                end = self.end.as_str(),
                date = self.date.as_str()
            );
            let mut text = crate::tr!("cli-examples-heading");
            for line in lines.lines().filter(|l| !l.trim().is_empty()) {
                text.push_str("\n  ");
                text.push_str(line.trim());
            }
            text
        })
    }
}

/// The clap command with every help text from the catalogue in the current
/// language, and examples built from `peek`.
pub fn command(peek: &Peek) -> clap::Command {
    use clap::{Arg, ArgAction, CommandFactory};
    let ex = Examples::of(peek);
    let heading_args = crate::tr!("cli-heading-arguments");
    let heading_options = crate::tr!("cli-heading-options");
    // The forms a date argument takes: the plan's order, and ISO.
    let mut help_args = fluent_bundle::FluentArgs::new();
    help_args.set("order", peek.dates.unwrap_or_default().pattern());
    let localize_args = |cmd: clap::Command, sub: Option<&str>| {
        let mut cmd = cmd.disable_help_flag(true).arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(crate::tr!("cli-arg-help"))
                .global(sub.is_none()),
        );
        let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
        for id in ids {
            let key = arg_key(sub, &id);
            let heading = heading_args.clone();
            let option = heading_options.clone();
            let value_key = format!("cli-value-{id}");
            let value_name = crate::i18n::has_message(crate::i18n::lang(), &value_key)
                .then(|| crate::i18n::message(&value_key, None));
            cmd = cmd.mut_arg(id.as_str(), |a| {
                let mut a = if a.is_positional() { a.help_heading(heading) } else { a.help_heading(option) };
                if a.get_action().takes_values() {
                    a = a.hide_env(true).hide_default_value(true).hide_possible_values(true);
                }
                if let Some(v) = value_name {
                    a = a.value_name(v);
                }
                match &key {
                    Some(k) => a.help(crate::i18n::message(k, Some(&help_args))),
                    None => a,
                }
            });
        }
        cmd
    };
    let mut cmd = Cli::command()
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(crate::tr!("cli-arg-version")),
        )
        .about(crate::tr!("cli-about"))
        .subcommand_help_heading(crate::tr!("cli-heading-commands"))
        .subcommand_value_name(crate::tr!("cli-value-command"))
        .disable_help_subcommand(true)
        .term_width(usize::from(crate::render::terminal_width()))
        .help_template(template());
    if let Some(e) = ex.text("cli-examples") {
        cmd = cmd.after_help(format!("{e}\n\n{}", crate::tr!("cli-environment")));
    }
    cmd = localize_args(cmd, None);
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        let about = maybe(&format!("cli-{name}-about"));
        let examples = ex.text(&format!("cli-{name}-examples"));
        let template = template();
        cmd = cmd.mut_subcommand(name.as_str(), |s| {
            let mut s = localize_args(s.help_template(template), Some(&name));
            if let Some(a) = about {
                s = s.about(a);
            }
            if let Some(e) = examples {
                s = s.after_help(e);
            }
            s
        });
    }
    cmd
}

/// clap's help layout with the "Usage:" heading from the catalogue.
fn template() -> String {
    let heading = crate::tr!("cli-usage-heading");
    format!("{{about-with-newline}}\n{heading} {{usage}}\n\n{{all-args}}{{after-help}}")
}

/// clap's "[OPTIONS]" in a usage line, in the catalogue's words.
fn usage_words(text: &str) -> String {
    text.replace("[OPTIONS]", &crate::tr!("cli-usage-options"))
}

/// Prints a clap error (help, version, usage error) and exits: help and
/// version as clap prints them; usage errors from the catalogue, in the
/// current language, with clap's usage line.
pub fn exit_with(e: clap::Error) -> ! {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    match e.kind() {
        ErrorKind::DisplayVersion => e.exit(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let help = usage_words(&e.render().to_string());
            let code = if e.kind() == ErrorKind::DisplayHelp { 0 } else { 2 };
            // Written, not print!ed: `plan --help | head` closes the pipe,
            // and print! panics on that (SPEC §6: never a panic).
            use std::io::Write;
            let _ = if code == 0 {
                std::io::stdout().lock().write_all(help.as_bytes())
            } else {
                std::io::stderr().lock().write_all(help.as_bytes())
            };
            std::process::exit(code)
        }
        _ => {}
    }
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        Some(ContextValue::Bool(b)) => b.to_string(),
        _ => String::new(),
    };
    let arg = ctx(ContextKind::InvalidArg);
    let value = ctx(ContextKind::InvalidValue);
    let message: String = match e.kind() {
        ErrorKind::UnknownArgument => crate::tr!("cli-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => {
            crate::tr!("cli-error-unknown-command", command = ctx(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue if value.is_empty() => crate::tr!("cli-error-missing-value", arg = arg),
        // A typed value refused by its parser (`cli::value`): the parser's
        // own words, as every command says them.
        ErrorKind::ValueValidation if malformed(&e).is_some() => {
            let name = arg.split([' ', '=']).next().unwrap_or_default().to_string();
            let reason = malformed(&e).map(|m| m.0.clone()).unwrap_or_default();
            crate::tr!("input-invalid-arg", arg = name, message = reason)
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = ctx(ContextKind::ValidValue);
            if valid.is_empty() {
                crate::tr!("cli-error-invalid-value", arg = arg, value = value)
            } else {
                crate::tr!("cli-error-invalid-choice", arg = arg, value = value, valid = valid)
            }
        }
        ErrorKind::MissingRequiredArgument => crate::tr!("cli-error-missing-argument", arg = arg),
        ErrorKind::MissingSubcommand => crate::tr!("cli-error-missing-command"),
        ErrorKind::ArgumentConflict => {
            crate::tr!("cli-error-conflict", arg = arg, other = ctx(ContextKind::PriorArg))
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            crate::tr!("cli-error-values", arg = arg, value = value)
        }
        ErrorKind::NoEquals => crate::tr!("cli-error-missing-value", arg = arg),
        _ => {
            // Kinds this program does not produce: clap's own words.
            e.exit()
        }
    };
    let mut message = message;
    let suggested =
        [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
            .into_iter()
            .map(ctx)
            .find(|s| !s.is_empty());
    if let Some(s) = suggested {
        message.push('\n');
        message
            .push_str(&crate::tr!("common-hint", message = crate::tr!("cli-did-you-mean", suggestion = s)));
    }
    eprintln!("{}", usage_error_text(&message, &ctx(ContextKind::Usage)));
    std::process::exit(2)
}

/// The refusal of a typed value (`cli::value`) inside a clap error.
fn malformed(e: &clap::Error) -> Option<&value::Malformed> {
    std::error::Error::source(e)?.downcast_ref::<value::Malformed>()
}

/// "error: MESSAGE", the usage line (clap's, "Usage:" in the catalogue's
/// words) and where to read more: what a usage error prints.
pub fn usage_error_text(message: &str, usage: &str) -> String {
    let mut out = crate::tr!("common-error", message = message);
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    if !usage.is_empty() {
        out.push_str("\n\n");
        out.push_str(&crate::tr!("cli-usage", usage = usage_words(usage)));
    }
    out.push_str("\n\n");
    out.push_str(&crate::tr!("cli-more-help"));
    out
}
