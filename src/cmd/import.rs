use super::Ctx;
use crate::cli::ImportArgs;
use anyhow::{Result, bail};
use std::process::ExitCode;

pub fn run(_ctx: &Ctx, _args: ImportArgs) -> Result<ExitCode> {
    bail!("`plan import` is not built yet")
}
