use super::Ctx;
use crate::cli::{CorrectArgs, VoidArgs};
use anyhow::{Result, bail};
use std::process::ExitCode;

pub fn run_correct(_ctx: &Ctx, _args: CorrectArgs) -> Result<ExitCode> {
    bail!("`plan correct` is not built yet")
}

pub fn run_void(_ctx: &Ctx, _args: VoidArgs) -> Result<ExitCode> {
    bail!("`plan void` is not built yet")
}
