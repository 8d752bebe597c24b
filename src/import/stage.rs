//! Writing an import (SPEC §4.1, §3): the second pass on two threads (one
//! reads, checks and seals the rows, the other inserts them in one
//! IMMEDIATE transaction), and a new ledger built aside ([`Staging`]) and
//! linked into place only once committed, so that a refused file leaves no
//! ledger file behind.

use super::source::Input;
use super::{Known, Outcome, Store};
use crate::entry::Entry;
use crate::ledger::{Ledger, NewEntry, Sealed, Writer};
use crate::plan::Plan;
use crate::tr;
use anyhow::{Context, Result, anyhow, bail};
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// More than any real row takes (a row of figures is some 40 to 80 bytes):
/// a file of `n` bytes has at least `n / BYTES_PER_ROW_AT_MOST` rows, and
/// when that is more than the ledger holds, the index of figures is built
/// once at the end rather than row by row.
const BYTES_PER_ROW_AT_MOST: u64 = 200;

/// Entries sent to the writing thread at a time.
const CHUNK: usize = 1024;
/// Chunks on their way to the writing thread at most (memory stays bounded
/// when it is the slower of the two).
const CHUNKS_IN_FLIGHT: usize = 8;

/// What the reading thread sends the writing one.
enum ToWriter {
    Entries(Vec<Sealed>),
    /// Every row was good: write the batch's row and commit.
    Commit {
        rows: u64,
        sha256: String,
    },
}

