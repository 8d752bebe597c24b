//! One module per subcommand: glue only (load, call, render).

mod ask;
mod check;
mod correct;
mod done;
mod export;
mod history;
mod import;
mod log;
mod record;
mod report;
mod show;
mod template;
mod verify;
mod void;

use crate::cli::{Cli, Command, LangArg};
use crate::input;
use crate::ledger::Ledger;
use crate::plan::{self, Plan};
use crate::settings::Lang;
pub use crate::words::{cannot_read, io_reason};
use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// An error whose message was already printed (diagnostics, bad rows):
/// `main` exits 1 without printing it again.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Reported(pub String);

/// What every command needs to find the plan and the ledger.
pub struct Ctx {
    pub plan_path: PathBuf,
    pub ledger_arg: Option<PathBuf>,
    pub lang: Option<Lang>,
    /// `--clock-ok`: write even with the clock behind the ledger (SPEC §3).
    pub clock_ok: bool,
}

impl Ctx {
    /// Loads and validates the plan; on errors prints them and fails.
    pub fn load_plan(&self) -> Result<Plan> {
        let loaded = self.load_file()?;
        if !loaded.diagnostics.is_empty() {
            for d in &loaded.diagnostics {
                eprintln!("{d}\n");
            }
            let n = loaded.diagnostics.len() as i64;
            let file = self.plan_path.display().to_string();
            eprintln!(
                "{}",
                crate::tr!("common-error", message = crate::tr!("commands-plan-invalid", file = file, n = n))
            );
            return Err(Reported("invalid plan".into()).into());
        }
        let mut plan = loaded.plan.ok_or_else(|| anyhow!("invalid plan"))?;
        if let Some(lang) = self.lang {
            plan.lang = lang;
        }
        crate::i18n::set_lang(plan.lang);
        Ok(plan)
    }

    /// Reads the plan file; a missing file names the folder looked in and
    /// the three ways to point at a plan (SPEC §1), once.
    pub fn load_file(&self) -> Result<plan::Loaded> {
        plan::load_file(&self.plan_path).map_err(|plan::LoadError::Io { path, error }| {
            if error.kind() == std::io::ErrorKind::NotFound {
                let file =
                    self.plan_path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or(path);
                let dir = folder_of(&self.plan_path);
                anyhow!(crate::tr!("commands-plan-not-found", file = file, dir = dir))
            } else {
                anyhow!(crate::tr!("commands-plan-unreadable", file = path, reason = io_reason(&error)))
            }
        })
    }

    /// `--ledger`/`PLAN_LEDGER`, else `[plan] ledger` relative to the plan
    /// file, else `ledger.db` beside the plan file.
    pub fn ledger_path(&self, plan: &Plan) -> PathBuf {
        if let Some(p) = &self.ledger_arg {
            return p.clone();
        }
        let dir = self.plan_path.parent().unwrap_or(Path::new(""));
        let name = plan.ledger.as_deref().unwrap_or("ledger.db");
        dir.join(name)
    }

    /// Opens the ledger for writing, bound to `plan`, with `--clock-ok`.
    pub fn open_ledger(&self, plan: &Plan) -> Result<Ledger> {
        let mut l = Ledger::open(&self.ledger_path(plan))?;
        l.check_plan(&plan.id)?;
        l.allow_clock_behind(self.clock_ok);
        // The first write under a plan text not yet recorded records it (SPEC §2.1).
        l.set_plan_text(&plan.text);
        Ok(l)
    }

    /// This context with `--clock-ok` as `ok` (the interactive commands
    /// ask for it).
    pub fn with_clock_ok(&self, ok: bool) -> Ctx {
        Ctx {
            plan_path: self.plan_path.clone(),
            ledger_arg: self.ledger_arg.clone(),
            lang: self.lang,
            clock_ok: ok,
        }
    }

