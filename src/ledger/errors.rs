//! The one place that turns SQLite's failures into messages a clerk can act
//! on (SPEC §3, §6): a ledger on read-only media or a full disk says so,
//! never "không phải là sổ cái của plan" and never SQLite's own English
//! ("attempt to write a readonly database", "Error code 8"). A failed write
//! is rolled back by SQLite, so the message can say nothing was written.

use super::busy;
use crate::tr;
use rusqlite::ErrorCode;
use std::path::Path;

/// What went wrong, as far as the message to the clerk goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Another writer held the ledger past the wait (`ledger/busy.rs`).
    Busy,
    /// The file or its folder cannot be written (read-only media, a share,
    /// permissions).
    ReadOnly,
    /// The disk (or a size limit) is full.
    Full,
    /// The file could not be opened at all.
    CannotOpen,
    /// Reading or writing the disk failed.
    Io,
    /// The file is not an SQLite database, or is damaged.
    NotALedger,
    /// Anything else (a bug, a constraint): SQLite's own words.
    Other,
}

/// The kind of `e`.
pub fn classify(e: &rusqlite::Error) -> Failure {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Failure::Busy,
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => Failure::ReadOnly,
        Some(ErrorCode::DiskFull | ErrorCode::TooBig) => Failure::Full,
        Some(ErrorCode::CannotOpen) => Failure::CannotOpen,
        Some(ErrorCode::SystemIoFailure) => Failure::Io,
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Failure::NotALedger,
        _ => Failure::Other,
    }
}

/// `e`, met while using the ledger at `path`, as the message for the
/// clerk. `writing`: the command meant to write (a place that cannot be
/// opened is then one that cannot be written).
pub fn explain(e: rusqlite::Error, path: &Path, writing: bool) -> anyhow::Error {
    let file = path.display().to_string();
    match classify(&e) {
        Failure::Busy => busy::explain(e, path),
        Failure::ReadOnly => anyhow::anyhow!(tr!("ledger-read-only", path = file)),
        // A folder that exists but where the file cannot be made: read-only.
        Failure::CannotOpen
            if writing && path.parent().is_none_or(|d| d.as_os_str().is_empty() || d.is_dir()) =>
        {
            anyhow::anyhow!(tr!("ledger-read-only", path = file))
        }
        Failure::CannotOpen => anyhow::anyhow!(tr!("ledger-cannot-open", path = file)),
        Failure::Full => anyhow::anyhow!(tr!("ledger-disk-full", path = file)),
        Failure::Io => anyhow::anyhow!(tr!("ledger-io", path = file)),
        Failure::NotALedger => anyhow::anyhow!(tr!("ledger-not-a-ledger", path = file)),
        Failure::Other => e.into(),
    }
}

/// [`explain`] for an error that may hold a rusqlite one somewhere in its
/// chain (a message added with `context` is kept in front).
pub fn explain_any(e: anyhow::Error, path: &Path, writing: bool) -> anyhow::Error {
    match e.downcast::<rusqlite::Error>() {
        Ok(sql) => explain(sql, path, writing),
        Err(e) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(c), None)
    }

    #[test]
    fn each_failure_has_its_message() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let p = Path::new("/media/usb/ledger.db");
        let msg = |c: i32, writing: bool| explain(code(c), p, writing).to_string();
        // SQLITE_READONLY (8), also as an extended code (READONLY_DBMOVED = 8 | 4<<8).
        assert!(msg(8, true).contains("read-only"), "{}", msg(8, true));
        assert!(msg(8 | (4 << 8), true).contains("read-only"));
        assert!(!msg(8, true).contains("code 8"));
        // SQLITE_FULL (13).
        assert!(msg(13, true).contains("full"), "{}", msg(13, true));
        // SQLITE_CANTOPEN (14): read-only when writing in a folder that
        // exists; cannot open when reading, or when the folder is not there.
        let dir = tempfile::tempdir().unwrap();
        let here = dir.path().join("ledger.db");
        assert!(explain(code(14), &here, true).to_string().contains("read-only"));
        assert!(explain(code(14), &here, false).to_string().contains("cannot open"));
        assert!(msg(14, true).contains("cannot open"), "{}", msg(14, true));
        // SQLITE_NOTADB (26).
        assert!(msg(26, false).contains("not a plan ledger"), "{}", msg(26, false));
        assert!(msg(8, true).contains("/media/usb/ledger.db"));
        // In Vietnamese, the default of the shipped plan.
        crate::i18n::set_lang(crate::settings::Lang::Vi);
        assert!(msg(13, true).contains("đã đầy: không ghi gì"), "{}", msg(13, true));
        assert!(msg(8, true).contains("nơi chỉ đọc được"), "{}", msg(8, true));
        assert!(!msg(8, true).contains("không phải là sổ cái"));
        crate::i18n::set_lang(crate::settings::Lang::En);
    }
}
