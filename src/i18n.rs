//! The message catalogue: every user-facing text of `plan`, in Vietnamese
//! and English, as Project Fluent resources (`locales/<lang>/*.ftl`, built
//! into the binary).
//!
//! The language is chosen once per process (SPEC §4 "Language"): `--lang`,
//! else the plan's `lang`, else `vi` when `LC_ALL`/`LANG` starts with `vi`,
//! else `en`. Code asks for a message by key with [`tr!`](crate::tr):
//!
//! ```
//! plan::i18n::set_lang(plan::settings::Lang::En);
//! assert_eq!(plan::tr!("common-days", n = 3), "3 days");
//! ```
//!
//! Invariants, checked by the tests below: every key exists in both
//! languages, with the same variables, and every resource parses. A key
//! missing at run time (a bug) prints the key itself rather than panicking.
//! Arguments are passed as text already formatted in the plan's number style
//! (numbers chosen by Fluent selectors, such as English plurals, are passed as
//! numbers with `n = 3`).

use crate::settings::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// The `.ftl` files of one language, in a fixed order. A new area of the
/// program adds its file to both lists.
macro_rules! resources {
    ($lang:literal: $($file:literal),+ $(,)?) => {
        &[$(($file, include_str!(concat!("../locales/", $lang, "/", $file)))),+]
    };
}

/// (file name, Fluent source) of every resource, per language.
pub const VI: &[(&str, &str)] = resources!("vi": 
    "common.ftl", "input.ftl", "import.ftl", "verify.ftl", "cli.ftl", "commands.ftl", "tables.ftl", "report.ftl", "workbook.ftl", "dhis2.ftl", "document.ftl", "amend.ftl");
/// (file name, Fluent source) of every resource, per language.
pub const EN: &[(&str, &str)] = resources!("en": 
    "common.ftl", "input.ftl", "import.ftl", "verify.ftl", "cli.ftl", "commands.ftl", "tables.ftl", "report.ftl", "workbook.ftl", "dhis2.ftl", "document.ftl", "amend.ftl");

static CURRENT: AtomicU8 = AtomicU8::new(LANG_UNSET);
const LANG_UNSET: u8 = 0;
const LANG_VI: u8 = 1;
const LANG_EN: u8 = 2;

static BUNDLE_VI: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle("vi", VI));
static BUNDLE_EN: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle("en", EN));

fn bundle(tag: &str, files: &[(&str, &str)]) -> FluentBundle<FluentResource> {
    let langid: unic_langid::LanguageIdentifier = tag.parse().expect("a valid language tag");
    let mut b = FluentBundle::new_concurrent(vec![langid]);
    // Unicode isolation marks (FSI/PDI) around arguments show up as stray
    // characters in terminals and CSV; our arguments are never right-to-left.
    b.set_use_isolating(false);
    for (name, src) in files {
        let res = FluentResource::try_new(src.to_string())
            .unwrap_or_else(|(_, errs)| panic!("locales/{tag}/{name} does not parse: {errs:?}"));
        b.add_resource(res).unwrap_or_else(|errs| panic!("locales/{tag}/{name}: duplicate keys {errs:?}"));
    }
    b
}

/// Where the language comes from until [`set_lang`] says: asked once, on
/// the first message ([`set_lang_source`]).
static SOURCE: std::sync::OnceLock<fn() -> Lang> = std::sync::OnceLock::new();

/// Sets the language of every later message (once the plan is loaded, or
/// from `--lang`).
pub fn set_lang(lang: Lang) {
    CURRENT.store(if lang == Lang::Vi { LANG_VI } else { LANG_EN }, Ordering::Relaxed);
}

/// Until [`set_lang`] is called, the language is `source()`, asked when
/// the first message needs it (the command line's plan file is read for
/// its `lang` only then: a command that loads its plan before saying
/// anything reads it once). Only the first source set counts.
pub fn set_lang_source(source: fn() -> Lang) {
    let _ = SOURCE.set(source);
}

/// The language in force: the last [`set_lang`], else that of the source
/// ([`set_lang_source`]), else the environment's ([`env_lang`]).
pub fn lang() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        LANG_VI => Lang::Vi,
        LANG_EN => Lang::En,
        _ => match SOURCE.get() {
            Some(source) => {
                let lang = source();
                set_lang(lang);
                lang
            }
            None => env_lang(),
        },
    }
}

/// The language of the environment: `vi` when `LC_ALL`, else `LC_MESSAGES`,
/// else `LANG` starts with `vi` (SPEC §4), else `en`.
pub fn env_lang() -> Lang {
    let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if var.to_ascii_lowercase().starts_with("vi") { Lang::Vi } else { Lang::En }
}