    /// Refuses a write, before its input is checked, when the computer's
    /// clock is behind the ledger's latest write (SPEC §3 "The clock"; the
    /// rule is [`crate::ledger::clock::check`], which the write itself
    /// applies again) unless `--clock-ok`. No ledger yet: nothing to
    /// compare with.
    pub fn check_clock(&self, plan: &Plan) -> Result<()> {
        if self.clock_ok {
            return Ok(());
        }
        // A ledger that cannot be read here is the write's to refuse, with
        // its own message (read-only media, another plan, no ledger).
        let Ok(Some(l)) = self.read_ledger(plan) else { return Ok(()) };
        match l.clock_behind()? {
            Some(behind) => Err(behind.into()),
            None => Ok(()),
        }
    }

    /// Whether the ledger's path was given (`--ledger`, `PLAN_LEDGER`) and
    /// is not the plan's own place for it (`[plan] ledger`, else
    /// `ledger.db` beside the plan): a path given that does not exist is a
    /// typo (SPEC §3), the plan's own place without a ledger is a plan
    /// with nothing recorded yet.
    pub fn ledger_given(&self, plan: &Plan) -> bool {
        let own = Ctx { ledger_arg: None, ..self.with_clock_ok(self.clock_ok) }.ledger_path(plan);
        self.ledger_arg.as_deref().is_some_and(|p| !same_place(p, &own))
    }

    /// Opens the ledger for a reading command (`report`, `log`, `verify`,
    /// `export`, `template`), which never creates one (SPEC §3): a path
    /// that was given and does not exist (`--ledger ledgr.db`, a typo) is
    /// refused naming it; the default `ledger.db` beside the plan not
    /// there yet is `None` (nothing recorded yet, said on stderr), so that
    /// a new office can print its first template. Works read-only
    /// ([`Ledger::open_existing`]). With `check_plan`, a ledger of another
    /// plan is refused.
    pub fn reading_ledger(&self, plan: &Plan, check_plan: bool) -> Result<Option<Ledger>> {
        let path = self.ledger_path(plan);
        if !path.exists() {
            let file = path.display().to_string();
            if self.ledger_given(plan) {
                return Err(reject(crate::tr!("ledger-missing", path = file)));
            }
            eprintln!("{}", crate::render::for_stderr(&crate::tr!("ledger-none-yet", path = file)));
            return Ok(None);
        }
        let l = Ledger::open_existing(&path)?;
        if check_plan && let Some(l) = &l {
            l.check_plan(&plan.id)?;
        }
        Ok(l)
    }

    /// Opens the ledger for reading; `None` if it does not exist yet.
    pub fn read_ledger(&self, plan: &Plan) -> Result<Option<Ledger>> {
        let l = Ledger::open_existing(&self.ledger_path(plan))?;
        if let Some(l) = &l {
            l.check_plan(&plan.id)?;
        }
        Ok(l)
    }
}

/// Whether two paths name the same file, which may not exist yet: their
/// folders resolved (links, `..`) and their names equal.
fn same_place(a: &Path, b: &Path) -> bool {
    let resolve = |p: &Path| {
        let dir = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        (dir.canonicalize().unwrap_or(dir), p.file_name().map(|n| n.to_owned()))
    };
    resolve(a) == resolve(b)
}

/// The folder a relative or absolute path lies in, absolute when it can be
/// told ("/home/lan/ke-hoach").
fn folder_of(path: &Path) -> String {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::path::absolute(&dir).unwrap_or(dir).display().to_string()
}

/// Today (`PLAN_TODAY` or the system date).
pub fn today() -> Result<NaiveDate> {
    input::today().map_err(|e| anyhow!(e))
}

/// Names on stderr the entries reported after `today` (SPEC §3 "The
/// clock"): no report counts them until they are re-dated.
pub fn warn_future_entries(ids: &[i64], today: NaiveDate) {
    if ids.is_empty() {
        return;
    }
    const SHOWN: usize = 20;
    let mut list = ids.iter().take(SHOWN).map(|id| format!("#{id}")).collect::<Vec<_>>().join(", ");
    if ids.len() > SHOWN {
        list.push_str(", ");
        list.push_str(&crate::tr!("commands-future-more", n = (ids.len() - SHOWN) as i64));
    }
    let first = ids[0].to_string();
    let message = crate::tr!(
        "commands-future-entries",
        n = ids.len() as i64,
        ids = list,
        today = crate::words::date_in_message(today),
        first = first
    );
    eprintln!("{}", crate::render::for_stderr(&crate::tr!("common-warning", message = message)));
}

