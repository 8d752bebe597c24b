//! Opening an existing ledger for reading on any medium (SPEC §3: reading
//! commands work on a read-only file or folder).

use super::{Ledger, errors};
use crate::tr;
use anyhow::{Result, bail};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

impl Ledger {
    /// Opens an existing ledger for reading, or `None` when there is no
    /// file (the caller decides whether that is an error: SPEC §3, reading
    /// commands never create a ledger).
    ///
    /// Works on a read-only file or folder (a USB stick, a share): opened
    /// for writing where it can be (an older ledger is then migrated), else
    /// read-only, else, when the folder cannot even hold SQLite's shared
    /// memory file beside a WAL ledger, as an immutable file, which is
    /// refused if writes not yet merged into it lie beside it (its `-wal`
    /// file), as they would be missed.
    pub fn open_existing(path: &Path) -> Result<Option<Ledger>> {
        if !path.exists() {
            return Ok(None);
        }
        let retry = |e: &rusqlite::Error| {
            matches!(
                errors::classify(e),
                errors::Failure::ReadOnly | errors::Failure::CannotOpen | errors::Failure::Io
            )
        };
        let modes = [OpenMode::ReadWrite, OpenMode::ReadOnly, OpenMode::Immutable];
        for (i, mode) in modes.into_iter().enumerate() {
            let last = i + 1 == modes.len();
            if mode == OpenMode::Immutable && unmerged_wal(path) {
                bail!(tr!("ledger-unmerged-wal", path = path.display().to_string()));
            }
            let conn = match open_as(path, mode) {
                Ok(c) => c,
                Err(e) if !last && retry(&e) => continue,
                Err(e) => return Err(errors::explain(e, path, false)),
            };
            // Reading the schema goes through the WAL (and its shared memory).
            match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)) {
                Err(e) if !last && retry(&e) => continue,
                _ => return Self::init(conn, path, false).map(Some),
            }
        }
        unreachable!("the last mode returns")
    }
}

/// How [`Ledger::open_existing`] tries to open a ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpenMode {
    ReadWrite,
    ReadOnly,
    /// `immutable=1`: no locks, no shared memory (read-only media).
    Immutable,
}

/// Opens the connection in SQLite's multi-thread mode (`NO_MUTEX`, as
/// rusqlite's own default): a `Connection` is used by one thread at a time
/// (it is not `Sync`), so the serialized mode's mutex, taken and released
/// on every call (each column of each row read), buys nothing. A report
/// reading 10,000 entries spent about a tenth of its instructions on it.
fn open_as(path: &Path, mode: OpenMode) -> rusqlite::Result<Connection> {
    let uri = |query: &str| format!("{}?{query}", file_uri(path));
    let single = OpenFlags::SQLITE_OPEN_NO_MUTEX;
    match mode {
        OpenMode::ReadWrite => Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | single),
        OpenMode::ReadOnly => Connection::open_with_flags(
            uri("mode=ro"),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | single,
        ),
        OpenMode::Immutable => Connection::open_with_flags(
            uri("immutable=1"),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | single,
        ),
    }
}

/// `file:` and the path with the characters a URI gives a meaning to
/// (`%`, `?`, `#`) escaped.
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri
}

/// Whether a non-empty `-wal` file lies beside the ledger: writes not yet
/// merged into it, which an immutable reader would not see.
fn unmerged_wal(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}
