//! One module per subcommand: glue only (load, call, render).

mod check;
mod correct;
mod done;
mod export;
mod import;
mod log;
mod record;
mod report;
mod show;
mod verify;

use crate::cli::{Cli, Command, LangArg};
use crate::input;
use crate::ledger::Ledger;
use crate::plan::{self, Lang, Plan};
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
}

impl Ctx {
    /// Loads and validates the plan; on errors prints them and fails.
    pub fn load_plan(&self) -> Result<Plan> {
        let loaded = plan::load_file(&self.plan_path)?;
        if !loaded.diagnostics.is_empty() {
            for d in &loaded.diagnostics {
                eprintln!("{d}\n");
            }
            eprintln!(
                "error: {} has {} error(s); `plan check` lists them",
                self.plan_path.display(),
                loaded.diagnostics.len()
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

    /// Opens the ledger for writing, bound to `plan`.
    pub fn open_ledger(&self, plan: &Plan) -> Result<Ledger> {
        let l = Ledger::open(&self.ledger_path(plan))?;
        l.check_plan(&plan.id)?;
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

/// Today (`PLAN_TODAY` or the system date).
pub fn today() -> Result<NaiveDate> {
    input::today().map_err(|e| anyhow!(e))
}

/// Rejected input: print `message`, exit 1, nothing written.
pub fn reject(message: impl Into<String>) -> anyhow::Error {
    anyhow!(message.into())
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    let ctx = Ctx {
        plan_path: cli.plan.clone().unwrap_or_else(|| PathBuf::from("plan.toml")),
        ledger_arg: cli.ledger.clone(),
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
        Command::Void(a) => correct::run_void(&ctx, a),
        Command::Log(a) => log::run(&ctx, a),
        Command::Report(a) => report::run(&ctx, a),
        Command::Export(a) => export::run(&ctx, a),
        Command::Verify(a) => verify::run(&ctx, a),
        Command::Completions(a) => {
            use clap::CommandFactory;
            let mut cmd = Cli::command();
            clap_complete::generate(a.shell, &mut cmd, "plan", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    }
}
