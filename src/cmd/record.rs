use super::Ctx;
use crate::cli::RecordArgs;
use anyhow::{Result, bail};
use std::process::ExitCode;

pub fn run(_ctx: &Ctx, _args: RecordArgs) -> Result<ExitCode> {
    bail!("`plan record` is not built yet")
}
