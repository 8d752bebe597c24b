use super::Ctx;
use crate::cli::VerifyArgs;
use anyhow::{Result, bail};
use std::process::ExitCode;

pub fn run(_ctx: &Ctx, _args: VerifyArgs) -> Result<ExitCode> {
    bail!("`plan verify` is not built yet")
}