/// Names on stderr, in one line, the ids with entries in the ledger that
/// the plan no longer accounts for (SPEC §2.1 orphans).
pub fn warn_orphans(orphans: &[crate::report::Orphan]) {
    if let Some(message) = orphans_message(orphans) {
        eprintln!("{}", crate::render::for_stderr(&crate::tr!("common-warning", message = message)));
    }
}

/// "the ledger holds entries of 2 ids the plan no longer has (…)", or
/// `None` when there is none.
pub fn orphans_message(orphans: &[crate::report::Orphan]) -> Option<String> {
    if orphans.is_empty() {
        return None;
    }
    let list = orphans
        .iter()
        .map(|o| crate::tr!("amend-orphan-item", id = o.id.as_str(), n = o.entries))
        .collect::<Vec<_>>()
        .join(", ");
    Some(crate::tr!("amend-orphans", n = orphans.len() as i64, list = list))
}

/// Rejected input: print `message`, exit 1, nothing written.
pub fn reject(message: impl Into<String>) -> anyhow::Error {
    anyhow!(message.into())
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    let ctx = Ctx {
        plan_path: cli.plan.clone().unwrap_or_else(|| PathBuf::from("plan.toml")),
        ledger_arg: cli.ledger.clone(),
        clock_ok: cli.clock_ok,
        lang: cli.lang.map(|l| match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }),
    };
    // Until the plan is read, messages follow `--lang`, else the environment.
    if let Some(lang) = ctx.lang {
        crate::i18n::set_lang(lang);
    }
    match cli.command {
        Command::Check(a) => check::run(&ctx, a),
        Command::Show(a) => show::run(&ctx, a),
        Command::Record(a) => record::run(&ctx, a),
        Command::Done(a) => done::run(&ctx, a),
        Command::Import(a) => import::run(&ctx, a),
        Command::Correct(a) => correct::run_correct(&ctx, a),
        Command::Void(a) => void::run(&ctx, a),
        Command::Log(a) => log::run(&ctx, a),
        Command::Report(a) => report::run(&ctx, a),
        Command::Template(a) => template::run(&ctx, a),
        Command::Export(a) => export::run(&ctx, a),
        Command::Verify(a) => verify::run(&ctx, a),
        Command::History(a) => history::run(&ctx, a),
        Command::Completions(a) => {
            use clap::CommandFactory;
            let mut cmd = Cli::command();
            // Into memory first: clap_complete panics when stdout closes
            // early (`plan completions bash | head`); written here, a closed
            // pipe ends the command quietly as it does for every other.
            let mut script = Vec::new();
            clap_complete::generate(a.shell, &mut cmd, "plan", &mut script);
            crate::render::write_text(&script, None)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What counts as of `as_of` for each of `needs` (indicator id, first and
/// last year; SPEC §5 "What counts"), read through the figure index in one
/// read transaction, with the figures under an indicator's old ids
/// (`formerly`, SPEC §2.1) read too and merged into it
/// ([`crate::counting::merge_renamed`]). Used by `report` and `template`.
///
/// Errors: as [`crate::ledger::Ledger::counted_figures`].
pub(crate) fn counted_for(
    ledger: &crate::ledger::Ledger,
    plan: &Plan,
    needs: impl IntoIterator<Item = (String, i32, i32)>,
    as_of: chrono::NaiveDate,
) -> Result<crate::counting::Figures> {
    let mut all: Vec<(String, i32, i32)> = Vec::new();
    for (id, first, last) in needs {
        let old = plan.indicator(&id).map(|i| i.formerly.clone()).unwrap_or_default();
        all.extend(old.into_iter().map(|o| (o, first, last)));
        all.push((id, first, last));
    }
    all.sort_unstable();
    let mut figures = ledger.counted_many(&all, as_of)?;
    crate::counting::merge_renamed(&mut figures, &plan.renames());
    Ok(figures)
}
