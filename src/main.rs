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

/// A closed pipe (`plan log | head`) is not an error (SPEC §6), whichever
/// writer met it: std's, or a serializer's that wraps it (serde_json,
/// csv, quick-xml hide the `io::Error` from the error chain).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == BrokenPipe)
            || e.downcast_ref::<serde_json::Error>().is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
            || e.downcast_ref::<csv::Error>()
                .is_some_and(|c| matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe))
            || e.downcast_ref::<quick_xml::Error>()
                .is_some_and(|x| matches!(x, quick_xml::Error::Io(io) if io.kind() == BrokenPipe))
    })
}
