//! Waiting for another writer (SPEC §4: "while another write holds the
//! ledger, a command says after a second that it is waiting, and after the
//! busy timeout says why it gave up").
//!
//! SQLite calls the handler each time the ledger is locked; it sleeps a
//! little and asks again, says once (after [`SAY_AFTER`]) that it is
//! waiting, and gives up after the timeout ([`timeout`]). Who holds the
//! lock SQLite cannot tell: the message says another plan command is
//! writing. A lock that outlasted the wait becomes [`Busy`], a message
//! from the catalogue, never SQLite's own "database is locked".

use crate::tr;
use rusqlite::{Connection, ErrorCode};
use std::cell::Cell;
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a writer waits for another to finish, unless
/// `PLAN_BUSY_TIMEOUT_MS` says otherwise (tests, slow network drives).
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// When the wait is announced.
const SAY_AFTER: Duration = Duration::from_secs(1);

/// The wait before giving up.
pub fn timeout() -> Duration {
    std::env::var("PLAN_BUSY_TIMEOUT_MS")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map_or(DEFAULT_TIMEOUT, Duration::from_millis)
}

thread_local! {
    /// When the current wait began, and whether it was announced.
    static WAIT: Cell<(Option<Instant>, bool)> = const { Cell::new((None, false)) };
}

fn handler(count: i32) -> bool {
    let now = Instant::now();
    let (start, said) = WAIT.with(|w| {
        let (start, said) = w.get();
        let start = match (count, start) {
            (0, _) | (_, None) => now,
            (_, Some(s)) => s,
        };
        let said = said && count > 0;
        w.set((Some(start), said));
        (start, said)
    });
    let waited = now - start;
    if waited >= timeout() {
        return false;
    }
    if waited >= SAY_AFTER && !said {
        eprintln!("{}", tr!("ledger-waiting"));
        WAIT.with(|w| w.set((Some(start), true)));
    }
    // Short sleeps first (most writes take milliseconds), then 50 ms.
    std::thread::sleep(Duration::from_millis(if count < 10 { 2 } else { 50 }));
    true
}

/// Installs the handler on a connection.
pub fn install(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.busy_handler(Some(handler))
}

/// Runs `step` again while SQLite answers "locked" without having asked
/// the handler, until the wait ([`timeout`]) is over.
///
/// SQLite skips the busy handler where waiting could deadlock: switching a
/// new ledger from a rollback journal to WAL while another process does
/// the same returns `SQLITE_BUSY` at once. Four clerks recording into a
/// ledger that does not exist yet hit this (one run in a few hundred);
/// retrying the whole step is safe, as it changes nothing until it works.
pub fn retry<T>(mut step: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    // The handler's own wait: the same sleeps, the same announcement, the
    // same timeout (it returns false once the wait is over).
    let mut count = 0;
    loop {
        match step() {
            Err(e) if is_busy(&e) && handler(count) => count += 1,
            other => return other,
        }
    }
}

/// The ledger stayed locked longer than the wait.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Busy(pub String);

/// Whether `e` is SQLite's "the database is locked".
pub fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

/// `e` as [`Busy`] when the ledger was locked, else as it is.
pub fn explain(e: rusqlite::Error, path: &Path) -> anyhow::Error {
    if is_busy(&e) {
        let secs = timeout().as_secs_f64();
        Busy(tr!(
            "ledger-busy",
            path = path.display().to_string(),
            seconds = format!("{}", (secs * 10.0).round() / 10.0)
        ))
        .into()
    } else {
        e.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locked() -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY), None)
    }

    #[test]
    fn retry_runs_a_step_again_while_it_is_locked() {
        let mut calls = 0;
        let got = retry(|| {
            calls += 1;
            if calls < 3 { Err(locked()) } else { Ok(calls) }
        });
        assert_eq!(got.unwrap(), 3);
    }

    #[test]
    fn retry_returns_other_errors_at_once() {
        let mut calls = 0;
        let got: rusqlite::Result<()> = retry(|| {
            calls += 1;
            Err(rusqlite::Error::InvalidQuery)
        });
        assert!(matches!(got, Err(rusqlite::Error::InvalidQuery)));
        assert_eq!(calls, 1);
    }
}
