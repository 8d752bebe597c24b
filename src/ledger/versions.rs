//! The plan versions the ledger worked under (SPEC §2.1), and the ids it
//! holds entries of (for orphans).
//!
//! A version is an entry of kind [`Kind::PlanVersion`] in the hash chain,
//! whose `value_text` is the SHA-256 of the plan text as hex; the text
//! itself lies in the append-only table `plan_text (hash, entry, text)`
//! (schema version 6). The first write under a text the ledger has not
//! seen appends the version before its own entries, in the same
//! transaction ([`Writer::record_plan_version`]).

use super::{Head, Ledger, NewEntry, Writer};
use crate::entry::Kind;
use anyhow::Result;
use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

/// The SHA-256 of a plan text (as [`crate::plan::Plan::text`] holds it:
/// BOM dropped, LF line ends).
pub fn content_hash(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

/// The fingerprint of a plan text not recorded yet: the first 16 hex
/// digits of its content hash (SPEC §2.1).
pub fn text_fingerprint(text: &str) -> String {
    hash_fingerprint(&content_hash(text))
}

/// [`text_fingerprint`] of the text whose [`content_hash`] is `hash`.
pub fn hash_fingerprint(hash: &[u8; 32]) -> String {
    hex::encode(&hash[..8])
}

/// One recorded plan version (`plan history`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct PlanVersion {
    /// N: the id of the entry that recorded it.
    pub n: i64,
    /// `N:HEX`, HEX the first 16 hex digits of that entry's hash.
    pub fingerprint: String,
    /// The SHA-256 of the text, hex.
    pub content_hash: String,
    pub recorded_at: String,
    pub by: String,
}

/// A recorded plan version whose text no longer matches its record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextProblem {
    /// The version's text is not in `plan_text`.
    Missing { entry: i64 },
    /// The stored text's hash differs from the one the record holds.
    Edited { entry: i64 },
}

impl Ledger {
    /// Remembers the plan text this process works under: the first write
    /// under a text the ledger has not recorded appends it (SPEC §2.1).
    pub fn set_plan_text(&mut self, text: &str) {
        self.plan_text = Some(text.to_string());
    }

    /// The record of `text`, if the ledger has one: its entry id and hash
    /// (one seek by the content hash).
    pub fn plan_version_of(&self, text: &str) -> Result<Option<Head>> {
        self.plan_version_by_hash(&content_hash(text))
    }

    /// [`Ledger::plan_version_of`] the text whose [`content_hash`] is
    /// `hash` (a caller that also needs its fingerprint hashes it once).
    pub fn plan_version_by_hash(&self, hash: &[u8; 32]) -> Result<Option<Head>> {
        if !self.has_plan_texts()? {
            return Ok(None);
        }
        Ok(self
            .conn
            .query_row(
                "SELECT e.id, e.hash FROM plan_text p JOIN entry e ON e.id = p.entry WHERE p.hash = ?1",
                [hash.as_slice()],
                |r| Ok(Head { id: r.get(0)?, hash: r.get_ref(1)?.as_bytes()?.to_vec() }),
            )
            .optional()?)
    }

