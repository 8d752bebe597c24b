use super::Ctx;
use crate::cli::DoneArgs;
use anyhow::{Result, bail};
use std::process::ExitCode;

pub fn run(_ctx: &Ctx, _args: DoneArgs) -> Result<ExitCode> {
    bail!("`plan done` is not built yet")
}