/// The message `key` in the current language with `args` filled in.
/// Prefer the [`tr!`](crate::tr) macro.
pub fn message(key: &str, args: Option<&FluentArgs>) -> String {
    message_in(lang(), key, args)
}

/// The message `key` in `lang` (a report rendered in the plan's language
/// while messages follow `--lang`, or a test).
pub fn message_in(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    let bundle: &FluentBundle<FluentResource> = if lang == Lang::Vi { &BUNDLE_VI } else { &BUNDLE_EN };
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        debug_assert!(false, "message `{key}` is not in the catalogue");
        return key.to_string();
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    debug_assert!(errors.is_empty(), "message `{key}`: {errors:?}");
    text.into_owned()
}

/// Whether `key` is in the catalogue of `lang` (for texts that fall back
/// to another source when not translated, such as clap help of an argument
/// added without a catalogue entry).
pub fn has_message(lang: Lang, key: &str) -> bool {
    let bundle: &FluentBundle<FluentResource> = if lang == Lang::Vi { &BUNDLE_VI } else { &BUNDLE_EN };
    bundle.has_message(key)
}

/// Turns a value into a Fluent argument: text as is; integers as numbers, so
/// that plural selectors work.
pub fn arg<'a, T: Into<FluentValue<'a>>>(v: T) -> FluentValue<'a> {
    v.into()
}

/// A catalogue message in the current language:
/// `tr!("key")`, `tr!("key", name = value, n = 3)`.
/// Values are anything `Into<FluentValue>`: `&str`, `String`, integers, floats
/// (format numbers in the plan's style first and pass the text).
#[macro_export]
macro_rules! tr {
    ($key:expr) => {
        $crate::i18n::message($key, None)
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $crate::i18n::message($key, Some(&args))
    }};
}

/// As [`tr!`](crate::tr), in a given language: `tr_in!(lang, "key", n = 1)`.
#[macro_export]
macro_rules! tr_in {
    ($lang:expr, $key:expr) => {
        $crate::i18n::message_in($lang, $key, None)
    };
    ($lang:expr, $key:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $crate::i18n::message_in($lang, $key, Some(&args))
    }};
}

/// The keys of a resource set with the variables each uses (sorted), for
/// the parity tests.
pub fn catalogue_keys(files: &[(&str, &str)]) -> std::collections::BTreeMap<String, Vec<String>> {
    use fluent_syntax::ast;
    let mut keys = std::collections::BTreeMap::new();
    for (name, src) in files {
        let res = fluent_syntax::parser::parse(*src).unwrap_or_else(|(_, e)| panic!("{name}: {e:?}"));
        for entry in res.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = Vec::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                vars.sort();
                vars.dedup();
                keys.insert(m.id.name.to_string(), vars);
            }
        }
    }
    keys
}

fn pattern_vars(p: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
            InlineExpression::Placeable { expression } => expr(expression, out),
            InlineExpression::FunctionReference { arguments, .. } => {
                arguments.positional.iter().for_each(|a| inline(a, out));
            }
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut Vec<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern_vars(&v.value, out);
                }
            }
        }
    }
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expr(expression, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_exists_in_both_languages_with_the_same_variables() {
        let vi = catalogue_keys(VI);
        let en = catalogue_keys(EN);
        let only_vi: Vec<_> = vi.keys().filter(|k| !en.contains_key(*k)).collect();
        let only_en: Vec<_> = en.keys().filter(|k| !vi.contains_key(*k)).collect();
        assert!(only_vi.is_empty() && only_en.is_empty(), "only in vi: {only_vi:?}; only in en: {only_en:?}");
        for (k, vars) in &vi {
            assert_eq!(vars, &en[k], "message `{k}` uses different variables in vi and en");
        }
    }

    #[test]
    fn both_catalogues_load_without_duplicates() {
        let _ = &*BUNDLE_VI;
        let _ = &*BUNDLE_EN;
    }

    #[test]
    fn arguments_are_filled_in_without_isolation_marks() {
        assert_eq!(tr_in!(Lang::En, "common-error", message = "x"), "error: x");
        assert_eq!(tr_in!(Lang::Vi, "common-error", message = "x"), "lỗi: x");
        assert_eq!(tr_in!(Lang::En, "common-days", n = 1), "1 day");
        assert_eq!(tr_in!(Lang::En, "common-days", n = 3), "3 days");
        assert_eq!(tr_in!(Lang::Vi, "common-days", n = 3), "3 ngày");
    }
}