    /// Every recorded version, oldest first.
    pub fn plan_versions(&self) -> Result<Vec<PlanVersion>> {
        if !self.has_plan_texts()? {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.hash, hex(p.hash), e.recorded_at, e.by FROM plan_text p
             JOIN entry_content e ON e.id = p.entry ORDER BY e.id",
        )?;
        let rows = stmt.query_map([], |r| {
            let id: i64 = r.get(0)?;
            let head = Head { id, hash: r.get_ref(1)?.as_bytes()?.to_vec() };
            Ok(PlanVersion {
                n: id,
                fingerprint: head.fingerprint(),
                content_hash: r.get::<_, String>(2)?.to_ascii_lowercase(),
                recorded_at: r.get(3)?,
                by: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The text of version `n` (the entry id that recorded it).
    pub fn plan_version_text(&self, n: i64) -> Result<Option<String>> {
        if !self.has_plan_texts()? {
            return Ok(None);
        }
        Ok(self
            .conn
            .query_row("SELECT text FROM plan_text WHERE entry = ?1", [n], |r| r.get(0))
            .optional()?)
    }

    /// Checks each plan-version record (`(entry id, content hash hex)`, as
    /// read from the chain) against the stored text: the text is there and
    /// hashes to what the record says (SPEC §2.1: `verify` checks
    /// plan-version records as it checks entries).
    pub fn check_plan_texts(&self, records: &[(i64, String)]) -> Result<Vec<TextProblem>> {
        let mut out = Vec::new();
        if records.is_empty() {
            return Ok(out);
        }
        if !self.has_plan_texts()? {
            out.extend(records.iter().map(|(entry, _)| TextProblem::Missing { entry: *entry }));
            return Ok(out);
        }
        let mut stmt = self.conn.prepare_cached("SELECT hash, text FROM plan_text WHERE entry = ?1")?;
        for (entry, recorded) in records {
            let row: Option<(Vec<u8>, String)> =
                stmt.query_row([entry], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
            match row {
                None => out.push(TextProblem::Missing { entry: *entry }),
                Some((key, text)) => {
                    let actual = hex::encode(content_hash(&text));
                    if actual != *recorded || hex::encode(key) != *recorded {
                        out.push(TextProblem::Edited { entry: *entry });
                    }
                }
            }
        }
        Ok(out)
    }

    /// Every indicator or task id the ledger holds entries of, with their
    /// number, for those `keep` selects: the ids are read from table `item`
    /// (one row per id, schema 7), and only the kept ones counted (in the
    /// indexes, not a scan).
    pub fn held_ids(&self, keep: impl Fn(&str) -> bool) -> Result<Vec<(String, i64)>> {
        // Every id the ledger ever held has an `item` code (schema 7).
        let items: Vec<(i64, String)> = {
            let mut stmt = self.conn.prepare_cached("SELECT code, id FROM item")?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?
        };
        let mut out = Vec::new();
        for (code, id) in items.into_iter().filter(|(_, id)| keep(id)) {
            let mut n = 0;
            for column in ["indicator", "task"] {
                let count = format!("SELECT count(*) FROM entry WHERE {column} = ?1");
                n += self.conn.prepare_cached(&count)?.query_row([code], |r| r.get::<_, i64>(0))?;
            }
            if n > 0 {
                out.push((id, n));
            }
        }
        out.sort();
        Ok(out)
    }

    /// Whether the triggers that keep `plan_text` append-only are in place
    /// (true for a ledger without the table: nothing to protect yet).
    pub fn plan_texts_protected(&self) -> Result<bool> {
        if !self.has_plan_texts()? {
            return Ok(true);
        }
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'
             AND name IN ('plan_text_no_update', 'plan_text_no_delete')",
            [],
            |r| r.get(0),
        )?;
        Ok(n == 2)
    }

    /// Whether the schema has `plan_text` (a ledger read before its
    /// migration, on read-only media, has none).
    fn has_plan_texts(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'plan_text'",
            [],
            |r| r.get::<_, i64>(0),
        )? > 0)
    }
}

impl Writer<'_> {
    /// Appends a plan-version record of `text` and stores the text, unless
    /// the ledger has recorded this text already (SPEC §2.1). Called by
    /// [`Ledger::writer`] before the write's own entries.
    pub(super) fn record_plan_version(&mut self, text: &str) -> Result<()> {
        let hash = content_hash(text);
        let seen: Option<i64> = self
            .tx
            .query_row("SELECT entry FROM plan_text WHERE hash = ?1", [hash.as_slice()], |r| r.get(0))
            .optional()?;
        if seen.is_some() {
            return Ok(());
        }
        let today = crate::input::today().unwrap_or_else(|_| super::clock::now().date_naive());
        let id = self.push(&NewEntry {
            kind: Kind::PlanVersion,
            indicator: None,
            task: None,
            period: None,
            year: 0,
            value_text: Some(hex::encode(hash)),
            value: None,
            reported_on: today,
            by: crate::input::who(None),
            source: None,
            note: None,
            target_entry: None,
        })?;
        self.tx.execute(
            "INSERT INTO plan_text (hash, entry, text) VALUES (?1, ?2, ?3)",
            params![hash.as_slice(), id, text],
        )?;
        Ok(())
    }
}
