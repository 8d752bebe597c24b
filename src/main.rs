//! Thin entry point: parse, run, map errors to exit codes.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = plan::cli::parse();
    match plan::cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            if !err.is::<plan::cmd::Reported>() {
                let text = plan::tr!("common-error", message = format!("{err:#}"));
                eprintln!("{}", plan::render::for_stderr(&text));
            }
            ExitCode::from(1)
        }
    }
}

/// A closed pipe (`plan log | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
