use super::Ctx;
use crate::cli::ReportArgs;
use anyhow::{Result, bail};
use std::process::ExitCode;

pub fn run(_ctx: &Ctx, _args: ReportArgs) -> Result<ExitCode> {
    bail!("`plan report` is not built yet")
}
