use super::Ctx;
use crate::cli::LogArgs;
use anyhow::{Result, bail};
use std::process::ExitCode;

pub fn run(_ctx: &Ctx, _args: LogArgs) -> Result<ExitCode> {
    bail!("`plan log` is not built yet")
}