/// The second pass, on two threads: this one reads and checks the rows and
/// seals the new entries (id and hash), another inserts them in one
/// IMMEDIATE transaction (which it opens, reading what the ledger counts
/// inside it). `read` is the reading on this thread: given what the
/// ledger holds, it pushes each new entry to the sink it is handed (the
/// command's reader, which also says what was wrong). Returns the batch,
/// or `None` when nothing was new (then nothing is written); `by` signs the
/// batch; `early_sync`, a new ledger's file, is synced while the writer
/// finishes.
pub fn import_piped(
    ledger: &mut Ledger,
    plan: &Plan,
    input: &Input,
    by: &str,
    early_sync: Option<&Path>,
    read: impl FnOnce(Known, &mut dyn FnMut(&NewEntry) -> Result<()>) -> Result<Outcome>,
) -> Result<(Outcome, Option<i64>)> {
    std::thread::scope(|s| {
        let (known_tx, known_rx) = mpsc::sync_channel(1);
        let (to_writer, from_reader) = mpsc::sync_channel(CHUNKS_IN_FLIGHT);
        let (recycle, recycled) = mpsc::channel::<Vec<Sealed>>();
        let batch_file = &input.batch_name;
        let size = input.size;
        // Named, so that a profile tells the two threads apart.
        let writer = std::thread::Builder::new().name("plan-writer".into()).spawn_scoped(
            s,
            move || -> Result<Option<i64>> {
                let mut w = ledger.writer(&plan.id)?;
                if size / BYTES_PER_ROW_AT_MOST > w.entries_before() as u64 {
                    w.defer_figure_index()?;
                }
                let batch = w.open_batch(by)?;
                if known_tx.send((Known::read(&mut Reading(&w))?, w.sealer())).is_err() {
                    return Ok(None);
                }
                for msg in from_reader {
                    match msg {
                        ToWriter::Entries(chunk) => {
                            w.insert(&chunk)?;
                            // The reader may be gone: then the chunk just drops.
                            let _ = recycle.send(chunk);
                        }
                        ToWriter::Commit { rows, sha256 } => {
                            w.close_batch(batch_file, &sha256, rows as i64)?;
                            w.commit()?;
                            return Ok(Some(batch));
                        }
                    }
                }
                // The reader stopped without a commit: the transaction rolls back.
                Ok(None)
            },
        )?;
        let writer_failed =
            |writer: std::thread::ScopedJoinHandle<'_, Result<Option<i64>>>| match writer.join() {
                Ok(Err(e)) => e,
                Ok(Ok(_)) => anyhow!(tr!("import-writer-stopped")),
                Err(panic) => std::panic::resume_unwind(panic),
            };
        // The hash chain is extended here, the writer only checks each
        // entry's place in it: hashing is a good part of the work.
        let Ok((known, mut sealer)) = known_rx.recv() else { return Err(writer_failed(writer)) };
        let mut chunk: Vec<Sealed> = Vec::with_capacity(CHUNK);
        let mut filled = 0;
        let send = |chunk: &mut Vec<Sealed>, filled: &mut usize| {
            chunk.truncate(*filled);
            let next = recycled.try_recv().unwrap_or_else(|_| Vec::with_capacity(CHUNK));
            *filled = 0;
            to_writer.send(ToWriter::Entries(std::mem::replace(chunk, next))).is_ok()
        };
        let read = read(known, &mut |e| {
            match chunk.get_mut(filled) {
                Some(slot) => sealer.seal_into(e, slot),
                None => chunk.push(sealer.seal(e)),
            }
            filled += 1;
            if filled == CHUNK && !send(&mut chunk, &mut filled) {
                bail!(tr!("import-writer-stopped"));
            }
            Ok(())
        });
        let outcome = match read {
            Ok(o) if o.total.added > 0 => o,
            // Bad rows, or nothing new: dropping the sender rolls back.
            other => {
                drop(to_writer);
                return match writer.join() {
                    Ok(Err(e)) => Err(e),
                    Ok(Ok(_)) => other.map(|o| (o, None)),
                    Err(panic) => std::panic::resume_unwind(panic),
                };
            }
        };
        if filled > 0 && !send(&mut chunk, &mut filled) {
            return Err(writer_failed(writer));
        }
        let commit = ToWriter::Commit { rows: outcome.rows, sha256: outcome.sha256.clone() };
        if to_writer.send(commit).is_err() {
            return Err(writer_failed(writer));
        }
        drop(to_writer);
        // A new ledger is synced before it is published: what is written
        // so far goes to disk while the writer builds the index, so that
        // less is left for that sync (best effort: it is repeated).
        if let Some(path) = early_sync {
            let _ = File::open(path).and_then(|f| f.sync_data());
        }
        match writer.join() {
            Ok(Ok(batch)) => Ok((outcome, batch)),
            Ok(Err(e)) => Err(e),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// A new ledger built beside its final path; removed unless published.
pub struct Staging {
    /// Where the new ledger is built.
    pub path: PathBuf,
}

impl Staging {
    pub fn beside(ledger: &Path) -> Staging {
        let name =
            ledger.file_name().map_or_else(|| "ledger.db".into(), |n| n.to_string_lossy().into_owned());
        let path = ledger.with_file_name(format!(".{name}.import-{}", std::process::id()));
        let s = Staging { path };
        s.remove();
        s
    }

    /// Puts the committed ledger at `dest`, unless another command created
    /// one there meanwhile: then nothing is imported, and it returns false.
    pub fn publish(&self, dest: &Path) -> Result<bool> {
        // Closing the connection checkpointed the WAL into the file; if it
        // could not, the file alone is not the ledger.
        if std::fs::metadata(self.sibling("-wal")).is_ok_and(|m| m.len() > 0) {
            return Err(anyhow!(tr!("import-cannot-finish", file = dest.display().to_string())));
        }
        // It was built without syncs: make it durable before it is seen.
        File::open(&self.path)
            .and_then(|f| f.sync_all())
            .with_context(|| tr!("import-cannot-finish", file = dest.display().to_string()))?;
        match std::fs::hard_link(&self.path, dest) {
            Ok(()) => {
                // The new name, too (best effort: not every system can).
                if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
                    let _ = File::open(dir).and_then(|d| d.sync_all());
                }
                Ok(true)
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
            // No hard links here (some network drives): rename instead.
            Err(_) if dest.exists() => Ok(false),
            Err(_) => std::fs::rename(&self.path, dest)
                .map(|()| true)
                .with_context(|| tr!("import-cannot-create-ledger", file = dest.display().to_string())),
        }
    }

    fn sibling(&self, suffix: &str) -> PathBuf {
        let mut p = self.path.clone().into_os_string();
        p.push(suffix);
        PathBuf::from(p)
    }

    fn remove(&self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(self.sibling(suffix));
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        self.remove();
    }
}

/// Reads inside the import's transaction, so "unchanged" cannot race
/// another writer.
struct Reading<'a, 'c>(&'a Writer<'c>);

impl Store for Reading<'_, '_> {
    fn each_entry_newest_first(&mut self, f: &mut dyn FnMut(Entry) -> Result<()>) -> Result<()> {
        self.0.for_each_entry_newest_first(f)
    }

    fn task_entries(&mut self) -> Result<Vec<Entry>> {
        self.0.task_entries()
    }
}

/// `--dry-run`: reads the ledger if there is one, writes nothing.
pub struct ReadOnly<'a>(pub Option<&'a Ledger>);

impl Store for ReadOnly<'_> {
    fn each_entry_newest_first(&mut self, f: &mut dyn FnMut(Entry) -> Result<()>) -> Result<()> {
        self.0.map_or(Ok(()), |l| l.for_each_entry_newest_first(f))
    }

    fn task_entries(&mut self) -> Result<Vec<Entry>> {
        self.0.map_or(Ok(Vec::new()), |l| l.task_entries())
    }
}
