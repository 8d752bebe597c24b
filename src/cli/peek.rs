//! What `--help` and the parser need from the plan file before the
//! command line is parsed, read cheaply (no validation): its language, its
//! order of dates and the ids to build examples from.

use super::*;

/// What `--help` needs from the plan in use, read cheaply (no validation):
/// its language and the ids to build examples from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Peek {
    pub lang: Option<Lang>,
    pub numbers: Option<NumberStyle>,
    pub start: Option<i32>,
    pub end: Option<i32>,
    pub group: Option<String>,
    /// The first indicator that takes figures, with its `every`.
    pub indicator: Option<(String, Cadence)>,
    /// That indicator's `integer`, `min` and `max` (SPEC §2), so that the
    /// example value of `record --help` is one `record` takes.
    pub figure_rules: FigureRules,
    pub task: Option<String>,
    /// The plan's `dates`: the order of a slashed date in `--date` and
    /// `--as-of` (none: day first, as the plan reads without the key).
    pub dates: Option<DateOrder>,
}

/// What a figure of the example indicator must be (SPEC §2 `integer`,
/// `min`, `max`), as far as the plan file says.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct FigureRules {
    pub integer: bool,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// The unit is a percentage (`%`): the example is a rate, not 1234.5.
    pub percent: bool,
}

impl FigureRules {
    /// 1234.5 (it shows both separators), made to fit the rules: clamped
    /// to `min`..`max`, rounded down to a whole number for counts.
    pub fn example_value(&self) -> f64 {
        let mut v = if self.percent { 12.5 } else { 1234.5_f64 };
        if let Some(max) = self.max {
            v = v.min(max);
        }
        if let Some(min) = self.min {
            v = v.max(min);
        }
        if self.integer { v.floor() } else { v }
    }
}

impl Peek {
    /// Reads what it can of the plan file at `path`; an unreadable or
    /// broken file gives what could be read (possibly nothing).
    pub fn file(path: &std::path::Path) -> Peek {
        std::fs::read_to_string(path).map(|t| Peek::text(&t)).unwrap_or_default()
    }

    /// As [`Peek::file`], from the text of a plan.
    pub fn text(text: &str) -> Peek {
        let Ok(doc) = text.parse::<toml::Table>() else {
            // Broken TOML: the language alone, from its own line.
            return Peek { lang: lang_line(text), ..Peek::default() };
        };
        let plan = doc.get("plan").and_then(|v| v.as_table());
        let s = |k: &str| plan.and_then(|p| p.get(k)).and_then(|v| v.as_str());
        let groups = doc.get("group").and_then(|g| g.as_array()).map(Vec::as_slice).unwrap_or(&[]);
        let id = |t: &toml::Value| t.get("id").and_then(|v| v.as_str()).map(String::from);
        let items = |key: &'static str| {
            groups.iter().flat_map(move |g| g.get(key).and_then(|v| v.as_array()).into_iter().flatten())
        };
        let year = |k: &str| {
            plan.and_then(|p| p.get(k)).and_then(|v| v.as_integer()).and_then(|y| i32::try_from(y).ok())
        };
        let first_recorded = || {
            items("indicator").find_map(|i| {
                let every = i.get("every").and_then(|v| v.as_str()).and_then(Cadence::parse_name)?;
                id(i)?;
                Some((i, every))
            })
        };
        Peek {
            lang: s("lang").and_then(Lang::parse_name),
            numbers: s("numbers").and_then(NumberStyle::parse_name),
            start: year("start"),
            end: year("end"),
            group: groups.iter().find_map(id),
            indicator: first_recorded().map(|(i, every)| (id(i).unwrap_or_default(), every)),
            figure_rules: first_recorded()
                .map(|(i, _)| {
                    let number = |k: &str| {
                        i.get(k).and_then(|v| v.as_float().or_else(|| v.as_integer().map(|n| n as f64)))
                    };
                    FigureRules {
                        integer: i.get("integer").and_then(|v| v.as_bool()).unwrap_or(false),
                        min: number("min"),
                        max: number("max"),
                        percent: i.get("unit").and_then(|v| v.as_str()).is_some_and(|u| u.contains('%')),
                    }
                })
                .unwrap_or_default(),
            task: items("task").find_map(id),
            dates: s("dates").and_then(DateOrder::parse_name),
        }
    }
}

/// `lang = "vi"` on a line of its own, for a plan whose TOML does not parse.
fn lang_line(text: &str) -> Option<Lang> {
    text.lines().find_map(|l| {
        let (k, v) = l.split_once('=')?;
        (k.trim() == "lang").then(|| Lang::parse_name(v.trim().trim_matches('"')))?
    })
}

/// The value of `--NAME VALUE` or `--NAME=VALUE` among `args`, before `--`.
pub(super) fn flag_value(args: &[std::ffi::OsString], name: &str) -> Option<String> {
    let long = format!("--{name}");
    let prefix = format!("--{name}=");
    let mut it = args.iter().map(|a| a.to_string_lossy()).take_while(|a| a != "--");
    while let Some(a) = it.next() {
        if a == long {
            return it.next().map(|v| v.to_string());
        }
        if let Some(v) = a.strip_prefix(&prefix) {
            return Some(v.to_string());
        }
    }
    None
}

/// The language of messages and help for a command line (SPEC §4):
/// `--lang`, else the plan's `lang`, else the environment's.
pub fn language(args: &[std::ffi::OsString], peek: &Peek) -> Lang {
    flag_value(args, "lang")
        .and_then(|l| Lang::parse_name(&l))
        .or(peek.lang)
        .unwrap_or_else(crate::i18n::env_lang)
}

/// The plan file a command line points at: `--plan`, else `PLAN_FILE`,
/// else `./plan.toml` (SPEC §1).
pub fn plan_path(args: &[std::ffi::OsString]) -> PathBuf {
    flag_value(args, "plan")
        .or_else(|| std::env::var("PLAN_FILE").ok().filter(|s| !s.is_empty()))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("plan.toml"))
}
